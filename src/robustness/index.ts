export { saltelliDesign, levelOf, designBlocks, type SaltelliDesign } from './design.js';
export { sobolIndices, sobolIndicesMany, type SobolIndex, type SobolOptions } from './sobol.js';
export {
  VARY_FLAGS,
  checkVary,
  withLevel,
  type VaryFlag,
  type FactorName,
  type VarySpec,
  type MeasureSetting,
} from './factors.js';
export {
  MeasureModel,
  runIndex,
  runIndexInto,
  runRanks,
  ranksInto,
  withoutIndicators,
  dimensionMembers,
  type SystemModel,
} from './model.js';
export { rankUncertainty, meanAbsRankShift, type RankUncertainty } from './uncertainty.js';
export { leaveOneOut, alignRanks, entityPositions, type Removal } from './removal.js';
export {
  coherence,
  spearman,
  averageRanks,
  cronbachAlpha,
  symmetricEigenvalues,
  type Coherence,
  type CoherenceInput,
} from './coherence.js';
export {
  sensitivity,
  planSensitivity,
  evaluateRuns,
  evaluateRunList,
  choiceCode,
  summarizeSensitivity,
  auditSensitivity,
  sensitivityOutput,
  systemsOf,
  type SensitivityAudit,
  type SensitivityOptions,
  type SensitivityPlan,
  type SensitivityResult,
  type SystemSensitivity,
  type FactorSensitivity,
  type FactorInfo,
} from './sensitivity.js';
