/** `describe`: the descriptive-statistics table of an empirical chapter, as `nqpf describe --json`. */
import { InputError } from '../core/errors.js';
import type { Note } from '../core/notes.js';
import type { ImputeMethod } from '../data/impute.js';
import { filterRows, type Panel } from '../data/panel.js';
import { parseFormula } from '../explain/formula.js';
import { modelFrame } from '../explain/model-frame.js';
import { summaryStats } from '../explain/summary-stats.js';
import type { DescribeRow } from '../report/descriptive-tables.js';
import { resolveOptions } from '../options/check.js';
import { DESCRIBE_OPTIONS } from '../options/descriptive.js';
import { imputeColumns, listOf, notesFor } from './common.js';
import { formulaColumns } from './regress.js';
import { robustnessSamples, sampleResultsJson, type SampleOptions, type SampleResult } from './samples.js';

/** Options of {@link describe}; the defaults are the CLI's. */
export interface DescribeStageOptions extends SampleOptions {
  /** Variables to describe (default: every numeric column; with `sampleOf`, the formula's variables). */
  readonly vars?: string | readonly string[];
  /** Missing values of the described variables: linear, mean, drop or none (default). */
  readonly impute?: ImputeMethod;
  /**
   * A regress formula: describe exactly its estimation sample — the rows `nqpf regress` keeps after
   * missing values and (with fixed effects) singletons, on the same subsample and winsorised values.
   */
  readonly sampleOf?: string;
  /** With `sampleOf`: keep singleton observations, as `regress --keep-singletons`. */
  readonly keepSingletons?: boolean;
}

/** One sample's table: a row per variable. */
export interface DescribeResult {
  readonly variables: DescribeRow[];
  /** Rows of the sample (with `sampleOf`: the model's observations). */
  readonly nobs: number;
  readonly notes: readonly Note[];
}

/** The variables to describe: the given ones (checked), else every numeric column, else the formula's. */
function describedVariables(panel: Panel, options: DescribeStageOptions): string[] {
  const given = listOf(options.vars);
  if (given.length) {
    for (const v of given)
      if (!(v in panel.columns))
        throw new InputError(`unknown variable "${v}"`, {
          file: panel.meta.file,
          column: v,
          hint: `numeric columns: ${Object.keys(panel.columns).slice(0, 20).join(', ')}`,
        });
    return given;
  }
  if (options.sampleOf) {
    // The model's variables, without its fixed effects (a numeric industry code is no variable to describe).
    const fe = new Set(parseFormula(options.sampleOf).fixedEffects.flatMap((f) => f.split(/[\^[\]]/)));
    const cols = new Set(formulaColumns(panel, [options.sampleOf]));
    // In the formula's order: the dependent variable first, then the regressors.
    const words = options.sampleOf.match(/[\p{L}_][\p{L}\p{N}_.]*/gu) ?? [];
    return [...new Set(words)].filter((w) => cols.has(w) && !fe.has(w));
  }
  const all = Object.keys(panel.columns);
  if (!all.length) throw new InputError('no numeric column to describe', { file: panel.meta.file });
  return all;
}

/** The statistics of each sample (imputation first, then the sample options, then `sampleOf`'s model frame). */
export function runDescribe(
  raw: Panel,
  options: DescribeStageOptions = {},
): { panel: Panel; by?: string; vars: string[]; results: SampleResult<DescribeResult>[] } {
  // The one check of the options (the catalog's): the CLI, the project file and the library share it.
  options = resolveOptions(DESCRIBE_OPTIONS, options);
  const vars = describedVariables(raw, options);
  const modelVars = options.sampleOf ? formulaColumns(raw, [options.sampleOf]) : [];
  const panel = imputeColumns(raw, options.impute, vars);
  // Winsorised as regress winsorises: the formula's columns (and here the described ones too).
  const samples = robustnessSamples(panel, options, [...new Set([...vars, ...modelVars])]);
  const labels = raw.meta.labels ?? {};
  const results = samples.map((s) => {
    let p = s.panel;
    const notes = notesFor(p.notes, [...vars, ...modelVars]);
    if (options.sampleOf) {
      // The model frame of regress itself: missing values, lags, singletons as the estimation drops them.
      const frame = modelFrame(p, options.sampleOf, { keepSingletons: options.keepSingletons });
      const keep = new Uint8Array(p.entity.length);
      for (const i of frame.rows) keep[i] = 1;
      p = filterRows(
        p,
        Array.from(keep, (k) => k === 1),
      );
      notes.push(...frame.notes, {
        level: 'info',
        code: 'subsample',
        message: `estimation sample of "${options.sampleOf}": ${frame.n} of ${s.panel.entity.length} rows`,
      });
    }
    const rows = summaryStats(p, vars).map((r): DescribeRow => ({
      name: r.variable,
      label: labels[r.variable] ?? r.variable,
      n: r.n,
      mean: r.mean,
      sd: r.sd,
      min: r.min,
      p25: r.p25,
      median: r.median,
      p75: r.p75,
      max: r.max,
    }));
    return { group: s.group, notes: [], result: { variables: rows, nobs: p.entity.length, notes } };
  });
  return { panel, by: options.by, vars, results };
}

/** The `--json` object of `nqpf describe`: `{variables: [...]}` (or `{by, groups: [{group, variables}]}`). */
export function describeJson(run: ReturnType<typeof runDescribe>) {
  return sampleResultsJson(run.panel, run.by, run.results, (r) => ({
    variables: r.variables,
    nobs: r.nobs,
  }));
}

/**
 * Descriptive statistics (N, mean, sample SD, min, quartiles as R's type 7, median, max) of numeric
 * variables, optionally per group (`by`), after imputation and winsorising, or on exactly the
 * estimation sample of a regression (`sampleOf`); as `nqpf describe --json`.
 */
export function describe(panel: Panel, options: DescribeStageOptions = {}) {
  return describeJson(runDescribe(panel, options));
}
