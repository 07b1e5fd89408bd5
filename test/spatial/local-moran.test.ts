import { afterAll, describe, expect, it } from 'vitest';
import { localMoran } from '../../src/spatial/local-moran.js';
import { allCases, expectRel, maxErr, num, weightsFor } from './spdep-fixtures.js';

const quadr: Record<string, string> = { 'High-High': 'HH', 'Low-Low': 'LL', 'High-Low': 'HL', 'Low-High': 'LH' };

describe('localMoran against spdep 1.2.7 localmoran', () => {
  afterAll(() => console.log(`localmoran: max relative error vs spdep ${maxErr.value.toExponential(2)}`));
  for (const c of allCases) {
    it(c.name, () => {
      const w = weightsFor(c);
      for (const [conditional, ref] of [
        [true, c.localConditional],
        [false, c.localTotal],
      ] as const) {
        const r = localMoran(c.x, w, { conditional });
        // z_i = x_i − x̄ cancels when x_i ≈ x̄ (Panama in the world case: |z_i/x̄| ≈ 1e-5), costing
        // both R and us digits in I_i, E_i and Var_i alike; so these are compared relative to
        // max(|value|, 1e-4 · the largest |value| of the column) rather than to |value| alone.
        const scale = (col: (number | string)[]) =>
          1e-4 * Math.max(...col.map((v) => Math.abs(num(v))).filter(Number.isFinite));
        r.rows.forEach((row, i) => {
          expectRel(row.Ii, ref.Ii[i], 1e-10, `Ii ${row.entity}`, scale(ref.Ii));
          expectRel(row.expected, ref.E[i], 1e-10, `E ${row.entity}`, scale(ref.E));
          expectRel(row.variance, ref.Var[i], 1e-10, `Var ${row.entity}`, scale(ref.Var));
          expectRel(row.z, ref.Z[i], 1e-10, `Z ${row.entity}`);
          expectRel(row.pValue, ref.p[i], 1e-10, `p ${row.entity}`);
          expect(row.quadrant).toBe(quadr[c.quadrMean[i]]);
          expect(row.cluster).toBe(row.pValue < 0.05 ? row.quadrant : 'NS');
        });
      }
    });
  }
});

describe('local Moran conditional permutations', () => {
  const c = allCases[0];
  const w = weightsFor(c);
  it('are deterministic for a seed and decide the clusters', () => {
    const a = localMoran(c.x, w, { permutations: 499, seed: 3 });
    const b = localMoran(c.x, w, { permutations: 499, seed: 3 });
    expect(a.rows.map((r) => r.pPermutation)).toEqual(b.rows.map((r) => r.pPermutation));
    expect(a.clusterBy).toBe('permutation');
    for (const r of a.rows) {
      expect(r.pPermutation).toBeGreaterThanOrEqual(1 / 500);
      expect(r.pPermutation).toBeLessThanOrEqual(0.5 + 1 / 500);
      expect(r.cluster).toBe(r.pPermutation < 0.05 ? r.quadrant : 'NS');
    }
  });

  it('agree in distribution with the analytic conditional test', () => {
    // The folded pseudo p approximates min(P(I ≥ Ii), P(I ≤ Ii)) under conditional randomisation,
    // i.e. about half the two-sided normal p when the normal approximation holds; we only require the
    // same verdict for provinces far from the 5% boundary (analytic p < 0.005 or > 0.3), where a
    // Monte-Carlo error of √(0.05·0.95/9999) ≈ 0.002 cannot flip it.
    const perm = localMoran(c.x, w, { permutations: 9999, seed: 5 });
    for (const r of perm.rows) {
      if (r.pValue < 0.005) expect(r.pPermutation, r.entity).toBeLessThan(0.05);
      if (r.pValue > 0.3) expect(r.pPermutation, r.entity).toBeGreaterThan(0.05);
    }
  });

  it('gives islands NaN z and class NS', () => {
    const island = allCases.find((k) => k.name === 'china_nostrait_W_synthetic')!;
    const r = localMoran(island.x, weightsFor(island), { permutations: 99 });
    const hainan = r.rows.find((row) => row.entity === 'Hainan')!;
    expect(hainan.Ii).toBe(0);
    expect(hainan.z).toBeNaN();
    expect(hainan.pPermutation).toBeNaN();
    expect(hainan.cluster).toBe('NS');
  });
});
