/**
 * What `nqpf measure` outputs, as plain data: the `--json` object, the scores and weights tables
 * (scores.csv, weights.csv) and the sheets of scores.xlsx. Browser-safe, so the workbench's
 * downloads are the CLI's files.
 */
import type { Note } from '../core/notes.js';
import type { Panel } from '../data/panel.js';
import { systemIndicators } from '../framework/tree.js';
import type { Framework } from '../framework/types.js';
import type { MeasureResult } from '../measure/types.js';

/** The `--json` object of `nqpf measure` (the schema of issue 2). */
export function measureJson(result: MeasureResult, notes: readonly Note[]) {
  return {
    weights: result.weights.map((w) => ({ id: w.id, dimension: w.dimension, system: w.system, weight: w.weight })),
    scores: result.scores.map((s) => ({
      entity: s.entity,
      period: s.period,
      index: s.index,
      system: s.system,
      dimensions: s.dimensions,
      rank: s.rank,
    })),
    notes,
  };
}

/** scores.csv rows: one per entity-period-system, with every dimension score as a column. */
export function scoreTable(result: MeasureResult, panel: Panel): unknown[][] {
  const dims = [...new Set(result.scores.flatMap((s) => Object.keys(s.dimensions)))];
  const rows: unknown[][] = [[panel.entityColumn, panel.periodColumn, 'system', 'index', 'rank', ...dims]];
  for (const s of result.scores) rows.push([s.entity, s.period, s.system, s.index, s.rank, ...dims.map((d) => s.dimensions[d] ?? '')]);
  return rows;
}

/** weights.csv rows: indicators with their dimension path, column, direction, weight and raw weight. */
export function weightTable(result: MeasureResult, framework: Framework): unknown[][] {
  const info = new Map(framework.systems.flatMap((s) => systemIndicators(s).map((p) => [`${s.id}\u0000${p.indicator.id}`, p.indicator] as const)));
  const rows: unknown[][] = [['system', 'dimension', 'path', 'id', 'column', 'direction', 'unit', 'weight', 'raw']];
  for (const w of result.weights) {
    const i = info.get(`${w.system}\u0000${w.id}`);
    rows.push([w.system, w.dimension, w.path.join('/'), w.id, i?.column ?? '', i?.direction ?? '', i?.unit ?? '', w.weight, w.raw]);
  }
  return rows;
}

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
