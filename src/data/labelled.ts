/**
 * What Stata and SPSS files hold beyond a table of cells — variable labels, value labels, dates
 * stored as numbers — turned into the {@link RawTable} every reader produces, so that a .dta or .sav
 * file goes through the same panel detection as a CSV. Pure; runs in a browser.
 */
import type { Note } from '../core/notes.js';
import type { RawColumn, RawTable } from './raw-table.js';

/** One variable as read from a statistical file. */
export interface LabelledVariable {
  readonly name: string;
  /** The variable label ("R&D intensity"), if any. */
  readonly label?: string;
  /** Numbers (NaN = missing, the file's missing codes included) … */
  readonly num?: Float64Array;
  /** … or text (dates are given as text: "2016-12-31", "2016-12", "2016Q4"). */
  readonly str?: readonly string[];
  /** Value labels of a numeric variable (1 → "East"). */
  readonly valueLabels?: ReadonlyMap<number, string>;
}

/** Options shared by the .dta and .sav readers. */
export interface StatFileOptions {
  readonly fileName: string;
  /** Keep the numeric codes of labelled variables instead of their labels (`--codes`). */
  readonly codes?: boolean;
  /** Text encoding of the strings (default: what the file says, else UTF-8, else GB18030). */
  readonly encoding?: string;
}

/** A statistical file read into a raw table with its variable labels and reading notes. */
export interface StatFileTable {
  readonly table: RawTable;
  /** Variable labels by column name. */
  readonly variableLabels: Record<string, string>;
  readonly notes: Note[];
  /** The text encoding used for the strings. */
  readonly encoding: string;
}

/**
 * The raw table of `vars`: numbers stay numbers; a labelled numeric variable becomes the text of its
 * labels when every non-missing value has one (as Stata's `decode`, haven's `as_factor`), unless
 * `codes`; a variable with unlabelled values keeps its codes, with an info note.
 */
export function labelledTable(vars: readonly LabelledVariable[], nRows: number, options: StatFileOptions): StatFileTable {
  const notes: Note[] = [];
  const variableLabels: Record<string, string> = {};
  const columns: RawColumn[] = vars.map((v) => {
    if (v.label) variableLabels[v.name] = v.label;
    if (v.str) {
      const str = v.str.map((s) => (s === '' ? undefined : s));
      return { num: new Float64Array(nRows).fill(NaN), str };
    }
    const num = v.num ?? new Float64Array(nRows).fill(NaN);
    const labels = v.valueLabels;
    if (!labels || labels.size === 0 || options.codes) return { num, str: null };
    let unlabelled = 0;
    const examples = new Set<number>();
    for (let i = 0; i < nRows; i++) {
      const x = num[i];
      if (Number.isFinite(x) && !labels.has(x)) {
        unlabelled++;
        if (examples.size < 3) examples.add(x);
      }
    }
    if (unlabelled > 0) {
      notes.push({
        level: 'info',
        code: 'value-labels',
        message: `column "${v.name}": ${unlabelled} value${unlabelled > 1 ? 's' : ''} without a value label (${[...examples].join(', ')}): the numeric codes are kept`,
        detail: { column: v.name },
      });
      return { num, str: null };
    }
    const str = Array.from(num, (x) => (Number.isFinite(x) ? labels.get(x) : undefined));
    notes.push({
      level: 'info',
      code: 'value-labels',
      message: `column "${v.name}": value labels read as text (${[...new Set(labels.values())].slice(0, 4).join(', ')}${labels.size > 4 ? ', …' : ''}); --codes keeps the numbers`,
      detail: { column: v.name },
    });
    return { num: new Float64Array(nRows).fill(NaN), str };
  });
  const table: RawTable = {
    header: vars.map((v) => v.name),
    columns,
    nRows,
    rowNumber: Int32Array.from({ length: nRows }, (_, i) => i + 2),
    file: options.fileName,
  };
  return { table, variableLabels, notes, encoding: '' };
}

/** ISO date text (yyyy-mm-dd) of a time in milliseconds since 1970-01-01 UTC; with the time when not midnight. */
export function isoDate(ms: number): string {
  const d = new Date(ms);
  const iso = d.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 19).replace('T', ' ');
}
