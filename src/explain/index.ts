/**
 * The explain stage: panel regressions and the mechanisms built on them. Re-exports only, grouped by
 * concern (see docs/explain.md); output (tables, text) lives in src/report.
 */
// Regression core.
export * from './formula.js';
export * from './model-frame.js';
export * from './singletons.js';
export * from './demean.js';
export * from './feols.js';
export * from './vcov.js';
export * from './iv.js';
export * from './regression-result.js';
export * from './table-model.js';
export * from './summary-stats.js';
// Mechanisms.
export * from './mechanisms/mediation.js';
export * from './mechanisms/moderation.js';
export * from './mechanisms/threshold.js';
export * from './mechanisms/bootstrap-ci.js';
// Data transforms.
export * from './transforms/index.js';
