/**
 * Reading XLSX workbooks from bytes with read-excel-file 9's universal entry (ArrayBuffer or Blob; no
 * Node APIs), so the browser workbench and the CLI read sheets the same way.
 */
import readXlsxFile, { readSheet } from 'read-excel-file/universal';
import { InputError } from '../core/errors.js';

/** The bytes as the ArrayBuffer read-excel-file takes (a copy only when `bytes` is a view of part of one). */
function arrayBuffer(bytes: Uint8Array | ArrayBuffer): ArrayBuffer {
  if (bytes instanceof ArrayBuffer) return bytes;
  if (bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer) return bytes.buffer;
  return bytes.slice().buffer as ArrayBuffer;
}

function notXlsx(e: unknown, file?: string): InputError {
  return new InputError(`cannot read the file as an XLSX workbook: ${(e as Error)?.message ?? String(e)}`, {
    file,
    hint: 'save it from Excel as .xlsx (old .xls files are not read), or export it as CSV',
  });
}

/** The names of the sheets of an XLSX workbook, in workbook order. */
export async function listSheets(bytes: Uint8Array | ArrayBuffer, file?: string): Promise<string[]> {
  try {
    return (await readXlsxFile(arrayBuffer(bytes))).map((s) => s.sheet);
  } catch (e) {
    throw notXlsx(e, file);
  }
}

/** One sheet's cells (rows of values: string, number, boolean, Date or null) and the sheet's name. */
export interface XlsxRows {
  /** The sheet asked for (undefined: the first). */
  readonly sheet: string | undefined;
  readonly rows: unknown[][];
}

/**
 * The cells of one sheet (the first, or `sheet` by name or 1-based number). Empty rows are kept so
 * that row i is spreadsheet row i + 1.
 *
 * @throws InputError for an unknown sheet (listing the sheets) or bytes that are not XLSX.
 */
export async function readXlsxRows(bytes: Uint8Array | ArrayBuffer, sheet?: string, file?: string): Promise<XlsxRows> {
  const buf = arrayBuffer(bytes);
  try {
    if (sheet === undefined) return { sheet: undefined, rows: (await readSheet(buf)) as unknown[][] };
    const key: string | number = /^\d+$/.test(sheet) ? Number(sheet) : sheet;
    return { sheet, rows: (await readSheet(buf, key)) as unknown[][] };
  } catch (e) {
    const err = e as { name?: string; sheets?: string[] };
    if (err?.name === 'SheetNotFoundError') {
      const sheets = err.sheets ?? (await listSheets(buf, file).catch(() => []));
      throw new InputError(`no sheet called "${sheet}" in the workbook`, { file, hint: `use --sheet with one of: ${sheets.join(', ')}` });
    }
    throw notXlsx(e, file);
  }
}
