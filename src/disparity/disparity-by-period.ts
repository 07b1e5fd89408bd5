/**
 * Regional disparity of one variable by period: Dagum Gini decomposition, Theil T and L with
 * within/between parts, and the coefficient of variation. The usual table of Chinese NQPF papers
 * (e.g. Dagum by the four NBS regions, year by year).
 */
import type { Panel } from '../data/panel.js';
import { column } from '../data/panel.js';
import { NoteLog, type Note } from '../core/notes.js';
import { dagumGini, type DagumResult } from './dagum-gini.js';
import { theil, type TheilResult } from './theil.js';
import { coefficientOfVariation } from './coefficient-of-variation.js';
import { checkNonNegative } from './groups.js';
import { groupLabels } from './group-labels.js';

/** Options of {@link disparityByPeriod}. */
export interface DisparityOptions {
  /** Only these periods (default all). */
  readonly periods?: readonly number[];
  /** Standard deviation of the CV: 1 = sample (default), 0 = population. */
  readonly cvCorrection?: number;
  /** Fixed order of groups in the output (default sorted by name). */
  readonly groupOrder?: readonly string[];
}

/** All disparity measures of one period. */
export interface DisparityPeriod {
  readonly period: number;
  readonly n: number;
  readonly dagum: DagumResult;
  readonly theilT: TheilResult;
  readonly theilL: TheilResult;
  readonly cv: number;
}

/** Disparity measures period by period, with notes. */
export interface DisparityResult {
  readonly value: string;
  readonly groupBy: string;
  readonly cvCorrection: number;
  readonly periods: readonly DisparityPeriod[];
  readonly notes: readonly Note[];
}

/**
 * Disparity of column `value` by period, decomposed by `groupBy` (a column or 'group').
 * Rows with a missing value or group are dropped (recorded in notes); a group with one member in a
 * period gives a warning (its within-group Gini is 0 and it weighs on the between part only).
 *
 * @throws InputError for negative values (naming entity and period) or an unknown column.
 */
export function disparityByPeriod(
  panel: Panel,
  value: string,
  groupBy: string,
  options: DisparityOptions = {},
): DisparityResult {
  const y = column(panel, value);
  const labels = groupLabels(panel, groupBy);
  const log = new NoteLog();
  const cvCorrection = options.cvCorrection ?? 1;
  const periods = options.periods ?? panel.periods;
  const out: DisparityPeriod[] = [];
  let dropped = 0;
  for (const t of periods) {
    const rows: number[] = [];
    for (let i = 0; i < y.length; i++) {
      if (panel.period[i] !== t) continue;
      if (!Number.isFinite(y[i]) || labels[i] === '') {
        dropped++;
        continue;
      }
      rows.push(i);
    }
    if (rows.length < 2) {
      log.warn('too-few-observations', `period ${t}: fewer than two observations of "${value}"; skipped`);
      continue;
    }
    const ys = rows.map((i) => y[i]);
    const gs = rows.map((i) => labels[i]);
    checkNonNegative(ys, `disparity of "${value}"`, (k) => `${panel.entity[rows[k]]} ${t}`);
    const counts = new Map<string, number>();
    for (const g of gs) counts.set(g, (counts.get(g) ?? 0) + 1);
    for (const [g, c] of counts) {
      if (c === 1) {
        log.warn(
          'singleton-group',
          `group "${g}" has one member in ${t}: its within-group Gini is 0 and it enters only the between-group parts`,
        );
      }
    }
    const order = options.groupOrder?.filter((g) => counts.has(g));
    const theilL = theil(ys, gs, 'L', order);
    if (!Number.isFinite(theilL.total)) log.warn('theil-l-zero', `period ${t}: a value of 0 makes Theil L infinite`);
    out.push({
      period: t,
      n: rows.length,
      dagum: dagumGini(ys, gs, order),
      theilT: theil(ys, gs, 'T', order),
      theilL,
      cv: coefficientOfVariation(ys, cvCorrection),
    });
  }
  if (dropped) log.info('dropped-rows', `${dropped} row(s) with a missing "${value}" or group were left out`);
  return { value, groupBy, cvCorrection, periods: out, notes: log.notes };
}
