import type { Command } from 'commander';
import type { Panel } from '../data/panel.js';
import { sampleResultsJson } from '../api/samples.js';
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
    .option(
      '--by <group>',
      'heterogeneity: estimate separately per entity group ("group": regions/continents) or per value of a text or numeric (e.g. 0/1) column',
    )
    .option(
      '--winsorize <p>',
      'robustness: winsorise the model variables at p and 1−p (Stata winsor2 quantiles), e.g. 0.01',
      numberOption('--winsorize'),
    )
    .option('--drop-municipalities', 'robustness: drop Beijing, Tianjin, Shanghai and Chongqing');
}

export { robustnessSamples } from '../api/samples.js';

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
  if (json) {
    printJson(sampleResultsJson(panel, by, results, toJson));
    return;
  }
  if (panel.meta.simulated) process.stdout.write(`Data: ${panel.meta.name} (SIMULATED)\n`);
  for (const r of results) {
    printNotes([...r.notes, ...r.result.notes]);
    if (by) process.stdout.write(`\n== ${by} = ${r.group} ==\n`);
    process.stdout.write(toText(r.result) + '\n');
  }
}
