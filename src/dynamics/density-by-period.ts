/**
 * Kernel densities of one variable period by period on a common grid: the data behind the ridgeline
 * and 3D (grid × period) plots of distribution dynamics in NQPF papers.
 */
import type { Panel } from '../data/panel.js';
import { NoteLog, type Note } from '../core/notes.js';
import { InputError } from '../core/errors.js';
import { bandwidthNrd0 } from './bandwidth.js';
import { kernelDensity } from './kernel-density.js';
import { valuesByPeriod } from './panel-values.js';

/** Options of {@link densityByPeriod}. */
export interface DensityByPeriodOptions {
  /**
   * Bandwidth: 'per-period' (default, bw.nrd0 of each period's values, the usual choice), 'pooled'
   * (bw.nrd0 of all values, so curves differ only by the data), or a fixed number.
   */
  readonly bw?: 'per-period' | 'pooled' | number;
  /** Grid points. Default 512. */
  readonly n?: number;
  /** Common grid ends; default min over periods of (min − 3h) and max of (max + 3h). */
  readonly from?: number;
  readonly to?: number;
  readonly method?: 'binned' | 'exact';
  readonly periods?: readonly number[];
}

/** Shape summary of one period's density. */
export interface DensityCurve {
  readonly period: number;
  readonly n: number;
  readonly bw: number;
  readonly y: Float64Array;
  /** Grid point of the highest density (main peak). */
  readonly peakX: number;
  readonly peakY: number;
  /** Number of local maxima above 1% of the main peak (uni-/bi-/multi-modality). */
  readonly peaks: number;
}

/** Common grid, one curve per period, and the grid × period matrix. */
export interface DensityByPeriodResult {
  readonly value: string;
  readonly grid: Float64Array;
  readonly curves: readonly DensityCurve[];
  /** grid × period matrix (row g, column = period), ready for 3D surface plots. */
  readonly matrix: readonly (readonly number[])[];
  readonly method: 'binned' | 'exact';
  readonly notes: readonly Note[];
}

function countPeaks(y: Float64Array, floor: number): number {
  let k = 0;
  for (let i = 1; i < y.length - 1; i++) if (y[i] > y[i - 1] && y[i] >= y[i + 1] && y[i] > floor) k++;
  return k;
}

/** Per-period Gaussian kernel densities of column `value` on one grid (see {@link kernelDensity}). */
export function densityByPeriod(
  panel: Panel,
  value: string,
  options: DensityByPeriodOptions = {},
): DensityByPeriodResult {
  const log = new NoteLog();
  const groups = valuesByPeriod(panel, value, options.periods).filter((g) => {
    if (g.values.length < 2)
      log.warn('too-few-observations', `period ${g.period}: fewer than two values of "${value}"; no density`);
    return g.values.length >= 2;
  });
  if (!groups.length) throw new InputError(`no period has two or more values of "${value}"`, { column: value });
  const pooled =
    options.bw === 'pooled' ? bandwidthNrd0(Float64Array.from(groups.flatMap((g) => Array.from(g.values)))) : NaN;
  const bws = groups.map((g) =>
    typeof options.bw === 'number' ? options.bw : options.bw === 'pooled' ? pooled : bandwidthNrd0(g.values),
  );
  let from = Infinity;
  let to = -Infinity;
  groups.forEach((g, k) => {
    for (const v of g.values) {
      from = Math.min(from, v - 3 * bws[k]);
      to = Math.max(to, v + 3 * bws[k]);
    }
  });
  from = options.from ?? from;
  to = options.to ?? to;
  const n = options.n ?? 512;
  const method = options.method ?? 'binned';
  let grid: Float64Array = new Float64Array(0);
  const curves: DensityCurve[] = groups.map((g, k) => {
    const d = kernelDensity(g.values, { bw: bws[k], n, from, to, method });
    grid = d.x;
    let peak = 0;
    for (let i = 1; i < d.y.length; i++) if (d.y[i] > d.y[peak]) peak = i;
    return {
      period: g.period,
      n: g.values.length,
      bw: bws[k],
      y: d.y,
      peakX: d.x[peak],
      peakY: d.y[peak],
      peaks: countPeaks(d.y, 0.01 * d.y[peak]),
    };
  });
  const matrix = Array.from(grid, (_, i) => curves.map((c) => c.y[i]));
  return { value, grid, curves, matrix, method, notes: log.notes };
}
