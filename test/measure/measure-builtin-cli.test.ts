import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';
import { runInProcess as runCli } from '../helpers/cli.js';

const has = (f: string) => existsSync(path.join(ROOT, 'data/builtin', f));

function checkSchema(stdout: string, systems: string[]) {
  const out = JSON.parse(stdout);
  expect(Object.keys(out)).toEqual(['weights', 'scores', 'notes']);
  for (const s of systems) {
    const total = out.weights
      .filter((w: { system: string }) => w.system === s)
      .reduce((a: number, w: { weight: number }) => a + w.weight, 0);
    expect(total, s).toBeCloseTo(1, 14);
  }
  for (const s of out.scores) {
    expect(Object.keys(s)).toEqual(['entity', 'period', 'index', 'system', 'dimensions', 'rank']);
    expect(s.index).toBeGreaterThanOrEqual(0);
    expect(s.index).toBeLessThanOrEqual(1);
  }
  return out;
}

describe('nqpf measure --json on the built-in datasets', () => {
  it.skipIf(!has('world-pwt.csv'))('world-pwt with pwt: schema, one system pf, dropped rows recorded', async () => {
    const r = await runCli(['measure', '--data', 'world-pwt', '--framework', 'pwt', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const out = checkSchema(r.stdout, ['pf']);
    expect(new Set(out.scores.map((s: { system: string }) => s.system))).toEqual(new Set(['pf']));
    expect(out.notes.some((n: { code: string }) => n.code === 'dropped-rows')).toBe(true);
  });

  it.skipIf(!has('china-sim.csv'))(
    'china-sim with seed, imputed linearly: four systems, every row scored',
    async () => {
      const r = await runCli([
        'measure',
        '--data',
        'china-sim',
        '--framework',
        'seed',
        '--impute',
        'linear',
        '--weights',
        'entropy+critic',
        '--aggregate',
        'topsis',
        '--json',
      ]);
      expect(r.code, r.stderr).toBe(0);
      const out = checkSchema(r.stdout, ['innovation', 'nqpf', 'industry', 'talent']);
      expect(out.scores.length).toBe(4 * 31 * 12);
      expect(out.notes.some((n: { code: string }) => n.code === 'imputed')).toBe(true);
    },
  );
});
