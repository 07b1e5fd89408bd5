import { cholesky, choleskySolve, crossprod, dot, spdInverse, xty, zeros, type Matrix } from '../linalg/index.js';
import {
  entityDemean,
  fitSpatialPanel,
  periodDemean,
  type SpatialFe,
  type SpatialFit,
  type SpatialFitOptions,
  type SpatialPanelData,
} from './fit.js';
import { chisqUpper } from './p-values.js';
import { panelLag, type SparseW } from './sparse-w.js';

/** A test statistic with its χ² degrees of freedom and p-value. */
export interface TestStat {
  readonly statistic: number;
  readonly df: number;
  readonly pValue: number;
}

/** LM tests on the non-spatial FE model. */
export interface LmTests {
  readonly lmLag: TestStat;
  readonly lmError: TestStat;
  readonly robustLmLag: TestStat;
  readonly robustLmError: TestStat;
}

const stat = (x: number, df = 1): TestStat => ({ statistic: x, df, pValue: chisqUpper(x, df) });

/**
 * LM lag, LM error and their robust versions (Anselin, Bera, Florax & Yoon 1996) on the pooled OLS of the
 * FE-transformed data with W_NT = I_T ⊗ W, the panel forms of Elhorst (2014, §3.4; his LMsarsem_panel)
 * and Debarsy & Ertur (2010). With e the OLS residuals, σ² = e'e/NT, T_W = T·tr(W'W + W²):
 * LM_err = (e'W e/σ²)²/T_W; LM_lag = (e'W y/σ²)²/J with J = [(WXb)'M(WXb) + T_W σ²]/σ²;
 * robust LM_lag = (e'Wy/σ² − e'We/σ²)²/(J − T_W); robust LM_err = (e'We/σ² − T_W/J·e'Wy/σ²)²/(T_W(1 − T_W/J)).
 * W is applied to the transformed (demeaned) y, as Elhorst's code and spdep `lm.LMtests` on the stacked model do.
 */
export function lmTests(data: SpatialPanelData, w: SparseW, fe: SpatialFe): LmTests {
  const N = data.ids.length;
  const T = data.periods.length;
  const n = N * T;
  const entityFe = fe === 'entity' || fe === 'both';
  const periodFe = fe === 'period' || fe === 'both';
  const tf = (v: Float64Array) => {
    let out = entityFe ? entityDemean(v, N, T) : v;
    if (periodFe) out = periodDemean(out, N, T);
    return out;
  };
  const X = data.x.map(tf);
  if (fe === 'none') X.unshift(new Float64Array(n).fill(1));
  const y = tf(data.y);
  const f = cholesky(crossprod(X));
  const b = choleskySolve(f, xty(X, y));
  const yhat = new Float64Array(n);
  X.forEach((c, j) => {
    for (let i = 0; i < n; i++) yhat[i] += c[i] * b[j];
  });
  const e = y.map((v, i) => v - yhat[i]);
  const s2 = dot(e, e) / n;
  const We = panelLag(w, e);
  const Wy = panelLag(w, y);
  const Wyhat = panelLag(w, yhat);
  // (WXb)'M(WXb) = ‖WXb‖² − (X'WXb)'(X'X)⁻¹(X'WXb)
  const xw = xty(X, Wyhat);
  const proj = dot(xw, choleskySolve(f, xw));
  const mwxb = dot(Wyhat, Wyhat) - proj;
  let trWW = 0;
  let trW2 = 0;
  for (let i = 0; i < N; i++) {
    for (let k = w.ptr[i]; k < w.ptr[i + 1]; k++) {
      const j = w.col[k];
      trWW += w.val[k] * w.val[k];
      for (let l = w.ptr[j]; l < w.ptr[j + 1]; l++) if (w.col[l] === i) trW2 += w.val[k] * w.val[l];
    }
  }
  const TW = T * (trWW + trW2);
  const J = (mwxb + TW * s2) / s2;
  const lerr = dot(e, We) / s2;
  const llag = dot(e, Wy) / s2;
  return {
    lmLag: stat((llag * llag) / J),
    lmError: stat((lerr * lerr) / TW),
    robustLmLag: stat((llag - lerr) ** 2 / (J - TW)),
    robustLmError: stat((lerr - (TW / J) * llag) ** 2 / (TW * (1 - TW / J))),
  };
}

/** Wald and LR tests of the SDM against SAR and SEM, with the decision they point to. */
export interface DurbinTests {
  readonly waldSar: TestStat;
  readonly waldSem: TestStat;
  readonly lrSar: TestStat;
  readonly lrSem: TestStat;
  readonly logLik: { readonly sdm: number; readonly sar: number; readonly sem: number };
}

/**
 * Wald and LR tests of the SDM (Elhorst 2014, §2.5 and §3.5; LeSage & Pace 2009 ch. 6):
 * H₀ θ = 0 (SDM reduces to SAR): W = θ'V_θθ⁻¹θ; H₀ θ + ρβ = 0 (SDM reduces to SEM, the common-factor
 * restriction): W = f'(RVR')⁻¹f with f = θ + ρβ and R = ∂f/∂(ρ, β, θ) = [β, ρI, I]; LR = 2(ℓ_SDM − ℓ_SAR)
 * and 2(ℓ_SDM − ℓ_SEM). Each χ² with K degrees of freedom (K regressors).
 */
export function durbinTests(sdm: SpatialFit, sar: SpatialFit, sem: SpatialFit): DurbinTests {
  const K = sdm.xNames.length;
  const V = sdm.vcov;
  const p = V.rows;
  const ib = sdm.betaIndex.map((j) => 1 + j);
  const it = sdm.thetaIndex.map((j) => 1 + j);
  const v = [sdm.rho, ...sdm.beta];
  const sub = (r: number[], c: number[]) => {
    const m = zeros(r.length, c.length);
    r.forEach((ri, i) => c.forEach((cj, j) => (m.data[i + j * r.length] = V.data[ri + cj * p])));
    return m;
  };
  const th = Float64Array.from(it, (j) => v[j]);
  const waldSar = quadInv(sub(it, it), th);
  const f = Float64Array.from({ length: K }, (_, k) => v[it[k]] + v[0] * v[ib[k]]);
  const R = zeros(K, p);
  for (let k = 0; k < K; k++) {
    R.data[k] = v[ib[k]];
    R.data[k + ib[k] * K] = v[0];
    R.data[k + it[k] * K] = 1;
  }
  const RVR = zeros(K, K);
  for (let a = 0; a < K; a++)
    for (let b = 0; b < K; b++) {
      let s = 0;
      for (let i = 0; i < p; i++)
        for (let j = 0; j < p; j++) s += R.data[a + i * K] * V.data[i + j * p] * R.data[b + j * K];
      RVR.data[a + b * K] = s;
    }
  const waldSem = quadInv(RVR, f);
  return {
    waldSar: stat(waldSar, K),
    waldSem: stat(waldSem, K),
    lrSar: stat(2 * (sdm.logLik - sar.logLik), K),
    lrSem: stat(2 * (sdm.logLik - sem.logLik), K),
    logLik: { sdm: sdm.logLik, sar: sar.logLik, sem: sem.logLik },
  };
}

function quadInv(m: Matrix, x: Float64Array): number {
  const inv = spdInverse(m, 1e-14);
  let s = 0;
  for (let i = 0; i < x.length; i++) for (let j = 0; j < x.length; j++) s += x[i] * inv.data[i + j * x.length] * x[j];
  return s;
}

/** The model the test sequence points to, with the reason (a code the report translates, and English text). */
export interface ModelDecision {
  readonly choice: 'sdm' | 'sar' | 'sem' | 'ols';
  readonly code: string;
  readonly text: string;
}

/**
 * Elhorst's (2010, 2014 §3.5) specific-to-general-to-specific sequence: if neither (robust) LM test
 * rejects, the non-spatial FE model; otherwise estimate the SDM and keep it when both θ = 0 and
 * θ + ρβ = 0 are rejected (Wald and LR); if θ = 0 is not rejected and the (robust) LM tests point to the
 * lag, SAR; if θ + ρβ = 0 is not rejected and they point to the error, SEM; otherwise the SDM, which
 * nests both. Level `alpha` (default 0.05).
 */
export function decide(lm: LmTests, d: DurbinTests, alpha = 0.05): ModelDecision {
  const lagLm = lm.lmLag.pValue < alpha || lm.robustLmLag.pValue < alpha;
  const errLm = lm.lmError.pValue < alpha || lm.robustLmError.pValue < alpha;
  const rejSar = d.waldSar.pValue < alpha && d.lrSar.pValue < alpha;
  const rejSem = d.waldSem.pValue < alpha && d.lrSem.pValue < alpha;
  if (!lagLm && !errLm)
    return {
      choice: 'ols',
      code: 'no-spatial-dependence',
      text: 'No LM test rejects at the chosen level: the non-spatial FE model is not rejected (the SDM is still reported for its spillovers).',
    };
  if (rejSar && rejSem)
    return {
      choice: 'sdm',
      code: 'sdm-both-rejected',
      text: 'Wald and LR reject both θ = 0 and θ + ρβ = 0: the SDM describes the data best.',
    };
  if (!rejSar && lm.robustLmLag.pValue < alpha && !(lm.robustLmError.pValue < alpha))
    return {
      choice: 'sar',
      code: 'sar-accepted',
      text: 'θ = 0 is not rejected and the robust LM tests point to the spatial lag: SAR.',
    };
  if (!rejSem && lm.robustLmError.pValue < alpha && !(lm.robustLmLag.pValue < alpha))
    return {
      choice: 'sem',
      code: 'sem-accepted',
      text: 'θ + ρβ = 0 is not rejected and the robust LM tests point to the spatial error: SEM.',
    };
  return {
    choice: 'sdm',
    code: 'sdm-default',
    text: 'The LM and Wald/LR tests do not agree on a restriction: keep the SDM, which nests SAR and SEM (Elhorst 2010).',
  };
}

/** Fit SDM, SAR and SEM with the same FE and run the LM, Wald and LR tests. */
export function specificationTests(
  data: SpatialPanelData,
  w: SparseW,
  options: Omit<SpatialFitOptions, 'model'>,
  fits: Partial<Record<'sdm' | 'sar' | 'sem', SpatialFit>> = {},
) {
  const get = (m: 'sdm' | 'sar' | 'sem') => fits[m] ?? fitSpatialPanel(data, w, { ...options, model: m });
  const lm = lmTests(data, w, options.fe);
  const durbin = durbinTests(get('sdm'), get('sar'), get('sem'));
  return { lm, durbin, decision: decide(lm, durbin) };
}
