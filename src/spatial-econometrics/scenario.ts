import { quantileSorted } from '../core/numeric.js';
import { BandLU } from './band-lu.js';
import { drawParameters, parameterVector } from './effects.js';
import type { SpatialFit } from './fit.js';
import { lagInto } from './sparse-w.js';

/** A value with the interval of its simulated draws. */
export interface IntervalValue {
  readonly estimate: number;
  readonly lower: number;
  readonly upper: number;
}

/** Predicted change in one entity. */
export interface ScenarioRow {
  readonly entity: string;
  /** The change of the regressor in this entity. */
  readonly shock: number;
  /** Δy_i = Σ_j S_ij Δx_j. */
  readonly total: IntervalValue;
  /** Own part S_ii Δx_i: the entity's response to its own shock, feedback through neighbours included. */
  readonly own: IntervalValue;
  /** Spillover part Σ_{j≠i} S_ij Δx_j: the response to shocks elsewhere. */
  readonly spillover: IntervalValue;
}

/** Result of {@link scenarioEffects}. */
export interface ScenarioResult {
  readonly variable: string;
  readonly rows: readonly ScenarioRow[];
  /** Sums over entities of the total, own and spillover changes. */
  readonly sum: { readonly total: IntervalValue; readonly own: IntervalValue; readonly spillover: IntervalValue };
  readonly draws: number;
  readonly seed: number;
  readonly level: number;
}

/** Options of {@link scenarioEffects}. */
export interface ScenarioOptions {
  readonly draws?: number;
  readonly seed?: number;
  /** Interval level (default 0.95: the 2.5% and 97.5% quantiles of the draws). */
  readonly level?: number;
}

/**
 * The change of y in every entity when regressor `variable` changes by Δx (one value per entity, in
 * the weights' order), through S(W) = (I − ρW)⁻¹(βI + θW) (SAR/SDM), βI + θW (SLX/SDEM) or βI (SEM):
 * Δy = S Δx, split into the own part S_ii Δx_i and the spillover part Σ_{j≠i} S_ij Δx_j (LeSage &
 * Pace 2009, §2.7: the per-entity reading of the direct and indirect effects). Point values at the ML
 * estimates; intervals are quantiles over the same seeded parameter draws as the effects.
 */
export function scenarioEffects(
  fit: SpatialFit,
  variable: string,
  delta: ArrayLike<number>,
  options: ScenarioOptions = {},
): ScenarioResult {
  const k = fit.xNames.indexOf(variable);
  if (k < 0) throw new RangeError(`scenarioEffects: ${variable} is not a regressor of the model`);
  const N = fit.N;
  const draws = options.draws ?? 1000;
  const seed = options.seed ?? 1;
  const level = options.level ?? 0.95;
  const dx = Float64Array.from(delta);
  const shocked: number[] = [];
  for (let i = 0; i < N; i++) if (dx[i] !== 0) shocked.push(i);
  const wdx = new Float64Array(N);
  lagInto(fit.w, dx, wdx);
  const off = fit.rhoName === null ? 0 : 1;
  const lagged = fit.rhoName === 'rho';
  const one = (v: ArrayLike<number>) => {
    const b = v[off + fit.betaIndex[k]];
    const th = fit.thetaIndex[k] >= 0 ? v[off + fit.thetaIndex[k]] : 0;
    const u = Float64Array.from(dx, (x, i) => b * x + th * wdx[i]);
    const own = new Float64Array(N);
    if (!lagged) {
      for (let i = 0; i < N; i++) own[i] = b * dx[i];
      return { total: u, own };
    }
    const lu = new BandLU(fit.w, fit.logdet.order, v[0]);
    const total = lu.solve(u);
    // S_ii for shocked i: column i of S is A⁻¹(β e_i + θ W e_i)
    const e = new Float64Array(N);
    const col = new Float64Array(N);
    for (const i of shocked) {
      e.fill(0);
      e[i] = b;
      for (let j = 0; j < N; j++) {
        for (let q = fit.w.ptr[j]; q < fit.w.ptr[j + 1]; q++) if (fit.w.col[q] === i) e[j] += th * fit.w.val[q];
      }
      lu.solve(e, col);
      own[i] = col[i] * dx[i];
    }
    return { total, own };
  };
  const point = one(parameterVector(fit));
  const sims = drawParameters(fit, draws, seed)
    .filter((v) => !lagged || (v[0] > fit.logdet.lower && v[0] < fit.logdet.upper))
    .map(one);
  const a = (1 - level) / 2;
  const interval = (est: number, vals: number[]): IntervalValue => {
    const s = vals.sort((x, y) => x - y);
    return { estimate: est, lower: quantileSorted(s, a), upper: quantileSorted(s, 1 - a) };
  };
  // total − own leaves rounding noise (~1e-17) where nothing spills over; show it as 0
  const spill = (tot: number, own: number) => (Math.abs(tot - own) <= 1e-12 * Math.abs(tot) ? 0 : tot - own);
  const rows: ScenarioRow[] = [];
  for (let i = 0; i < N; i++) {
    rows.push({
      entity: fit.ids[i],
      shock: dx[i],
      total: interval(
        point.total[i],
        sims.map((s) => s.total[i]),
      ),
      own: interval(
        point.own[i],
        sims.map((s) => s.own[i]),
      ),
      spillover: interval(
        spill(point.total[i], point.own[i]),
        sims.map((s) => spill(s.total[i], s.own[i])),
      ),
    });
  }
  const sum = (v: Float64Array) => v.reduce((x, y) => x + y, 0);
  return {
    variable,
    rows,
    sum: {
      total: interval(
        sum(point.total),
        sims.map((s) => sum(s.total)),
      ),
      own: interval(
        sum(point.own),
        sims.map((s) => sum(s.own)),
      ),
      spillover: interval(
        sum(point.total) - sum(point.own),
        sims.map((s) => sum(s.total) - sum(s.own)),
      ),
    },
    draws: sims.length,
    seed,
    level,
  };
}
