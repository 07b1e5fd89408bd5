/** `regress`: linear models with fixed effects or IV and robust/clustered/DK errors, as `nqpf regress --json`. */
import { InputError } from '../core/errors.js';
import type { Lang } from '../core/label.js';
import { resolveOptions } from '../options/check.js';
import { REGRESS_OPTIONS } from '../options/commands.js';
import type { Panel } from '../data/panel.js';
import { regressFit, type RegressFit } from '../explain/regression-result.js';
import { modelFromFit } from '../explain/table-model.js';
import { groupDifference, type GroupDifferenceResult, type GroupDifferenceTest } from '../explain/group-difference.js';
import { regressionTable, type RegressionTable } from '../report/regression-table.js';
import { groupDifferenceNote } from '../report/group-difference-text.js';
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
  /** Table precision, esttab's `a#` (default 3: three significant decimals, never 0.000 for a nonzero value). */
  readonly digits?: number;
  /** Column titles of the table, one per column (default: the `by` group of each column, else none). */
  readonly titles?: readonly string[];
  /** Language of the table's labels and note (default English). */
  readonly lang?: Lang;
  /**
   * With `by` giving two groups: test the difference of each coefficient between them —
   * `permutation` (Fisher's permutation test, Lian & Liao's bdiff), `suest` (Stata's suest Wald test)
   * or `both`. Stated in the table's note and in `groupDifference` of the JSON.
   */
  readonly diffTest?: GroupDifferenceTest;
  /** Permutation draws of the difference test (default 1000). */
  readonly permutations?: number;
  /** Seed of the permutations (default 1). */
  readonly seed?: number;
  /** Terms whose difference the table's note reports (default: the first regressor); the JSON has every term. */
  readonly diffTerms?: readonly string[];
}

/** One fitted model of {@link runRegress}: its column title, subsample and fit. */
export type RegressModel = RegressFit & { readonly title: string; readonly group: string };

/** The difference test of one formula between the two `by` groups, with the table columns it compares. */
export type RegressGroupDifference = GroupDifferenceResult & {
  readonly by: string;
  readonly columns: [number, number];
};

/** Numeric columns named in the formulas (the variables `winsorize` treats). */
export function formulaColumns(panel: Panel, formulas: readonly string[]): string[] {
  const words = new Set(formulas.flatMap((f) => f.match(/[\p{L}_][\p{L}\p{N}_.]*/gu) ?? []));
  return Object.keys(panel.columns).filter((c) => words.has(c));
}

/** The heading of a `by` group's column: the group's value (`East`), or `soe = 1` for a numeric column. */
function groupTitle(panel: Panel, by: string, group: string): string {
  return by !== 'group' && panel.columns[by] && !panel.text[by] ? `${by} = ${group}` : group;
}

/**
 * Each formula on each subsample (columns: formula by formula, each group in turn), the side-by-side
 * table of all of them, and with `diffTest` the test of the difference between the two groups.
 */
export function runRegress(
  panel: Panel,
  options: RegressStageOptions,
): { panel: Panel; fits: RegressModel[]; table: RegressionTable; groupDifference?: RegressGroupDifference[] } {
  // The one check of the options (the catalog's): the CLI, the project file and the library share it.
  const o = resolveOptions(REGRESS_OPTIONS, options);
  const { level, formula: formulas } = o;
  // Heterogeneity (by) and robustness (winsorize, dropMunicipalities): each formula on each sample.
  const samples = robustnessSamples(panel, o, formulaColumns(panel, formulas));
  if (o.diffTest) {
    if (!o.by)
      throw new InputError('{{diffTest}} compares two groups: give {{by=COLUMN}} too', {
        hint: 'e.g. {{by=soe}} {{diffTest=both}} (a 0/1 column, or a text column with two values)',
      });
    if (samples.length !== 2)
      throw new InputError(
        `{{diffTest}} compares two groups, but {{by=${o.by}}} gives ${samples.length}: ${samples.map((s) => s.group).join(', ')}`,
        { hint: 'split by a column with exactly two values (a 0/1 dummy), e.g. {{by=soe}}' },
      );
  }
  const fits: RegressModel[] = formulas.flatMap((f) =>
    samples.map((s) => ({
      title: o.by ? groupTitle(panel, o.by, s.group) : '',
      group: s.group,
      ...regressFit(s.panel, f, o.vcov, { level, keepSingletons: o.keepSingletons }),
    })),
  );
  const lang = options.lang ?? 'en';
  let differences: RegressGroupDifference[] | undefined;
  if (o.diffTest) {
    const by = o.by!;
    const names = samples.map((s) => groupTitle(panel, by, s.group)) as [string, string];
    differences = formulas.map((_, k) => {
      const [a, b] = [fits[2 * k], fits[2 * k + 1]];
      return {
        by,
        columns: [2 * k + 1, 2 * k + 2] as [number, number],
        ...groupDifference([a.fit, b.fit], names, {
          test: o.diffTest,
          reps: o.permutations,
          seed: o.seed,
          vcov: a.vcov.spec,
          keepSingletons: o.keepSingletons,
        }),
      };
    });
    for (const d of differences)
      for (const t of o.diffTerms ?? [])
        if (!d.terms.some((x) => x.term === t))
          throw new InputError(`{{diffTerms}}: "${t}" is not a coefficient of both groups' model "${d.formula}"`, {
            hint: `use one of: ${d.terms.map((x) => x.term).join(', ')}`,
          });
  }
  const table = regressionTable(
    fits.map((m) => modelFromFit(m.fit, m.vcov, m.title || undefined)),
    {
      digits: o.digits,
      titles: o.titles,
      lang,
      notes: differences?.map((d) => groupDifferenceNote(d, { lang, terms: o.diffTerms, digits: o.digits })),
    },
  );
  return { panel, fits, table, ...(differences ? { groupDifference: differences } : {}) };
}

/** The `--json` object of `nqpf regress` (without the `files` written by `--out`). */
export function regressJson({
  panel,
  fits,
  groupDifference: differences,
}: {
  panel: Panel;
  fits: readonly RegressModel[];
  groupDifference?: readonly RegressGroupDifference[];
}) {
  const meta = { data: panel.meta.name, simulated: panel.meta.simulated };
  const diff = differences ? { groupDifference: differences } : {};
  // The sample filter (where, years) is recorded on each model, before the model's own notes.
  const filter = sampleFilterNotes(panel);
  const result = (m: RegressModel) => ({ ...m.result, notes: [...filter, ...m.result.notes] });
  if (fits.length === 1) return { ...result(fits[0]), ...diff, ...meta };
  return { models: fits.map((m) => ({ title: m.title, group: m.group, ...result(m) })), ...diff, ...meta };
}

/**
 * Linear regression with any number of fixed effects or IV/2SLS (fixest formulas) and iid, HC1,
 * clustered (CR1, fixest's small-sample factors) or Driscoll–Kraay standard errors; as
 * `nqpf regress --json`: one model's object, or `{models: [...]}` for several formulas or with `by`,
 * plus `groupDifference` with `diffTest`.
 */
export function regress(panel: Panel, options: RegressStageOptions) {
  return regressJson(runRegress(panel, options));
}
