/**
 * The sample filter every command shares (`--where`, `--years`): rows are selected before the
 * command runs, and the result carries a note saying how many rows were kept and dropped.
 */
import { InputError } from '../core/errors.js';
import type { Note } from '../core/notes.js';
import { filterRows, type Panel } from './panel.js';
import { evaluateWhere } from './where.js';

/**
 * Which years to keep: a list (`[2012, 2015]`) or an inclusive range (`{ from: 2012, to: 2023 }`,
 * either end open). Years are the year part of the period: for quarterly (20164) and monthly
 * (201612) panels, `2016` selects every quarter or month of 2016.
 */
export type YearsSpec = readonly number[] | { readonly from?: number; readonly to?: number };

/**
 * Parse `--years`: `2012:2023` (a range; `2015:` and `:2015` open at one end), `2012-2023` (a
 * range), `2012,2015,2017` (a list) or one year. An array or a `{from, to}` object is checked and
 * returned as is. InputError naming `{{years}}` otherwise.
 */
export function parseYearsSpec(value: string | YearsSpec): YearsSpec {
  const bad = (got: string): never => {
    throw new InputError(`{{years}} takes years such as 2012:2023, 2012-2023 or 2012,2015 (got "${got}")`, {
      hint: 'e.g. {{years=2012:2023}}',
    });
  };
  const year = (x: unknown) => typeof x === 'number' && Number.isInteger(x);
  if (typeof value !== 'string') {
    if (Array.isArray(value)) {
      if (!value.length || !value.every(year)) bad(JSON.stringify(value));
      return value;
    }
    const r = value as { from?: unknown; to?: unknown };
    const keys = Object.keys(r);
    if (
      !keys.length ||
      keys.some((k) => k !== 'from' && k !== 'to') ||
      (r.from !== undefined && !year(r.from)) ||
      (r.to !== undefined && !year(r.to))
    )
      bad(JSON.stringify(value));
    if (r.from !== undefined && r.to !== undefined && (r.from as number) > (r.to as number)) bad(JSON.stringify(value));
    return value;
  }
  const t = value.trim().replace(/：/g, ':').replace(/，/g, ',');
  const range = /^(-?\d+)?\s*:\s*(-?\d+)?$/.exec(t) ?? /^(\d+)\s*[-–—~]\s*(\d+)$/.exec(t);
  if (range && (range[1] !== undefined || range[2] !== undefined)) {
    const from = range[1] === undefined ? undefined : Number(range[1]);
    const to = range[2] === undefined ? undefined : Number(range[2]);
    if (from !== undefined && to !== undefined && from > to) bad(value);
    return { ...(from !== undefined ? { from } : {}), ...(to !== undefined ? { to } : {}) };
  }
  const parts = t
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const list = parts.map(Number);
  if (!list.length || list.some((x) => !Number.isInteger(x))) bad(value);
  return list;
}

/** The spec as `--years` writes it (`2012:2023`, `2012,2015`). */
export function yearsText(spec: YearsSpec): string {
  if (Array.isArray(spec)) return spec.join(',');
  const r = spec as { from?: number; to?: number };
  return `${r.from ?? ''}:${r.to ?? ''}`;
}

/** The year of a period: the period itself for annual data, year×10 + quarter and year×100 + month otherwise. */
export function yearOfPeriod(period: number, frequency: Panel['meta']['frequency']): number {
  if (frequency === 'quarter') return Math.floor(period / 10);
  if (frequency === 'month') return Math.floor(period / 100);
  return period;
}

/** The years of `spec` among the panel's periods, in the spec's order for a list (for stages that report per period). */
export function yearsOf(panel: Panel, spec: YearsSpec): number[] {
  const years = [...new Set(panel.periods.map((p) => yearOfPeriod(p, panel.meta.frequency)))];
  if (Array.isArray(spec)) return spec.filter((y) => years.includes(y));
  const r = spec as { from?: number; to?: number };
  return years.filter((y) => (r.from === undefined || y >= r.from) && (r.to === undefined || y <= r.to));
}

/** The shared sample options: a `where` condition and the years to keep. */
export interface SampleFilter {
  /** A condition on the columns (see src/data/where.ts), e.g. `gdp > 1000 and region != "East"`. */
  readonly where?: string;
  /** The years to keep (see {@link parseYearsSpec}). */
  readonly years?: string | YearsSpec;
}

/**
 * The rows of `panel` that pass `filter`, with a `sample-filter` note recording the rows kept and
 * dropped (`panel` itself when there is no filter). An InputError when the filter keeps no row.
 */
export function filterSample(panel: Panel, filter: SampleFilter = {}): Panel {
  const { where } = filter;
  const years = filter.years === undefined ? undefined : parseYearsSpec(filter.years);
  if ((where === undefined || where.trim() === '') && years === undefined) return panel;
  const n = panel.entity.length;
  const keep: boolean[] = where && where.trim() ? evaluateWhere(panel, where) : new Array(n).fill(true);
  if (years !== undefined) {
    const wanted = Array.isArray(years) ? new Set(years) : undefined;
    const r = years as { from?: number; to?: number };
    for (let i = 0; i < n; i++) {
      if (!keep[i]) continue;
      const y = yearOfPeriod(panel.period[i], panel.meta.frequency);
      keep[i] = wanted ? wanted.has(y) : (r.from === undefined || y >= r.from) && (r.to === undefined || y <= r.to);
    }
  }
  const kept = keep.filter(Boolean).length;
  const parts = [
    ...(where && where.trim() ? [`where ${where.trim()}`] : []),
    ...(years !== undefined ? [`years ${yearsText(years)}`] : []),
  ];
  const what = parts.join(', ');
  if (kept === 0)
    throw new InputError(`the sample filter (${what}) keeps no row of the data (${n} rows)`, {
      option: where && where.trim() ? 'where' : 'years',
      hint: years !== undefined ? `the data's periods: ${panel.periods[0]}–${panel.periods[panel.periods.length - 1]}` : 'check the condition and the values of the columns it names',
    });
  const note: Note = {
    level: 'info',
    code: 'sample-filter',
    message: `sample ${what}: kept ${kept} of ${n} rows (${n - kept} dropped)`,
    detail: { where: where?.trim() || undefined, years: years === undefined ? undefined : yearsText(years), kept, dropped: n - kept, rows: n },
  };
  if (kept === n) return { ...panel, notes: [...panel.notes, note] };
  return filterRows(panel, keep, [note]);
}
