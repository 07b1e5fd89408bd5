import {
  cholesky,
  choleskyInverse,
  choleskySolve,
  crossprod,
  dot,
  fromRows,
  spdInverse,
  xty,
  zeros,
  type Matrix,
} from '../linalg/index.js';
import { InputError } from '../core/errors.js';
import { NoteLog, type Note } from '../core/notes.js';
import { BandLU } from './band-lu.js';
import { gTraces, makeLogDet, type LogDet, type LogDetOptions } from './logdet.js';
import { maximize } from './optimize.js';
import { panelLag, type SparseW } from './sparse-w.js';

/** Spatial panel models: SAR (lag), SEM (error), SDM (lag + WX), SLX (WX only), SDEM (error + WX). */
export type SpatialModel = 'sar' | 'sem' | 'sdm' | 'slx' | 'sdem';
/** Fixed effects: entity (within), period, both (two-way), none (pooled with intercept). */
export type SpatialFe = 'entity' | 'period' | 'both' | 'none';

/** A balanced panel stacked by period blocks: row t·N + i is entity `ids[i]` in `periods[t]`. */
export interface SpatialPanelData {
  readonly ids: readonly string[];
  readonly periods: readonly number[];
  readonly y: Float64Array;
  readonly yName: string;
  /** Regressors (no intercept), each of length N·T. */
  readonly x: readonly Float64Array[];
  readonly xNames: readonly string[];
}

/** Options of {@link fitSpatialPanel}. */
export interface SpatialFitOptions {
  readonly model: SpatialModel;
  readonly fe: SpatialFe;
  /**
   * Lee & Yu (2010) transformation approach: the likelihood of the data after the orthonormal
   * transformations F_{T,T−1} (entity effects) and F_{N,N−1} (period effects), i.e. N(T−1), (N−1)T or
   * (N−1)(T−1) observations, (T−1)·log|I − ρW| for entity effects and log|I − ρW| − log(1 − ρ) per
   * period for period effects. Default false: the direct approach of spatialreg and xsmle without `leeyu`.
   */
  readonly leeYu?: boolean;
  readonly logdet?: LogDetOptions;
  /** Optimiser tolerance on ρ/λ (absolute), default 1e-11. */
  readonly tol?: number;
}

/** A fitted spatial panel model (estimates and their asymptotic variance; effects and tests are computed from it). */
export interface SpatialFit {
  readonly model: SpatialModel;
  readonly fe: SpatialFe;
  readonly leeYu: boolean;
  readonly N: number;
  readonly T: number;
  readonly nobs: number;
  /** Observations in the likelihood: NT (direct) or the Lee–Yu count. */
  readonly nEff: number;
  /** ρ (SAR, SDM) or λ (SEM, SDEM); NaN for SLX. */
  readonly rho: number;
  readonly rhoName: 'rho' | 'lambda' | null;
  /** Reported terms: the regressors, then `W*x` for Durbin models; `(Intercept)` first without FE. */
  readonly terms: readonly string[];
  readonly beta: Float64Array;
  /** For each regressor k (xNames order): index of β_k in `beta` and of θ_k (W*x_k), −1 if absent. */
  readonly betaIndex: readonly number[];
  readonly thetaIndex: readonly number[];
  readonly xNames: readonly string[];
  /** Asymptotic variance of (ρ/λ, β) — ρ first when the model has it. */
  readonly vcov: Matrix;
  readonly sigma2: number;
  readonly logLik: number;
  /** Residuals ε̂ of the transformed model (period blocks). */
  readonly residuals: Float64Array;
  readonly logdet: LogDet;
  readonly w: SparseW;
  readonly yName: string;
  readonly ids: readonly string[];
  readonly periods: readonly number[];
  readonly notes: readonly Note[];
}

/** x − entity mean over periods (the within transformation Q_T ⊗ I_N), stacked by period blocks. */
export function entityDemean(x: Float64Array, N: number, T: number): Float64Array {
  const m = new Float64Array(N);
  for (let t = 0; t < T; t++) for (let i = 0; i < N; i++) m[i] += x[t * N + i];
  for (let i = 0; i < N; i++) m[i] /= T;
  const out = new Float64Array(x.length);
  for (let t = 0; t < T; t++) for (let i = 0; i < N; i++) out[t * N + i] = x[t * N + i] - m[i];
  return out;
}

/** x − period mean over entities (annihilator of the period dummies). */
export function periodDemean(x: Float64Array, N: number, T: number): Float64Array {
  const out = new Float64Array(x.length);
  for (let t = 0; t < T; t++) {
    let s = 0;
    for (let i = 0; i < N; i++) s += x[t * N + i];
    s /= N;
    for (let i = 0; i < N; i++) out[t * N + i] = x[t * N + i] - s;
  }
  return out;
}

/**
 * Fit a spatial panel model by maximum likelihood, concentrating β and σ² out of the likelihood
 * (Anselin 1988; Elhorst 2014, ch. 3):
 *
 *   y = ρ(I_T⊗W)y + Xβ + (I_T⊗W)Xθ + FE + u,   u = λ(I_T⊗W)u + ε,   ε ~ N(0, σ²I).
 *
 * Entity effects are removed by the within transformation (which commutes with a row-standardised W);
 * period effects by projecting out period dummies after the spatial lags are formed — by
 * Frisch–Waugh–Lovell identical to period dummies, which is what the R reference does (spatialreg
 * `lagsarlm`/`errorsarlm` on entity-demeaned data with `factor(year)` and listw I_T⊗W). ℓ(ρ) =
 * −n/2·(log 2π + 1) − n/2·log(SSR(ρ)/n) + T·log|I − ρW| is maximised by Brent's method on the
 * admissible interval; σ² = SSR/n with n = NT (ML, spatialreg's convention).
 *
 * Variance: the inverse of the analytical information matrix (spatialreg `method = "eigen"`;
 * Elhorst 2014 eq. 3.13), with the traces tr(G), tr(G²), tr(GᵀG) of G = W(I − ρW)⁻¹ computed exactly,
 * and nuisance regressors (period dummies, and the intercept of the entity-demeaned data) partialled
 * out of the information matrix by the Schur complement.
 */
export function fitSpatialPanel(data: SpatialPanelData, w: SparseW, options: SpatialFitOptions): SpatialFit {
  const { model, fe } = options;
  const leeYu = options.leeYu ?? false;
  const N = data.ids.length;
  const T = data.periods.length;
  const n = N * T;
  if (w.n !== N) throw new RangeError('fitSpatialPanel: weights and data have different entities');
  if (data.y.length !== n) throw new RangeError('fitSpatialPanel: y must have N·T values');
  const log = new NoteLog();
  const entityFe = fe === 'entity' || fe === 'both';
  const periodFe = fe === 'period' || fe === 'both';
  if (entityFe && T < 2)
    throw new InputError('entity fixed effects need at least 2 periods', { hint: 'use --fe none or --fe period' });
  const ed = (v: Float64Array) => (entityFe ? entityDemean(v, N, T) : v);
  const pd = (v: Float64Array) => (periodFe ? periodDemean(v, N, T) : v);
  const durbin = model === 'sdm' || model === 'slx' || model === 'sdem';
  const lagged = model === 'sar' || model === 'sdm';
  const errors = model === 'sem' || model === 'sdem';
  // Regressors: [(Intercept)], x, W*x (lags of the entity-demeaned x = demeaned lags)
  const xe = data.x.map(ed);
  const cols: Float64Array[] = [];
  const terms: string[] = [];
  if (fe === 'none') {
    cols.push(new Float64Array(n).fill(1));
    terms.push('(Intercept)');
  }
  const betaIndex: number[] = [];
  const thetaIndex: number[] = [];
  xe.forEach((c, k) => {
    betaIndex.push(cols.length);
    cols.push(c);
    terms.push(data.xNames[k]);
  });
  xe.forEach((c, k) => {
    if (!durbin) {
      thetaIndex.push(-1);
      return;
    }
    thetaIndex.push(cols.length);
    cols.push(panelLag(w, c));
    terms.push(`W*${data.xNames[k]}`);
  });
  const p = cols.length;
  const ye = ed(data.y);
  const wye = panelLag(w, ye);
  const X = cols.map(pd);
  const yt = pd(ye);
  const wyt = pd(wye);
  // Rank check on the transformed regressors (never a blind inverse).
  const xtx = crossprod(X);
  const chol = cholesky(xtx, { tol: 1e-10 });
  if (chol.dropped.length) {
    throw new InputError(
      `collinear regressors after the fixed effects: ${chol.dropped.map((j) => terms[j]).join(', ')}`,
      {
        hint: 'drop the variable (a regressor constant over entities is absorbed by --fe period, one constant over time by --fe entity)',
      },
    );
  }
  const ld = makeLogDet(w, options.logdet);
  // Lee–Yu transformation approach: effective observations and log-determinant weight.
  const nEff = leeYu ? (entityFe ? T - 1 : T) * (periodFe ? N - 1 : N) : n;
  const tw = leeYu && entityFe ? T - 1 : T;
  const unitAdj = leeYu && periodFe;
  const ldet = (r: number) => tw * (ld.logDet(r) - (unitAdj ? Math.log(1 - r) : 0));
  const tol = options.tol ?? 1e-11;
  const c0 = -(nEff / 2) * (Math.log(2 * Math.PI) + 1);
  let rho = NaN;
  let beta: Float64Array;
  let sigma2: number;
  let logLik: number;
  let resid: Float64Array;
  let vcov: Matrix;
  const lo = ld.lower + 1e-9 * Math.abs(ld.lower);
  const hi = ld.upper - 1e-9 * Math.abs(ld.upper);
  if (!errors) {
    const b0 = choleskySolve(chol, xty(X, yt));
    const e0 = residual(yt, X, b0);
    if (!lagged) {
      // SLX: OLS of the transformed data, ML variance σ²(X'X)⁻¹.
      beta = b0;
      resid = e0;
      sigma2 = dot(e0, e0) / nEff;
      logLik = c0 - (nEff / 2) * Math.log(sigma2);
      vcov = scale(choleskyInverse(chol), sigma2);
    } else {
      const bd = choleskySolve(chol, xty(X, wyt));
      const e1 = residual(wyt, X, bd);
      const s00 = dot(e0, e0);
      const s01 = dot(e0, e1);
      const s11 = dot(e1, e1);
      const ll = (r: number) => c0 - (nEff / 2) * Math.log((s00 - 2 * r * s01 + r * r * s11) / nEff) + ldet(r);
      const opt = maximize(ll, lo, hi, tol);
      rho = opt.x;
      logLik = opt.value;
      beta = b0.map((v, j) => v - rho * bd[j]);
      resid = e0.map((v, i) => v - rho * e1[i]);
      sigma2 = dot(resid, resid) / nEff;
      boundaryNote(log, rho, ld, 'rho');
      // g = M_Z (W y_e − G ε̂): G times the fitted systematic part, nuisance regressors partialled out.
      const lu = new BandLU(w, ld.order, rho);
      const ge = new Float64Array(n);
      const tmp = new Float64Array(N);
      for (let t = 0; t < T; t++) {
        lu.solve(resid.subarray(t * N, (t + 1) * N), tmp);
        for (let i = 0; i < N; i++) {
          let s = 0;
          for (let k = w.ptr[i]; k < w.ptr[i + 1]; k++) s += w.val[k] * tmp[w.col[k]];
          ge[t * N + i] = wye[t * N + i] - s;
        }
      }
      const g = pd(ge);
      const tr = spatialTraces(w, ld, rho, unitAdj);
      const k = p + 2;
      const info = zeros(k, k);
      const set = (i: number, j: number, v: number) => {
        info.data[i + j * k] = v;
        info.data[j + i * k] = v;
      };
      set(0, 0, nEff / (2 * sigma2 * sigma2));
      set(0, 1, (tw * tr.trG) / sigma2);
      set(1, 1, tw * (tr.trG2 + tr.trGtG) + dot(g, g) / sigma2);
      for (let j = 0; j < p; j++) {
        set(1, 2 + j, dot(X[j], g) / sigma2);
        for (let l = 0; l <= j; l++) set(2 + j, 2 + l, xtx.data[j + l * p] / sigma2);
      }
      vcov = dropFirst(spdInverse(info, 1e-14));
    }
  } else {
    // SEM / SDEM: SSR(λ) = min_β ‖M_Z(I − λW)(y − Xβ)‖², quadratic forms precomputed.
    const WX = cols.map((c) => pd(panelLag(w, c)));
    const A = X;
    const B = WX;
    const aa = dot(yt, yt);
    const ab = dot(yt, wyt);
    const bb = dot(wyt, wyt);
    const AA = xtx;
    const AB = crossMat(A, B);
    const BB = crossprod(B);
    const Aa = xty(A, yt);
    const Ab = xty(A, wyt);
    const Ba = xty(B, yt);
    const Bb = xty(B, wyt);
    const solveAt = (l: number) => {
      const m = zeros(p, p);
      for (let j = 0; j < p; j++) {
        for (let i = 0; i < p; i++) {
          m.data[i + j * p] =
            AA.data[i + j * p] - l * (AB.data[i + j * p] + AB.data[j + i * p]) + l * l * BB.data[i + j * p];
        }
      }
      const v = new Float64Array(p);
      for (let j = 0; j < p; j++) v[j] = Aa[j] - l * (Ab[j] + Ba[j]) + l * l * Bb[j];
      const f = cholesky(m, { tol: 1e-12 });
      const b = choleskySolve(f, v);
      const yy = aa - 2 * l * ab + l * l * bb;
      return { b, ssr: yy - dot(b, v), f };
    };
    const ll = (l: number) => c0 - (nEff / 2) * Math.log(solveAt(l).ssr / nEff) + ldet(l);
    const opt = maximize(ll, lo, hi, tol);
    rho = opt.x;
    logLik = opt.value;
    boundaryNote(log, rho, ld, 'lambda');
    const at = solveAt(rho);
    beta = at.b;
    resid = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      let s = yt[i] - rho * wyt[i];
      for (let j = 0; j < p; j++) s -= (A[j][i] - rho * B[j][i]) * beta[j];
      resid[i] = s;
    }
    sigma2 = dot(resid, resid) / nEff;
    const tr = spatialTraces(w, ld, rho, unitAdj);
    const i2 = spdInverse(
      fromRows([
        [nEff / (2 * sigma2 * sigma2), (tw * tr.trG) / sigma2],
        [(tw * tr.trG) / sigma2, tw * (tr.trG2 + tr.trGtG)],
      ]),
      1e-14,
    );
    const vb = scale(choleskyInverse(at.f), sigma2);
    vcov = zeros(p + 1, p + 1);
    vcov.data[0] = i2.data[3];
    for (let j = 0; j < p; j++) for (let i = 0; i < p; i++) vcov.data[1 + i + (1 + j) * (p + 1)] = vb.data[i + j * p];
  }
  if (leeYu) {
    log.info(
      'lee-yu',
      `Lee–Yu (2010) transformation approach: ${nEff} effective observations${unitAdj ? ', log|I − ρW| − log(1 − ρ) per period' : ''}; σ² = SSR/${nEff}`,
    );
  }
  return {
    model,
    fe,
    leeYu,
    N,
    T,
    nobs: n,
    nEff,
    rho,
    rhoName: lagged ? 'rho' : errors ? 'lambda' : null,
    terms,
    beta,
    betaIndex,
    thetaIndex,
    xNames: data.xNames,
    vcov,
    sigma2,
    logLik,
    residuals: resid,
    logdet: ld,
    w,
    yName: data.yName,
    ids: data.ids,
    periods: data.periods,
    notes: log.notes,
  };
}

function residual(y: Float64Array, X: readonly Float64Array[], b: Float64Array): Float64Array {
  const e = Float64Array.from(y);
  X.forEach((c, j) => {
    const bj = b[j];
    for (let i = 0; i < e.length; i++) e[i] -= c[i] * bj;
  });
  return e;
}

function crossMat(A: readonly Float64Array[], B: readonly Float64Array[]): Matrix {
  const p = A.length;
  const m = zeros(p, p);
  for (let i = 0; i < p; i++) for (let j = 0; j < p; j++) m.data[i + j * p] = dot(A[i], B[j]);
  return m;
}

function scale(m: Matrix, s: number): Matrix {
  return { rows: m.rows, cols: m.cols, data: m.data.map((v) => v * s) };
}

/** Drop row and column 0 (σ²) of a symmetric matrix. */
function dropFirst(m: Matrix): Matrix {
  const k = m.rows - 1;
  const out = zeros(k, k);
  for (let j = 0; j < k; j++) for (let i = 0; i < k; i++) out.data[i + j * k] = m.data[i + 1 + (j + 1) * m.rows];
  return out;
}

/** Traces of G at ρ; with the Lee–Yu period transformation the unit eigenvalue 1/(1 − ρ) of G along ι is removed. */
function spatialTraces(w: SparseW, ld: LogDet, rho: number, unitAdj: boolean) {
  const t = gTraces(w, ld, rho, { colSums: unitAdj });
  if (!unitAdj) return t;
  const c = 1 / (1 - rho);
  return { ...t, trG: t.trG - c, trG2: t.trG2 - c * c, trGtG: t.trGtG - t.colSumSq / w.n };
}

function boundaryNote(log: NoteLog, r: number, ld: LogDet, name: string): void {
  const span = ld.upper - ld.lower;
  if (r - ld.lower < 1e-6 * span || ld.upper - r < 1e-6 * span) {
    log.warn(
      'boundary',
      `${name} = ${r} is at the edge of its admissible interval (${ld.lower.toFixed(4)}, ${ld.upper.toFixed(4)}); the likelihood has no interior maximum`,
    );
  }
}
