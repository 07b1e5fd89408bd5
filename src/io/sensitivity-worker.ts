/**
 * Worker thread of {@link runSensitivity}: rebuilds the plan from the same inputs (it is
 * deterministic) and evaluates one slice of the design's runs with the engine's pure
 * `evaluateRuns`, the code a browser Web Worker runs too.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { isInputError } from '../core/errors.js';
import { evaluateRuns, planSensitivity } from '../robustness/sensitivity.js';

const { panel, framework, options, from, to } = workerData;
try {
  const ranks = evaluateRuns(planSensitivity(panel, framework, options), from, to);
  parentPort!.postMessage({ ranks }, ranks.map((r) => r.buffer as ArrayBuffer));
} catch (e) {
  const err = e as Error & { hint?: string; column?: string };
  parentPort!.postMessage({ error: { input: isInputError(e), message: err.message, hint: err.hint, column: err.column, stack: err.stack } });
}
