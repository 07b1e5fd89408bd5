/**
 * Command lines of the analyses that give the same numbers as the workbench. A regression on the
 * data's own columns is `nqpf regress` on the same file; one on a measured index first writes the
 * data with the index as columns (`nqpf measure --append`, columns `<system>_index`) and regresses
 * on that file, the formula naming `<system>_index` where the page names the system.
 */
import { dataArgs, measureCommand, shellQuote } from '../../run/project-file.js';
import type { State } from '../app/store.js';

const WORD = /[\p{L}_][\p{L}\p{N}_.]*/gu;

/** `nqpf regress` of `formula` (preceded by `nqpf measure --append` when it uses an index). */
export function regressCommand(s: State, formula: string, vcov: string): { line?: string } {
  const run = s.run;
  if (!s.data || !run) return {};
  const own = new Set(s.data.columns.map((c) => c.name));
  const systems = new Set(run.view.systems.map((x) => x.id).filter((id) => !own.has(id)));
  const usesIndex = (formula.match(WORD) ?? []).some((w) => systems.has(w));
  const tail = (data: string[], f: string) => {
    const args = ['nqpf', 'regress', ...data, '--formula', f];
    if (vcov) args.push('--vcov', vcov);
    return args.map(shellQuote).join(' ');
  };
  if (!usesIndex) return { line: tail(dataArgs(run.project.data), formula) };
  // XLSX keeps the index at full precision (the CSV files round to 6 significant digits).
  const file = 'with-index.xlsx';
  const measure = `${measureCommand(run.project, run.frameworkFile)} --append ${file}`;
  const renamed = formula.replace(WORD, (w) => (systems.has(w) ? `${w}_index` : w));
  const keys = ['--entity', s.data.entityColumn, '--period', s.data.periodColumn];
  return { line: `${measure} && ${tail(['--data', file, ...keys], renamed)}` };
}
