export * from './catalog.js';
export * from './csv-text.js';
