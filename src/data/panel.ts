import type { Note } from '../core/notes.js';
import { InputError } from '../core/errors.js';

/** Facts about one entity (region, country, firm) that do not change over periods. */
export interface EntityInfo {
  readonly id: string;
  readonly name?: string;
  readonly nameZh?: string;
  /** A grouping such as a region (East/Central/West) or continent; used by disparity and heterogeneity. */
  readonly group?: string;
  readonly lat?: number;
  readonly lon?: number;
  /** Codes for joining maps: ISO 3166 alpha-3 for countries, GB/T 2260 for Chinese provinces. */
  readonly iso3?: string;
  readonly code?: string;
  readonly [extra: string]: unknown;
}

/** Where a panel came from. `simulated: true` must be shown wherever the data appears. */
export interface DatasetMeta {
  readonly name: string;
  readonly title?: string;
  readonly simulated: boolean;
  /** Full citation to print beside any table, chart or report that shows the data. */
  readonly citation?: string;
  readonly licence?: string;
  readonly file?: string;
  /** Sub-annual data: periods are year×10 + quarter or year×100 + month (see src/data/period.ts). Absent: years. */
  readonly frequency?: 'year' | 'quarter' | 'month';
  /** One row per entity without a period column (read with one constant period). */
  readonly crossSection?: boolean;
  /** Chinese title, citation and licence lines for reports in Chinese (built-in datasets). */
  readonly zh?: DatasetMetaZh;
  /** Variable labels by column name (Stata and SPSS files carry them); tables print them beside the names. */
  readonly labels?: Readonly<Record<string, string>>;
}

/** Chinese forms of a dataset's title, citation and licence. */
export interface DatasetMetaZh {
  readonly title?: string;
  readonly citation?: string;
  readonly licence?: string;
}

/**
 * A panel in long layout: one row per entity-period, numeric columns as Float64Array (NaN =
 * missing), rows sorted by entity (in `entities` order) then period. The invariant
 * (entity, period) unique is checked by {@link makePanel}.
 */
export interface Panel {
  readonly entityColumn: string;
  readonly periodColumn: string;
  /** Entity id per row. */
  readonly entity: readonly string[];
  /** Period (year) per row. */
  readonly period: Float64Array;
  /** Index into `entities` per row. */
  readonly entityIndex: Int32Array;
  /** Index into `periods` per row. */
  readonly periodIndex: Int32Array;
  /** Numeric variables, aligned with rows. */
  readonly columns: Readonly<Record<string, Float64Array>>;
  /** Text variables (e.g. a region column in the file), aligned with rows. */
  readonly text: Readonly<Record<string, readonly string[]>>;
  /** Distinct entities, in sorted order, with their attributes. */
  readonly entities: readonly EntityInfo[];
  /** Distinct periods, ascending. */
  readonly periods: readonly number[];
  readonly meta: DatasetMeta;
  /** What reading and cleaning did: placeholders read as missing, imputed cells, dropped rows. */
  readonly notes: readonly Note[];
  /**
   * Spreadsheet row number of each row in the file it was read from (header = row 1), when read from a
   * long-layout file: what joins results back onto the user's own rows (`measure --append`).
   */
  readonly sourceRow?: Int32Array;
}

export interface MakePanelInput {
  entityColumn: string;
  periodColumn: string;
  entity: readonly string[];
  period: ArrayLike<number>;
  columns: Record<string, ArrayLike<number>>;
  text?: Record<string, readonly string[]>;
  entities?: readonly EntityInfo[];
  meta?: DatasetMeta;
  notes?: readonly Note[];
  /**
   * The arrays in `columns`, `period` and `entity` were made for this panel and are not shared: when
   * the rows are already sorted they are used as they are instead of copied (readers of large files).
   */
  owned?: boolean;
  /** For error messages: the file the rows came from and the spreadsheet row number of each row. */
  file?: string;
  sourceRow?: ArrayLike<number>;
  /**
   * Entity order by rank (lower first) instead of the natural sort of ids: Chinese provinces in GB/T
   * 2260 order. Ids without a rank follow, in natural order.
   */
  entityOrder?: ReadonlyMap<string, number>;
  /**
   * Whole-number keys of the entity ids, one per row, with `entity[i] === String(entityKey[i])`
   * (plain integer codes as a file reader found them): ranked as numbers without hashing a string.
   * Ignored with `entityOrder`.
   */
  entityKey?: Float64Array;
}

const collator = new Intl.Collator('en', { numeric: true });

/**
 * Build a {@link Panel}: sorts rows by entity then period, checks that each entity-period occurs
 * once and that periods are finite numbers, and attaches entity attributes (entities without
 * attributes get `{id}`).
 *
 * @throws InputError on a duplicate entity-period, a missing entity id or a non-numeric period.
 */
export function makePanel(input: MakePanelInput): Panel {
  const n = input.entity.length;
  if (input.period.length !== n) throw new RangeError('makePanel: entity and period lengths differ');
  const where = (i: number) => ({ file: input.file, row: input.sourceRow ? input.sourceRow[i] : undefined });
  for (let i = 0; i < n; i++) {
    if (input.entity[i] === '' || input.entity[i] == null) {
      throw new InputError(`empty entity id in column "${input.entityColumn}"`, {
        ...where(i),
        column: input.entityColumn,
        hint: 'fill in the entity or delete the row',
      });
    }
    if (!Number.isFinite(input.period[i])) {
      throw new InputError(`period is not a number in column "${input.periodColumn}"`, {
        ...where(i),
        column: input.periodColumn,
        hint: 'periods must be years or other integers, e.g. 2015',
      });
    }
  }
  // Sort on integer entity ranks (ids sorted once: as numbers, or with the collator) rather than
  // comparing strings per pair, and by a counting sort on (rank, period index): linear in the rows.
  const rank = new Int32Array(n);
  const ids =
    (input.entityOrder
      ? undefined
      : input.entityKey
        ? keyRanks(input.entityKey, input.entity, rank)
        : integerRunRanks(input.entity, rank)) ?? entityRanks(input.entity, rank, input.entityOrder);
  let sorted = true;
  for (let i = 1; i < n && sorted; i++) sorted = rank[i - 1] < rank[i] || (rank[i - 1] === rank[i] && input.period[i - 1] <= input.period[i]);
  // Files are usually written sorted: then the row order is the identity and no permutation is
  // built (each fresh array of a million rows costs tens of milliseconds in page faults alone).
  let order: Int32Array | undefined;
  let periods: number[];
  let periodIndex: Int32Array;
  // Sorted input: the ranks are the entity indices (rank is this function's own array).
  let entityIndex: Int32Array = rank;
  if (!sorted) {
    const periodsIn = input.period instanceof Float64Array ? input.period : Float64Array.from(input.period);
    periods = distinctSorted(periodsIn);
    const pIdx = indexOfPeriods(periodsIn, periods);
    const sortedBy = countingOrder(rank, ids.length, pIdx, periods.length);
    order = sortedBy.order;
    entityIndex = sortedBy.entityIndex;
    periodIndex = new Int32Array(n);
    for (let k = 0; k < n; k++) periodIndex[k] = pIdx[order[k]];
  }
  // Duplicates are neighbours once sorted (read in sorted order: sequential for a permutation too).
  for (let k = 1; k < n; k++) {
    const dup = order
      ? entityIndex[k - 1] === entityIndex[k] && periodIndex![k - 1] === periodIndex![k]
      : rank[k - 1] === rank[k] && input.period[k - 1] === input.period[k];
    if (dup) {
      const a = order ? order[k - 1] : k - 1;
      const b = order ? order[k] : k;
      const rows = input.sourceRow ? ` (rows ${input.sourceRow[a]} and ${input.sourceRow[b]})` : '';
      throw new InputError(`duplicate entity-period: ${input.entity[b]} ${input.period[b]} appears twice${rows}`, {
        ...where(b),
        column: input.entityColumn,
        hint: `keep one row per ${input.entityColumn} and ${input.periodColumn}`,
      });
    }
  }
  const same = (col: ArrayLike<number>): Float64Array =>
    col instanceof Float64Array ? (input.owned ? col : col.slice()) : Float64Array.from(col);
  let entity: string[];
  let period: Float64Array;
  const columns: Record<string, Float64Array> = {};
  const names = Object.keys(input.columns);
  if (order) {
    // Rows in the new order: ids and periods from their codes (sequential), the numeric columns
    // gathered through the permutation (see gatherColumns).
    entity = new Array<string>(n);
    period = new Float64Array(n);
    for (let k = 0; k < n; k++) {
      entity[k] = ids[entityIndex[k]];
      period[k] = periods![periodIndex![k]];
    }
    const gathered = gatherColumns(
      names.map((nm) => input.columns[nm]),
      order,
    );
    names.forEach((nm, j) => (columns[nm] = gathered[j]));
  } else {
    entity = input.owned ? (input.entity as string[]) : input.entity.slice();
    period = same(input.period);
    periods = distinctSorted(period);
    periodIndex = indexOfPeriods(period, periods);
    for (const nm of names) columns[nm] = same(input.columns[nm]);
  }
  const text: Record<string, string[]> = {};
  for (const [name, col] of Object.entries(input.text ?? {})) {
    if (!order) text[name] = input.owned ? (col as string[]) : col.slice();
    else {
      const t = new Array<string>(n);
      for (let k = 0; k < n; k++) t[k] = col[order[k]];
      text[name] = t;
    }
  }
  const info = new Map((input.entities ?? []).map((e) => [e.id, e]));
  return {
    entityColumn: input.entityColumn,
    periodColumn: input.periodColumn,
    entity,
    period,
    entityIndex,
    periodIndex: periodIndex!,
    columns,
    text,
    entities: ids.map((id) => info.get(id) ?? { id }),
    periods: periods!,
    meta: input.meta ?? { name: input.file ?? 'data', simulated: false, file: input.file },
    notes: input.notes ?? [],
    ...(input.sourceRow
      ? { sourceRow: order ? Int32Array.from(order, (i) => input.sourceRow![i]) : Int32Array.from(input.sourceRow) }
      : {}),
  };
}

/**
 * Row order by entity rank then period index (both dense codes): a stable counting sort on the
 * period, then on the rank (LSD radix sort), in linear time; with the entity index of each sorted
 * row (runs of equal ranks, filled in order).
 */
function countingOrder(
  rank: Int32Array,
  nRanks: number,
  pIdx: Int32Array,
  nPeriods: number,
): { order: Int32Array; entityIndex: Int32Array } {
  const n = rank.length;
  const byPeriod = new Int32Array(n);
  const cp = new Int32Array(nPeriods + 1);
  for (let i = 0; i < n; i++) cp[pIdx[i] + 1]++;
  for (let p = 0; p < nPeriods; p++) cp[p + 1] += cp[p];
  for (let i = 0; i < n; i++) byPeriod[cp[pIdx[i]]++] = i;
  const cr = new Int32Array(nRanks + 1);
  for (let i = 0; i < n; i++) cr[rank[i] + 1]++;
  for (let r = 0; r < nRanks; r++) cr[r + 1] += cr[r];
  const entityIndex = new Int32Array(n);
  for (let r = 0; r < nRanks; r++) entityIndex.fill(r, cr[r], cr[r + 1]);
  const order = new Int32Array(n);
  for (let k = 0; k < n; k++) {
    const i = byPeriod[k];
    order[cr[rank[i]]++] = i;
  }
  return { order, entityIndex };
}

/**
 * out[j][k] = cols[j][order[k]] for every column. A permutation of a large shuffled file reads
 * every column at random, a cache miss per cell; here up to 8 columns are first interleaved row by
 * row (sequential), so that gathering a row through the permutation costs one cache line for all
 * of them, then written out column by column (sequential).
 */
function gatherColumns(cols: readonly ArrayLike<number>[], order: Int32Array): Float64Array[] {
  const n = order.length;
  const out = cols.map(() => new Float64Array(n));
  const W = 8;
  const rows = cols.length > 1 ? new Float64Array(n * Math.min(W, cols.length)) : new Float64Array(0);
  for (let g0 = 0; g0 < cols.length; g0 += W) {
    const w = Math.min(W, cols.length - g0);
    if (w === 1) {
      const c = cols[g0];
      const o = out[g0];
      for (let k = 0; k < n; k++) o[k] = c[order[k]];
      continue;
    }
    for (let j = 0; j < w; j++) {
      const c = cols[g0 + j];
      for (let i = 0; i < n; i++) rows[i * w + j] = c[i];
    }
    const o = out.slice(g0, g0 + w);
    for (let k = 0; k < n; k++) {
      const src = order[k] * w;
      for (let j = 0; j < w; j++) o[j][k] = rows[src + j];
    }
  }
  return out;
}

/**
 * Ranks of whole-number entity keys (see `entityKey` of {@link MakePanelInput}) into `rank`; returns
 * the ids in order (the string of each key's first row). Dense keys (firm codes 1…N) use a table
 * indexed by value, others a map and a numeric sort of the distinct keys.
 */
function keyRanks(key: Float64Array, entity: readonly string[], rank: Int32Array): string[] | undefined {
  const n = key.length;
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < n; i++) {
    const v = key[i];
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (!(hi - lo <= 4 * n + 1024)) {
    const first = new Map<number, number>();
    for (let i = 0; i < n; i++) {
      const v = key[i];
      let r = first.get(v);
      if (r === undefined) first.set(v, (r = first.size));
      rank[i] = r;
    }
    const values = [...first.keys()];
    const byValue = Array.from(values, (_, k) => k).sort((a, b) => values[a] - values[b]);
    const rankOf = new Int32Array(values.length);
    byValue.forEach((k, r) => (rankOf[k] = r));
    const firstRow = new Int32Array(values.length).fill(-1);
    for (let i = 0; i < n; i++) {
      const r = (rank[i] = rankOf[rank[i]]);
      if (firstRow[r] < 0) firstRow[r] = i;
    }
    return Array.from(firstRow, (i) => entity[i]);
  }
  const slot = new Int32Array(hi - lo + 1);
  for (let i = 0; i < n; i++) slot[key[i] - lo] = 1;
  let m = 0;
  for (let k = 0; k < slot.length; k++) slot[k] = slot[k] ? m++ : -1;
  const ids: string[] = new Array(m);
  const firstRow = new Int32Array(m).fill(-1);
  for (let i = 0; i < n; i++) {
    const r = slot[key[i] - lo];
    rank[i] = r;
    if (firstRow[r] < 0) firstRow[r] = i;
  }
  for (let r = 0; r < m; r++) ids[r] = entity[firstRow[r]];
  return ids;
}

/** Ids that are plain integers (firm codes) sort by value, which is the collator's numeric order. */
const PLAIN_INTEGER = /^(0|[1-9]\d{0,14})$/;

/**
 * The common layout of a large file, without hashing a single id: each entity's rows together and
 * the entities in increasing order of integer ids. Writes each row's rank into `rank` and returns the
 * ids in order, or undefined when the entity column is not laid out so (then `rank` is scrap).
 */
function integerRunRanks(entity: readonly string[], rank: Int32Array): string[] | undefined {
  const ids: string[] = [];
  let last = -1;
  for (let i = 0; i < entity.length; i++) {
    const e = entity[i];
    if (i > 0 && e === entity[i - 1]) {
      rank[i] = ids.length - 1;
      continue;
    }
    if (!PLAIN_INTEGER.test(e)) return undefined;
    // Strictly increasing values: no id can come back later, and the order is the sorted order.
    const v = Number(e);
    if (!(v > last)) return undefined;
    last = v;
    rank[i] = ids.length;
    ids.push(e);
  }
  return ids;
}

/** Any layout: rank of each row's entity among the sorted distinct ids (into `rank`); returns the ids. */
function entityRanks(entity: readonly string[], rank: Int32Array, order?: ReadonlyMap<string, number>): string[] {
  const n = entity.length;
  const firstSeen = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const e = entity[i];
    // Rows of one entity usually come together: skip the hash lookup for a repeated id.
    if (i > 0 && e === entity[i - 1]) {
      rank[i] = rank[i - 1];
      continue;
    }
    let r = firstSeen.get(e);
    if (r === undefined) firstSeen.set(e, (r = firstSeen.size));
    rank[i] = r;
  }
  const seenOrder = [...firstSeen.keys()];
  const byName = Array.from(seenOrder, (_, k) => k);
  // Integer ids sort by value without a collator call per comparison.
  if (order) {
    const key = seenOrder.map((e) => order.get(e) ?? Infinity);
    byName.sort((a, b) => key[a] - key[b] || (key[a] === Infinity ? collator.compare(seenOrder[a], seenOrder[b]) : 0));
  } else if (seenOrder.every((e) => PLAIN_INTEGER.test(e))) {
    const value = seenOrder.map(Number);
    byName.sort((a, b) => value[a] - value[b]);
  } else byName.sort((a, b) => collator.compare(seenOrder[a], seenOrder[b]));
  const rankOfSeen = new Int32Array(seenOrder.length);
  let seenInOrder = true;
  byName.forEach((k, r) => {
    rankOfSeen[k] = r;
    if (k !== r) seenInOrder = false;
  });
  // Entities first seen in sorted order (a sorted file): the ranks are already right.
  if (!seenInOrder) for (let i = 0; i < n; i++) rank[i] = rankOfSeen[rank[i]];
  return byName.map((k) => seenOrder[k]);
}

/** Distinct values ascending; a presence table instead of a Set when they are whole numbers in a short range. */
function distinctSorted(x: Float64Array): number[] {
  let lo = Infinity;
  let hi = -Infinity;
  let whole = true;
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    if (v < lo) lo = v;
    if (v > hi) hi = v;
    if (whole && !Number.isInteger(v)) whole = false;
  }
  if (!whole || !(hi - lo < 100_000)) return [...new Set(x)].sort((a, b) => a - b);
  const seen = new Uint8Array(hi - lo + 1);
  for (let i = 0; i < x.length; i++) seen[x[i] - lo] = 1;
  const out: number[] = [];
  for (let k = 0; k < seen.length; k++) if (seen[k]) out.push(lo + k);
  return out;
}

/** Index of each row's period in the sorted distinct `periods`; a direct table when periods are whole years. */
function indexOfPeriods(period: Float64Array, periods: readonly number[]): Int32Array {
  const n = period.length;
  const out = new Int32Array(n);
  const lo = periods[0];
  const span = periods.length ? periods[periods.length - 1] - lo : 0;
  if (periods.every(Number.isInteger) && span < 100_000) {
    const table = new Int32Array(span + 1);
    periods.forEach((p, i) => (table[p - lo] = i));
    for (let k = 0; k < n; k++) out[k] = table[period[k] - lo];
    return out;
  }
  const pIndex = new Map(periods.map((p, i) => [p, i]));
  for (let k = 0; k < n; k++) out[k] = pIndex.get(period[k])!;
  return out;
}

/** Numeric column `name`, or an InputError listing the available columns. */
export function column(panel: Panel, name: string, context = 'data'): Float64Array {
  const col = panel.columns[name];
  if (col) return col;
  const available = Object.keys(panel.columns);
  throw new InputError(`unknown column "${name}" in ${context}`, {
    file: panel.meta.file,
    column: name,
    hint: `available numeric columns: ${available.slice(0, 30).join(', ')}${available.length > 30 ? ', …' : ''}`,
  });
}

/** True when every entity is observed in every period. */
export function isBalanced(panel: Panel): boolean {
  return panel.entity.length === panel.entities.length * panel.periods.length;
}

/** A copy of `panel` with rows kept where `keep[i]` is true (indices and levels rebuilt). */
export function filterRows(panel: Panel, keep: ArrayLike<boolean>, extraNotes: readonly Note[] = []): Panel {
  const idx: number[] = [];
  for (let i = 0; i < panel.entity.length; i++) if (keep[i]) idx.push(i);
  const columns: Record<string, Float64Array> = {};
  for (const [k, v] of Object.entries(panel.columns)) columns[k] = Float64Array.from(idx, (i) => v[i]);
  const text: Record<string, string[]> = {};
  for (const [k, v] of Object.entries(panel.text)) text[k] = idx.map((i) => v[i]);
  const ids = new Set(idx.map((i) => panel.entity[i]));
  return makePanel({
    entityColumn: panel.entityColumn,
    periodColumn: panel.periodColumn,
    entity: idx.map((i) => panel.entity[i]),
    period: Float64Array.from(idx, (i) => panel.period[i]),
    columns,
    text,
    entities: panel.entities.filter((e) => ids.has(e.id)),
    meta: panel.meta,
    notes: [...panel.notes, ...extraNotes],
    sourceRow: panel.sourceRow ? Int32Array.from(idx, (i) => panel.sourceRow![i]) : undefined,
  });
}

/** A copy of `panel` with numeric columns added or replaced (same row order). */
export function withColumns(panel: Panel, added: Record<string, Float64Array>, extraNotes: readonly Note[] = []): Panel {
  for (const [k, v] of Object.entries(added)) {
    if (v.length !== panel.entity.length) throw new RangeError(`withColumns: column ${k} has ${v.length} rows, panel has ${panel.entity.length}`);
  }
  return { ...panel, columns: { ...panel.columns, ...added }, notes: [...panel.notes, ...extraNotes] };
}
