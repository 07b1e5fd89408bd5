import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { commands } from '../../src/cli/commands/index.js';
import { buildProgram, commandOf } from '../../src/cli/main.js';

describe('the lazy command registry (src/cli/commands/index.ts)', () => {
  it('loads, for each entry, a module that registers the command of that name', async () => {
    const names = commands.map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
    for (const entry of commands) {
      const program = new Command();
      (await entry.load())(program);
      expect(program.commands.map((c) => c.name())).toEqual([entry.name]);
      expect(entry.summary.length).toBeGreaterThan(20);
    }
  });

  it('builds --help from names and summaries alone, and loads only the command that runs', async () => {
    const help = await buildProgram(['node', 'nqpf', '--help']);
    expect(help.commands.map((c) => c.name())).toEqual(commands.map((c) => c.name));
    // Stubs: no command module loaded, so no command has its options yet.
    expect(help.commands.every((c) => c.options.length === 0)).toBe(true);
    expect(help.commands.map((c) => c.description())).toEqual(commands.map((c) => c.summary));

    const measure = await buildProgram(['node', 'nqpf', 'measure', '--data', 'x.csv', '--json']);
    const loaded = measure.commands.filter((c) => c.options.length > 0).map((c) => c.name());
    expect(loaded).toEqual(['measure']);
    expect(measure.commands.find((c) => c.name() === 'measure')!.description()).toBe(
      commands.find((c) => c.name === 'measure')!.summary,
    );
    expect(commandOf(['node', 'nqpf', 'help', 'moran'])?.name).toBe('moran');
    expect(commandOf(['node', 'nqpf', '--debug'])).toBeUndefined();
  });
});
