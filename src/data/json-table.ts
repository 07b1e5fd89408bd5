import { InputError } from '../core/errors.js';
import { rawTableFromRows, type RawTable } from './raw-table.js';

/**
 * A parsed JSON document as a {@link RawTable}: either an array of records
 * (`[{"province": "Beijing", "year": 2015, "gdp": 1.2}, …]`, columns in order of first appearance) or
 * an object of columns (`{"columns": {"province": [...], "year": [...]}}`). Row numbers count the
 * records from 2, as if a header row preceded them.
 */
export function jsonToRawTable(value: unknown, file?: string): RawTable {
  if (Array.isArray(value)) {
    const header: string[] = [];
    const seen = new Set<string>();
    value.forEach((rec, i) => {
      if (rec === null || typeof rec !== 'object' || Array.isArray(rec)) {
        throw new InputError(`record ${i + 1} is not an object`, {
          file,
          row: i + 2,
          hint: 'write the data as an array of objects such as {"province": "Beijing", "year": 2015, "gdp": 1.2}',
        });
      }
      for (const k of Object.keys(rec)) {
        if (seen.has(k)) continue;
        seen.add(k);
        header.push(k);
      }
    });
    return rawTableFromRows(header, value.map((rec: Record<string, unknown>) => header.map((k) => rec[k])), file);
  }
  const cols = (value as { columns?: unknown } | null)?.columns;
  if (cols && typeof cols === 'object' && !Array.isArray(cols)) {
    const header = Object.keys(cols);
    const arrays = header.map((k) => (cols as Record<string, unknown>)[k]);
    arrays.forEach((a, j) => {
      if (!Array.isArray(a)) {
        throw new InputError(`column "${header[j]}" is not an array`, { file, column: header[j], hint: 'each entry of "columns" must be an array of values' });
      }
    });
    const n = Math.max(0, ...arrays.map((a) => (a as unknown[]).length));
    const rows = Array.from({ length: n }, (_, i) => arrays.map((a) => (a as unknown[])[i]));
    return rawTableFromRows(header, rows, file);
  }
  throw new InputError('JSON data must be an array of records or an object {"columns": {...}}', {
    file,
    hint: 'e.g. [{"province": "Beijing", "year": 2015, "gdp": 1.2}]',
  });
}
