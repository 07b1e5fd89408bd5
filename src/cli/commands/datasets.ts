import type { Command } from 'commander';
import { BUILTIN_DATASETS } from '../../datasets/catalog.js';
import { loadBuiltinDataset } from '../../io/builtin.js';
import { printJson } from '../common.js';

/** One line of `nqpf datasets`: catalog facts plus counts read from the shipped file. */
export interface DatasetListing {
  name: string;
  title: string;
  simulated: boolean;
  rows: number;
  entities: number;
  periods: [number, number];
  columns: string[];
  entityColumn: string;
  periodColumn: string;
  group: string;
  citation: string;
  licence: string;
  description: string;
  files: Record<string, string>;
}

/** Catalog entries with row, entity and period counts from the loaded panels. */
export async function listDatasets(): Promise<DatasetListing[]> {
  const out: DatasetListing[] = [];
  for (const d of BUILTIN_DATASETS) {
    const p = await loadBuiltinDataset(d.name);
    out.push({
      name: d.name,
      title: d.title,
      simulated: d.simulated,
      rows: p.entity.length,
      entities: p.entities.length,
      periods: [p.periods[0], p.periods[p.periods.length - 1]],
      columns: Object.keys(p.columns),
      entityColumn: d.entityColumn,
      periodColumn: d.periodColumn,
      group: d.groupColumn,
      citation: d.citation,
      licence: d.licence,
      description: d.description,
      files: Object.fromEntries(Object.entries(d.files).map(([k, f]) => [k, `data/builtin/${f}`])),
    });
  }
  return out;
}

/** `nqpf datasets [--json]`: the built-in datasets with their size, SIMULATED/real flag and citation. */
export function registerDatasets(program: Command): void {
  program
    .command('datasets')
    .description('list the built-in datasets (world-pwt: real; china-sim: SIMULATED) with size, source and citation')
    .option('--json', 'print one JSON object on stdout and nothing else')
    .addHelpText(
      'after',
      '\nExamples:\n  nqpf datasets\n  nqpf datasets --json\n  nqpf measure --data china-sim --framework seed\n\nUse a name with --data in any command. china-sim is SIMULATED (for testing estimators); its true\nparameters are in data/builtin/china-sim-truth.json.',
    )
    .action(async (opts: { json?: boolean }) => {
      const list = await listDatasets();
      if (opts.json) {
        printJson({ datasets: list });
        return;
      }
      const lines: string[] = [];
      for (const d of list) {
        lines.push(`${d.name}  [${d.simulated ? 'SIMULATED' : 'real data'}]  ${d.title}`);
        lines.push(
          `  ${d.rows} rows: ${d.entities} entities (${d.entityColumn}) × ${d.periods[0]}-${d.periods[1]} (${d.periodColumn}); ${d.columns.length} numeric columns; group = ${d.group}`,
        );
        lines.push(`  ${d.description}`);
        lines.push(`  Cite: ${d.citation}`);
        lines.push(`  Licence: ${d.licence}`);
        lines.push(`  Files: ${Object.values(d.files).join(', ')}`);
        lines.push('');
      }
      process.stdout.write(lines.join('\n'));
    });
}
