/**
 * The wide-by-year layout of statistical yearbooks: one row per entity (or per entity and variable),
 * one column per year ("2015", "2015年", "X2015"). Pure; runs in a browser.
 */
import { InputError } from '../core/errors.js';
import type { Note, NoteLog } from '../core/notes.js';
import { MissingTally, isTextColumn, missingNote, numberCell, textInNumeric } from './clean.js';
import { entityIds, type ColumnRoles } from './column-roles.js';
import { entityInfo } from './entities.js';
import { makePanel, type DatasetMeta, type Panel } from './panel.js';
import { formatPeriod } from './period.js';
import { cellText, type RawTable } from './raw-table.js';

/** Options of {@link wideToLong}. */
export interface WideOptions {
  /** Without a variable column: the name of the one variable (default `meta.name`, else "value"). */
  valueName?: string;
  /** Entity order (see `entityOrder` of {@link makePanel}); default: the natural order of ids. */
  entityOrder?: ReadonlyMap<string, number>;
}

/**
 * A panel from a wide table: one row per entity (or per entity and variable), one column per year.
 * Other text columns (a region, a unit) are carried per entity from the entity's first row.
 */
export function wideToLong(table: RawTable, names: readonly string[], roles: ColumnRoles, options: WideOptions, meta: DatasetMeta, log: NoteLog): Panel {
  const entityK = roles.entity;
  const yearCols = roles.yearCols;
  const n = table.nRows;
  const years: { k: number; year: number }[] = [];
  const seenYear = new Map<number, number>();
  yearCols.forEach((year, k) => {
    if (Number.isNaN(year)) return;
    const prev = seenYear.get(year);
    if (prev !== undefined) {
      throw new InputError(`two columns are the period ${formatPeriod(year, roles.frequency)}: "${names[prev]}" and "${names[k]}"`, {
        file: table.file,
        row: table.headerRow ?? 1,
        column: names[k],
        hint: 'keep one column per year',
      });
    }
    seenYear.set(year, k);
    years.push({ k, year });
  });
  years.sort((a, b) => a.year - b.year);
  const used = new Set<number>([entityK, ...years.map((y) => y.k)]);
  const varK = roles.variable;
  if (varK >= 0) used.add(varK);
  const ids = entityIds(table, entityK);
  const valueName = options.valueName ?? meta.name ?? 'value';
  const varOf = varK >= 0 ? entityIds(table, varK) : null;
  // One source row per entity and variable.
  const rowOf = new Map<string, Map<string, number>>();
  const entityOrder: string[] = [];
  const entitySeen = new Set<string>();
  const varOrder: string[] = [];
  for (let i = 0; i < n; i++) {
    const id = ids[i];
    const v = varOf ? varOf[i] : valueName;
    const empty = id === '' ? { k: entityK, what: 'entity id', hint: 'fill in the entity' } : v === '' ? { k: varK, what: 'variable name', hint: 'name the variable of this row' } : null;
    if (empty) {
      throw new InputError(`empty ${empty.what} in column "${names[empty.k]}"`, {
        file: table.file,
        row: table.rowNumber[i],
        column: names[empty.k],
        hint: `${empty.hint}, or delete the row`,
      });
    }
    let m = rowOf.get(v);
    if (!m) {
      rowOf.set(v, (m = new Map()));
      varOrder.push(v);
    }
    const prev = m.get(id);
    if (prev !== undefined) {
      const what = varOf ? `${id} / ${v}` : id;
      throw new InputError(`duplicate entity-period: ${what} appears twice (rows ${table.rowNumber[prev]} and ${table.rowNumber[i]}), so each of its years does`, {
        file: table.file,
        row: table.rowNumber[i],
        column: names[entityK],
        hint: varOf ? `keep one row per ${names[entityK]} and ${names[varK]}` : `keep one row per ${names[entityK]}`,
      });
    }
    m.set(id, i);
    if (!entitySeen.has(id)) {
      entitySeen.add(id);
      entityOrder.push(id);
    }
  }
  const T = years.length;
  const N = entityOrder.length;
  const entity: string[] = [];
  const period = new Float64Array(N * T);
  for (let e = 0; e < N; e++) {
    for (let t = 0; t < T; t++) {
      entity.push(entityOrder[e]);
      period[e * T + t] = years[t].year;
    }
  }
  const columns: Record<string, Float64Array> = {};
  for (const v of varOrder) {
    const m = rowOf.get(v)!;
    const out = new Float64Array(N * T).fill(NaN);
    const tally = new MissingTally();
    for (let e = 0; e < N; e++) {
      const i = m.get(entityOrder[e]);
      if (i === undefined) continue;
      for (let t = 0; t < T; t++) {
        const col = table.columns[years[t].k];
        const x = numberCell(col, i, tally);
        if (x === undefined) throw textInNumeric(table, names[years[t].k], { row: table.rowNumber[i], text: col.str![i]! });
        out[e * T + t] = x;
      }
    }
    columns[v] = out;
    missingNote(log, v, tally);
  }
  // Other text columns (a region, a unit) are carried per entity from the entity's first row.
  const text: Record<string, string[]> = {};
  const firstRow = new Map<string, number>();
  for (let i = n - 1; i >= 0; i--) firstRow.set(ids[i], i);
  const ignored: string[] = [];
  for (let k = 0; k < names.length; k++) {
    if (used.has(k)) continue;
    if (!isTextColumn(table, k)) {
      ignored.push(names[k]);
      continue;
    }
    const col = table.columns[k];
    text[names[k]] = entity.map((id) => cellText(col, firstRow.get(id)!).trim());
  }
  if (ignored.length) {
    log.warn('wide-ignored-columns', `wide layout: numeric columns that are not years were ignored: ${ignored.join(', ')}`, { columns: ignored });
  }
  const gk = roles.group;
  const entities = entityInfo(entity, gk >= 0 ? text[names[gk]] : undefined, names[gk], log);
  const notes: Note[] = [
    ...log.notes,
    {
      level: 'info',
      code: 'wide-layout',
      message: `read the wide layout: ${N} entities × ${T} ${roles.frequency === 'year' ? 'years' : `${roles.frequency}s`} (${formatPeriod(years[0].year, roles.frequency)}–${formatPeriod(years[T - 1].year, roles.frequency)}), variables: ${varOrder.join(', ')}`,
    },
  ];
  return makePanel({
    entityColumn: names[entityK],
    periodColumn: roles.frequency === 'year' ? 'year' : 'period',
    entity,
    period,
    columns,
    text,
    entities,
    meta: roles.frequency === 'year' ? meta : { ...meta, frequency: roles.frequency },
    notes,
    file: table.file,
    owned: true,
    entityOrder: options.entityOrder,
  });
}
