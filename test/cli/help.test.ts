import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

describe('nqpf --help', () => {
  it('prints usage and exits 0', () => {
    const r = runCli(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('nqpf');
  });
  it('exits 2 on an unknown command without a stack trace', () => {
    const r = runCli(['no-such-command']);
    expect(r.code).toBe(2);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
