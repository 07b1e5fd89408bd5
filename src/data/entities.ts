/**
 * Entities of a table: their attributes (group), and Chinese provinces recognised under any spelling
 * (北京/北京市/Beijing/11/110000) so that one province is one entity, national totals and regional
 * aggregates are not entities, and maps and spatial commands can join on the GB/T 2260 code.
 * Pure; runs in a browser.
 */
import { InputError } from '../core/errors.js';
import type { NoteLog } from '../core/notes.js';
import { isAggregateName, matchProvince, type ProvinceInfo } from './china-provinces.js';
import { keepRows } from './clean.js';
import { parsePeriodValue } from './period.js';
import { entityIds, type ColumnRoles } from './column-roles.js';
import type { EntityInfo } from './panel.js';
import { cellText, type RawTable } from './raw-table.js';

/**
 * Each entity's `group` from the group column (which also stays in `panel.text`); none when the
 * column changes within an entity, with a warning.
 */
export function entityInfo(ids: readonly string[], groupText: readonly string[] | undefined, column: string, log: NoteLog): EntityInfo[] | undefined {
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

/** The table with province spellings merged, and the province of each entity id kept. */
export interface ProvinceTable {
  readonly table: RawTable;
  /** Entity id (the user's spelling) → province; empty when the entities are not Chinese provinces. */
  readonly provinces: ReadonlyMap<string, ProvinceInfo>;
}

const CJK = /[\u3400-\u9fff]/u;

/**
 * Recognise Chinese provinces in the entity column (when at least 60% of the distinct entities that
 * are not aggregates match {@link matchProvince}):
 *
 * - rows of national totals and regional aggregates ({@link isAggregateName}: 全国, 合计, 东部地区, …)
 *   are dropped, with a note;
 * - two spellings of one province (北京 and 北京市) are merged under the more frequent spelling, with a
 *   warning — unless both occur in the same period (or, in a wide table, for the same variable, or in
 *   a cross-section), which is an InputError naming both rows;
 * - names that are not provinces are kept, with a warning.
 *
 * The user's spelling stays the entity id; the province is returned for the panel's entity attributes.
 */
export function normaliseProvinces(table: RawTable, names: readonly string[], roles: ColumnRoles, log: NoteLog): ProvinceTable {
  const none: ProvinceTable = { table, provinces: new Map() };
  const ids = entityIds(table, roles.entity);
  // Quick exit for large firm panels: provinces are a few dozen distinct names (with aggregates and typos).
  const seen = new Set<string>();
  for (let i = 0; i < ids.length && seen.size <= 500; i++) if (i === 0 || ids[i] !== ids[i - 1]) seen.add(ids[i]);
  if (seen.size > 500) return none;
  const distinct = [...seen].filter((s) => s !== '');
  const match = new Map<string, ProvinceInfo>();
  const aggregates = new Set<string>();
  for (const id of distinct) {
    if (isAggregateName(id, { provinces: true })) aggregates.add(id);
    else {
      const p = matchProvince(id);
      if (p) match.set(id, p);
    }
  }
  const candidates = distinct.length - aggregates.size;
  if (match.size === 0 || match.size < 0.6 * candidates) return none;
  const entityColumn = names[roles.entity];

  // National totals and regional aggregates are not entities.
  if (aggregates.size) {
    const keep: number[] = [];
    const dropped: number[] = [];
    for (let i = 0; i < ids.length; i++) (aggregates.has(ids[i]) ? dropped : keep).push(i);
    log.info('aggregate-rows', `dropped ${dropped.length} row${dropped.length > 1 ? 's' : ''} of totals and regional aggregates, not provinces: ${[...aggregates].map((a) => `"${a}"`).join(', ')} (row ${rowList(dropped.map((i) => table.rowNumber[i]))})`, {
      entities: [...aggregates],
      rows: [...new Set(dropped.map((i) => table.rowNumber[i]))],
    });
    table = keepRows(table, keep);
  }
  const rowIds = aggregates.size ? entityIds(table, roles.entity) : ids;

  const unknown = distinct.filter((id) => !aggregates.has(id) && !match.has(id));
  if (unknown.length) {
    log.warn('unknown-province', `${unknown.map((u) => `"${u}"`).join(', ')} in column "${entityColumn}" ${unknown.length > 1 ? 'are' : 'is'} not a province name that nqpf knows: kept as ${unknown.length > 1 ? 'entities' : 'an entity'}, but maps and the built-in neighbours will not find ${unknown.length > 1 ? 'them' : 'it'}`, { entities: unknown });
  }

  // Spellings per province, in order of first appearance, with their row counts.
  const spellings = new Map<string, Map<string, number>>();
  for (const id of rowIds) {
    const p = match.get(id);
    if (!p) continue;
    let m = spellings.get(p.code);
    if (!m) spellings.set(p.code, (m = new Map()));
    m.set(id, (m.get(id) ?? 0) + 1);
  }
  const rename = new Map<string, string>();
  for (const [, m] of spellings) {
    if (m.size < 2) continue;
    const [keepAs] = [...m].sort((a, b) => b[1] - a[1]);
    for (const id of m.keys()) if (id !== keepAs![0]) rename.set(id, keepAs![0]);
  }
  const provinces = new Map<string, ProvinceInfo>();
  for (const [id, p] of match) if (!rename.has(id)) provinces.set(id, p);
  if (!rename.size) return { table, provinces };

  checkSpellingClash(table, names, roles, rowIds, match);
  const merged = [...spellings.values()].filter((m) => m.size > 1).map((m) => [...m.keys()]);
  log.warn('province-spellings', `one province written two ways in column "${entityColumn}": ${merged.map((g) => `${g.map((s) => `"${s}"`).join(' and ')} (${match.get(g[0]!)!.short})`).join('; ')}; merged as ${merged.map((g) => `"${rename.get(g[0]!) ?? g[0]}"`).join(', ')}`, {
    merged,
  });
  const col = table.columns[roles.entity];
  const str = Array.from({ length: table.nRows }, (_, i) => {
    const id = rowIds[i];
    return rename.get(id) ?? (col.str?.[i] ?? cellText(col, i));
  });
  const columns = table.columns.slice();
  columns[roles.entity] = { num: new Float64Array(table.nRows).fill(NaN), str };
  return { table: { ...table, columns }, provinces };
}

/** Distinct row numbers, the first ten, for a message. */
function rowList(rows: readonly number[]): string {
  const u = [...new Set(rows)];
  return u.slice(0, 10).join(', ') + (u.length > 10 ? ', …' : '');
}

/** InputError when two spellings of one province occur in the same period (or for the same wide-table variable). */
function checkSpellingClash(table: RawTable, names: readonly string[], roles: ColumnRoles, ids: readonly string[], match: ReadonlyMap<string, ProvinceInfo>): void {
  const slotK = roles.wide ? roles.variable : roles.period;
  const seen = new Map<string, number>();
  for (let i = 0; i < ids.length; i++) {
    const p = match.get(ids[i]);
    if (!p) continue;
    const text = slotK >= 0 ? cellText(table.columns[slotK], i).trim() : '';
    // Periods compare as periods ("2016" and "2016年" are one year); variables as text.
    const parsed = !roles.wide && text !== '' ? parsePeriodValue(/^\d+(\.0+)?$/.test(text) ? Number(text) : text) : undefined;
    const slot = parsed ? `${parsed.year}-${parsed.quarter ?? ''}-${parsed.month ?? ''}-${parsed.day ?? ''}` : text;
    const key = `${p.code}\u0000${slot}`;
    const prev = seen.get(key);
    if (prev !== undefined && ids[prev] !== ids[i]) {
      const where = roles.crossSection ? '' : roles.wide ? (slotK >= 0 ? ` for ${text}` : '') : ` in ${text}`;
      throw new InputError(`"${ids[prev]}" (row ${table.rowNumber[prev]}) and "${ids[i]}" (row ${table.rowNumber[i]}) are the same province, ${p.short} (${p.code}), both${where}`, {
        file: table.file,
        row: table.rowNumber[i],
        column: names[roles.entity],
        hint: 'keep one row per province and period: delete one of the two rows, or give them one name',
      });
    }
    if (prev === undefined) seen.set(key, i);
  }
}

/**
 * Entity attributes with each province's codes: `provinceCode` ('11'), `code` (the six-digit GB/T
 * 2260 code, unless the data gave one) and `nameZh` (the user's Chinese spelling, else the short
 * name), for maps, spatial joins and Chinese reports. The id stays the user's spelling.
 */
export function withProvinceAttributes(entities: readonly EntityInfo[], provinces: ReadonlyMap<string, ProvinceInfo>): EntityInfo[] {
  return entities.map((e) => {
    const p = provinces.get(e.id);
    if (!p) return e;
    return { ...e, provinceCode: p.code, code: e.code ?? p.adcode, nameZh: e.nameZh ?? (CJK.test(e.id) ? e.id : p.short) };
  });
}
