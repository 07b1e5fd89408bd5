/**
 * Cleaning a table read from a file before it becomes a panel: header names, yearbook footnote rows,
 * blank columns, merged cells filled down, and reading each column as numbers (placeholders and empty
 * cells missing, one note per column) or text. Pure; runs in a browser.
 */
import { InputError } from '../core/errors.js';
import type { NoteLog } from '../core/notes.js';
import { parseCell } from './cell.js';
import { cellText, type RawColumn, type RawTable } from './raw-table.js';

/** Counts of cells read as missing in one output column. */
export class MissingTally {
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
export interface TextCell {
  readonly row: number;
  readonly text: string;
}

/**
 * Number in cell `i` (NaN for empty and placeholder cells, counted in `tally`), or undefined when the
 * cell is text.
 */
export function numberCell(col: RawColumn, i: number, tally: MissingTally): number | undefined {
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

export function textInNumeric(table: RawTable, column: string, cell: TextCell): InputError {
  return new InputError(`text in a numeric column: "${cell.text}"`, {
    file: table.file,
    row: cell.row,
    column,
    hint: 'write a number (1234.5 or "1,234.5"), leave the cell empty or write NA for a missing value',
  });
}

export function missingNote(log: NoteLog, column: string, tally: MissingTally): void {
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
export type Classified =
  | { kind: 'numeric'; values: Float64Array; tally: MissingTally }
  | { kind: 'text'; text: string[] };

/**
 * Read a whole column: numeric when it has no text cell; text when it has no more numbers than
 * text cells (names, region labels, codes); otherwise it is a numeric column with stray text, an
 * InputError at the first text cell.
 */
export function classifyColumn(table: RawTable, k: number, name: string, log: NoteLog): Classified {
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

/** Column names from the header: trimmed, unnamed columns named "columnK" (warned), duplicates an InputError. */
export function headerNames(table: RawTable, log: NoteLog): string[] {
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
        row: table.headerRow ?? 1,
        column: name,
        hint: 'give each column a distinct name in the header row',
      });
    }
    seen.set(name, k);
    return name;
  });
}

/** True when column `k` holds more text cells than numbers (names, labels, codes). */
export function isTextColumn(table: RawTable, k: number): boolean {
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

/** InputError for a table without a header or without data rows. */
export function emptyCheck(table: RawTable): void {
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

/** Starts of yearbook footnote rows ("注：…", "资料来源：…", "Source: …"). */
const footnote = /^(?:注|附注|说明|资料来源|数据来源|来源|(?:note|notes|source|sources)\s*[:：])/i;

/**
 * The table without yearbook footnote rows: rows whose only non-empty cell is the first one and
 * reads like a note or source line. Each is recorded in an info note.
 */
export function withoutFootnotes(table: RawTable, log: NoteLog): RawTable {
  const nCols = table.columns.length;
  const drop: number[] = [];
  const first = table.columns[0];
  if (!first?.str) return table;
  // Ids repeat on consecutive rows (one per period): test each distinct run once. After a note line,
  // further lines with only their first cell filled continue the notes ("2. 自2019年起……").
  let prev: string | undefined;
  let prevNote = false;
  let inNotes = false;
  for (let i = 0; i < table.nRows; i++) {
    const s = first.str[i];
    if (s === undefined) continue;
    if (s !== prev) {
      prev = s;
      // An id the reader found a plain integer (its value beside the text) is no note.
      prevNote = !(first.num[i] >= 0) && footnote.test(s.trim());
    }
    if (!prevNote && !inNotes) continue;
    let only = true;
    for (let k = 1; k < nCols && only; k++) only = cellText(table.columns[k], i).trim() === '';
    if (only) {
      drop.push(i);
      inNotes = true;
    } else inNotes = false;
  }
  if (!drop.length) return table;
  log.info('footnote-rows', `skipped ${drop.length} footnote row${drop.length > 1 ? 's' : ''} (row ${drop.map((i) => table.rowNumber[i]).join(', ')})`, {
    rows: drop.map((i) => table.rowNumber[i]),
  });
  const dropped = new Set(drop);
  const keep: number[] = [];
  for (let i = 0; i < table.nRows; i++) if (!dropped.has(i)) keep.push(i);
  return keepRows(table, keep);
}

/** The table without columns that have neither a name nor a value (Excel's trailing ",,,"). */
export function withoutBlankColumns(table: RawTable): RawTable {
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


/** The rows of `table` where `keep` holds (row numbers follow). */
export function keepRows(table: RawTable, keep: readonly number[]): RawTable {
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

/**
 * Merged cells filled down: in column `k`, an empty cell in a row that holds data takes the value of
 * the cell above (a yearbook's entity or region cell merged over several rows; read-excel-file and CSV
 * exports keep the value in the first row only). Returns the table and the rows filled.
 */
export function fillDown(table: RawTable, k: number): { table: RawTable; filled: number[] } {
  const col = table.columns[k];
  const filled: number[] = [];
  // Most columns have no empty cell: find the first one before copying anything.
  let first = -1;
  for (let i = 0; i < table.nRows && first < 0; i++) {
    const s = col.str?.[i];
    if (s === undefined ? Number.isNaN(col.num[i]) : s === '' || ((s.charCodeAt(0) <= 32 || s.charCodeAt(0) > 127) && s.trim() === '')) first = i;
  }
  if (first <= 0) return { table, filled };
  let prev = '';
  const str: (string | undefined)[] = col.str ? [...col.str] : new Array(table.nRows);
  const num = Float64Array.from(col.num);
  for (let i = 0; i < table.nRows; i++) {
    const s = cellText(col, i).trim();
    if (s !== '') {
      prev = s;
      continue;
    }
    if (prev === '') continue;
    str[i] = prev;
    num[i] = NaN;
    filled.push(table.rowNumber[i]);
  }
  if (!filled.length) return { table, filled };
  const columns = table.columns.slice();
  columns[k] = { num, str };
  return { table: { ...table, columns }, filled };
}
