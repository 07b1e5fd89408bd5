/**
 * @deprecated The column model moved to `./table-model.ts` and the table writers (regressionTable,
 * tableMarkdown, tableLatex, tableCsv, tableGrid, starsFor) to `src/report/regression-table.ts`; this
 * re-export keeps old import paths working until every branch imports the new ones.
 */
export * from './table-model.js';
export * from '../report/regression-table.js';
