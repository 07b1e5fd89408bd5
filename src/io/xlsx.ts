/** XLSX writing (write-excel-file 4). Node only; reading is in src/data/xlsx-read.ts (browser-safe). */
import writeXlsxFile from 'write-excel-file/node';
import { writeFileAtomic } from './atomic.js';

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
  const cell = (v: unknown) => {
    if (v === null || v === undefined || (typeof v === 'number' && !Number.isFinite(v))) return null;
    if (typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return { value: v };
    return { value: String(v), type: String };
  };
  const buffer = await writeXlsxFile(
    sheets.map((s) => ({ sheet: s.name, data: s.rows.map((r) => r.map(cell)) })) as Parameters<typeof writeXlsxFile>[0],
  ).toBuffer();
  await writeFileAtomic(path, buffer);
}
