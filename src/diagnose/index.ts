export * from './dormancy.js';
export * from './disorder.js';
export * from './isolation.js';
