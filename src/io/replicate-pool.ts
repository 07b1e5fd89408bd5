/**
 * Worker threads for the replicate engine (src/core/replicates.ts): the Node executor behind
 * `runReplicates`. The replicates are cut into chunks that the calling thread and the workers claim
 * one at a time from a shared counter (a loaded machine or a slow worker start costs no balance);
 * each chunk's rows are written into one shared output buffer at their replicate's place, so the
 * result is the same matrix whichever thread computed which chunk — identical to one thread.
 *
 * The call stays synchronous (the engine's mediation and threshold functions are): the calling
 * thread computes chunks itself and then waits on the shared counter (Atomics.wait, allowed on
 * Node's main thread) for the chunks that workers hold. A chunk a worker failed on (or left
 * unfinished for a minute) is recomputed by the calling thread, so an error surfaces as it would
 * with one thread (an InputError stays an InputError).
 *
 * Threads: `threads` option, else the environment variable NQPF_THREADS, else the cores available
 * (at most 8); 0 or 1 = in-thread. Small jobs (fewer than `minReps` replicates) run in-thread: a
 * worker costs ~0.1 s to start.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import {
  inThreadExecutor,
  runReplicateRange,
  setReplicateExecutor,
  type ReplicateExecutor,
  type ReplicateTask,
} from '../core/replicates.js';
import { REPLICATE_TASKS } from './replicate-tasks.js';

/** Options of {@link replicatePool}. */
export interface ReplicatePoolOptions {
  /** Threads in all, the calling one included (default: NQPF_THREADS, else the cores, at most 8). */
  readonly threads?: number;
  /** Fewer replicates than this run in-thread (default 64). */
  readonly minReps?: number;
  /**
   * The calling thread claims chunks too (default true). False leaves every chunk to the workers
   * unless one fails (tests use it to check that the workers' rows equal one thread's).
   */
  readonly callerComputes?: boolean;
}

/** Control words of the shared Int32Array. */
const NEXT = 0;
const DONE = 1;
/** Chunk states. */
const CLAIMED = 1;
const FINISHED = 2;
const FAILED = 3;

/** The thread count: the option, else NQPF_THREADS, else the cores available (at most 8). */
export function defaultThreads(threads?: number): number {
  if (threads !== undefined) return Math.max(1, Math.floor(threads));
  const env = process.env.NQPF_THREADS;
  if (env !== undefined && env.trim() !== '' && Number.isFinite(Number(env)))
    return Math.max(1, Math.floor(Number(env)));
  return Math.max(1, Math.min(8, availableParallelism()));
}

/** The worker-thread executor (see the module comment). */
export function replicatePool(options: ReplicatePoolOptions = {}): ReplicateExecutor {
  return {
    run<I>(task: ReplicateTask<I>, input: I, reps: number): Float64Array {
      const threads = Math.min(defaultThreads(options.threads), Math.ceil(reps / 16));
      if (threads <= 1 || reps < (options.minReps ?? 64) || !(task.name in REPLICATE_TASKS))
        return inThreadExecutor.run(task, input, reps);
      return runPooled(task, input, reps, threads, options.callerComputes ?? true);
    },
  };
}

/** Install the pool as the engine's executor (the CLI does this at start); returns the previous executor. */
export function installReplicatePool(options: ReplicatePoolOptions = {}): ReplicateExecutor {
  return setReplicateExecutor(replicatePool(options));
}

function runPooled<I>(
  task: ReplicateTask<I>,
  input: I,
  reps: number,
  threads: number,
  callerComputes: boolean,
): Float64Array {
  const width = task.width(input);
  const chunks = Math.min(reps, threads * 16);
  const size = Math.ceil(reps / chunks);
  const nChunks = Math.ceil(reps / size);
  const outBuf = new SharedArrayBuffer(reps * width * 8);
  const ctrl = new Int32Array(new SharedArrayBuffer(8));
  const state = new Int32Array(new SharedArrayBuffer(4 * nChunks));
  const workerData = {
    name: task.name,
    input,
    outBuf,
    ctrlBuf: ctrl.buffer,
    stateBuf: state.buffer,
    reps,
    width,
    size,
    nChunks,
  };
  const workers: Worker[] = [];
  for (let w = 1; w < threads; w++) {
    try {
      const worker = startWorker(workerData);
      worker.unref();
      // A worker that cannot start leaves its chunks to this thread (claimed chunks are recomputed below).
      worker.on('error', () => undefined);
      workers.push(worker);
    } catch {
      break;
    }
  }
  const out = new Float64Array(outBuf);
  const run = task.prepare(input);
  const range = (k: number) => {
    const from = k * size;
    const to = Math.min(reps, from + size);
    runReplicateRange(run, width, from, to, out, from * width);
  };
  try {
    while (callerComputes) {
      const k = Atomics.add(ctrl, NEXT, 1);
      if (k >= nChunks) break;
      Atomics.store(state, k, CLAIMED);
      range(k);
      Atomics.store(state, k, FINISHED);
    }
    // Wait for the chunks the workers hold; take over failed or stalled ones.
    let lastDone = Atomics.load(ctrl, DONE);
    let quietSince = Date.now();
    for (;;) {
      let open = 0;
      for (let k = 0; k < nChunks; k++) {
        const s = Atomics.load(state, k);
        if (s === FAILED) {
          range(k);
          Atomics.store(state, k, FINISHED);
        } else if (s !== FINISHED) open++;
      }
      if (open === 0) break;
      const done = Atomics.load(ctrl, DONE);
      if (done !== lastDone) {
        lastDone = done;
        quietSince = Date.now();
      } else if (Date.now() - quietSince > (callerComputes || workers.length === 0 ? 60_000 : 300_000)) {
        for (let k = 0; k < nChunks; k++) if (Atomics.load(state, k) !== FINISHED) range(k);
        break;
      }
      Atomics.wait(ctrl, DONE, done, 200);
    }
  } finally {
    for (const w of workers) void w.terminate();
  }
  return out.slice();
}

function startWorker(workerData: unknown): Worker {
  // From source (tsx, vitest) the worker is the .ts file and needs tsx's loader; from dist or the
  // bundle (dist/nqpf/), the .js beside this module.
  const ts = import.meta.url.endsWith('.ts');
  const url = new URL(`./replicate-worker.${ts ? 'ts' : 'js'}`, import.meta.url);
  return ts
    ? new Worker(`import('tsx/esm/api').then((t) => { t.register(); return import(${JSON.stringify(url.href)}); });`, {
        eval: true,
        workerData,
      })
    : new Worker(url, { workerData });
}

export { CLAIMED, DONE, FAILED, FINISHED, NEXT };
