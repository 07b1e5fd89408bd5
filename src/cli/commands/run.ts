import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { InputError } from '../../core/errors.js';
import { couplingCoordination } from '../../couple/index.js';
import { getBuiltinFramework } from '../../framework/builtin.js';
import { loadFramework } from '../../framework/load.js';
import type { Framework } from '../../framework/types.js';
import { scoresPanel } from '../../measure/scores-panel.js';
import { measureJson, runMeasure, scoreTable, weightTable } from '../../api/measure.js';
import { measureSheets } from '../../run/measure-tables.js';
import { measureOptionsOf, parseProject, type Project } from '../../run/project-file.js';
import { loadData, printJson, printNotes, writeTables } from '../common.js';

/** Read a project file's framework: built in, or its definition (checked as a framework file is). */
export function projectFramework(p: Project, file: string): Framework {
  if ('builtin' in p.framework) return getBuiltinFramework(p.framework.builtin);
  return loadFramework(p.framework.definition, p.framework.file ?? file);
}

/**
 * Run a project file as the workbench ran it: the same data (a built-in dataset, or the file named
 * in the project, found relative to the project file), framework and settings; the `--json` object
 * is `{measure: <nqpf measure --json>, couple?: <nqpf couple --json rows>}`.
 */
export async function runProject(file: string) {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new InputError('cannot read the project file', { file, hint: 'give the path of a project file saved by the workbench (Export → Project file)' });
  }
  const p = parseProject(text, file);
  const data = 'builtin' in p.data ? p.data.builtin : path.resolve(path.dirname(file), p.data.file);
  const d: { entity?: string; period?: string; sheet?: string; encoding?: string; layout?: 'long' | 'wide' | 'auto' } = 'builtin' in p.data ? {} : p.data;
  const panel = await loadData({ data, entity: d.entity, period: d.period, sheet: d.sheet, encoding: d.encoding, layout: d.layout });
  const framework = projectFramework(p, file);
  const m = runMeasure(panel, framework, { ...measureOptionsOf(p.measure), impute: p.measure.impute });
  const couple = p.couple ? couplingCoordination(scoresPanel(m.panel, m.result), p.couple.systems, { method: p.couple.method }) : undefined;
  return { project: p, framework, measured: m, couple };
}

/** `nqpf run project.json`: replay a workbench project. */
export function registerRun(program: Command): void {
  program
    .command('run <project>')
    .option('--json', 'print one JSON object on stdout and nothing else')
    .option('--out <dir>', 'write scores.csv, weights.csv and scores.xlsx to this folder')
    .addHelpText('after', '\nExamples:\n  nqpf run nqpf-project.json --json\n  nqpf run nqpf-project.json --out results\n\nThe project file format: docs/workbench.md.')
    .action(async (file: string, opts: { json?: boolean; out?: string }) => {
      const { framework, measured: m, couple } = await runProject(file);
      if (opts.out) {
        await writeTables(opts.out, { scores: scoreTable(m.result, m.panel), weights: weightTable(m.result, framework) });
        const { writeXlsx } = await import('../../io/xlsx.js'); // loads only with --out
        await writeXlsx(path.join(opts.out, 'scores.xlsx'), measureSheets(m.result, m.panel, framework, m.notes));
      }
      if (opts.json) {
        printJson({ measure: measureJson(m.result, m.notes), ...(couple ? { couple: { rows: couple.rows, notes: couple.notes } } : {}) });
        return;
      }
      printNotes(m.notes);
      const last = Math.max(...m.result.scores.map((s) => s.period));
      const lines = [`${framework.id} on ${m.panel.meta.name}${m.panel.meta.simulated ? ' (SIMULATED data)' : ''}: ${m.result.scores.length} scores`];
      for (const s of framework.systems) {
        const top = m.result.scores.filter((r) => r.system === s.id && r.period === last).sort((a, b) => a.rank - b.rank).slice(0, 10);
        lines.push(`system ${s.id}: top ${top.length} in ${last}`, ...top.map((r) => `  ${String(r.rank).padStart(3)}  ${r.entity}  ${r.index.toFixed(4)}`));
      }
      if (opts.out) lines.push(`Wrote ${opts.out}/scores.csv, weights.csv and scores.xlsx`);
      process.stdout.write(lines.join('\n') + '\n');
    });
}
