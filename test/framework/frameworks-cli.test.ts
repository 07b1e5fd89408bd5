import { describe, expect, it } from 'vitest';
import { runInProcess as runCli } from '../helpers/cli.js';

describe('nqpf frameworks', () => {
  it('--json lists the built-ins with their systems and indicator counts', async () => {
    const r = await runCli(['frameworks', '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.frameworks.map((f: { id: string }) => f.id)).toEqual(['seed', 'pwt']);
    expect(out.frameworks[0].systems.map((s: { id: string; indicators: number }) => [s.id, s.indicators])).toEqual([
      ['innovation', 8],
      ['nqpf', 10],
      ['industry', 6],
      ['talent', 6],
    ]);
  });

  it('--show prints the tree with directions and units; a missing file is exit 2', async () => {
    const r = await runCli(['frameworks', '--show', 'seed', '--lang', 'zh']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('- energy_intensity: 单位GDP能耗 [tce per 10,000 yuan of GDP]');
    expect(r.stdout).toContain('system nqpf: 新质生产力 (10 indicators)');
    const bad = await runCli(['frameworks', '--show', 'no-such-file.yaml']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('cannot read framework file "no-such-file.yaml" (not found)');
    expect(bad.stderr).not.toMatch(/\n\s+at /);
  });
});
