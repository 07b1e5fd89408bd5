import { Command, CommanderError } from 'commander';
import { isInputError } from '../core/errors.js';
import { commands, findCommand, type CommandEntry } from './commands/index.js';
import { cliLang, reportLang, setCliLang } from './common.js';
import { commandFace } from './options.js';

// bin/nqpf.js installs the worker pool of the replicate engine (bootstraps on several threads) before `main`.
export { installReplicatePool } from '../io/replicate-pool.js';

const VERSION = '0.1.0';

/**
 * The command `argv` runs (its first word that is not an option), or the one `nqpf help <command>`
 * asks about; undefined for `nqpf`, `nqpf --help`, `nqpf --version`.
 */
export function commandOf(argv: readonly string[]): CommandEntry | undefined {
  const words = argv.slice(2).filter((a) => !a.startsWith('-'));
  const first = words[0] === 'help' ? words[1] : words[0];
  return first === undefined ? undefined : findCommand(first);
}

/**
 * Build the `nqpf` program. Only the command `argv` runs is loaded (see the lazy registry in
 * commands/index.ts); the others are listed by name and summary, so `nqpf --help` loads no command
 * module. Without `argv` every command is loaded (for tests and tools that inspect the program).
 */
export async function buildProgram(argv?: readonly string[]): Promise<Command> {
  const program = new Command('nqpf')
    .description(
      'nqpf: measure New Quality Productive Forces (新质生产力) from panel data and test how innovation drives them.',
    )
    .version(VERSION)
    .option('--debug', 'print stack traces for errors')
    .showHelpAfterError('(run with --help for usage)')
    .addHelpText(
      'after',
      '\nExample:\n  nqpf demo --out nqpf-report\n  nqpf measure --data world-pwt --framework pwt --json',
    );
  const wanted = argv ? commandOf(argv) : undefined;
  const registers = await Promise.all(commands.map((c) => (!argv || c === wanted ? c.load() : undefined)));
  commands.forEach((entry, i) => {
    const register = registers[i];
    if (register) {
      register(program);
      program.commands[program.commands.length - 1].description(entry.summary);
    } else {
      // Listed in the help only; running it loads the real command (argv names it).
      program.command(entry.name).description(entry.summary);
    }
  });
  return program;
}

/**
 * Run the CLI. Returns the exit code: 0 ok, 2 user error (bad input, bad flags: message without a
 * stack trace unless --debug), 1 internal error.
 */
export async function main(argv: string[]): Promise<number> {
  const program = await buildProgram(argv);
  program.exitOverride();
  for (const c of program.commands) c.exitOverride();
  const debug = argv.includes('--debug');
  const langAt = argv.indexOf('--lang');
  setCliLang(langAt >= 0 && argv[langAt + 1] === 'zh' ? 'zh' : langAt >= 0 ? 'en' : reportLang());
  const zh = cliLang() === 'zh';
  try {
    await program.parseAsync(argv);
    return 0;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help')
        return 0;
      return e.exitCode === 0 ? 0 : 2;
    }
    if (isInputError(e)) {
      // Options are named by their flags, as the command that ran spells them (--m, --no-tests).
      const ran = commandOf(argv);
      const face = commandFace(program.commands.find((c) => c.name() === ran?.name));
      process.stderr.write(`${zh ? '错误：' : 'error: '}${e.format(cliLang(), face)}\n`);
      if (debug) process.stderr.write(`${e.stack}\n`);
      return 2;
    }
    process.stderr.write(`${zh ? '内部错误：' : 'internal error: '}${(e as Error)?.message ?? String(e)}\n`);
    if (debug) process.stderr.write(`${(e as Error)?.stack}\n`);
    else
      process.stderr.write(
        zh
          ? '  （这是 nqpf 的缺陷；请加 --debug 重新运行并报告堆栈信息）\n'
          : '  (this is a bug in nqpf; run again with --debug and report the stack trace)\n',
      );
    return 1;
  }
}

// Run when executed directly (`tsx src/cli/main.ts …` in development); bin/nqpf.js imports the build.
const entry = process.argv[1] ?? '';
if (
  /[\\/]cli[\\/]main\.(ts|js)$/.test(entry) &&
  import.meta.url.endsWith(entry.replace(/\\/g, '/').split('/').slice(-2).join('/'))
) {
  main(process.argv).then((code) => {
    process.exitCode = code;
  });
}
