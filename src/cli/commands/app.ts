import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { InputError } from '../../core/errors.js';
import { packageRoot } from '../../io/package-root.js';
import { serveStatic } from '../../io/static-server.js';
import { intOption } from '../common.js';

/** The package root (from src/, dist/ or the bundled CLI). */
const ROOT = packageRoot();

/** Folder of the built workbench in the package. */
export const WEB_DIR = path.join(ROOT, 'dist', 'web');

/**
 * The built workbench folder; in a development checkout without a build, build it once with Vite
 * (a dev dependency), else an InputError with the fix.
 */
export function ensureWebBuild(log: (s: string) => void = (s) => process.stderr.write(s + '\n')): string {
  if (existsSync(path.join(WEB_DIR, 'index.html'))) return WEB_DIR;
  const config = path.join(ROOT, 'src', 'web', 'vite.config.ts');
  const vite = path.join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
  if (existsSync(config) && existsSync(vite)) {
    log('… building the workbench once (npm run build:web)');
    const r = spawnSync(process.execPath, [vite, 'build', '--config', config, '--logLevel', 'warn'], {
      cwd: ROOT,
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    if (r.status === 0 && existsSync(path.join(WEB_DIR, 'index.html'))) return WEB_DIR;
  }
  throw new InputError('the workbench is not built', {
    hint: 'run "npm run build:web" in the nqpf folder, then "nqpf app" again',
  });
}

function openBrowser(url: string): void {
  const cmd = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'cmd' : 'xdg-open';
  const args = process.platform === 'win32' ? ['/c', 'start', '', url] : [url];
  try {
    const child = spawn(cmd, args, { stdio: 'ignore', detached: true });
    child.on('error', () => process.stderr.write(`(could not open a browser: open ${url} yourself)\n`));
    child.unref();
  } catch {
    process.stderr.write(`(could not open a browser: open ${url} yourself)\n`);
  }
}

/** `nqpf app`: serve the workbench on 127.0.0.1 and open it in the browser. */
export function registerApp(program: Command): void {
  program
    .command('app')
    .option('--port <n>', 'port (default: 5178, or a free one if it is taken)', intOption('--port'))
    .option('--no-open', 'only print the URL, do not open a browser')
    .addHelpText(
      'after',
      '\nExamples:\n  nqpf app\n  nqpf app --port 8080 --no-open\n\nThe same app as static files: npm run build:web (writes dist/web/). Guide: docs/workbench.md.',
    )
    .action(async (opts: { port?: number; open: boolean }) => {
      const dir = ensureWebBuild();
      let served;
      try {
        served = await serveStatic(dir, { port: opts.port ?? 5178 });
      } catch (e) {
        if (opts.port !== undefined || (e as NodeJS.ErrnoException).code !== 'EADDRINUSE') {
          throw new InputError(`cannot listen on port ${opts.port ?? 5178}: ${(e as Error).message}`, {
            hint: 'choose another port with --port N',
          });
        }
        served = await serveStatic(dir, { port: 0 });
      }
      process.stdout.write(`nqpf workbench: ${served.url}\n(Ctrl+C to stop; your data never leaves this computer)\n`);
      if (opts.open) openBrowser(served.url);
      // Serve until interrupted.
      await new Promise<void>((resolve) => {
        const stop = () => served.close().then(resolve);
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
    });
}
