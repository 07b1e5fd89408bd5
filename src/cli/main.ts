import { Command, CommanderError } from 'commander';
import { isInputError } from '../core/errors.js';
import { commands } from './commands/index.js';
import { cliLang, reportLang, setCliLang } from './common.js';

const VERSION = '0.1.0';

/** Build the `nqpf` program with every command registered. */
export function buildProgram(): Command {
  const program = new Command('nqpf')
    .description(
      'nqpf: measure New Quality Productive Forces (新质生产力) from panel data and test how innovation drives them.',
    )
    .version(VERSION)
    .option('--debug', 'print stack traces for errors')
    .showHelpAfterError('(run with --help for usage)')
    .addHelpText('after', '\nExample:\n  nqpf demo --out nqpf-report\n  nqpf measure --data world-pwt --framework pwt --json');
  for (const register of commands) register(program);
  return program;
}

/**
 * Run the CLI. Returns the exit code: 0 ok, 2 user error (bad input, bad flags: message without a
 * stack trace unless --debug), 1 internal error.
 */
export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
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
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return 0;
      return e.exitCode === 0 ? 0 : 2;
    }
    if (isInputError(e)) {
      process.stderr.write(`${zh ? '错误：' : 'error: '}${e.format(cliLang())}\n`);
      if (debug) process.stderr.write(`${e.stack}\n`);
      return 2;
    }
    process.stderr.write(`${zh ? '内部错误：' : 'internal error: '}${(e as Error)?.message ?? String(e)}\n`);
    if (debug) process.stderr.write(`${(e as Error)?.stack}\n`);
    else process.stderr.write(zh ? '  （这是 nqpf 的缺陷；请加 --debug 重新运行并报告堆栈信息）\n' : '  (this is a bug in nqpf; run again with --debug and report the stack trace)\n');
    return 1;
  }
}

// Run when executed directly (`tsx src/cli/main.ts …` in development); bin/nqpf.js imports the build.
const entry = process.argv[1] ?? '';
if (/[\\/]cli[\\/]main\.(ts|js)$/.test(entry) && import.meta.url.endsWith(entry.replace(/\\/g, '/').split('/').slice(-2).join('/'))) {
  main(process.argv).then((code) => {
    process.exitCode = code;
  });
}
