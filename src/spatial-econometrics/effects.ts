import { cholesky, type Matrix } from '../linalg/index.js';
import { quantileSorted, sd } from '../core/numeric.js';
import { Rng } from '../core/rng.js';
import type { SpatialFit } from './fit.js';
import { normalTwoSided } from './p-values.js';
import type { UnitTraces } from './logdet.js';
import { BandLU } from './band-lu.js';

/** One effect with its inference. */
export interface EffectValue {
  readonly estimate: number;
  readonly stdError: number;
  readonly pValue: number;
  /** 2.5% and 97.5% quantiles of the simulated draws (null with the delta method). */
  readonly lower: number | null;
  readonly upper: number | null;
}

/** Direct, indirect and total effect of one regressor. */
export interface EffectRow {
  readonly variable: string;
  readonly direct: EffectValue;
  readonly indirect: EffectValue;
  readonly total: EffectValue;
}

/** Options of {@link spatialEffects}. */
export interface EffectsOptions {
  /** `simulation` (default; LeSage & Pace 2009 §2.7, spatialreg `impacts(R = draws)`) or `delta`. */
  readonly inference?: 'simulation' | 'delta';
  /** Number of parameter draws (default 1000). */
  readonly draws?: number;
  readonly seed?: number;
}

/** Draws of the parameter vector (ρ/λ, β) from N(θ̂, V̂), the sampling scheme of spatialreg's `impacts`. */
export function drawParameters(fit: SpatialFit, draws: number, seed: number): Float64Array[] {
  const p = fit.vcov.rows;
  const est = parameterVector(fit);
  const f = cholesky(fit.vcov, { tol: 1e-14 });
  if (f.dropped.length) throw new RangeError('drawParameters: the variance matrix is singular');
  const rng = new Rng(seed);
  const z = new Float64Array(p);
  const out: Float64Array[] = [];
  for (let d = 0; d < draws; d++) {
    for (let i = 0; i < p; i++) z[i] = rng.normal(0, 1);
    // θ = θ̂ + Rᵀz with V = RᵀR
    const v = Float64Array.from(est);
    for (let i = 0; i < p; i++) {
      let s = 0;
      for (let k = 0; k <= i; k++) s += f.r.data[k + i * p] * z[k];
      v[i] += s;
    }
    out.push(v);
  }
  return out;
}

/** (ρ/λ, β) as ordered in `fit.vcov`. */
export function parameterVector(fit: SpatialFit): Float64Array {
  return fit.rhoName === null ? Float64Array.from(fit.beta) : Float64Array.from([fit.rho, ...fit.beta]);
}

/** [direct, indirect, total] of regressor k for parameters v = (ρ, β) with traces at ρ. */
function effectsAt(
  fit: SpatialFit,
  v: ArrayLike<number>,
  k: number,
  traces: ((r: number) => UnitTraces) | null,
): [number, number, number] {
  const off = fit.rhoName === null ? 0 : 1;
  const b = v[off + fit.betaIndex[k]];
  const th = fit.thetaIndex[k] >= 0 ? v[off + fit.thetaIndex[k]] : 0;
  if (fit.rhoName === 'rho') {
    const r = v[0];
    const t = traces!(r);
    const direct = b * t.a + th * t.b;
    const total = (b + th) / (1 - r);
    return [direct, total - direct, total];
  }
  // SEM: β only; SLX/SDEM: β direct, θ indirect (no global multiplier).
  return [b, th, b + th];
}

/**
 * LeSage–Pace (2009) effects: the averages of S_k(W) = (I − ρW)⁻¹(β_k I + θ_k W) — direct = tr(S_k)/N,
 * total = ι'S_kι/N = (β_k + θ_k)/(1 − ρ) for row-standardised W, indirect = total − direct (spatialreg
 * `impacts`, xsmle `effects`). SEM: direct β, indirect 0; SLX/SDEM: direct β, indirect θ. Estimates are
 * the analytic values at the ML estimates; standard errors are the standard deviations of the effects
 * over `draws` parameter draws from the asymptotic normal distribution (seeded), p-values normal, or
 * the delta method with the analytic gradient.
 */
export function spatialEffects(fit: SpatialFit, options: EffectsOptions = {}): EffectRow[] {
  const inference = options.inference ?? 'simulation';
  const K = fit.xNames.length;
  const est = parameterVector(fit);
  let draws: Float64Array[] = [];
  if (inference === 'simulation') draws = drawParameters(fit, options.draws ?? 1000, options.seed ?? 1);
  let traces: ((r: number) => UnitTraces) | null = null;
  if (fit.rhoName === 'rho') {
    const rhos = [fit.rho, ...draws.map((d) => d[0])].filter((r) => r > fit.logdet.lower && r < fit.logdet.upper);
    traces = fit.logdet.traces(rhos);
  }
  const rows: EffectRow[] = [];
  for (let k = 0; k < K; k++) {
    const point = effectsAt(fit, est, k, traces);
    let se: number[];
    let bounds: [number, number][] | null = null;
    if (inference === 'simulation') {
      const vals: number[][] = [[], [], []];
      for (const d of draws) {
        if (fit.rhoName === 'rho' && !(d[0] > fit.logdet.lower && d[0] < fit.logdet.upper)) continue;
        const e = effectsAt(fit, d, k, traces);
        for (let j = 0; j < 3; j++) vals[j].push(e[j]);
      }
      se = vals.map(sd);
      bounds = vals.map((v) => {
        const s = [...v].sort((a, b) => a - b);
        return [quantileSorted(s, 0.025), quantileSorted(s, 0.975)];
      });
    } else {
      const g = effectGradient(fit, est, k, traces);
      se = g.map((row) => Math.sqrt(quad(fit.vcov, row)));
    }
    const val = (j: number): EffectValue => ({
      estimate: point[j],
      stdError: se[j],
      pValue: normalTwoSided(point[j] / se[j]),
      lower: bounds ? bounds[j][0] : null,
      upper: bounds ? bounds[j][1] : null,
    });
    rows.push({ variable: fit.xNames[k], direct: val(0), indirect: val(1), total: val(2) });
  }
  return rows;
}

/** Gradients of [direct, indirect, total] of regressor k with respect to (ρ, β). */
function effectGradient(
  fit: SpatialFit,
  v: Float64Array,
  k: number,
  traces: ((r: number) => UnitTraces) | null,
): Float64Array[] {
  const p = v.length;
  const off = fit.rhoName === null ? 0 : 1;
  const ib = off + fit.betaIndex[k];
  const it = fit.thetaIndex[k] >= 0 ? off + fit.thetaIndex[k] : -1;
  const gd = new Float64Array(p);
  const gt = new Float64Array(p);
  if (fit.rhoName === 'rho') {
    const r = v[0];
    const t = traces!(r);
    const b = v[ib];
    const th = it >= 0 ? v[it] : 0;
    gd[0] = b * t.da + th * t.db;
    gd[ib] = t.a;
    if (it >= 0) gd[it] = t.b;
    gt[0] = (b + th) / ((1 - r) * (1 - r));
    gt[ib] = 1 / (1 - r);
    if (it >= 0) gt[it] = 1 / (1 - r);
  } else {
    gd[ib] = 1;
    gt[ib] = 1;
    if (it >= 0) gt[it] = 1;
  }
  const gi = gt.map((x, j) => x - gd[j]);
  return [gd, gi, gt];
}

function quad(m: Matrix, g: Float64Array): number {
  let s = 0;
  for (let i = 0; i < m.rows; i++) for (let j = 0; j < m.cols; j++) s += g[i] * m.data[i + j * m.rows] * g[j];
  return s;
}

/** Per-entity effects of one regressor: how a unit change in entity j's x moves y. */
export interface EntityEffectRow {
  readonly entity: string;
  /** S_jj: entity j's own response (feedback through the neighbours included). */
  readonly direct: number;
  /** Σ_{i≠j} S_ij: the response of all other entities (the spillover j emits). */
  readonly indirect: number;
  /** Σ_i S_ij. */
  readonly total: number;
}

/**
 * Per-entity LeSage–Pace effects at the estimates (LeSage & Pace 2009, §2.7): the diagonal and the
 * column sums of S_k(W) = (I − ρW)⁻¹(β_k I + θ_k W). Their averages over entities are the direct and
 * total effects. 2N sparse solves for SAR/SDM (columns of A⁻¹ and A⁻¹W); the scenarios use the same S.
 */
export function entityEffects(fit: SpatialFit): { variable: string; rows: EntityEffectRow[] }[] {
  const N = fit.N;
  const off = fit.rhoName === null ? 0 : 1;
  const v = parameterVector(fit);
  const w = fit.w;
  const K = fit.xNames.length;
  const out = fit.xNames.map((variable) => ({ variable, rows: [] as EntityEffectRow[] }));
  const lu = fit.rhoName === 'rho' ? new BandLU(w, fit.logdet.order, fit.rho) : null;
  // column j of W
  const wcol: { i: number[]; v: number[] }[] = Array.from({ length: N }, () => ({ i: [], v: [] }));
  for (let i = 0; i < N; i++)
    for (let k = w.ptr[i]; k < w.ptr[i + 1]; k++) {
      wcol[w.col[k]].i.push(i);
      wcol[w.col[k]].v.push(w.val[k]);
    }
  const e = new Float64Array(N);
  const c = new Float64Array(N);
  const d = new Float64Array(N);
  for (let j = 0; j < N; j++) {
    e.fill(0);
    e[j] = 1;
    if (lu) lu.solve(e, c);
    else c.set(e);
    e.fill(0);
    wcol[j].i.forEach((i, q) => (e[i] = wcol[j].v[q]));
    if (lu) lu.solve(e, d);
    else d.set(e);
    let sc = 0;
    let sd = 0;
    for (let i = 0; i < N; i++) {
      sc += c[i];
      sd += d[i];
    }
    for (let k = 0; k < K; k++) {
      const b = v[off + fit.betaIndex[k]];
      const th = fit.thetaIndex[k] >= 0 ? v[off + fit.thetaIndex[k]] : 0;
      // SEM: S = βI (the error process does not spill the regressor over)
      const own = fit.rhoName === 'lambda' ? b : b * c[j] + th * d[j];
      const total = fit.rhoName === 'lambda' ? b : b * sc + th * sd;
      out[k].rows.push({ entity: fit.ids[j], direct: own, indirect: total - own, total });
    }
  }
  return out;
}
