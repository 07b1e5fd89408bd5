import type { Command } from 'commander';
import { Option } from 'commander';
import type { Lang } from '../../core/label.js';
import { labelText } from '../../core/label.js';
import { builtinFrameworkIds, getBuiltinFramework } from '../../framework/builtin.js';
import { systemIndicators } from '../../framework/tree.js';
import type { Dimension, Framework } from '../../framework/types.js';
import { resolveFramework } from '../../io/framework-file.js';
import { printJson } from '../common.js';

/** Summary line of a framework for `nqpf frameworks`. */
function summary(f: Framework) {
  return {
    id: f.id,
    name: f.name,
    description: f.description ?? '',
    systems: f.systems.map((s) => ({ id: s.id, name: s.name, indicators: systemIndicators(s).length })),
  };
}

/** The framework as an indented tree with directions and units. */
export function frameworkTree(f: Framework, lang: Lang = 'en'): string {
  const lines = [`${f.id}: ${labelText(f.name, lang)}`];
  if (f.description) lines.push(`  ${f.description}`);
  const dim = (d: Dimension, depth: number) => {
    const pad = '  '.repeat(depth);
    lines.push(`${pad}${d.id}: ${labelText(d.name, lang)}${d.weight !== undefined ? ` (weight ${d.weight})` : ''}`);
    for (const c of d.dimensions ?? []) dim(c, depth + 1);
    for (const i of d.indicators ?? []) {
      const col = i.column === i.id ? '' : ` ← ${i.column}`;
      const w = i.weight !== undefined ? `, weight ${i.weight}` : '';
      lines.push(`${pad}  ${i.direction} ${i.id}${col}: ${labelText(i.name, lang)}${i.unit ? ` [${i.unit}]` : ''}${w}`);
    }
  };
  for (const s of f.systems) {
    lines.push('', `  system ${s.id}: ${labelText(s.name, lang)} (${systemIndicators(s).length} indicators)`);
    for (const d of s.dimensions) dim(d, 2);
  }
  return lines.join('\n');
}

/** `nqpf frameworks [--show ID|FILE] [--lang zh] [--json]`: list or show indicator frameworks. */
export function registerFrameworks(program: Command): void {
  program
    .command('frameworks')
    .description('list the built-in indicator frameworks (seed, pwt), or show one as a tree with units and directions')
    .option('--show <id|file>', 'print the tree of a built-in framework or of a YAML/JSON framework file')
    .addOption(new Option('--lang <lang>', 'names in English or Chinese').choices(['en', 'zh']).default('en'))
    .option('--json', 'print one JSON object on stdout and nothing else')
    .addHelpText(
      'after',
      '\nExamples:\n  nqpf frameworks\n  nqpf frameworks --show pwt\n  nqpf frameworks --show my-framework.yaml --lang zh\n  nqpf measure --data china-sim --framework seed\n\n"+" marks a benefit indicator (larger is better), "-" a cost indicator.',
    )
    .action(async (opts: { show?: string; json?: boolean; lang: Lang }) => {
      if (opts.show) {
        const f = await resolveFramework(opts.show);
        if (opts.json) printJson({ framework: f });
        else process.stdout.write(frameworkTree(f, opts.lang) + '\n');
        return;
      }
      const list = builtinFrameworkIds().map((id) => summary(getBuiltinFramework(id)));
      if (opts.json) {
        printJson({ frameworks: list });
        return;
      }
      for (const f of list) {
        process.stdout.write(`${f.id}: ${labelText(f.name, opts.lang)}\n  systems: ${f.systems.map((s) => `${s.id} (${s.indicators})`).join(', ')}\n  ${f.description}\n`);
      }
      process.stdout.write('\nShow one with: nqpf frameworks --show ID\n');
    });
}
