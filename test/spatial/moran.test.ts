import { afterAll, describe, expect, it } from 'vitest';
import { moranTest, moranScatter, mcPValue } from '../../src/spatial/moran.js';
import { weightsConstants } from '../../src/spatial/constants.js';
import { restyle } from '../../src/spatial/weights.js';
import { allCases, expectRel, maxErr, weightsFor } from './spdep-fixtures.js';

describe('moranTest against spdep 1.2.7 moran.test / moran.mc', () => {
  afterAll(() => console.log(`moran: max relative error vs spdep ${maxErr.value.toExponential(2)}`));
  for (const c of allCases) {
    it(c.name, () => {
      const w = weightsFor(c);
      if (Array.isArray(c.nb) && Array.isArray(c.weights)) {
        // jsonlite unboxes one-element vectors to scalars
        const list = (v: number[] | number) => ([] as number[]).concat(v);
        w.neighbours.forEach((nb, i) => expect(Array.from(nb)).toEqual(list(c.nb![i])));
        w.weights.forEach((wt, i) => wt.forEach((v, k) => expectRel(v, list(c.weights![i])[k], 1e-12, 'w')));
      }
      const k = weightsConstants(w);
      expect(k.n).toBe(c.constants.n);
      expectRel(k.S0, c.constants.S0, 1e-10, 'S0');
      expectRel(k.S1, c.constants.S1, 1e-10, 'S1');
      expectRel(k.S2, c.constants.S2, 1e-10, 'S2');
      const r = moranTest(c.x, w);
      expectRel(r.I, c.moran.I, 1e-10, 'I');
      expectRel(r.expected, c.moran.E, 1e-10, 'E');
      expectRel(r.randomisation.variance, c.moran.varRand, 1e-10, 'varRand');
      expectRel(r.randomisation.z, c.moran.zRand, 1e-10, 'zRand');
      expectRel(r.randomisation.pValue, c.moran.pRand, 1e-10, 'pRand');
      expectRel(r.normality.variance, c.moran.varNorm, 1e-10, 'varNorm');
      expectRel(r.normality.z, c.moran.zNorm, 1e-10, 'zNorm');
      expectRel(r.normality.pValue, c.moran.pNorm, 1e-10, 'pNorm');
      expectRel(
        moranTest(c.x, w, { alternative: 'two.sided' }).randomisation.pValue,
        c.moran.pRandTwoSided,
        1e-10,
        'p2',
      );
      if (w.isolates.length > 0) expect(r.notes.some((n) => n.code === 'no-neighbours')).toBe(true);
    });
  }
});

describe('Moran permutation p-value (moran.mc convention)', () => {
  const c = allCases[0];
  const w = weightsFor(c);
  it('is deterministic for a seed and differs across seeds only by Monte-Carlo noise', () => {
    const a = moranTest(c.x, w, { permutations: 999, seed: 7 }).permutation!;
    const b = moranTest(c.x, w, { permutations: 999, seed: 7 }).permutation!;
    expect(a).toEqual(b);
    const other = moranTest(c.x, w, { permutations: 999, seed: 8 }).permutation!;
    expect(other.seed).toBe(8);
    // p is a multiple of 1/(nsim + 1)
    expect(Math.abs(a.pValue * 1000 - Math.round(a.pValue * 1000))).toBeLessThan(1e-9);
  });

  it('agrees with R moran.mc(nsim = 9999) in distribution', () => {
    // Both p-values estimate the same permutation probability; with nsim = 9999 in each, the Monte-Carlo
    // sd of a p-value is at most √(p(1−p)/10⁴) ≤ 0.005, so two independent estimates differ by less than
    // 5 joint sd = 5·√2·0.005 ≈ 0.035 except with negligible probability.
    for (const cc of allCases) {
      const r = moranTest(cc.x, weightsFor(cc), { permutations: 9999, seed: 11 }).permutation!;
      const sd = Math.sqrt(Math.max(cc.moranMc.p * (1 - cc.moranMc.p), 1e-4) / 1e4);
      expect(Math.abs(r.pValue - cc.moranMc.p), cc.name).toBeLessThan(5 * Math.SQRT2 * sd + 2e-4);
    }
  });

  it('follows the rank formulas of moran.mc', () => {
    expect(mcPValue(1000, 999, 'greater')).toBeCloseTo(1 / 1000, 15);
    expect(mcPValue(1, 999, 'greater')).toBeCloseTo(0.999, 15);
    expect(mcPValue(1, 999, 'less')).toBeCloseTo(0.001, 15);
    expect(mcPValue(500, 999, 'two.sided')).toBe(1);
  });
});

describe('moranScatter', () => {
  it('has slope equal to Moran I for row-standardised weights without islands', () => {
    const c = allCases[0];
    const w = weightsFor(c);
    expect(moranScatter(c.x, w).slope).toBeCloseTo(moranTest(c.x, w).I, 12);
    expect(moranScatter(c.x, restyle(w, 'W')).points).toHaveLength(31);
  });
});
