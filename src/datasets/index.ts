export * from './catalog.js';
export * from './csv-text.js';
export type * from './china-sim-truth.js';
