/**
 * Values of one panel column grouped by period, skipping missing values; shared by the distribution
 * dynamics routines.
 */
import type { Panel } from '../data/panel.js';
import { column } from '../data/panel.js';

/** The finite values of one period with their panel rows. */
export interface PeriodValues {
  readonly period: number;
  /** Row indices into the panel. */
  readonly rows: readonly number[];
  readonly values: Float64Array;
}

/** Finite values of `value` for each period of the panel (periods ascending). */
export function valuesByPeriod(
  panel: Panel,
  value: string,
  periods: readonly number[] = panel.periods,
): PeriodValues[] {
  const y = column(panel, value);
  return periods.map((t) => {
    const rows: number[] = [];
    for (let i = 0; i < y.length; i++) if (panel.period[i] === t && Number.isFinite(y[i])) rows.push(i);
    return { period: t, rows, values: Float64Array.from(rows, (i) => y[i]) };
  });
}
