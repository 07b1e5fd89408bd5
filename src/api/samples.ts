/** Subsamples for heterogeneity (`by`) and robustness (`winsorize`, `dropMunicipalities`), shared by regress, mediate and threshold. */
import { InputError } from '../core/errors.js';
import type { Note } from '../core/notes.js';
import type { Panel } from '../data/panel.js';
import { dropMunicipalities, splitByGroup, winsorize } from '../explain/transforms/index.js';

/** Robustness and heterogeneity options of the model stages. */
export interface SampleOptions {
  /** Estimate separately per entity group (`group`: regions/continents) or per value of a text column. */
  readonly by?: string;
  /** Winsorise the model variables at p and 1 − p (Stata winsor2 quantiles), e.g. 0.01. */
  readonly winsorize?: number;
  /** Drop Beijing, Tianjin, Shanghai and Chongqing. */
  readonly dropMunicipalities?: boolean;
}

/**
 * Apply the robustness options to `panel` (winsorising `variables`) and split it by `by`: one
 * labelled panel per subsample (`all` without `by`).
 */
export function robustnessSamples(
  panel: Panel,
  options: SampleOptions,
  variables: readonly string[],
): { group: string; panel: Panel }[] {
  let p = panel;
  if (options.dropMunicipalities) p = dropMunicipalities(p);
  if (options.winsorize !== undefined) {
    if (!(options.winsorize > 0 && options.winsorize < 0.5))
      throw new InputError(`{{winsorize}} takes a share in (0, 0.5) (got ${options.winsorize})`, {
        hint: 'e.g. {{winsorize=0.01}}',
      });
    p = winsorize(p, variables, { p: options.winsorize });
  }
  return options.by ? splitByGroup(p, options.by) : [{ group: 'all', panel: p }];
}

/** One subsample's result with the notes of reading, imputation and sample selection. */
export interface SampleResult<R> {
  readonly group: string;
  readonly notes: readonly Note[];
  readonly result: R;
}

/**
 * The `--json` object of a per-sample model command: the result object (or `{by, groups: [{group, …}]}`
 * with `by`), its notes holding what reading, imputation and sample selection did, then the model's
 * own notes; plus the dataset name and its SIMULATED flag.
 */
export function sampleResultsJson<R extends { notes: readonly Note[] }, J extends object>(
  panel: Panel,
  by: string | undefined,
  results: readonly SampleResult<R>[],
  toJson: (r: R) => J,
) {
  const meta = { data: panel.meta.name, simulated: panel.meta.simulated };
  const withNotes = (r: SampleResult<R>) => ({ ...toJson(r.result), notes: [...r.notes, ...r.result.notes] });
  if (by) return { by, groups: results.map((r) => ({ group: r.group, ...withNotes(r) })), ...meta };
  return { ...withNotes(results[0]), ...meta };
}
