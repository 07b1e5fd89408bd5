import { describe, expect, it } from 'vitest';
import { exp, log } from '../../src/core/elementary.js';
import { Rng } from '../../src/core/rng.js';

/** Distance in units in the last place between two doubles of the same sign. */
function ulps(a: number, b: number): number {
  const v = new DataView(new ArrayBuffer(16));
  v.setFloat64(0, a);
  v.setFloat64(8, b);
  return Number(v.getBigInt64(0) - v.getBigInt64(8)) * (v.getBigInt64(0) < v.getBigInt64(8) ? -1 : 1);
}

describe('deterministic log and exp (src/core/elementary.ts)', () => {
  it('agree with Math.log and Math.exp within 1 ulp over many magnitudes', () => {
    const rng = new Rng(7);
    let worstLog = 0;
    let worstExp = 0;
    let n = 0;
    for (let i = 0; i < 40_000; i++) {
      const x = Math.pow(10, -300 + 600 * rng.uniform()) * (1 + rng.uniform());
      worstLog = Math.max(worstLog, Math.abs(ulps(log(x), Math.log(x))));
      const y = -700 + 1400 * rng.uniform();
      worstExp = Math.max(worstExp, Math.abs(ulps(exp(y), Math.exp(y))));
      const p = rng.uniform(); // shares in (0, 1): what the entropy method takes logs of
      worstLog = Math.max(worstLog, Math.abs(ulps(log(p), Math.log(p))));
      n++;
    }
    expect(n).toBe(40_000);
    expect(worstLog).toBeLessThanOrEqual(1);
    expect(worstExp).toBeLessThanOrEqual(1);
  });

  it('exact values and special cases', () => {
    expect(log(1)).toBe(0);
    expect(log(2)).toBe(Math.LN2);
    expect(log(Math.E)).toBeCloseTo(1, 15);
    expect(exp(0)).toBe(1);
    expect(Math.abs(ulps(exp(1), Math.E))).toBeLessThanOrEqual(1);
    expect(log(0)).toBe(-Infinity);
    expect(log(-1)).toBeNaN();
    expect(log(Infinity)).toBe(Infinity);
    expect(log(5e-324)).toBeCloseTo(-744.4400719213812, 12);
    expect(exp(-Infinity)).toBe(0);
    expect(exp(Infinity)).toBe(Infinity);
    expect(exp(710)).toBe(Infinity);
    expect(exp(-746)).toBe(0);
    expect(exp(-740) / Math.exp(-740)).toBeCloseTo(1, 10);
    expect(exp(709.7)).toBeCloseTo(Math.exp(709.7), -290);
  });
});
