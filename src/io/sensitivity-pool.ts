import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { InputError } from '../core/errors.js';
import type { Panel } from '../data/panel.js';
import type { Framework } from '../framework/types.js';
import {
  auditSensitivity,
  choiceCode,
  evaluateRuns,
  planSensitivity,
  sensitivityOutput,
  summarizeSensitivity,
  type SensitivityOptions,
  type SensitivityPlan,
  type SensitivityResult,
  type SystemSensitivity,
} from '../robustness/sensitivity.js';

/** Options of {@link runSensitivity}. */
export interface PoolOptions {
  /** Worker threads (default: the cores available, at most 8); 0 or 1 = evaluate in this thread. */
  readonly threads?: number;
}

/**
 * Below this many runs the default is one thread: each worker loads the engine and measures every
 * distinct choice again (≈ 0.5–2 s), while a run costs a few microseconds once the choices are cached
 * (10,003 runs of china-sim take ≈ 1.4 s in one thread; bench/sensitivity.bench.ts). `threads` forces
 * the pool at any size.
 */
const MIN_PARALLEL_RUNS = 50_000;

/**
 * {@link sensitivity} with the design's runs split over worker threads (Node only; the engine is the
 * same pure code), whole groups of runs with the same measured flags per worker. While the workers evaluate their slices, this thread computes the nominal
 * ranking, leave-one-out and coherence; then it gathers the ranks in run order and summarises, so
 * the result is identical to the single-threaded one for any number of threads.
 */
export async function runSensitivity(
  panel: Panel,
  framework: Framework,
  options: SensitivityOptions,
  pool: PoolOptions = {},
): Promise<SensitivityResult | SystemSensitivity> {
  const plan = planSensitivity(panel, framework, options);
  const runs = plan.design.runs;
  const threads = Math.max(
    1,
    Math.min(pool.threads ?? Math.min(8, availableParallelism()), Math.floor(runs / 500) || 1),
  );
  if (threads <= 1 || (pool.threads === undefined && runs < MIN_PARALLEL_RUNS)) {
    return sensitivityOutput(summarizeSensitivity(plan, evaluateRuns(plan, 0, runs)), options);
  }
  const lists = assignRuns(plan, threads);
  const jobs = lists.map((list) => evaluateInWorker(panel, framework, options, list));
  const audit = auditSensitivity(plan);
  const parts = await Promise.all(jobs);
  const ranks = plan.systems.map((_, s) => {
    const m = plan.entities[s].length;
    const out = new Float64Array(runs * m);
    parts.forEach((p, w) => lists[w].forEach((r, k) => out.set(p[s].subarray(k * m, (k + 1) * m), r * m)));
    return out;
  });
  return sensitivityOutput(summarizeSensitivity(plan, ranks, audit), options);
}

/**
 * The design rows of each worker: whole groups of runs with the same measured flags
 * ({@link choiceCode}), largest groups first to the least loaded worker, so that every distinct
 * choice is measured by one worker only.
 */
function assignRuns(plan: SensitivityPlan, threads: number): Int32Array[] {
  const groups = new Map<number, number[]>();
  for (let r = 0; r < plan.design.runs; r++) {
    const c = choiceCode(plan, r);
    (groups.get(c) ?? groups.set(c, []).get(c)!).push(r);
  }
  const lists: number[][] = Array.from({ length: threads }, () => []);
  for (const g of [...groups.values()].sort((a, b) => b.length - a.length)) {
    lists.reduce((min, l) => (l.length < min.length ? l : min), lists[0]).push(...g);
  }
  return lists.filter((l) => l.length).map((l) => Int32Array.from(l));
}

function evaluateInWorker(
  panel: Panel,
  framework: Framework,
  options: SensitivityOptions,
  runs: Int32Array,
): Promise<Float64Array[]> {
  // From source (tsx, vitest) the worker is the .ts file and needs tsx's loader; from dist, the .js.
  const ts = import.meta.url.endsWith('.ts');
  const url = new URL(`./sensitivity-worker.${ts ? 'ts' : 'js'}`, import.meta.url);
  const workerData = { panel, framework, options, runs };
  return new Promise((resolve, reject) => {
    const worker = ts
      ? // tsx's loader hooks are not inherited by workers on Node 20: register them first (development only).
        new Worker(
          `import('tsx/esm/api').then((t) => { t.register(); return import(${JSON.stringify(url.href)}); });`,
          { eval: true, workerData },
        )
      : new Worker(url, { workerData });
    worker.once(
      'message',
      (m: {
        ranks?: Float64Array[];
        error?: { input: boolean; message: string; hint?: string; column?: string; stack?: string };
      }) => {
        void worker.terminate();
        if (m.ranks) resolve(m.ranks);
        else if (m.error?.input)
          reject(new InputError(m.error.message, { hint: m.error.hint, column: m.error.column }));
        else
          reject(Object.assign(new Error(m.error?.message ?? 'sensitivity worker failed'), { stack: m.error?.stack }));
      },
    );
    worker.once('error', reject);
  });
}
