// The stage functions: one per command, each returning the object its command prints with --json.
export * from './common.js';
export * from './measure.js';
export * from './couple.js';
export * from './disparity.js';
export * from './density.js';
export * from './markov.js';
export * from './convergence.js';
export * from './spatial-weights.js';
export * from './moran.js';
export * from './ellipse.js';
export * from './forecast.js';
export * from './samples.js';
export * from './regress.js';
export * from './mediate.js';
export * from './threshold.js';
export * from './frameworks.js';
export * from './spatial-regress.js';
