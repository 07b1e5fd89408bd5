/** XLSX writing (write-excel-file 4). Node only; reading is in src/data/xlsx-read.ts (browser-safe). */
import writeXlsxFile from 'write-excel-file/node';
import { writeFileAtomic } from './atomic.js';
import { xlsxSheetData } from '../run/measure-tables.js';

/** One sheet to write: a name and rows (the first row is the header). */
export interface XlsxSheet {
  readonly name: string;
  readonly rows: readonly (readonly unknown[])[];
}

/**
 * Write sheets to an XLSX workbook (atomically: a temporary file, then a rename). NaN, null and
 * undefined become empty cells; numbers stay numbers; other values are written as text.
 */
export async function writeXlsx(path: string, sheets: readonly XlsxSheet[]): Promise<void> {
  const buffer = await writeXlsxFile(xlsxSheetData(sheets) as Parameters<typeof writeXlsxFile>[0]).toBuffer();
  await writeFileAtomic(path, buffer);
}
