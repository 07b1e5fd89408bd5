/**
 * The sheets of `nqpf measure --out`'s scores.xlsx, in the shape both XLSX writers take (Node and
 * browser builds of write-excel-file). Browser-safe, so the workbench's download is the CLI's file.
 */
import type { Note } from '../core/notes.js';
import type { Panel } from '../data/panel.js';
import type { Framework } from '../framework/types.js';
import type { MeasureResult } from '../measure/types.js';
import { scoreTable, weightTable } from '../api/measure.js';

/** The sheets of `nqpf measure --out`'s scores.xlsx: scores, weights, dimension weights, notes. */
export function measureSheets(result: MeasureResult, panel: Panel, framework: Framework, notes: readonly Note[]): { name: string; rows: unknown[][] }[] {
  return [
    { name: 'scores', rows: scoreTable(result, panel) },
    { name: 'weights', rows: weightTable(result, framework) },
    { name: 'dimension weights', rows: [['system', 'dimension', 'parent', 'weight'], ...result.dimensionWeights.map((d) => [d.system, d.id, d.parent ?? '', d.weight])] },
    { name: 'notes', rows: [['level', 'code', 'message'], ...notes.map((n) => [n.level, n.code, n.message])] },
  ];
}

/**
 * Sheets in write-excel-file's shape (the same in Node and in the browser): NaN, null and undefined
 * become empty cells; numbers and booleans stay; anything else is written as text.
 */
export function xlsxSheetData(sheets: readonly { readonly name: string; readonly rows: readonly (readonly unknown[])[] }[]) {
  const cell = (v: unknown) => {
    if (v === null || v === undefined || (typeof v === 'number' && !Number.isFinite(v))) return null;
    if (typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return { value: v };
    return { value: String(v), type: String };
  };
  return sheets.map((s) => ({ sheet: s.name, data: s.rows.map((r) => r.map(cell)) }));
}
