export * from './weights.js';
export * from './constants.js';
export * from './pvalue.js';
export * from './moran.js';
export * from './geary.js';
export * from './local-moran.js';
export * from './ellipse.js';
export * from './cross-section.js';
