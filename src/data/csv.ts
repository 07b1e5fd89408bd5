/** CSV reading and writing (RFC 4180); one file per concept, re-exported here. Pure; runs in a browser. */
export { detectDelimiter, detectDelimiterLines, parseCsv, stripBom } from './csv-parse.js';
export { NotUtf8Error } from './csv-scan.js';
export { readCsvTable, readCsvTableBlocks, type CsvBlockOptions, type CsvReadOptions, type ReadBytes } from './csv-table.js';
export { csvField, formatCsv, type CsvData } from './csv-write.js';
