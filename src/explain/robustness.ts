/**
 * @deprecated Moved to `src/explain/transforms/` (winsorize, lags, municipalities, samples); this
 * re-export keeps old import paths working until every branch imports the new ones.
 */
export * from './transforms/index.js';
