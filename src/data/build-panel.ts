/**
 * From a {@link RawTable} to a {@link Panel}: find the entity and period columns, read the long layout
 * or the wide-by-year layout of statistical yearbooks, read yearbook cells (placeholders, thousands
 * separators), and stop with an InputError naming file, row and column when the table cannot be a panel.
 */
import { InputError } from '../core/errors.js';
import { NoteLog, type Note } from '../core/notes.js';
import { parseCell, parsePeriod, yearOfHeader } from './cell.js';
import { ENTITY_NAMES, GROUP_NAMES, PERIOD_NAMES, VARIABLE_NAMES, findColumn, normaliseHeader } from './columns.js';
import { makePanel, type DatasetMeta, type EntityInfo, type Panel } from './panel.js';
import { cellText, type RawColumn, type RawTable } from './raw-table.js';

/** Options of {@link tableToPanel}; every field is optional and detected when left out. */
export interface TableToPanelOptions {
  /** Entity column; default: detected by name ({@link ENTITY_NAMES}), else the first text column. */
  entity?: string;
  /** Period column; default: detected by name ({@link PERIOD_NAMES}). */
  period?: string;
  /** `long` (entity, period, variables…), `wide` (entity, [variable], one column per year), `auto` (default). */
  layout?: 'long' | 'wide' | 'auto';
  /** Wide layout: the column naming each row's variable; default: detected ({@link VARIABLE_NAMES}). */
  variable?: string;
  /** Wide layout without a variable column: the name of the one variable (default `meta.name`, else "value"). */
  valueName?: string;
  /** Text column holding each entity's group (region, continent); default: detected ({@link GROUP_NAMES}). */
  group?: string;
  meta?: DatasetMeta;
  /**
   * The table is not used after this call, so its numeric arrays may become the panel's columns
   * without a copy (file readers set this; keep false when the table is reused).
   */
  tableOwned?: boolean;
  /**
   * A table without a period column is one cross-section (spatial statistics, Gini of one year):
   * read it as a single period 0 with an info note `cross-section`, instead of an error.
   */
  crossSection?: boolean;
}

/** The period given to every row of a table read as a cross-section ({@link TableToPanelOptions.crossSection}). */
export const CROSS_SECTION_PERIOD = 0;

/** Counts of cells read as missing in one output column. */
class MissingTally {
  empty = 0;
  readonly tokens = new Map<string, number>();
  add(token: string): void {
    this.tokens.set(token, (this.tokens.get(token) ?? 0) + 1);
  }
  get placeholders(): number {
    let s = 0;
    for (const v of this.tokens.values()) s += v;
    return s;
  }
}

/** A text cell met where a number was expected. */
interface TextCell {
  readonly row: number;
  readonly text: string;
}

/**
 * Number in cell `i` (NaN for empty and placeholder cells, counted in `tally`), or undefined when the
 * cell is text.
 */
function numberCell(col: RawColumn, i: number, tally: MissingTally): number | undefined {
  const s = col.str?.[i];
  if (s === undefined) {
    const v = col.num[i];
    if (Number.isNaN(v)) tally.empty++;
    return v;
  }
  const cell = parseCell(s);
  switch (cell.kind) {
    case 'number':
      return cell.value;
    case 'empty':
      tally.empty++;
      return NaN;
    case 'placeholder':
      tally.add(cell.token);
      return NaN;
    default:
      return undefined;
  }
}

function textInNumeric(table: RawTable, column: string, cell: TextCell): InputError {
  return new InputError(`text in a numeric column: "${cell.text}"`, {
    file: table.file,
    row: cell.row,
    column,
    hint: 'write a number (1234.5 or "1,234.5"), leave the cell empty or write NA for a missing value',
  });
}

function missingNote(log: NoteLog, column: string, tally: MissingTally): void {
  const p = tally.placeholders;
  if (p > 0) {
    const tokens = [...tally.tokens].map(([t, k]) => `"${t}" ×${k}`).join(', ');
    const empty = tally.empty ? ` and ${tally.empty} empty cell${tally.empty > 1 ? 's' : ''}` : '';
    log.warn(
      'placeholders-missing',
      `column "${column}": ${p} placeholder cell${p > 1 ? 's' : ''} (${tokens})${empty} read as missing`,
      { column, placeholders: Object.fromEntries(tally.tokens), empty: tally.empty },
    );
  } else if (tally.empty > 0) {
    log.info('empty-missing', `column "${column}": ${tally.empty} empty cell${tally.empty > 1 ? 's' : ''} read as missing`, {
      column,
      empty: tally.empty,
    });
  }
}

/** Where a column of the file went. */
type Classified =
  | { kind: 'numeric'; values: Float64Array; tally: MissingTally }
  | { kind: 'text'; text: string[] };

/**
 * Read a whole column: numeric when it has no text cell; text when it has no more numbers than
 * text cells (names, region labels, codes); otherwise it is a numeric column with stray text, an
 * InputError at the first text cell.
 */
function classifyColumn(table: RawTable, k: number, name: string, log: NoteLog): Classified {
  const col = table.columns[k];
  const n = table.nRows;
  const tally = new MissingTally();
  if (col.str === null) {
    for (let i = 0; i < n; i++) if (Number.isNaN(col.num[i])) tally.empty++;
    return { kind: 'numeric', values: col.num, tally };
  }
  const values = new Float64Array(n);
  let numbers = 0;
  let texts = 0;
  let first: TextCell | undefined;
  for (let i = 0; i < n; i++) {
    const v = numberCell(col, i, tally);
    if (v === undefined) {
      texts++;
      first ??= { row: table.rowNumber[i], text: col.str[i]! };
      values[i] = NaN;
    } else {
      values[i] = v;
      if (!Number.isNaN(v)) numbers++;
    }
  }
  if (texts === 0) return { kind: 'numeric', values, tally };
  if (numbers > texts) throw textInNumeric(table, name, first!);
  if (numbers > 0) {
    // Half text, half numbers: kept as text, but say so — a framework that uses it will not find it.
    log.warn('text-column', `column "${name}" is read as text: ${texts} text cells (first "${first!.text}" in row ${first!.row}) and ${numbers} numbers`, {
      column: name,
      texts,
      numbers,
    });
  }
  return { kind: 'text', text: Array.from({ length: n }, (_, i) => cellText(col, i).trim()) };
}

function headerNames(table: RawTable, log: NoteLog): string[] {
  const seen = new Map<string, number>();
  return table.header.map((h, k) => {
    let name = h.trim();
    if (name === '') {
      name = `column${k + 1}`;
      log.warn('unnamed-column', `column ${k + 1} has no name in the header; called it "${name}"`);
    }
    const prev = seen.get(name);
    if (prev !== undefined) {
      throw new InputError(`two columns are called "${name}" (columns ${prev + 1} and ${k + 1})`, {
        file: table.file,
        row: 1,
        column: name,
        hint: 'give each column a distinct name in the header row',
      });
    }
    seen.set(name, k);
    return name;
  });
}

function namedColumn(table: RawTable, names: readonly string[], wanted: string, role: string, flag: string): number {
  const k = names.indexOf(wanted.trim());
  if (k >= 0) return k;
  const norm = normaliseHeader(wanted);
  const loose = names.findIndex((h) => normaliseHeader(h) === norm);
  if (loose >= 0) return loose;
  throw new InputError(`unknown ${role} column "${wanted}"`, {
    file: table.file,
    row: 1,
    column: wanted,
    hint: `${flag} must name a column of the header; available columns: ${names.join(', ')}`,
  });
}

function isTextColumn(table: RawTable, k: number): boolean {
  const col = table.columns[k];
  if (col.str === null) return false;
  let texts = 0;
  let numbers = 0;
  const tally = new MissingTally();
  for (let i = 0; i < table.nRows; i++) {
    const v = numberCell(col, i, tally);
    if (v === undefined) texts++;
    else if (!Number.isNaN(v)) numbers++;
  }
  return texts > 0 && texts >= numbers;
}

/** True when every cell is text (no hole) without edge spaces. */
function allTrimmedText(str: readonly (string | undefined)[]): boolean {
  for (let i = 0; i < str.length; i++) {
    const s = str[i];
    if (s === undefined) return false;
    if (s.length > 0 && (s.charCodeAt(0) <= 32 || s.charCodeAt(s.length - 1) <= 32)) return false;
  }
  return true;
}

/** Entity ids per row: the cell text, trimmed (the column's own array when it needs no change). */
function entityIds(table: RawTable, k: number): string[] {
  const col = table.columns[k];
  if (col.str && col.str.length === table.nRows && allTrimmedText(col.str)) return col.str as string[];
  const out: string[] = [];
  let prev = '';
  let prevId = '';
  for (let i = 0; i < table.nRows; i++) {
    const s = cellText(col, i);
    if (s === prev && i > 0) {
      out.push(prevId);
      continue;
    }
    // trim() only where needed: most ids have no edge spaces, and trimming a million ids costs.
    const last = s.length - 1;
    prev = s;
    prevId = last >= 0 && (s.charCodeAt(0) <= 32 || s.charCodeAt(last) <= 32) ? s.trim() : s;
    out.push(prevId);
  }
  return out;
}

function emptyCheck(table: RawTable): void {
  if (table.header.length === 0) {
    throw new InputError('the file is empty', { file: table.file, row: 1, hint: 'the first row must name the columns, e.g. province,year,gdp' });
  }
  if (table.nRows === 0) {
    throw new InputError('the file has a header but no data rows', {
      file: table.file,
      row: 2,
      hint: 'add one row per entity and period below the header',
    });
  }
}

/**
 * Each entity's `group` from the group column (which also stays in `panel.text`); none when the
 * column changes within an entity, with a warning.
 */
function entityInfo(ids: readonly string[], groupText: readonly string[] | undefined, column: string, log: NoteLog): EntityInfo[] | undefined {
  if (!groupText) return undefined;
  const group = new Map<string, string>();
  for (let i = 0; i < ids.length; i++) {
    const g = groupText[i];
    if (g === '') continue;
    const prev = group.get(ids[i]);
    if (prev !== undefined && prev !== g) {
      log.warn('group-not-constant', `column "${column}" is not used as the entities' group: ${ids[i]} is both "${prev}" and "${g}"`, { column });
      return undefined;
    }
    group.set(ids[i], g);
  }
  return [...group].map(([id, g]) => ({ id, group: g }));
}

/**
 * Turn a table into a panel. Long layout: one row per entity-period. Wide layout (yearbooks): one row
 * per entity (or per entity and variable), one column per year ("2015", "2015年", "X2015").
 *
 * Missing cells: empty cells and the placeholders of {@link parseCell} become NaN; one warning note
 * per column counts the placeholders.
 *
 * @throws InputError for an empty table, unknown --entity/--period columns, no period column, a period
 *   column without values, text in a numeric column, duplicate entity-periods (with both rows).
 */
export function tableToPanel(input: RawTable, options: TableToPanelOptions = {}): Panel {
  emptyCheck(input);
  const log = new NoteLog();
  const table = withoutFootnotes(withoutBlankColumns(input), log);
  const names = headerNames(table, log);
  const layout = options.layout ?? 'auto';
  let periodK = -1;
  if (options.period !== undefined) periodK = namedColumn(table, names, options.period, 'period', '--period');
  else if (layout !== 'wide') periodK = findColumn(names, PERIOD_NAMES);
  const yearCols = names.map((h, k) => (k === periodK ? NaN : yearOfHeader(h)));
  const nYears = yearCols.filter((y) => !Number.isNaN(y)).length;
  const wide = layout === 'wide' || (layout === 'auto' && periodK < 0 && nYears > 0);
  if (!wide && periodK < 0 && options.crossSection) {
    const header = [...input.header, '(cross-section)'];
    const columns = [...input.columns, { num: new Float64Array(input.nRows).fill(CROSS_SECTION_PERIOD), str: null }];
    const panel = tableToPanel({ ...input, header, columns }, { ...options, period: '(cross-section)', crossSection: false });
    const note: Note = { level: 'info', code: 'cross-section', message: `no period column: the table is read as one cross-section (period ${CROSS_SECTION_PERIOD}); name a period column with --period to read a panel` };
    return { ...panel, notes: [...panel.notes, note] };
  }
  if (!wide && periodK < 0) {
    throw new InputError('no period column: no column is named year/period/time/年份, and no column header is a year', {
      file: table.file,
      row: 1,
      hint: `name the period column with --period COL (columns: ${names.join(', ')}), or use one column per year ("2015", "2016", …) for the wide layout`,
    });
  }
  if (wide && nYears === 0) {
    throw new InputError('no periods: the wide layout needs one column per year, such as "2015" or "2015年"', {
      file: table.file,
      row: 1,
      hint: `columns found: ${names.join(', ')}`,
    });
  }
  let entityK: number;
  if (options.entity !== undefined) entityK = namedColumn(table, names, options.entity, 'entity', '--entity');
  else {
    const skip = new Set<number>([periodK]);
    yearCols.forEach((y, k) => !Number.isNaN(y) && skip.add(k));
    entityK = findColumn(names, ENTITY_NAMES, skip);
    if (entityK < 0) entityK = names.findIndex((_, k) => !skip.has(k) && isTextColumn(table, k));
    if (entityK < 0) {
      throw new InputError('no entity column: no column is named id/entity/region/province/country/地区/省份, and no column holds text', {
        file: table.file,
        row: 1,
        hint: `name the entity column with --entity COL (columns: ${names.join(', ')})`,
      });
    }
  }
  const meta: DatasetMeta = options.meta ?? { name: stem(table.file) ?? 'data', simulated: false, file: table.file };
  const build = wide ? wideToLong : longToPanel;
  const panel = build(table, names, entityK, periodK, yearCols, options, meta, log);
  const totals = panel.entities.filter((e) => mayBeTotal(e.id) && TOTAL_NAMES.has(normaliseHeader(e.id))).map((e) => e.id);
  if (!totals.length) return panel;
  const note: Note = {
    level: 'warning',
    code: 'total-row',
    message: `entity ${totals.map((t) => `"${t}"`).join(', ')} looks like a total of the others (yearbooks list the national total with the regions); delete its rows if it is not a region`,
    detail: { entities: totals },
  };
  return { ...panel, notes: [...panel.notes, note] };
}

/** Entity names that yearbooks use for a total row. */
const TOTAL_NAMES = new Set(['全国', '全国合计', '全国总计', '合计', '总计', 'total', 'grand total', 'sum']);

/** False for ids that start with an ASCII digit (firm and region codes), which no total name does: skips normalising 100,000 codes. */
function mayBeTotal(id: string): boolean {
  const c = id.charCodeAt(0);
  return !(c >= 48 && c <= 57);
}

/** Starts of yearbook footnote rows ("注：…", "资料来源：…", "Source: …"). */
const footnote = /^(?:注|附注|说明|资料来源|数据来源|来源|(?:note|notes|source|sources)\s*[:：])/i;

/**
 * The table without yearbook footnote rows: rows whose only non-empty cell is the first one and
 * reads like a note or source line. Each is recorded in an info note.
 */
function withoutFootnotes(table: RawTable, log: NoteLog): RawTable {
  const nCols = table.columns.length;
  const drop: number[] = [];
  const first = table.columns[0];
  if (!first?.str) return table;
  // Ids repeat on consecutive rows (one per period): test each distinct run once.
  let prev: string | undefined;
  let prevNote = false;
  for (let i = 0; i < table.nRows; i++) {
    const s = first.str[i];
    if (s === undefined) continue;
    if (s !== prev) {
      prev = s;
      prevNote = footnote.test(s.trim());
    }
    if (!prevNote) continue;
    let only = true;
    for (let k = 1; k < nCols && only; k++) only = cellText(table.columns[k], i).trim() === '';
    if (only) drop.push(i);
  }
  if (!drop.length) return table;
  log.info('footnote-rows', `skipped ${drop.length} footnote row${drop.length > 1 ? 's' : ''} (row ${drop.map((i) => table.rowNumber[i]).join(', ')})`, {
    rows: drop.map((i) => table.rowNumber[i]),
  });
  const dropped = new Set(drop);
  const keep: number[] = [];
  for (let i = 0; i < table.nRows; i++) if (!dropped.has(i)) keep.push(i);
  return {
    ...table,
    nRows: keep.length,
    rowNumber: Int32Array.from(keep, (i) => table.rowNumber[i]),
    columns: table.columns.map((c) => ({
      num: Float64Array.from(keep, (i) => c.num[i]),
      str: c.str ? keep.map((i) => c.str![i]) : null,
    })),
  };
}

/** The table without columns that have neither a name nor a value (Excel's trailing ",,,"). */
function withoutBlankColumns(table: RawTable): RawTable {
  const blank = (k: number) => {
    if (table.header[k].trim() !== '') return false;
    const col = table.columns[k];
    for (let i = 0; i < table.nRows; i++) {
      if (!Number.isNaN(col.num[i]) || (col.str?.[i] ?? '').trim() !== '') return false;
    }
    return true;
  };
  const keep = table.header.map((_, k) => !blank(k));
  if (keep.every(Boolean)) return table;
  return { ...table, header: table.header.filter((_, k) => keep[k]), columns: table.columns.filter((_, k) => keep[k]) };
}

function stem(file: string | undefined): string | undefined {
  if (!file) return undefined;
  const base = file.split(/[\\/]/).pop() ?? file;
  return base.replace(/\.[^.]+$/, '');
}

function groupColumn(table: RawTable, names: readonly string[], options: TableToPanelOptions, used: ReadonlySet<number>): number {
  if (options.group !== undefined) return namedColumn(table, names, options.group, 'group', 'group');
  return findColumn(names, GROUP_NAMES, used);
}

function longToPanel(
  table: RawTable,
  names: readonly string[],
  entityK: number,
  periodK: number,
  _yearCols: readonly number[],
  options: TableToPanelOptions,
  meta: DatasetMeta,
  log: NoteLog,
): Panel {
  const n = table.nRows;
  const ids = entityIds(table, entityK);
  const period = readPeriods(table, names, periodK);
  const columns: Record<string, Float64Array> = {};
  const text: Record<string, string[]> = {};
  for (let k = 0; k < names.length; k++) {
    if (k === entityK || k === periodK) continue;
    const c = classifyColumn(table, k, names[k], log);
    if (c.kind === 'numeric') {
      columns[names[k]] = c.values;
      missingNote(log, names[k], c.tally);
    } else text[names[k]] = c.text;
  }
  const gk = groupColumn(table, names, options, new Set([entityK, periodK]));
  const entities = entityInfo(ids, gk >= 0 ? text[names[gk]] : undefined, names[gk], log);
  return makePanel({
    entityColumn: names[entityK],
    periodColumn: names[periodK],
    entity: ids,
    period,
    columns,
    text,
    entities,
    meta,
    notes: log.notes,
    file: table.file,
    sourceRow: n === table.rowNumber.length ? table.rowNumber : undefined,
    owned: options.tableOwned ?? false,
  });
}

function readPeriods(table: RawTable, names: readonly string[], k: number): Float64Array {
  const col = table.columns[k];
  const n = table.nRows;
  const out = col.str === null ? col.num : new Float64Array(n);
  let any = false;
  for (let i = 0; i < n; i++) {
    const s = col.str?.[i];
    const v = s === undefined ? col.num[i] : parsePeriod(s);
    if (Number.isNaN(v) && s !== undefined && s.trim() !== '') {
      throw new InputError(`period is not a year: "${s.trim()}"`, {
        file: table.file,
        row: table.rowNumber[i],
        column: names[k],
        hint: 'write periods as years such as 2015 or 2015年',
      });
    }
    if (!Number.isNaN(v)) any = true;
    out[i] = v;
  }
  if (!any) {
    throw new InputError(`no periods: column "${names[k]}" has no values`, {
      file: table.file,
      row: table.rowNumber[0],
      column: names[k],
      hint: 'fill in the period (year) of each row, or name another column with --period COL',
    });
  }
  for (let i = 0; i < n; i++) {
    if (Number.isNaN(out[i])) {
      throw new InputError('the period is missing in this row', {
        file: table.file,
        row: table.rowNumber[i],
        column: names[k],
        hint: 'fill in the period (year) or delete the row',
      });
    }
  }
  return out;
}

function wideToLong(
  table: RawTable,
  names: readonly string[],
  entityK: number,
  _periodK: number,
  yearCols: readonly number[],
  options: TableToPanelOptions,
  meta: DatasetMeta,
  log: NoteLog,
): Panel {
  const n = table.nRows;
  const years: { k: number; year: number }[] = [];
  const seenYear = new Map<number, number>();
  yearCols.forEach((year, k) => {
    if (Number.isNaN(year)) return;
    const prev = seenYear.get(year);
    if (prev !== undefined) {
      throw new InputError(`two columns are the year ${year}: "${names[prev]}" and "${names[k]}"`, {
        file: table.file,
        row: 1,
        column: names[k],
        hint: 'keep one column per year',
      });
    }
    seenYear.set(year, k);
    years.push({ k, year });
  });
  years.sort((a, b) => a.year - b.year);
  const used = new Set<number>([entityK, ...years.map((y) => y.k)]);
  const varK =
    options.variable !== undefined ? namedColumn(table, names, options.variable, 'variable', 'variable') : findColumn(names, VARIABLE_NAMES, used);
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
  const gk = groupColumn(table, names, options, used);
  const entities = entityInfo(entity, gk >= 0 ? text[names[gk]] : undefined, names[gk], log);
  const notes: Note[] = [
    ...log.notes,
    {
      level: 'info',
      code: 'wide-layout',
      message: `read the wide layout: ${N} entities × ${T} years (${years[0].year}–${years[T - 1].year}), variables: ${varOrder.join(', ')}`,
    },
  ];
  return makePanel({
    entityColumn: names[entityK],
    periodColumn: 'year',
    entity,
    period,
    columns,
    text,
    entities,
    meta,
    notes,
    file: table.file,
    owned: true,
  });
}
