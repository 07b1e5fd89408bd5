import { describe, expect, it } from 'vitest';
import { fsum, mean, variance, quantile, extent } from '../../src/core/numeric.js';
import { Rng } from '../../src/core/rng.js';

describe('fsum', () => {
  it('keeps the small terms a naive sum loses', () => {
    // 1 + 1e100 + 1 − 1e100 = 2 exactly; the naive left-to-right sum gives 0.
    expect(fsum([1, 1e100, 1, -1e100])).toBe(2);
  });
});

describe('variance and quantile', () => {
  it('match R: var(c(2,4,4,4,5,5,7,9)) = 4.571428571428571, quantile type 7', () => {
    const x = [2, 4, 4, 4, 5, 5, 7, 9];
    expect(mean(x)).toBe(5);
    expect(variance(x)).toBeCloseTo(32 / 7, 15);
    expect(variance(x, 0)).toBe(4);
    // R: quantile(c(2,4,4,4,5,5,7,9), 0.3) = 4 ; 0.9 -> 7.6
    expect(quantile(x, 0.3)).toBe(4);
    expect(quantile(x, 0.9)).toBeCloseTo(7.6, 12);
    expect(extent([3, NaN, -1])).toEqual([-1, 3]);
    // finite values only, as documented: ±Infinity is not a value of the data's range
    expect(extent([Infinity, 2, -Infinity, 5])).toEqual([2, 5]);
    expect(extent([NaN, Infinity])).toEqual([NaN, NaN]);
  });
});

describe('Rng', () => {
  it('reproduces a stream from a seed and differs across seeds', () => {
    const a = new Rng(42);
    const b = new Rng(42);
    const c = new Rng(43);
    const xa = Array.from({ length: 5 }, () => a.uniform());
    const xb = Array.from({ length: 5 }, () => b.uniform());
    const xc = Array.from({ length: 5 }, () => c.uniform());
    expect(xa).toEqual(xb);
    expect(xa).not.toEqual(xc);
  });
  it('gives uniform and normal draws with the right first two moments', () => {
    const r = new Rng(7);
    const u = Float64Array.from({ length: 200000 }, () => r.uniform());
    const z = Float64Array.from({ length: 200000 }, () => r.normal());
    // Monte Carlo tolerance: 5 standard errors (sd(U)/√n ≈ 6.5e-4, sd(Z)/√n ≈ 2.2e-3).
    expect(Math.abs(mean(u) - 0.5)).toBeLessThan(5 * 6.5e-4);
    expect(Math.abs(mean(z))).toBeLessThan(5 * 2.3e-3);
    expect(Math.abs(variance(z) - 1)).toBeLessThan(5 * 3.2e-3);
    for (let i = 0; i < 1000; i++) {
      const k = r.int(7);
      expect(k >= 0 && k < 7 && Number.isInteger(k)).toBe(true);
    }
  });
});
