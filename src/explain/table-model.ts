import type { Label } from '../core/label.js';
import type { FeolsFit } from './feols.js';
import type { CoefRow, VcovResult } from './vcov.js';
import { coefTable } from './vcov.js';

/** One model (column) of a regression table: what the table shows, independent of the estimator. */
export interface TableModel {
  /** Column title; default `(1)`, `(2)`, … */
  readonly title?: string;
  /** Dependent variable, shown under the title. */
  readonly depVar: string;
  readonly coefficients: readonly Pick<CoefRow, 'term' | 'estimate' | 'stdError' | 'pValue'>[];
  /** Names of the fixed effects included (e.g. `province`, `year`, `industry^year`). */
  readonly fixedEffects: readonly string[];
  /** Varying slopes included, as fixest's etable names them: `t (id)` for `id[t]` (the FE `id` is in `fixedEffects`). */
  readonly varyingSlopes?: readonly string[];
  readonly nobs: number;
  readonly r2?: number;
  readonly r2Within?: number;
  /**
   * Kind of standard errors, the noun phrase of the table's note: `Clustered (province)`, or in both
   * languages (`{en: 'Clustered (province)', zh: '按省份聚类的稳健'}`, a `VcovResult`'s `labels`).
   */
  readonly vcov?: string | Label;
  /** Extra rows, e.g. `{ Controls: 'Yes' }`. */
  readonly extra?: Readonly<Record<string, string>>;
}

/** A {@link TableModel} from a fitted model and its variance (feols + vcov). */
export function modelFromFit(fit: FeolsFit, v: VcovResult, title?: string): TableModel {
  const rows = coefTable(fit, v);
  return {
    title,
    depVar: fit.frame.yName,
    coefficients: rows,
    ...fixedEffectRows(fit),
    nobs: fit.nobs,
    r2: fit.r2,
    r2Within: fit.r2Within,
    vcov: v.labels ?? v.label,
  };
}

/** The FE and varying-slope rows of a fit: `id[t]` gives the FE `id` and the slopes `t (id)`; `id[[t]]` only the slopes. */
function fixedEffectRows(fit: FeolsFit): { fixedEffects: string[]; varyingSlopes?: string[] } {
  const fixedEffects: string[] = [];
  const varyingSlopes: string[] = [];
  for (const fe of fit.frame.fixedEffects) {
    const m = fe.slopes?.length ? /^(.+?)\[\[?(.+?)\]?\]$/.exec(fe.name) : null;
    if (!m) {
      fixedEffects.push(fe.name);
      continue;
    }
    if (fe.slopeIntercept !== false) fixedEffects.push(m[1]);
    varyingSlopes.push(`${m[2]} (${m[1]})`);
  }
  return varyingSlopes.length ? { fixedEffects, varyingSlopes } : { fixedEffects };
}
