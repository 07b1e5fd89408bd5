/**
 * Worker thread of the replicate pool (src/io/replicate-pool.ts): loads its task from the registry,
 * prepares it on the copied input, and claims chunks of replicates from the shared counter until
 * none is left, writing each chunk's rows into the shared output at their replicate's place.
 */
import { workerData } from 'node:worker_threads';
import { runReplicateRange } from '../core/replicates.js';
import { CLAIMED, DONE, FAILED, FINISHED, NEXT } from './replicate-pool.js';
import { REPLICATE_TASKS } from './replicate-tasks.js';

const { name, input, outBuf, ctrlBuf, stateBuf, reps, width, size, nChunks } = workerData as {
  name: string;
  input: unknown;
  outBuf: SharedArrayBuffer;
  ctrlBuf: SharedArrayBuffer;
  stateBuf: SharedArrayBuffer;
  reps: number;
  width: number;
  size: number;
  nChunks: number;
};
const ctrl = new Int32Array(ctrlBuf);
const state = new Int32Array(stateBuf);
const out = new Float64Array(outBuf);
const task = await REPLICATE_TASKS[name]!();
const run = task.prepare(input);
for (;;) {
  const k = Atomics.add(ctrl, NEXT, 1);
  if (k >= nChunks) break;
  Atomics.store(state, k, CLAIMED);
  const from = k * size;
  const to = Math.min(reps, from + size);
  try {
    runReplicateRange(run, width, from, to, out, from * width);
    Atomics.store(state, k, FINISHED);
  } catch {
    // The calling thread recomputes the chunk and reports the error as one thread would.
    Atomics.store(state, k, FAILED);
    Atomics.add(ctrl, DONE, 1);
    Atomics.notify(ctrl, DONE);
    break;
  }
  Atomics.add(ctrl, DONE, 1);
  Atomics.notify(ctrl, DONE);
}
