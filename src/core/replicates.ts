/**
 * The replicate engine: bootstraps, placebo draws and other "same computation on R resampled
 * inputs" loops, written once so that they can run on several threads with results IDENTICAL to one
 * thread. Pure; runs in a browser (in-thread); Node runs the replicates on worker threads through
 * `src/io/replicate-pool.ts`, which installs itself as the executor in the CLI.
 *
 * A {@link ReplicateTask} is a named, registered computation: `prepare(input)` builds the per-thread
 * state once (from plain data: typed arrays, numbers, strings — the input is copied to each worker),
 * and the returned function computes replicate `r` into `out` (`width` numbers). Rules that make the
 * result independent of the number of threads:
 * - replicate r depends only on the input and r: draw its randomness from draws made up front in the
 *   input (what the mediation and threshold bootstraps do, from one seeded stream, so that their
 *   results are those of the single-threaded code), or from its own stream {@link replicateRng}
 *   (seed, r) — never from a generator shared across replicates;
 * - no state carried from one replicate to the next that changes results (caches of exact,
 *   replicate-independent values are fine);
 * - any reduction (intervals, p-values) happens after {@link runReplicates} returns, on the matrix
 *   of replicates in replicate order.
 *
 * Registering a task for worker threads: export it from its module and add one line to
 * `src/io/replicate-tasks.ts` (name → module loader). Without that line it still runs, in-thread.
 */
import { Rng } from './rng.js';

/** One replicate computation (see the module comment). */
export interface ReplicateTask<I> {
  /** Registered name (src/io/replicate-tasks.ts), how a worker finds the task. */
  readonly name: string;
  /** Numbers per replicate. */
  width(input: I): number;
  /** Per-thread state from the input; returns the function that computes replicate r into out[0, width). */
  prepare(input: I): (r: number, out: Float64Array) => void;
}

/** Runs the replicates of a task: in this thread by default; a pool of worker threads in Node. */
export interface ReplicateExecutor {
  /** The replicates [0, reps) of `task`, row r at [r·width, (r+1)·width). */
  run<I>(task: ReplicateTask<I>, input: I, reps: number): Float64Array;
}

/** Replicates [from, to) computed by `run` in this thread into `out`, row r at offset + (r − from)·width. */
export function runReplicateRange(
  run: (r: number, out: Float64Array) => void,
  width: number,
  from: number,
  to: number,
  out: Float64Array,
  offset = 0,
): void {
  const row = new Float64Array(width);
  for (let r = from; r < to; r++) {
    row.fill(NaN);
    run(r, row);
    out.set(row, offset + (r - from) * width);
  }
}

/** The executor that runs everything in the calling thread. */
export const inThreadExecutor: ReplicateExecutor = {
  run(task, input, reps) {
    const width = task.width(input);
    const out = new Float64Array(reps * width);
    runReplicateRange(task.prepare(input), width, 0, reps, out);
    return out;
  },
};

let executor: ReplicateExecutor = inThreadExecutor;

/** Install an executor (the Node CLI installs its worker pool); none restores the in-thread one. Returns the previous. */
export function setReplicateExecutor(e?: ReplicateExecutor): ReplicateExecutor {
  const prev = executor;
  executor = e ?? inThreadExecutor;
  return prev;
}

/** The replicates [0, reps) of `task` on `input` with the installed executor (row r at r·width). */
export function runReplicates<I>(task: ReplicateTask<I>, input: I, reps: number): Float64Array {
  if (reps <= 0) return new Float64Array(0);
  return executor.run(task, input, reps);
}

/**
 * The generator of replicate r's own random stream: seeded from (seed, r) by two rounds of a 32-bit
 * integer hash (the MurmurHash3 finaliser), so that every replicate draws the same numbers whichever
 * thread computes it. For new tasks (placebo draws); the mediation and threshold bootstraps keep
 * their one sequential stream, drawn up front.
 */
export function replicateRng(seed: number, r: number): Rng {
  let h = (seed >>> 0) ^ Math.imul(r + 1, 0x9e3779b1);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  h ^= h >>> 16;
  return new Rng(h >>> 0);
}
