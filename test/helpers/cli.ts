import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { vi } from 'vitest';
import { main } from '../../src/cli/main.js';

import { ROOT } from './root.js';

export { ROOT };

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Run the CLI from source (`tsx src/cli/main.ts …`) in a child process; returns exit code and output. */
export function runCli(args: string[], options: { cwd?: string; timeout?: number } = {}): CliRun {
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'src/cli/main.ts'), ...args], {
    cwd: options.cwd ?? ROOT,
    encoding: 'utf8',
    timeout: options.timeout ?? 120_000,
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/**
 * Run the CLI in this process (no child process: a tsx start-up costs seconds on a loaded machine),
 * capturing stdout and stderr. Same contract as {@link runCli}.
 */
export async function runInProcess(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout += String(chunk);
    return true;
  });
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stderr += String(chunk);
    return true;
  });
  try {
    const code = await main(['node', 'nqpf', ...args]);
    return { code, stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}
