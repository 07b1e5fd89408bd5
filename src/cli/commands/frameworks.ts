import type { Command } from 'commander';
import { Option } from 'commander';
import type { Lang } from '../../core/label.js';
import { labelText } from '../../core/label.js';
import { resolveFramework } from '../../io/framework-file.js';
import { frameworks, frameworkTree } from '../../api/frameworks.js';
import { printJson } from '../common.js';

/** `nqpf frameworks [--show ID|FILE] [--lang zh] [--json]`: list or show indicator frameworks. */
export function registerFrameworks(program: Command): void {
  program
    .command('frameworks')
    .option('--show <id|file>', 'print the tree of a built-in framework or of a YAML/JSON framework file')
    .addOption(new Option('--lang <lang>', 'names in English or Chinese').choices(['en', 'zh']).default('en'))
    .option('--json', 'print one JSON object on stdout and nothing else')
    .addHelpText(
      'after',
      '\nExamples:\n  nqpf frameworks\n  nqpf frameworks --show pwt\n  nqpf frameworks --show examples/framework.yaml --lang zh\n  nqpf measure --data china-sim --framework seed\n\n"+" marks a benefit indicator (larger is better), "-" a cost indicator.',
    )
    .action(async (opts: { show?: string; json?: boolean; lang: Lang }) => {
      if (opts.show) {
        const f = await resolveFramework(opts.show);
        if (opts.json) printJson({ framework: f });
        else process.stdout.write(frameworkTree(f, opts.lang) + '\n');
        return;
      }
      const json = frameworks();
      const list = json.frameworks;
      if (opts.json) {
        printJson(json);
        return;
      }
      for (const f of list) {
        process.stdout.write(
          `${f.id}: ${labelText(f.name, opts.lang)}\n  systems: ${f.systems.map((s) => `${s.id} (${s.indicators})`).join(', ')}\n  ${f.description}\n`,
        );
      }
      process.stdout.write('\nShow one with: nqpf frameworks --show ID\n');
    });
}
