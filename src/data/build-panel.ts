/**
 * From a {@link RawTable} to a {@link Panel}: clean the table (footnotes, blank columns, merged cells),
 * find the column roles, recognise Chinese provinces, and read the long or the wide-by-year layout.
 * Stops with an InputError naming file, row and column when the table cannot be a panel. Pure; runs
 * in a browser.
 */
import { NoteLog, type Note } from '../core/notes.js';
import { emptyCheck, fillDown, headerNames, withoutBlankColumns, withoutFootnotes } from './clean.js';
import { detectRoles, stem, type ColumnRoles } from './column-roles.js';
import { normaliseHeader } from './columns.js';
import { normaliseProvinces, withProvinceAttributes } from './entities.js';
import { longToPanel } from './long-layout.js';
import type { DatasetMeta, Panel } from './panel.js';
import type { Frequency } from './period.js';
import type { RawTable } from './raw-table.js';
import { wideToLong } from './wide-layout.js';

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
  /** Periods: `year`, `quarter`, `month`, or `auto` (default: detected from the period cells). */
  frequency?: Frequency | 'auto';
  /** A cross-section's period when the file says it (an NBS export's 时间 line); default 0. */
  crossSectionPeriod?: number;
  meta?: DatasetMeta;
  /**
   * The table is not used after this call, so its numeric arrays may become the panel's columns
   * without a copy (file readers set this; keep false when the table is reused).
   */
  tableOwned?: boolean;
}

/**
 * Turn a table into a panel. Long layout: one row per entity-period. Wide layout (yearbooks): one row
 * per entity (or per entity and variable), one column per year ("2015", "2015年", "X2015"). Without a
 * period column or year columns, one row per entity is a cross-section.
 *
 * Missing cells: empty cells and the placeholders of {@link parseCell} become NaN; one warning note
 * per column counts the placeholders. Empty entity cells below a filled one are merged cells, filled
 * down (a note). Chinese provinces: see {@link normaliseProvinces}.
 *
 * @throws InputError for an empty table, unknown --entity/--period columns, a period column without
 *   values, text in a numeric column, duplicate entity-periods (with both rows), two spellings of a
 *   province in one period.
 */
export function tableToPanel(input: RawTable, options: TableToPanelOptions = {}): Panel {
  emptyCheck(input);
  const log = new NoteLog();
  let table = withoutFootnotes(withoutBlankColumns(input), log);
  const names = headerNames(table, log);
  const roles: ColumnRoles = detectRoles(table, names, options);
  for (const k of [roles.entity, roles.group, roles.variable]) {
    if (k < 0) continue;
    const f = fillDown(table, k);
    if (f.filled.length) {
      table = f.table;
      log.info('filled-down', `column "${names[k]}": ${f.filled.length} empty cell${f.filled.length > 1 ? 's' : ''} below a name read as merged cells and filled down (row ${f.filled.slice(0, 10).join(', ')}${f.filled.length > 10 ? ', …' : ''})`, {
        column: names[k],
        rows: f.filled,
      });
    }
  }
  const prov = normaliseProvinces(table, names, roles, log);
  table = prov.table;
  const meta: DatasetMeta = options.meta ?? { name: stem(table.file) ?? 'data', simulated: false, file: table.file };
  // Entities keep the natural order of their ids (as before provinces were recognised: built-in and
  // user panels sort alike); outputs that want GB/T 2260 order sort by entities[i].provinceCode.
  const entityOrder = undefined;
  let panel = roles.wide
    ? wideToLong(table, names, roles, { valueName: options.valueName, entityOrder }, meta, log)
    : longToPanel(table, names, roles, { frequency: options.frequency, crossSectionPeriod: options.crossSectionPeriod, tableOwned: options.tableOwned, entityOrder }, meta, log);
  if (prov.provinces.size) return { ...panel, entities: withProvinceAttributes(panel.entities, prov.provinces) };
  const totals = panel.entities.filter((e) => mayBeTotal(e.id) && TOTAL_NAMES.has(normaliseHeader(e.id))).map((e) => e.id);
  if (!totals.length) return panel;
  const note: Note = {
    level: 'warning',
    code: 'total-row',
    message: `entity ${totals.map((t) => `"${t}"`).join(', ')} looks like a total of the others (yearbooks list the national total with the regions); delete its rows if it is not a region`,
    detail: { entities: totals },
  };
  panel = { ...panel, notes: [...panel.notes, note] };
  return panel;
}

/** Entity names that yearbooks use for a total row (outside province tables, where they are dropped). */
const TOTAL_NAMES = new Set(['全国', '全国合计', '全国总计', '合计', '总计', 'total', 'grand total', 'sum']);

/** False for ids that start with an ASCII digit (firm and region codes), which no total name does: skips normalising 100,000 codes. */
function mayBeTotal(id: string): boolean {
  const c = id.charCodeAt(0);
  return !(c >= 48 && c <= 57);
}
