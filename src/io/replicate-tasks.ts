/**
 * The replicate tasks that worker threads can run (see src/core/replicates.ts): name → loader of
 * the task object. A worker imports only the module of its task. Add one line per new task (a
 * placebo engine, a new bootstrap); a task missing here runs in the calling thread.
 */
import type { ReplicateTask } from '../core/replicates.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const REPLICATE_TASKS: Readonly<Record<string, () => Promise<ReplicateTask<any>>>> = {
  'mediation-bootstrap': async () => (await import('../explain/mechanisms/mediation.js')).mediationBootstrapTask,
  'threshold-bootstrap': async () => (await import('../explain/mechanisms/threshold.js')).thresholdBootstrapTask,
};
