/**
 * @deprecated Moved to `./mechanisms/bootstrap-ci.ts`; this re-export keeps old import paths working until every
 * branch imports the new one.
 */
export * from './mechanisms/bootstrap-ci.js';
