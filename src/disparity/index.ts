export * from './groups.js';
export * from './group-labels.js';
export * from './dagum-gini.js';
export * from './theil.js';
export * from './coefficient-of-variation.js';
export * from './disparity-by-period.js';
