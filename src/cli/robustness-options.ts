import type { Command } from 'commander';
import type { Panel } from '../data/panel.js';
import { InputError } from '../core/errors.js';
import { dropMunicipalities, splitByGroup, winsorize } from '../explain/robustness.js';
import type { Note } from '../core/notes.js';
import { numberOption, printJson, printNotes } from './common.js';

/** Flags shared by the mechanism commands (mediate, threshold) and available to `regress`. */
export interface RobustnessFlags {
  by?: string;
  winsorize?: number;
  dropMunicipalities?: boolean;
}

/** Add --by, --winsorize and --drop-municipalities. */
export function withRobustnessOptions(cmd: Command): Command {
  return cmd
    .option('--by <group>', 'heterogeneity: estimate separately per entity group ("group": regions/continents) or per value of a text column')
    .option('--winsorize <p>', 'robustness: winsorise the model variables at p and 1−p (Stata winsor2 quantiles), e.g. 0.01', numberOption('--winsorize'))
    .option('--drop-municipalities', 'robustness: drop Beijing, Tianjin, Shanghai and Chongqing');
}

/**
 * Apply the robustness flags to `panel` (winsorising `variables`) and split it by `--by`: one
 * labelled panel per subsample (`all` without --by).
 */
export function robustnessSamples(panel: Panel, flags: RobustnessFlags, variables: readonly string[]): { group: string; panel: Panel }[] {
  let p = panel;
  if (flags.dropMunicipalities) p = dropMunicipalities(p);
  if (flags.winsorize !== undefined) {
    if (!(flags.winsorize > 0 && flags.winsorize < 0.5)) throw new InputError(`--winsorize takes a share in (0, 0.5) (got ${flags.winsorize})`, { hint: 'e.g. --winsorize 0.01' });
    p = winsorize(p, variables, { p: flags.winsorize });
  }
  return flags.by ? splitByGroup(p, flags.by) : [{ group: 'all', panel: p }];
}

/**
 * Print per-sample results: `--json` → the result object (or `{by, groups: [{group, …}]}` with --by);
 * otherwise a SIMULATED line, warnings and the text of each sample.
 */
export function printSampleResults<R extends { notes: readonly Note[] }>(
  panel: Panel,
  by: string | undefined,
  json: boolean | undefined,
  results: readonly { group: string; notes: readonly Note[]; result: R }[],
  toJson: (r: R) => object,
  toText: (r: R) => string,
): void {
  const meta = { data: panel.meta.name, simulated: panel.meta.simulated };
  if (json) {
    // The JSON notes hold what reading, imputation and sample selection did, then the model's own notes.
    const withNotes = (r: (typeof results)[number]) => ({ ...toJson(r.result), notes: [...r.notes, ...r.result.notes] });
    if (by) printJson({ by, groups: results.map((r) => ({ group: r.group, ...withNotes(r) })), ...meta });
    else printJson({ ...withNotes(results[0]), ...meta });
    return;
  }
  if (panel.meta.simulated) process.stdout.write(`Data: ${panel.meta.name} (SIMULATED)\n`);
  for (const r of results) {
    printNotes([...r.notes, ...r.result.notes]);
    if (by) process.stdout.write(`\n== ${by} = ${r.group} ==\n`);
    process.stdout.write(toText(r.result) + '\n');
  }
}
