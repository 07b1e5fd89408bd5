import { describe, expect, it } from 'vitest';
import { levelOf, saltelliDesign } from '../../src/robustness/design.js';
import { sobolIndices } from '../../src/robustness/sobol.js';

// Ishigami & Homma (1990): f = sin x1 + a sin² x2 + b x3⁴ sin x1, x_i ~ U(−π, π). Analytic partial
// variances (Sobol' & Levitan 1999; Saltelli et al. 2008, Global Sensitivity Analysis, §4.2):
// V = a²/8 + bπ⁴/5 + b²π⁸/18 + 1/2, V1 = (1 + bπ⁴/5)²/2, V2 = a²/8, V3 = 0, V13 = 8b²π⁸/225.
const a = 7;
const b = 0.1;
const pi = Math.PI;
const V = (a * a) / 8 + (b * pi ** 4) / 5 + (b * b * pi ** 8) / 18 + 0.5;
const V1 = (1 + (b * pi ** 4) / 5) ** 2 / 2;
const V2 = (a * a) / 8;
const V13 = (8 * b * b * pi ** 8) / 225;
const exact = { s: [V1 / V, V2 / V, 0], st: [(V1 + V13) / V, V2 / V, V13 / V] };

function ishigami(n: number, seed: number) {
  const design = saltelliDesign(n, [[0], [1], [2]], seed);
  const y = new Float64Array(design.runs);
  for (let r = 0; r < design.runs; r++) {
    const [x1, x2, x3] = [0, 1, 2].map((c) => -pi + 2 * pi * design.u[r * 3 + c]);
    y[r] = Math.sin(x1) + a * Math.sin(x2) ** 2 + b * x3 ** 4 * Math.sin(x1);
  }
  return { design, y };
}

describe('Sobol indices (Saltelli 2010 first order, Jansen 1999 total)', () => {
  it('the analytic values are the published ones', () => {
    expect(exact.s.map((x) => +x.toFixed(4))).toEqual([0.3139, 0.4424, 0]);
    expect(exact.st.map((x) => +x.toFixed(4))).toEqual([0.5576, 0.4424, 0.2437]);
  });

  it('reproduce the analytic indices of the Ishigami function', () => {
    const n = 1 << 15;
    const { y } = ishigami(n, 11);
    const idx = sobolIndices(y, n, 3, { bootstrap: 200, seed: 3 });
    idx.forEach((s, i) => {
      // Monte Carlo error with N = 32768 is about 0.005 (the bootstrap half-width below); 0.02 is 4 SE.
      expect(Math.abs(s.firstOrder - exact.s[i])).toBeLessThan(0.02);
      expect(Math.abs(s.total - exact.st[i])).toBeLessThan(0.02);
      expect(s.firstOrderCi[0]).toBeLessThan(s.firstOrderCi[1]);
      expect(s.totalCi[1] - s.totalCi[0]).toBeLessThan(0.05);
      expect(s.totalCi[0] - 0.01).toBeLessThan(exact.st[i]);
      expect(s.totalCi[1] + 0.01).toBeGreaterThan(exact.st[i]);
    });
  });

  it('a factor that the model ignores gets total index 0 exactly, and a constant output gives zeros', () => {
    const n = 256;
    const design = saltelliDesign(n, [[0], [1]], 5);
    const y = Float64Array.from({ length: design.runs }, (_, r) => design.u[r * 2]);
    const idx = sobolIndices(y, n, 2, { bootstrap: 50 });
    expect(idx[1].total).toBe(0);
    expect(idx[1].firstOrder).toBe(0);
    expect(idx[0].total).toBeGreaterThan(0.9);
    const flat = sobolIndices(new Float64Array(design.runs).fill(2), n, 2, { bootstrap: 0 });
    expect(flat.map((s) => [s.firstOrder, s.total])).toEqual([
      [0, 0],
      [0, 0],
    ]);
  });

  it('A_B^i takes exactly the group of factor i from B', () => {
    const n = 4;
    const d = saltelliDesign(n, [[0, 2], [1]], 9);
    for (let r = 0; r < n; r++) {
      const A = [0, 1, 2].map((c) => d.u[r * 3 + c]);
      const B = [0, 1, 2].map((c) => d.u[(n + r) * 3 + c]);
      const AB0 = [0, 1, 2].map((c) => d.u[(2 * n + r) * 3 + c]);
      const AB1 = [0, 1, 2].map((c) => d.u[(3 * n + r) * 3 + c]);
      expect(AB0).toEqual([B[0], A[1], B[2]]);
      expect(AB1).toEqual([A[0], B[1], A[2]]);
    }
    expect(d.runs).toBe(16);
    expect([0, 0.249, 0.25, 0.999].map((u) => levelOf(u, 4))).toEqual([0, 0, 1, 3]);
  });
});

describe('rank uncertainty statistics', () => {
  it('median, 5th and 95th percentiles are R type-7 quantiles of each entity’s ranks; frequencies sum to 1', async () => {
    const { rankUncertainty } = await import('../../src/robustness/uncertainty.js');
    const { quantileSorted } = await import('../../src/core/numeric.js');
    const { Rng } = await import('../../src/core/rng.js');
    const rng = new Rng(4);
    const m = 5;
    const runs = 37;
    const ranks = new Float64Array(runs * m);
    for (let r = 0; r < runs; r++) ranks.set(rng.shuffle([1, 2, 3, 4, 5]), r * m);
    ranks[3 * m + 2] = NaN;
    const u = rankUncertainty(ranks, ['a', 'b', 'c', 'd', 'e'], [1, 2, 3, 4, 5]);
    u.forEach((x, e) => {
      const s = Float64Array.from({ length: runs }, (_, r) => ranks[r * m + e])
        .filter(Number.isFinite)
        .sort();
      expect([x.q05, x.medianRank, x.q95, x.minRank, x.maxRank]).toEqual([
        quantileSorted(s, 0.05),
        quantileSorted(s, 0.5),
        quantileSorted(s, 0.95),
        s[0],
        s[s.length - 1],
      ]);
      expect(x.rankFrequencies.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    });
  });
});

describe('src/robustness', () => {
  it('uses no Node APIs, so Web Workers can run it', async () => {
    const { readdirSync, readFileSync } = await import('node:fs');
    const dir = new URL('../../src/robustness/', import.meta.url);
    const files = readdirSync(dir).filter((f) => f.endsWith('.ts'));
    expect(files.length).toBeGreaterThanOrEqual(9);
    const offenders = files.filter((f) =>
      /from ['"](node:|fs|path|os|worker_threads|child_process)['"/]|\bprocess\.|\bBuffer\b|__dirname/.test(
        readFileSync(new URL(f, dir), 'utf8'),
      ),
    );
    expect(offenders).toEqual([]);
  });
});

describe('sobolIndicesMany', () => {
  it('gives each output what sobolIndices gives it alone (shared resamples, same seed)', async () => {
    const { sobolIndicesMany } = await import('../../src/robustness/sobol.js');
    const n = 300;
    const { y } = ishigami(n, 21);
    const y2 = y.map((v) => v * v);
    const many = sobolIndicesMany([y, y2], n, 3, { bootstrap: 40, seed: 9 });
    expect(many[0]).toEqual(sobolIndices(y, n, 3, { bootstrap: 40, seed: 9 }));
    expect(many[1]).toEqual(sobolIndices(y2, n, 3, { bootstrap: 40, seed: 9 }));
  });
});
