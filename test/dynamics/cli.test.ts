import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { runInProcess } from '../helpers/cli.js';
import { expectClose } from '../helpers/expect.js';
import { ROOT } from '../helpers/root.js';

describe('nqpf density / markov / convergence', () => {
  it('density --json gives a grid × period matrix', async () => {
    const r = await runInProcess([
      'density',
      '--data',
      'world-pwt',
      '--value',
      'y_per_worker',
      '--log',
      '--years',
      '1990,2017',
      '--points',
      '64',
      '--json',
    ]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.grid).toHaveLength(64);
    expect(out.matrix).toHaveLength(64);
    expect(out.matrix[0]).toHaveLength(2);
    expect(out.periods.map((p: { period: number }) => p.period)).toEqual([1990, 2017]);
  });
  it('markov --json: probabilities rows sum to 1 or are flagged empty', async () => {
    const r = await runInProcess(['markov', '--data', 'china-sim', '--value', 'rd_intensity', '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.k).toBe(4);
    expect(out.probabilities).toHaveLength(out.k);
    out.probabilities.forEach((row: number[], i: number) => {
      const s = row.reduce((a, b) => a + b, 0);
      if (out.emptyRows.includes(i + 1)) expect(s).toBe(0);
      else expect(s).toBeCloseTo(1, 12);
    });
  });
  it('markov --spatial on china-sim uses the built-in borders and reports the homogeneity test', async () => {
    const r = await runInProcess(['markov', '--data', 'china-sim', '--value', 'rd_intensity', '--spatial', '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    // Same data and borders as the independent R implementation (test/fixtures/dynamics/markov.R).
    const fx = JSON.parse(readFileSync(path.join(ROOT, 'test/fixtures/dynamics/markov.json'), 'utf8'));
    expect(out.conditional.map((m: { counts: number[][] }) => m.counts)).toEqual(fx.conditional);
    expect(out.test.df).toBe(fx.df);
    expectClose(out.test.LR, fx.LR);
    expectClose(out.test.chi2, fx.chi2);
    expectClose(out.test.pLR, fx.pLR);
    expect(out.lagBreaks[0]).toHaveLength(fx.lagBreaks.length);
    out.lagBreaks[0].forEach((b: number, i: number) => expectClose(b, fx.lagBreaks[i]));
  });
  it('convergence --json reports σ and β with speed and half-life', async () => {
    const r = await runInProcess(['convergence', '--data', 'world-pwt', '--value', 'y_per_worker', '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.beta.form).toBe('cross-section');
    expect(out.beta.beta).toBeLessThan(0);
    expect(out.beta.halfLife).toBeCloseTo(Math.LN2 / out.beta.speed, 12);
    expect(out.sigma.periods.length).toBe(28);
  });
});

describe('--out for dynamics and disparity', () => {
  it('writes density, markov, convergence and disparity tables', async () => {
    const { mkdtempSync, readFileSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const path = await import('node:path');
    const dir = mkdtempSync(path.join(tmpdir(), 'nqpf-dyn-'));
    try {
      for (const args of [
        ['density', '--data', 'china-sim', '--value', 'rd_intensity', '--points', '32'],
        ['markov', '--data', 'china-sim', '--value', 'rd_intensity', '--spatial'],
        ['convergence', '--data', 'china-sim', '--value', 'gdp_per_capita'],
        ['disparity', '--data', 'china-sim', '--value', 'rd_intensity', '--group', 'region4'],
      ]) {
        const r = await runInProcess([...args, '--out', dir, '--json']);
        expect(r.code, r.stderr).toBe(0);
      }
      expect(readFileSync(path.join(dir, 'density.csv'), 'utf8').split(/\r?\n/)[0]).toMatch(/^\uFEFF?x,2012,/);
      expect(readFileSync(path.join(dir, 'homogeneity-test.csv'), 'utf8')).toContain('p_chi2');
      expect(readFileSync(path.join(dir, 'beta.csv'), 'utf8')).toContain('half_life');
      expect(readFileSync(path.join(dir, 'disparity-pairs.csv'), 'utf8')).toContain('richer');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('--help', () => {
  for (const c of ['couple', 'obstacle', 'disparity', 'density', 'markov', 'convergence']) {
    it(`${c} --help shows an example and exits 0`, async () => {
      const r = await runInProcess([c, '--help']);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain(`nqpf ${c} --data`);
    });
  }
});
