import type { Panel } from '../data/panel.js';
import type { Note } from '../core/notes.js';
import { NoteLog } from '../core/notes.js';
import { InputError } from '../core/errors.js';
import { fPValue } from '../core/pvalue.js';
import type { Matrix } from '../linalg/index.js';
import {
  cholesky,
  choleskyInverse,
  choleskyQr2,
  choleskySolve,
  crossprod,
  dot,
  solveUpper,
  subMatrix,
} from '../linalg/index.js';
import type { Formula } from './formula.js';
import { parseFormula } from './formula.js';
import type { DroppedRows, ModelFrame, ModelFrameOptions } from './model-frame.js';
import { modelFrame } from './model-frame.js';
import type { DemeanOptions, FixedEffect } from './demean.js';
import { demean, fixedEffectDof } from './demean.js';

/** Options of {@link feols}. */
export interface FeolsOptions extends ModelFrameOptions {
  demean?: DemeanOptions;
  /**
   * Collinearity tolerance: a regressor is dropped when its R² on the earlier kept regressors
   * exceeds 1 − collinTol (after the FE are partialled out), or when the FE absorb it (its
   * demeaned squared norm is below collinTol × its raw squared norm). Default 1e-10 (fixest's
   * `collin.tol`).
   */
  collinTol?: number;
}

/** First-stage diagnostics of one endogenous regressor (IV fits). */
export interface FirstStage {
  readonly endogenous: string;
  /** Standard (iid) F statistic of the excluded instruments in the first stage, FE partialled out. */
  readonly F: number;
  readonly df1: number;
  readonly df2: number;
  readonly pValue: number;
  readonly r2Partial: number;
  /** First-stage coefficients of the excluded instruments (kept ones). */
  readonly coefficients: Readonly<Record<string, number>>;
}

/**
 * A fitted linear model (OLS or 2SLS, with or without fixed effects). Inference is separate: pass
 * the fit to `vcov()` and `coefTable()` (fixest's design: fit once, infer many ways).
 */
export interface FeolsFit {
  readonly formula: Formula;
  readonly method: 'ols' | 'iv';
  readonly frame: ModelFrame;
  /** All coefficient names in order (including collinear ones). */
  readonly coefNames: readonly string[];
  /** Estimates aligned with `coefNames`; NaN for collinear terms (R's NA). */
  readonly coefficients: Float64Array;
  /** Terms dropped as collinear, as fixest's `collin.var`. */
  readonly collinear: readonly string[];
  /** Indices into `coefNames` of the estimated (kept) coefficients. */
  readonly keep: readonly number[];
  /**
   * Design used for inference, kept columns only, FE partialled out (for IV: exogenous regressors and
   * first-stage fitted endogenous regressors, the second-stage design).
   */
  readonly design: Float64Array[];
  /** (designᵀdesign)⁻¹ over kept coefficients: the "bread" of every variance estimator. */
  readonly bread: Matrix;
  /** Residuals y − Xb − FE (for IV with the actual endogenous regressors, as ivreg/fixest). */
  readonly residuals: Float64Array;
  readonly nobs: number;
  /** Number of estimated (kept) coefficients, intercept included. */
  readonly nCoef: number;
  /** Degrees of freedom absorbed by the fixed effects (see `fixedEffectDof`). */
  readonly fixedEffectDof: number;
  /** n − nCoef − fixedEffectDof. */
  readonly dfResidual: number;
  readonly rss: number;
  readonly tss: number;
  readonly r2: number;
  /** Within R² (FE models only; NaN otherwise): 1 − RSS / Σ ỹ² with ỹ the FE-demeaned outcome. */
  readonly r2Within: number;
  readonly adjR2: number;
  /** √(RSS/n), fixest's RMSE. */
  readonly rmse: number;
  /** √(RSS/dfResidual), the residual standard error. */
  readonly sigma: number;
  /** F statistic of all slopes (iid Wald / model df), with its df and p-value. */
  readonly F: number;
  readonly fDf1: number;
  readonly fDf2: number;
  readonly fPValue: number;
  readonly fixedEffects: ReadonlyArray<{ readonly name: string; readonly nLevels: number }>;
  readonly dropped: readonly DroppedRows[];
  readonly notes: readonly Note[];
  readonly demeanIterations: number;
  readonly firstStage?: readonly FirstStage[];
}

/** Sum of squares of a vector. */
function ssq(x: Float64Array): number {
  return dot(x, x);
}

/**
 * Least squares of y on the columns `cols` with collinearity detection: order-preserving Cholesky
 * of XᵀX (fixest's rule, `collinTol`) after removing columns the FE absorb decides which columns are
 * kept; the kept columns are then solved by a thin QR ({@link choleskyQr2}), so that the error of b
 * and of the bread grows with κ(X), not κ(X)² as with the normal equations (lm's accuracy on
 * near-collinear designs). Returns full-length b (NaN for dropped columns) and the bread
 * (X_keepᵀX_keep)⁻¹ = R⁻¹R⁻ᵀ.
 */
export function leastSquares(
  cols: readonly Float64Array[],
  y: Float64Array,
  rawNorms: readonly number[] | undefined,
  tol: number,
): { b: Float64Array; keep: number[]; dropped: number[]; bread: Matrix } {
  const p = cols.length;
  const xtx = crossprod(cols);
  const absorbed = new Set<number>();
  if (rawNorms) for (let j = 0; j < p; j++) if (!(xtx.data[j + j * p] > tol * rawNorms[j])) absorbed.add(j);
  const cand = [...Array(p).keys()].filter((j) => !absorbed.has(j));
  const f = cholesky(subMatrix(xtx, cand, cand), { tol });
  const keep = f.keep.map((k) => cand[k]);
  const dropped = [...Array(p).keys()].filter((j) => !keep.includes(j));
  const b = new Float64Array(p).fill(NaN);
  if (!keep.length) return { b, keep, dropped, bread: { rows: 0, cols: 0, data: new Float64Array(0) } };
  const { r, qty } = choleskyQr2(
    keep.map((j) => cols[j]),
    [y],
    subMatrix(xtx, keep, keep),
  );
  const bk = solveUpper(r, qty[0]);
  keep.forEach((j, k) => (b[j] = bk[k]));
  const k = keep.length;
  return { b, keep, dropped, bread: choleskyInverse({ r, rank: k, keep: [...Array(k).keys()], dropped: [] }) };
}

/** y − Σ cols[j]·b[j]; written over `y` when `inPlace` (y is a scratch copy nobody else holds). */
function residualsOf(
  y: Float64Array,
  cols: readonly Float64Array[],
  b: ArrayLike<number>,
  inPlace = false,
): Float64Array {
  const e = inPlace ? y : y.slice();
  cols.forEach((c, j) => {
    const bj = b[j];
    if (bj === 0 || Number.isNaN(bj)) return;
    for (let i = 0; i < e.length; i++) e[i] -= c[i] * bj;
  });
  return e;
}

function centredSsq(y: Float64Array): number {
  let m = 0;
  for (let i = 0; i < y.length; i++) m += y[i];
  m /= y.length;
  let s = 0;
  for (let i = 0; i < y.length; i++) s += (y[i] - m) * (y[i] - m);
  return s;
}

/**
 * Fit a linear model with any number of fixed effects, or 2SLS with `| endo ~ instruments`
 * (fixest's `feols`).
 *
 * Estimator: with D the FE dummies and M_D = I − D(DᵀD)⁻D ᵀ (computed by {@link demean}),
 * b = (X̃ᵀX̃)⁻¹X̃ᵀỹ with X̃ = M_D X (Frisch–Waugh–Lovell), identical to OLS with dummy variables.
 * 2SLS: the endogenous regressors are replaced by their first-stage fitted values X̂ (on exogenous
 * regressors and instruments, FE partialled out); residuals use the actual endogenous regressors.
 *
 * Statistics (fixest conventions): R² = 1 − RSS/TSS with TSS centred (uncentred without intercept
 * or FE); within R² = 1 − RSS/ỹᵀỹ; adjusted R² = 1 − (1 − R²)(n − 1)/(n − K − K_FE) where K_FE
 * counts FE levels minus redundancies; F = Wald statistic of all slopes under iid errors divided by
 * their number, on (K_slopes, n − K − K_FE) df; RMSE = √(RSS/n).
 */
export function feols(panel: Panel, formula: Formula | string, options: FeolsOptions = {}): FeolsFit {
  const f = typeof formula === 'string' ? parseFormula(formula) : formula;
  const frame = modelFrame(panel, f, options);
  return feolsFrame(frame, options);
}

/** {@link feols} on an already built model frame (used by bootstraps that rebuild samples). */
export function feolsFrame(frame: ModelFrame, options: FeolsOptions = {}): FeolsFit {
  const tol = options.collinTol ?? 1e-10;
  const f = frame.formula;
  const log = new NoteLog(frame.notes);
  const fes: FixedEffect[] = frame.fixedEffects;
  const n = frame.n;
  const hasFe = fes.length > 0;
  const all = [frame.y, ...frame.x, ...frame.endogenous, ...frame.instruments];
  const dm = demean(all, fes, options.demean);
  if (!dm.converged)
    log.warn(
      'demean-not-converged',
      `fixed-effect demeaning did not converge within ${options.demean?.maxIter ?? 10000} sweeps; results may be inaccurate`,
    );
  const yT = dm.columns[0];
  let o = 1;
  const xT = dm.columns.slice(o, (o += frame.x.length));
  const endoT = dm.columns.slice(o, (o += frame.endogenous.length));
  const instT = dm.columns.slice(o);
  const raw = (cols: Float64Array[]) => (hasFe ? cols.map(ssq) : undefined);
  const feDof = fixedEffectDof(fes);
  const isIv = frame.endogenous.length > 0;
  let coefNames: string[];
  let design: Float64Array[];
  let actual: Float64Array[];
  let rawNorms: number[] | undefined;
  let firstStage: FirstStage[] | undefined;
  if (isIv) {
    if (frame.instruments.length < frame.endogenous.length) {
      throw new InputError(
        `IV model "${f.text}" is under-identified: ${frame.endogenous.length} endogenous regressor(s) but ${frame.instruments.length} instrument(s)`,
        {
          hint: 'give at least as many excluded instruments as endogenous regressors: y ~ x | fe | endo ~ z1 + z2',
        },
      );
    }
    // First stage: each endogenous regressor on exogenous regressors + instruments.
    const zCols = [...xT, ...instT];
    const zRaw = raw([...frame.x, ...frame.instruments]);
    const fitted: Float64Array[] = [];
    firstStage = [];
    for (let e = 0; e < endoT.length; e++) {
      const full = leastSquares(zCols, endoT[e], zRaw, tol);
      const resU = residualsOf(endoT[e], zCols, full.b);
      const fit = endoT[e].slice();
      for (let i = 0; i < n; i++) fit[i] -= resU[i];
      fitted.push(fit);
      const restricted = leastSquares(xT, endoT[e], raw(frame.x), tol);
      const resR = residualsOf(endoT[e], xT, restricted.b);
      const rssU = ssq(resU);
      const rssR = ssq(resR);
      const keptInst = full.keep.filter((j) => j >= xT.length);
      const df1 = keptInst.length;
      const df2 = n - full.keep.length - feDof;
      const F = (rssR - rssU) / df1 / (rssU / df2);
      const coefficients: Record<string, number> = {};
      for (const j of keptInst) coefficients[frame.instrumentNames[j - xT.length]] = full.b[j];
      if (df1 === 0)
        log.warn(
          'iv-no-instrument',
          `every instrument of ${frame.endogenousNames[e]} is collinear with the exogenous regressors or the fixed effects`,
        );
      firstStage.push({
        endogenous: frame.endogenousNames[e],
        F,
        df1,
        df2,
        pValue: df1 > 0 ? fPValue(F, df1, df2) : NaN,
        r2Partial: 1 - rssU / rssR,
        coefficients,
      });
      if (df1 > 0 && F < 10)
        log.warn(
          'weak-instrument',
          `first-stage F of ${frame.endogenousNames[e]} is ${F.toFixed(2)} (< 10): instruments may be weak (Staiger–Stock rule of thumb)`,
        );
    }
    coefNames = [...frame.endogenousNames, ...frame.xNames];
    design = [...fitted, ...xT];
    actual = [...endoT, ...xT];
    rawNorms = hasFe ? [...frame.endogenous.map(ssq), ...frame.x.map(ssq)] : undefined;
  } else {
    coefNames = [...frame.xNames];
    design = xT;
    actual = xT;
    rawNorms = raw(frame.x);
  }
  const ls = leastSquares(design, yT, rawNorms, tol);
  const collinear = ls.dropped.map((j) => coefNames[j]);
  if (collinear.length)
    log.warn('collinear', `removed because of collinearity: ${collinear.join(', ')}`, { terms: collinear });
  const keep = ls.keep;
  const keptDesign = keep.map((j) => design[j]);
  // ỹ is demean's own copy and needed only for the within R²: take its sum of squares first and
  // turn it into the residuals in place (one array of n fewer to allocate).
  const yTss = hasFe ? ssq(yT) : NaN;
  const residuals = residualsOf(
    yT,
    actual,
    Float64Array.from(ls.b, (v) => (Number.isNaN(v) ? 0 : v)),
    true,
  );
  const K = keep.length;
  const rss = ssq(residuals);
  const intercept = f.intercept && keep.includes(coefNames.indexOf('(Intercept)'));
  const centred = intercept || hasFe;
  const tss = centred ? centredSsq(frame.y) : ssq(frame.y);
  const r2 = 1 - rss / tss;
  const dfResidual = n - K - feDof;
  if (dfResidual <= 0) {
    throw new InputError(
      `model "${f.text}" has no residual degrees of freedom: ${n} observations, ${K} coefficients and ${feDof} fixed-effect levels`,
      {
        hint: 'use fewer regressors or fixed effects, or more data',
      },
    );
  }
  const adjR2 = 1 - ((1 - r2) * (n - (centred ? 1 : 0))) / dfResidual;
  const r2Within = hasFe ? 1 - rss / yTss : NaN;
  // F: Wald test of all slopes under iid errors: bᵀ(σ²·bread)⁻¹b / q on the slope block.
  const slopeIdx = keep.map((j, k) => [j, k] as const).filter(([j]) => coefNames[j] !== '(Intercept)');
  const q = slopeIdx.length;
  let F = NaN;
  if (q > 0) {
    const sigma2 = rss / dfResidual;
    const sub: number[] = slopeIdx.map(([, k]) => k);
    const vSub = subMatrix(ls.bread, sub, sub);
    const fac = cholesky(vSub, { tol: 0 });
    const bS = Float64Array.from(slopeIdx, ([j]) => ls.b[j]);
    const w = choleskySolve(fac, bS);
    F = dot(bS, w) / sigma2 / q;
  }
  return {
    formula: f,
    method: isIv ? 'iv' : 'ols',
    frame,
    coefNames,
    coefficients: ls.b,
    collinear,
    keep,
    design: keptDesign,
    bread: ls.bread,
    residuals,
    nobs: n,
    nCoef: K,
    fixedEffectDof: feDof,
    dfResidual,
    rss,
    tss,
    r2,
    r2Within,
    adjR2,
    rmse: Math.sqrt(rss / n),
    sigma: Math.sqrt(rss / dfResidual),
    F,
    fDf1: q,
    fDf2: dfResidual,
    fPValue: q > 0 ? fPValue(F, q, dfResidual) : NaN,
    fixedEffects: fes.map((fe) => ({ name: fe.name, nLevels: fe.nLevels })),
    dropped: frame.dropped,
    notes: log.notes,
    demeanIterations: Math.max(0, ...dm.iterations),
    firstStage,
  };
}
