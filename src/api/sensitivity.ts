/**
 * `sensitivity`: the robustness of a composite index's ranks, as `nqpf sensitivity --json` prints it
 * (uncertainty and Sobol sensitivity analysis of the measurement choices, leave-one-out, coherence;
 * docs/robustness.md). The engine is src/robustness; the Node CLI splits the runs over worker
 * threads (src/io/sensitivity-pool.ts) with the same result.
 */
export {
  sensitivity,
  systemsOf,
  type SensitivityOptions,
  type SensitivityResult,
  type SystemSensitivity,
  type FactorSensitivity,
  type FactorInfo,
} from '../robustness/sensitivity.js';
export type { VarySpec, VaryFlag, FactorName } from '../robustness/factors.js';
export type { RankUncertainty } from '../robustness/uncertainty.js';
export type { Removal } from '../robustness/removal.js';
export type { Coherence } from '../robustness/coherence.js';
