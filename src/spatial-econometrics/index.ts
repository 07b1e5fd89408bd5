export * from './sparse-w.js';
export * from './logdet.js';
export * from './fit.js';
export * from './effects.js';
export * from './spec-tests.js';
export * from './scenario.js';
export * from './data.js';
