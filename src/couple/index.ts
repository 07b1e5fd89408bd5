export * from './coupling-degree.js';
export * from './coupling-coordination.js';
export * from './levels.js';
export * from './relative-development.js';
