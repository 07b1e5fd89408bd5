import type { Command } from 'commander';
import { listDatasets } from '../../io/datasets.js';
import { printJson } from '../common.js';

/** `nqpf datasets [--json]`: the built-in datasets with their size, SIMULATED/real flag and citation. */
export function registerDatasets(program: Command): void {
  program
    .command('datasets')
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
