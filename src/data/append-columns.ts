import { InputError } from '../core/errors.js';
import type { Panel } from './panel.js';
import type { RawTable } from './raw-table.js';

/**
 * The user's table with columns added at the right: every row and column of `table` as it was read
 * (its header, its row order, the cells as they are: text as text, plain numbers as numbers, empty
 * cells empty), then one column per entry of `added` — a column aligned with the rows of `panel`,
 * matched to the table's rows through the panel's `sourceRow` (the spreadsheet row each panel row
 * came from). Table rows that are not in the panel get empty cells. What `measure --append` writes.
 *
 * @throws InputError when an added name is already a column of the table (the user's column is never replaced).
 */
export function appendColumns(
  table: RawTable,
  panel: Panel,
  added: Readonly<Record<string, Float64Array>>,
): (string | number)[][] {
  const names = Object.keys(added);
  for (const name of names)
    if (table.header.some((h) => h.trim() === name))
      throw new InputError(`the data already has a column "${name}"`, {
        file: table.file,
        column: name,
        hint: 'rename that column (or the system) so that the index can be appended without replacing it',
      });
  if (!panel.sourceRow)
    throw new RangeError('appendColumns: the panel does not record the rows it was read from (sourceRow)');
  const rowOfSource = new Map<number, number>();
  for (let r = 0; r < table.nRows; r++) rowOfSource.set(table.rowNumber[r], r);
  const panelRowOf = new Int32Array(table.nRows).fill(-1);
  panel.sourceRow.forEach((src, i) => {
    const r = rowOfSource.get(src);
    if (r !== undefined) panelRowOf[r] = i;
  });
  const out: (string | number)[][] = [[...table.header, ...names]];
  const cols = names.map((n) => added[n]);
  for (let r = 0; r < table.nRows; r++) {
    const row: (string | number)[] = table.columns.map((c) => {
      const s = c.str?.[r];
      if (s !== undefined) return s;
      const v = c.num[r];
      return Number.isNaN(v) ? '' : v;
    });
    const i = panelRowOf[r];
    for (const c of cols) row.push(i >= 0 && Number.isFinite(c[i]) ? c[i] : '');
    out.push(row);
  }
  return out;
}

/**
 * A panel as a long table with columns added: entity, period, its numeric and text columns, then
 * `added` — for data that did not come from a long-layout file (a built-in dataset, a wide yearbook table).
 */
export function panelWithColumns(panel: Panel, added: Readonly<Record<string, Float64Array>>): (string | number)[][] {
  const num = Object.keys(panel.columns);
  const text = Object.keys(panel.text);
  const names = Object.keys(added);
  for (const name of names)
    if ([panel.entityColumn, panel.periodColumn, ...num, ...text].includes(name))
      throw new InputError(`the data already has a column "${name}"`, {
        file: panel.meta.file,
        column: name,
        hint: 'rename that column (or the system) so that the index can be appended without replacing it',
      });
  const out: (string | number)[][] = [[panel.entityColumn, panel.periodColumn, ...text, ...num, ...names]];
  const cell = (v: number) => (Number.isFinite(v) ? v : '');
  for (let i = 0; i < panel.entity.length; i++)
    out.push([
      panel.entity[i],
      panel.period[i],
      ...text.map((t) => panel.text[t][i] ?? ''),
      ...num.map((c) => cell(panel.columns[c][i])),
      ...names.map((c) => cell(added[c][i])),
    ]);
  return out;
}
