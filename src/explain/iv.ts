import { InputError } from '../core/errors.js';
import { fPValue } from '../core/pvalue.js';
import { cholesky, choleskySolve, dot, subMatrix } from '../linalg/index.js';
import type { FeolsFit } from './feols.js';
import { feolsFrame } from './feols.js';
import type { ModelFrame } from './model-frame.js';
import type { VcovSpec } from './vcov.js';
import { vcov } from './vcov.js';

/** First-stage Wald F of the excluded instruments under a given variance estimator. */
export interface FirstStageWald {
  readonly endogenous: string;
  /** W/q with W = b_Zᵀ V_ZZ⁻¹ b_Z on the q kept excluded instruments. */
  readonly F: number;
  readonly df1: number;
  /** Denominator df: the variance's t df (G − 1 when clustered, n − K − K_FE otherwise). */
  readonly df2: number;
  readonly pValue: number;
  readonly vcovLabel: string;
}

/**
 * First-stage F statistics of an IV fit under a robust, clustered or DK variance: for each
 * endogenous regressor, the first stage (endogenous on exogenous regressors and excluded
 * instruments, FE partialled out) is refitted and the instrument block is Wald-tested with
 * `vcov(firstStage, spec)`, F = W/q on (q, df) with df the variance's t df. This is the
 * "robust/cluster first-stage F" (fixest's `fitstat(~ivwald)`); with `iid` it equals the standard
 * F in `fit.firstStage`. It is not the Kleibergen–Paap rk Wald F (which tests all endogenous
 * regressors jointly); for a single endogenous regressor the two coincide up to the small-sample
 * factors.
 */
export function firstStageWald(fit: FeolsFit, spec: VcovSpec | string): FirstStageWald[] {
  if (fit.method !== 'iv') throw new InputError('firstStageWald needs an IV fit (formula with "| endo ~ instruments")');
  const fr = fit.frame;
  return fr.endogenous.map((endo, e) => {
    const frame: ModelFrame = {
      ...fr,
      y: endo,
      yName: fr.endogenousNames[e],
      x: [...fr.x, ...fr.instruments],
      xNames: [...fr.xNames, ...fr.instrumentNames],
      endogenous: [],
      endogenousNames: [],
      instruments: [],
      instrumentNames: [],
      notes: [],
    };
    const fs = feolsFrame(frame);
    const v = vcov(fs, spec);
    const inst = new Set(fr.instrumentNames);
    const pos = fs.keep.map((j, k) => [j, k] as const).filter(([j]) => inst.has(fs.coefNames[j]));
    const q = pos.length;
    let F = NaN;
    if (q > 0) {
      const idx = pos.map(([, a]) => a);
      const b = Float64Array.from(pos, ([j]) => fs.coefficients[j]);
      const w = choleskySolve(cholesky(subMatrix(v.matrix, idx, idx), { tol: 0 }), b);
      F = dot(b, w) / q;
    }
    const df2 = Number.isFinite(v.df) ? v.df : Infinity;
    return {
      endogenous: fr.endogenousNames[e],
      F,
      df1: q,
      df2,
      pValue: q > 0 ? fPValue(F, q, df2) : NaN,
      vcovLabel: v.label,
    };
  });
}
