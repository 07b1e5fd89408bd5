/** `regress`: linear models with fixed effects or IV and robust/clustered/DK errors, as `nqpf regress --json`. */
import { resolveOptions } from '../options/check.js';
import { REGRESS_OPTIONS } from '../options/commands.js';
import type { Panel } from '../data/panel.js';
import { regressFit, type RegressFit } from '../explain/regression-result.js';
import { modelFromFit } from '../explain/table-model.js';
import { regressionTable, type RegressionTable } from '../report/regression-table.js';
import { robustnessSamples, type SampleOptions } from './samples.js';
import { sampleFilterNotes } from './common.js';

/** Options of {@link regress}. */
export interface RegressStageOptions extends SampleOptions {
  /** fixest formula(s), e.g. `y ~ x1 + x2 | id + year` or `y ~ w | id | x ~ l(x, 1)`; several are fitted side by side. */
  readonly formula: string | readonly string[];
  /** iid | hc1 | cluster:COL | cluster:COL1+COL2 | dk | dk:LAG; default cluster by the first fixed effect, iid without FE. */
  readonly vcov?: string;
  /** Confidence level of the intervals; default 0.95. */
  readonly level?: number;
  /** Keep singleton observations; default false (removed, as reghdfe does). */
  readonly keepSingletons?: boolean;
}

/** One fitted model of {@link runRegress}: its title, subsample and fit. */
export type RegressModel = RegressFit & { readonly title: string; readonly group: string };

/** Numeric columns named in the formulas (the variables `winsorize` treats). */
function formulaColumns(panel: Panel, formulas: readonly string[]): string[] {
  const words = new Set(formulas.flatMap((f) => f.match(/[\p{L}_][\p{L}\p{N}_.]*/gu) ?? []));
  return Object.keys(panel.columns).filter((c) => words.has(c));
}

/** Each formula on each subsample, and the side-by-side table of all of them. */
export function runRegress(
  panel: Panel,
  options: RegressStageOptions,
): { panel: Panel; fits: RegressModel[]; table: RegressionTable } {
  // The one check of the options (the catalog's): the CLI, the project file and the library share it.
  const o = resolveOptions(REGRESS_OPTIONS, options);
  const { level, formula: formulas } = o;
  // Heterogeneity (by) and robustness (winsorize, dropMunicipalities): each formula on each sample.
  const samples = robustnessSamples(panel, o, formulaColumns(panel, formulas));
  const fits = samples.flatMap((s) =>
    formulas.map((f, k) => ({
      title: samples.length > 1 ? `(${k + 1}) ${s.group}` : `(${k + 1})`,
      group: s.group,
      ...regressFit(s.panel, f, o.vcov, { level, keepSingletons: o.keepSingletons }),
    })),
  );
  const table = regressionTable(fits.map((m) => modelFromFit(m.fit, m.vcov, m.title)));
  return { panel, fits, table };
}

/** The `--json` object of `nqpf regress` (without the `files` written by `--out`). */
export function regressJson({ panel, fits }: { panel: Panel; fits: readonly RegressModel[] }) {
  const meta = { data: panel.meta.name, simulated: panel.meta.simulated };
  // The sample filter (where, years) is recorded on each model, before the model's own notes.
  const filter = sampleFilterNotes(panel);
  const result = (m: RegressModel) => ({ ...m.result, notes: [...filter, ...m.result.notes] });
  if (fits.length === 1) return { ...result(fits[0]), ...meta };
  return { models: fits.map((m) => ({ title: m.title, group: m.group, ...result(m) })), ...meta };
}

/**
 * Linear regression with any number of fixed effects or IV/2SLS (fixest formulas) and iid, HC1,
 * clustered (CR1, fixest's small-sample factors) or Driscoll–Kraay standard errors; as
 * `nqpf regress --json`: one model's object, or `{models: [...]}` for several formulas or with `by`.
 */
export function regress(panel: Panel, options: RegressStageOptions) {
  return regressJson(runRegress(panel, options));
}
