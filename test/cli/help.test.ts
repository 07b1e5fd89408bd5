import { describe, expect, it } from 'vitest';
import { runInProcess } from '../helpers/cli.js';

describe('nqpf --help', async () => {
  it('prints usage and exits 0', async () => {
    const r = await runInProcess(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('nqpf');
  });
  it('exits 2 on an unknown command without a stack trace', async () => {
    const r = await runInProcess(['no-such-command']);
    expect(r.code).toBe(2);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
