export * from './read-panel.js';
export * from './encoding.js';
export * from './atomic.js';
export * from './write.js';
export * from './xlsx.js';
