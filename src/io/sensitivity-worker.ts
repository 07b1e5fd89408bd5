/**
 * Worker thread of {@link runSensitivity}: rebuilds the plan from the same inputs (it is
 * deterministic) and evaluates its list of the design's runs with the engine's pure
 * `evaluateRunList`, the code a browser Web Worker runs too.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { isInputError } from '../core/errors.js';
import { evaluateRunList, planSensitivity } from '../robustness/sensitivity.js';

const { panel, framework, options, runs } = workerData;
try {
  const ranks = evaluateRunList(planSensitivity(panel, framework, options), runs);
  parentPort!.postMessage(
    { ranks },
    ranks.map((r) => r.buffer as ArrayBuffer),
  );
} catch (e) {
  const err = e as Error & { hint?: string; column?: string };
  parentPort!.postMessage({
    error: { input: isInputError(e), message: err.message, hint: err.hint, column: err.column, stack: err.stack },
  });
}
