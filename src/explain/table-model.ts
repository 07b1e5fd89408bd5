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
  /** Names of the fixed effects included (e.g. `province`, `year`). */
  readonly fixedEffects: readonly string[];
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
    fixedEffects: fit.fixedEffects.map((f) => f.name),
    nobs: fit.nobs,
    r2: fit.r2,
    r2Within: fit.r2Within,
    vcov: v.labels ?? v.label,
  };
}
