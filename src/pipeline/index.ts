export * from './demo.js';
export * from './robustness.js';
export * from './spillover.js';
