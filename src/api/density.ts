/** `density`: kernel densities by period on a common grid, as `nqpf density --json`. */
import { InputError } from '../core/errors.js';
import type { Note } from '../core/notes.js';
import { column, withColumns, type Panel } from '../data/panel.js';
import { densityByPeriod, type DensityByPeriodResult } from '../dynamics/density-by-period.js';
import { notesFor } from './common.js';

/** Options of {@link density}. */
export interface DensityStageOptions {
  readonly value: string;
  /** Bandwidth: `per-period` (default; bw.nrd0 of each period), `pooled`, or a number. */
  readonly bw?: 'per-period' | 'pooled' | number;
  /** Grid points; default 512. */
  readonly points?: number;
  /** Evaluate the kernel sum exactly; default false: R density()'s binned FFT algorithm. */
  readonly exact?: boolean;
  /** Use the natural log of the variable (column `ln(value)`); default false. */
  readonly log?: boolean;
  /** Only these periods; default all. */
  readonly years?: readonly number[];
}

/** What {@link runDensity} computed (`panel` holds the `ln(value)` column with `log`). */
export interface DensityRun {
  readonly panel: Panel;
  readonly result: DensityByPeriodResult;
  readonly notes: readonly Note[];
}

export function runDensity(raw: Panel, options: DensityStageOptions): DensityRun {
  let panel = raw;
  let value = options.value;
  if (options.log) {
    const y = column(panel, value);
    if (Array.from(y).some((v) => Number.isFinite(v) && !(v > 0)))
      throw new InputError(`--log needs positive values of "${value}"`, { column: value });
    value = `ln(${options.value})`;
    panel = withColumns(panel, { [value]: y.map(Math.log) });
  }
  const result = densityByPeriod(panel, value, {
    bw: options.bw ?? 'per-period',
    n: options.points ?? 512,
    method: options.exact ? 'exact' : 'binned',
    periods: options.years,
  });
  return { panel, result, notes: [...notesFor(panel.notes, [options.value]), ...result.notes] };
}

/** The `--json` object of `nqpf density`. */
export function densityJson({ panel, result: r, notes }: DensityRun) {
  return {
    value: r.value,
    method: r.method,
    grid: r.grid,
    periods: r.curves.map((c) => ({
      period: c.period,
      n: c.n,
      bw: c.bw,
      peakX: c.peakX,
      peakY: c.peakY,
      peaks: c.peaks,
      y: c.y,
    })),
    matrix: r.matrix,
    simulated: panel.meta.simulated,
    notes,
  };
}

/** Gaussian kernel density of a variable in each period on a common grid (R's `density()`), as `nqpf density --json`. */
export function density(panel: Panel, options: DensityStageOptions) {
  return densityJson(runDensity(panel, options));
}
