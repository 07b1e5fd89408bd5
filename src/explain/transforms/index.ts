/** Data transforms of the explain stage: winsorising, lags, the municipalities, subsamples and robustness variants. */
export * from './winsorize.js';
export * from './lags.js';
export * from './municipalities.js';
export * from './samples.js';
