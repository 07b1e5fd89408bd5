import { quantileSorted } from '../../core/numeric.js';
import { InputError } from '../../core/errors.js';
import type { Note } from '../../core/notes.js';
import { column, withColumns, type Panel } from '../../data/panel.js';

/** Options of {@link winsorize}. */
export interface WinsorizeOptions {
  /** Cut share at each tail (default 0.01: the 1st and 99th percentiles, `winsor2, cuts(1 99)`). */
  readonly p?: number;
  /** Quantile definition (default 2 = Stata `winsor2`; 7 = R's default). */
  readonly type?: 2 | 7;
  /** Winsorise within each period separately (`winsor2, by(year)`); default pooled. */
  readonly byPeriod?: boolean;
}

/**
 * Winsorise `columns`: values below the p-quantile are set to it and values above the
 * (1 − p)-quantile likewise (missing values stay missing). Returns a new panel with the columns
 * replaced and an info note per column giving the bounds and the number of values changed.
 */
export function winsorize(panel: Panel, columns: readonly string[], options: WinsorizeOptions = {}): Panel {
  const p = options.p ?? 0.01;
  if (!(p > 0 && p < 0.5))
    throw new InputError(`winsorising share must be in (0, 0.5) (got ${p})`, {
      hint: 'e.g. --winsorize 0.01 for the 1st and 99th percentiles',
    });
  const type = options.type ?? 2;
  const added: Record<string, Float64Array> = {};
  const notes: Note[] = [];
  const groups: number[][] = options.byPeriod ? panel.periods.map(() => []) : [[]];
  for (let i = 0; i < panel.entity.length; i++) groups[options.byPeriod ? panel.periodIndex[i] : 0].push(i);
  for (const name of columns) {
    const src = column(panel, name, 'winsorize');
    const out = Float64Array.from(src);
    let changed = 0;
    const bounds: [number, number][] = [];
    for (const rows of groups) {
      const vals = Float64Array.from(rows.map((i) => src[i]).filter((v) => Number.isFinite(v))).sort();
      if (!vals.length) continue;
      const lo = quantileSorted(vals, p, type);
      const hi = quantileSorted(vals, 1 - p, type);
      bounds.push([lo, hi]);
      for (const i of rows) {
        const v = src[i];
        if (v < lo) {
          out[i] = lo;
          changed++;
        } else if (v > hi) {
          out[i] = hi;
          changed++;
        }
      }
    }
    added[name] = out;
    const where = options.byPeriod ? ' within each period' : ` to [${bounds[0]?.[0]}, ${bounds[0]?.[1]}]`;
    notes.push({
      level: 'info',
      code: 'winsorized',
      message: `${name} winsorised at ${p * 100}% and ${(1 - p) * 100}%${where}: ${changed} values changed`,
      detail: { column: name, p, type, bounds, changed },
    });
  }
  return withColumns(panel, added, notes);
}
