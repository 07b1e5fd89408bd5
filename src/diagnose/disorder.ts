import { mean, sd } from '../core/numeric.js';
import type { RelativeStatus } from '../couple/relative-development.js';

/**
 * What structural disorder needs from a coupling row: the coordination degree D and the relative
 * development status of each system. `CouplingRow` of src/couple satisfies it.
 */
export interface DisorderInputRow {
  readonly entity: string;
  readonly period: number;
  readonly D: number;
  readonly relative: readonly {
    readonly system: string;
    readonly E: number;
    readonly status: RelativeStatus | undefined;
  }[];
}

export interface DisorderOptions {
  /**
   * D below this value counts as imbalance (失调). Default 0.5: the lower five of the ten usual
   * coordination levels (extreme … on the verge of imbalance, 极度失调 … 濒临失调).
   */
  dThreshold?: number;
  /**
   * The coupled systems in order. With two systems the coupling reports one ratio E = U₁/U₂ for the
   * first; giving the systems lets the second be named too (U₁ leading means U₂ lagging).
   */
  systems?: readonly string[];
}

export interface DisorderRow {
  readonly entity: string;
  readonly period: number;
  readonly D: number;
  /** D < dThreshold. */
  readonly imbalanced: boolean;
  /** Systems whose relative development is `lagging`. */
  readonly lagging: readonly string[];
  /** Systems whose relative development is `leading`. */
  readonly leading: readonly string[];
  /** Imbalanced, or some system not synchronous. */
  readonly disordered: boolean;
}

export interface DisorderPeriod {
  readonly period: number;
  readonly n: number;
  readonly meanD: number;
  /** Share of entities with D < dThreshold. */
  readonly imbalancedShare: number;
  /** Share of entities that are imbalanced or have a lagging or leading system. */
  readonly disorderedShare: number;
  /** How often each system lags, over the entities of the period. */
  readonly laggingCount: Readonly<Record<string, number>>;
}

/** The seed paper's "structural disorder" (结构失序) from coupling coordination results. */
export interface DisorderResult {
  readonly dThreshold: number;
  readonly rows: readonly DisorderRow[];
  readonly periods: readonly DisorderPeriod[];
  /** Entities disordered in their last period, with the lagging systems. */
  readonly latest: readonly DisorderRow[];
}

/**
 * Diagnose structural disorder: imbalance between systems (or dimensions) read from the coupling
 * coordination degree D (D < 0.5 = imbalance in the usual ten-level table) and from relative
 * development (a lagging or leading system, thresholds of src/couple). Rows with NaN D are skipped.
 */
export function structuralDisorder(rows: readonly DisorderInputRow[], options: DisorderOptions = {}): DisorderResult {
  const dThreshold = options.dThreshold ?? 0.5;
  const out: DisorderRow[] = [];
  for (const r of rows) {
    if (!Number.isFinite(r.D)) continue;
    const lagging = r.relative.filter((x) => x.status === 'lagging').map((x) => x.system);
    const leading = r.relative.filter((x) => x.status === 'leading').map((x) => x.system);
    const pair = options.systems;
    if (pair?.length === 2 && r.relative.length === 1) {
      // E = U₁/U₂ describes both systems at once: the other one takes the opposite status.
      const other = r.relative[0].system === pair[0] ? pair[1] : pair[0];
      if (leading.length) lagging.push(other);
      else if (lagging.length) leading.push(other);
    }
    const imbalanced = r.D < dThreshold;
    out.push({
      entity: r.entity,
      period: r.period,
      D: r.D,
      imbalanced,
      lagging,
      leading,
      disordered: imbalanced || lagging.length > 0 || leading.length > 0,
    });
  }
  const periods = [...new Set(out.map((r) => r.period))]
    .sort((a, b) => a - b)
    .map((p) => {
      const rs = out.filter((r) => r.period === p);
      const laggingCount: Record<string, number> = {};
      for (const r of rs) for (const s of r.lagging) laggingCount[s] = (laggingCount[s] ?? 0) + 1;
      return {
        period: p,
        n: rs.length,
        meanD: mean(rs.map((r) => r.D)),
        imbalancedShare: rs.filter((r) => r.imbalanced).length / rs.length,
        disorderedShare: rs.filter((r) => r.disordered).length / rs.length,
        laggingCount,
      };
    });
  const last = new Map<string, DisorderRow>();
  for (const r of out) {
    const prev = last.get(r.entity);
    if (!prev || r.period > prev.period) last.set(r.entity, r);
  }
  return { dThreshold, rows: out, periods, latest: [...last.values()].filter((r) => r.disordered) };
}

/**
 * Imbalance between dimension scores of one entity when no coupling model is run: the coefficient
 * of variation (population sd / mean) and the max/min ratio of the scores. 0 and 1 for equal scores.
 */
export function dimensionImbalance(scores: Readonly<Record<string, number>>): {
  cv: number;
  maxMinRatio: number;
  weakest: string;
  strongest: string;
} {
  const entries = Object.entries(scores).filter(([, v]) => Number.isFinite(v));
  if (entries.length < 2)
    return { cv: NaN, maxMinRatio: NaN, weakest: entries[0]?.[0] ?? '', strongest: entries[0]?.[0] ?? '' };
  const vals = entries.map(([, v]) => v);
  let lo = entries[0];
  let hi = entries[0];
  for (const e of entries) {
    if (e[1] < lo[1]) lo = e;
    if (e[1] > hi[1]) hi = e;
  }
  return { cv: sd(vals, 0) / mean(vals), maxMinRatio: hi[1] / lo[1], weakest: lo[0], strongest: hi[0] };
}
