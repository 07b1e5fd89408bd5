/**
 * Command lines of the analyses that give the same numbers as the workbench. A regression on the
 * data's own columns is `nqpf regress` on the same file; one on the measured index needs the index
 * as a column of a file, which the CLI writes only through `measure --out`.
 */
import { dataArgs, shellQuote } from '../../run/project-file.js';
import type { State } from '../app/store.js';

/** `nqpf regress` of `formula`, or no line when the formula uses an index (a column the data file lacks). */
export function regressCommand(s: State, formula: string, vcov: string): { line?: string } {
  const run = s.run;
  if (!s.data || !run) return {};
  const systems = new Set(run.view.systems.map((x) => x.id));
  const words = formula.match(/[\p{L}_][\p{L}\p{N}_.]*/gu) ?? [];
  if (words.some((w) => systems.has(w) && !s.data!.columns.some((c) => c.name === w))) return {};
  const args = ['nqpf', 'regress', ...dataArgs(run.project.data), '--formula', formula];
  if (vcov) args.push('--vcov', vcov);
  return { line: args.map(shellQuote).join(' ') };
}
