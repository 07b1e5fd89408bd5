/**
 * @deprecated Moved to `./mechanisms/threshold.ts`; this re-export keeps old import paths working until every
 * branch imports the new one.
 */
export * from './mechanisms/threshold.js';
