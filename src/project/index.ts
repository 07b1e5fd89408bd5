export * from './gm11.js';
