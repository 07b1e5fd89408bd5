/**
 * nqpf in a browser or a bundler (`import … from 'nqpf/browser'`): the whole engine without Node I/O.
 * Give panels from text or data (`readCsvTable` + `tableToPanel`, or `makePanel`) and frameworks from
 * text (`parseFramework`) or the built-ins (`getBuiltinFramework('seed')`). The Node entry (`nqpf`)
 * re-exports all of this and adds reading files (`readPanel`, `loadFramework`) and writing them.
 *
 * Stage functions (`measure`, `couple`, `moran`, `regress`, …) return exactly the object their
 * command prints with `--json`; `toPlain(result)` gives the JSON form (typed arrays as arrays, NaN as null).
 */

// ── Stages: one function per command, returning its --json object (src/api) ──────────────────────
export * from './api/index.js';
// The reference pipeline of `nqpf demo` (every stage on one example; the mechanism on china-sim).
export * from './pipeline/index.js';

// ── Core: errors, notes, labels, JSON form, numerics, seeded random numbers ──────────────────────
export { InputError, isInputError } from './core/errors.js';
export { NoteLog, type Note } from './core/notes.js';
export { labelText, type Label, type Lang } from './core/label.js';
export { jsonReplacer, toJsonText, toPlain } from './core/json.js';
export { fsum, mean, variance, sd, quantile, quantileSorted } from './core/numeric.js';
export * from './core/rng.js';
export {
  inThreadExecutor,
  replicateRng,
  runReplicates,
  setReplicateExecutor,
  type ReplicateExecutor,
  type ReplicateTask,
} from './core/replicates.js';

// ── Data: the Panel, parsing tables, cleaning, coverage, imputation ──────────────────────────────
export * from './data/index.js';

// ── Frameworks: schema, parsing (YAML/JSON text), built-ins seed and pwt ─────────────────────────
export type { Framework, System, Dimension, Indicator, Direction } from './framework/types.js';
export { loadFramework as parseFramework, frameworkNotes } from './framework/load.js';
export { validateAgainstPanel } from './framework/validate-panel.js';
export {
  frameworkColumns,
  systemIndicators,
  systemDimensions,
  type PlacedIndicator,
  type PlacedDimension,
} from './framework/tree.js';
export { builtinFrameworkIds, getBuiltinFramework, isBuiltinFramework } from './framework/builtin.js';
export { expandFlatFramework, flatFrameworkSpec, normaliseDirection } from './framework/flat.js';

// ── Built-in dataset catalog (the data files themselves are read by the Node entry) ──────────────
export { BUILTIN_DATASETS, findBuiltinDataset, builtinDatasetNames, type BuiltinDataset } from './datasets/catalog.js';
export { formatNumber as formatCsvNumber } from './datasets/csv-text.js';
export type { ChinaSimTruth } from './datasets/china-sim-truth.js';

// ── Measure: normalisation, weights, aggregation, TOPSIS, obstacle degree ────────────────────────
// (`measure` above is the stage function; the engine's `measure(panel, framework, options)` on an
// already-imputed panel is `measureIndex`.)
export { measure as measureIndex } from './measure/measure.js';
export {
  type MeasureResult,
  type IndicatorWeight,
  type DimensionWeight,
  type ScoreRow,
  resolveMeasureOptions,
  weightParts,
  DEFAULT_MEASURE_OPTIONS,
  NORMALIZE_METHODS,
  WEIGHT_METHODS,
  AGGREGATE_METHODS,
  type MeasureOptions,
  type NormalizeMethod,
  type WeightMethod,
  type AggregateMethod,
  normalizeIndicator,
  type NormalizeSpec,
  entropy,
  entropyWeights,
  criticWeights,
  pearson,
  cvWeights,
  fixedWeights,
  computeWeights,
  type WeightInput,
  type SystemWeights,
  aggregateArithmetic,
  aggregateGeometric,
  topsisCloseness,
  rankDescending,
  measurePanel,
  type MeasuredPanel,
  scoresPanel,
  scoreColumns,
  joinScores,
  type ScoresLike,
} from './measure/index.js';
export {
  obstacleDegree,
  type ObstacleOptions,
  type ObstacleResult,
  type ObstacleRow,
  type ObstacleSummary,
} from './measure/obstacle.js';

// ── Couple, disparity, dynamics (densities, Markov chains, convergence) ─────────────────────────
export * from './couple/index.js';
export * from './disparity/index.js';
export * from './dynamics/index.js';

// ── Spatial: weights, Moran's I, Geary's C, LISA, standard deviational ellipse ──────────────────
export * from './spatial/index.js';

// ── Spatial econometrics: SAR/SEM/SDM/SLX/SDEM panel models, effects, specification tests, scenarios ─
export * from './spatial-econometrics/index.js';

// ── Robustness: sensitivity (Saltelli design, Sobol indices), rank uncertainty, leave-one-out, coherence ─
// (the design's `levelOf` is `designLevelOf`; `levelOf` is the coupling level band)
export * from './robustness/index.js';
export { levelOf } from './couple/levels.js';
export { levelOf as designLevelOf } from './robustness/design.js';

// ── Explain: formulas, feols, vcov, IV, mediation, moderation, threshold, tables ────────────────
export { parseFormula, formulaOf, type Formula, type Term } from './explain/formula.js';
export { feols, type FeolsFit, type FeolsOptions } from './explain/feols.js';
export { vcov, parseVcov, coefTable, type VcovSpec, type VcovResult, type CoefRow } from './explain/vcov.js';
export { VCOV_METHODS, vcovMethod, vcovSyntax, type VcovMethod } from './explain/vcov-registry.js';
export { estimateRow, type Estimate } from './explain/estimate.js';
export { firstStageWald, type FirstStageWald } from './explain/iv.js';
export { formatRegression } from './report/regression-text.js';
export {
  regressFit,
  regressionResult,
  defaultVcov,
  type RegressFit,
  type RegressionResult,
} from './explain/regression-result.js';
export {
  mediation,
  type MediationOptions,
  type MediationResult,
  type IndirectEffect,
  type PathEstimate,
  type WenYeVerdict,
  type BaronKennyVerdict,
  type MediationCaution,
} from './explain/mechanisms/mediation.js';
export { wenYeText, baronKennyText, cautionText } from './report/mediation-text.js';
export {
  moderation,
  johnsonNeyman,
  type ModerationOptions,
  type ModerationResult,
} from './explain/mechanisms/moderation.js';
export {
  panelThreshold,
  thresholdCandidates,
  type ThresholdOptions,
  type ThresholdResult,
  type ThresholdGridType,
} from './explain/mechanisms/threshold.js';
export {
  winsorize,
  dropMunicipalities,
  splitByGroup,
  withLags,
  robustnessVariants,
  heterogeneity,
} from './explain/transforms/index.js';
export { summaryStats, type SummaryRow } from './explain/summary-stats.js';
export {
  correlationMatrix,
  correlationPValue,
  midRanks,
  varianceInflation,
  type CorrelationMatrix,
  type CorrelationMethod,
  type VifResult,
} from './explain/correlation.js';
export { modelFromFit, type TableModel } from './explain/table-model.js';
export {
  regressionTable,
  tableGrid,
  tableMarkdown,
  tableLatex,
  tableCsv,
  type RegressionTable,
} from './report/regression-table.js';
export { vcovMethodsText } from './report/vcov-methods.js';

// ── Project: GM(1,1) grey forecasts ──────────────────────────────────────────────────────────────
export * from './project/index.js';

// ── Diagnose: the seed paper's three problems ───────────────────────────────────────────────────
export * from './diagnose/index.js';

// ── Linear algebra (column-major matrices, Cholesky, QR); `column` of a matrix is `matrixColumn` ─
export { column as matrixColumn } from './linalg/matrix.js';
export type { Matrix } from './linalg/matrix.js';
export { cholesky, choleskySolve, qr, qrCoef, crossprod, xty } from './linalg/index.js';

// ── Report: charts (ECharts → SVG), sections, the self-contained HTML document, en/zh ───────────
export * from './report/index.js';
