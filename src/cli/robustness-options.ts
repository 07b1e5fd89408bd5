import type { Command } from 'commander';
import type { Panel } from '../data/panel.js';
import { InputError } from '../core/errors.js';
import { dropMunicipalities, splitByGroup, winsorize } from '../explain/robustness.js';
import { numberOption } from './common.js';

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
