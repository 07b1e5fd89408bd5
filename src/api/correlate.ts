/** `correlate`: the correlation matrix of an empirical chapter, as `nqpf correlate --json`. */
import { InputError } from '../core/errors.js';
import type { Note } from '../core/notes.js';
import type { ImputeMethod } from '../data/impute.js';
import { column, type Panel } from '../data/panel.js';
import {
  correlationMatrix,
  varianceInflation,
  type CorrelationMatrix,
  type CorrelationMethod,
} from '../explain/correlation.js';
import { resolveOptions } from '../options/check.js';
import { CORRELATE_OPTIONS } from '../options/descriptive.js';
import { imputeColumns, listOf, notesFor } from './common.js';
import { robustnessSamples, sampleResultsJson, type SampleOptions, type SampleResult } from './samples.js';

/** Options of {@link correlate}; the defaults are the CLI's. */
export interface CorrelateStageOptions extends SampleOptions {
  /** Variables (default: every numeric column). */
  readonly vars?: string | readonly string[];
  /** `pearson` (default) or `spearman`. */
  readonly method?: CorrelationMethod;
  /** Also compute variance inflation factors (listwise). */
  readonly vif?: boolean;
  /** Missing values of the variables: linear, mean, drop or none (default). */
  readonly impute?: ImputeMethod;
}

/** One sample's correlations: the matrices, the variables' labels and, with `vif`, the VIFs. */
export interface CorrelateResult extends CorrelationMatrix {
  readonly labels: readonly string[];
  readonly vif?: { readonly values: readonly number[]; readonly n: number };
  readonly notes: readonly Note[];
}

/** The correlations of each sample (imputation first, then winsorising and the subsamples). */
export function runCorrelate(
  raw: Panel,
  options: CorrelateStageOptions = {},
): { panel: Panel; by?: string; vars: string[]; results: SampleResult<CorrelateResult>[] } {
  // The one check of the options (the catalog's): the CLI, the project file and the library share it.
  options = resolveOptions(CORRELATE_OPTIONS, options);
  const method = options.method ?? 'pearson';
  let vars = listOf(options.vars);
  if (!vars.length) vars = Object.keys(raw.columns);
  for (const v of vars) column(raw, v, 'correlate');
  if (vars.length < 2)
    throw new InputError('a correlation matrix needs at least two numeric variables', {
      file: raw.meta.file,
      hint: 'list them with --vars a,b,c',
    });
  const panel = imputeColumns(raw, options.impute, vars);
  const samples = robustnessSamples(panel, options, vars);
  const labels = vars.map((v) => raw.meta.labels?.[v] ?? v);
  const results = samples.map((s) => {
    const cols = vars.map((v) => s.panel.columns[v]);
    const m = correlationMatrix(cols, vars, method);
    const vif = options.vif ? varianceInflation(cols, vars) : undefined;
    return {
      group: s.group,
      notes: [],
      result: {
        ...m,
        labels,
        ...(vif ? { vif: { values: vif.vif, n: vif.n } } : {}),
        notes: notesFor(s.panel.notes, vars),
      },
    };
  });
  return { panel, by: options.by, vars, results };
}

/** The `--json` object of `nqpf correlate`: `{method, variables, labels, r, p, n[, vif]}` full matrices. */
export function correlateJson(run: ReturnType<typeof runCorrelate>) {
  return sampleResultsJson(run.panel, run.by, run.results, (r) => ({
    method: r.method,
    variables: r.variables,
    labels: r.labels,
    r: r.r,
    p: r.p,
    n: r.n,
    ...(r.vif ? { vif: r.vif } : {}),
  }));
}

/**
 * Pearson or Spearman correlations on pairwise complete observations, with two-sided p-values from
 * the t distribution (R's `cor.test`), per group with `by`, after imputation and winsorising;
 * optionally VIFs. As `nqpf correlate --json`.
 */
export function correlate(panel: Panel, options: CorrelateStageOptions = {}) {
  return correlateJson(runCorrelate(panel, options));
}
