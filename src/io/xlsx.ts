/** XLSX reading (read-excel-file 9) and writing (write-excel-file 4). Node only. */
import { readSheet } from 'read-excel-file/node';
import writeXlsxFile from 'write-excel-file/node';
import { InputError } from '../core/errors.js';
import { rawTableFromRows, type RawTable } from '../data/raw-table.js';
import { writeFileAtomic } from './atomic.js';
import { xlsxSheetData } from '../run/measure-tables.js';

/**
 * Read one sheet of an XLSX workbook (the first, or `sheet` by name) into a {@link RawTable}; the
 * first non-empty row is the header. Row numbers in errors are the sheet's row numbers.
 *
 * @throws InputError for an unknown sheet (listing the sheets) or a file that is not XLSX.
 */
export async function readXlsxTable(path: string, sheet?: string): Promise<RawTable> {
  let data: unknown[][];
  try {
    data = (await (sheet === undefined ? readSheet(path) : readSheet(path, sheet))) as unknown[][];
  } catch (e) {
    const err = e as { name?: string; sheets?: string[]; message?: string };
    if (err?.name === 'SheetNotFoundError') {
      throw new InputError(`no sheet called "${sheet}" in the workbook`, {
        file: path,
        hint: `use --sheet with one of: ${(err.sheets ?? []).join(', ')}`,
      });
    }
    throw new InputError(`cannot read the file as an XLSX workbook: ${err?.message ?? String(e)}`, {
      file: path,
      hint: 'save it from Excel as .xlsx (old .xls files are not read), or export it as CSV',
    });
  }
  let h = 0;
  while (h < data.length && data[h].every((v) => v === null || v === undefined || v === '')) h++;
  if (h >= data.length) return rawTableFromRows([], [], path);
  const header = data[h].map((v) => (v === null || v === undefined ? '' : String(v)));
  while (header.length && header[header.length - 1] === '' && data.slice(h + 1).every((r) => r[header.length - 1] == null)) header.pop();
  const rows: unknown[][] = [];
  const rowNumber: number[] = [];
  for (let i = h + 1; i < data.length; i++) {
    if (data[i].every((v) => v === null || v === undefined || (typeof v === 'string' && v.trim() === ''))) continue;
    rows.push(data[i]);
    rowNumber.push(i + 1);
  }
  const table = rawTableFromRows(header, rows, path);
  return { ...table, rowNumber: Int32Array.from(rowNumber) };
}

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
