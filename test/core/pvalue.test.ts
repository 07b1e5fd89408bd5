import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { chiSquarePValue, fPValue, normalPValue, tPValue } from '../../src/core/pvalue.js';
import { ROOT } from '../helpers/root.js';

interface Row {
  x: number;
  df?: number;
  df1?: number;
  df2?: number;
  p: number;
  p2?: number;
}
// Reference: R's pf/pchisq/pt/pnorm with lower.tail = FALSE (test/fixtures/core/pvalue.R).
const ref = JSON.parse(readFileSync(path.join(ROOT, 'test/fixtures/core/pvalue.json'), 'utf8')) as Record<
  'f' | 'chisq' | 't2' | 'tUpper' | 'normal',
  Row[]
>;

/** Largest relative error of `got` against R over a table. */
function worst(rows: Row[], got: (r: Row) => number, want: (r: Row) => number = (r) => r.p): number {
  let m = 0;
  for (const r of rows) m = Math.max(m, Math.abs(got(r) - want(r)) / want(r));
  return m;
}

describe('upper-tail p-values against R (lower.tail = FALSE), 1e-10 relative down to 1e-300', () => {
  it('F: pf(f, df1, df2, lower.tail = FALSE)', () => {
    expect(ref.f.some((r) => r.p < 1e-200)).toBe(true);
    expect(worst(ref.f, (r) => fPValue(r.x, r.df1!, r.df2!))).toBeLessThan(1e-10);
  });
  it('χ²: pchisq(x, df, lower.tail = FALSE)', () => {
    expect(ref.chisq.some((r) => r.p < 1e-250)).toBe(true);
    expect(worst(ref.chisq, (r) => chiSquarePValue(r.x, r.df!))).toBeLessThan(1e-10);
  });
  it('t two-sided: 2 * pt(-|t|, df)', () => {
    expect(worst(ref.t2, (r) => tPValue(r.x, r.df!))).toBeLessThan(1e-10);
  });
  it('t one-sided: pt(t, df, lower.tail = FALSE)', () => {
    expect(worst(ref.tUpper, (r) => tPValue(r.x, r.df!, 'greater'))).toBeLessThan(1e-10);
  });
  it('normal: pnorm(z, lower.tail = FALSE) and 2 * pnorm(-|z|)', () => {
    expect(worst(ref.normal, (r) => normalPValue(r.x, 'greater'))).toBeLessThan(1e-10);
    expect(
      worst(
        ref.normal,
        (r) => normalPValue(r.x),
        (r) => r.p2!,
      ),
    ).toBeLessThan(1e-10);
  });
  it('a p-value that 1 - cdf turns into 0 keeps its digits', () => {
    // R 4.2.2: pf(100, 3, 100, lower.tail = FALSE) = 5.5095894636965977e-30; 1 - pf(100, 3, 100) = 0.
    expect(Math.abs(fPValue(100, 3, 100) / 5.5095894636965977e-30 - 1)).toBeLessThan(1e-12);
  });
  it('limits and degenerate input', () => {
    expect(fPValue(0, 2, 10)).toBe(1);
    expect(fPValue(Infinity, 2, 10)).toBe(0);
    expect(fPValue(3, 0, 10)).toBeNaN();
    expect(fPValue(NaN, 2, 10)).toBeNaN();
    // F(df1, ∞) = χ²_df1 / df1.
    expect(fPValue(2.5, 4, Infinity)).toBeCloseTo(chiSquarePValue(10, 4), 15);
    expect(chiSquarePValue(0, 3)).toBe(1);
    expect(tPValue(0, 5)).toBe(1);
    expect(tPValue(2, Infinity)).toBe(normalPValue(2));
    expect(tPValue(1e200, 5)).toBe(0);
    expect(tPValue(-2, 7, 'less')).toBe(tPValue(2, 7, 'greater'));
    expect(normalPValue(-3, 'less')).toBe(normalPValue(3, 'greater'));
  });
});
