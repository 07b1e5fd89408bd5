import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { InputError } from '../../src/core/errors.js';
import { classRatioTest, gm11, gm11Forecast, gm11RollingCheck, greyGrade } from '../../src/project/gm11.js';
import { expectClose } from '../helpers/expect.js';

interface Gm11Case {
  x0: number[];
  a: number;
  b: number;
  fitted: number[];
  forecast: number[];
  S1: number;
  S2: number;
  C: number;
  P: number;
  ratios: number[];
  mre: number;
}
const fixture: { versions: Record<string, string>; cases: Record<string, Gm11Case> } = JSON.parse(
  readFileSync(new URL('../fixtures/project/gm11.json', import.meta.url), 'utf8'),
);

describe('gm11 against an independent base-R implementation (lm)', () => {
  for (const [name, c] of Object.entries(fixture.cases)) {
    it(name, () => {
      const m = gm11(c.x0, { force: true });
      // lm() solves by QR, we by the centred normal equations: both are accurate to ~1e-13 here.
      expectClose(m.a, c.a, 1e-10);
      expectClose(m.b, c.b, 1e-10);
      expect(m.fitted).toHaveLength(c.fitted.length);
      m.fitted.forEach((v, k) => expectClose(v, c.fitted[k], 1e-10));
      const forecast = gm11Forecast(m, 3);
      expect(forecast).toHaveLength(c.forecast.length);
      forecast.forEach((v, k) => expectClose(v, c.forecast[k], 1e-10));
      expectClose(m.S1, c.S1, 1e-12);
      expectClose(m.S2, c.S2, 1e-8);
      expectClose(m.C, c.C, 1e-8);
      expect(m.P).toBeCloseTo(c.P, 13); // jsonlite prints 15 digits
      expectClose(m.meanRelativeError, c.mre, 1e-8);
      expect(m.classRatio.ratios).toHaveLength(c.ratios.length);
      m.classRatio.ratios.forEach((r, k) => expectClose(r, c.ratios[k], 1e-14));
    });
  }
});

describe('gm11 on the textbook example x0 = (2.874, 3.278, 3.337, 3.390, 3.679)', () => {
  // The series of the GM(1,1) worked example in Liu Sifeng et al., 灰色系统理论及其应用 (Science Press),
  // reused by much Chinese teaching code. NOTE: the book's printed page could not be retrieved while
  // writing this test, so the digits below are not quoted from it: they are the values the standard
  // algorithm gives for this series (R lm() in gm11.R and numpy lstsq agree), rounded to 4 decimals.
  const m = gm11([2.874, 3.278, 3.337, 3.39, 3.679]);
  it('gives a, b and the time-response constants', () => {
    expect(m.a).toBeCloseTo(-0.0372, 4);
    expect(m.b).toBeCloseTo(3.0654, 4);
    expect(m.x0[0] - m.b / m.a).toBeCloseTo(85.2665, 4);
    expect(m.b / m.a).toBeCloseTo(-82.3925, 4);
  });
  it('passes the class-ratio test and grades good', () => {
    expect(m.classRatio.pass).toBe(true);
    expect(m.classRatio.lower).toBeCloseTo(Math.exp(-2 / 6), 15);
    expect(m.classRatio.upper).toBeCloseTo(Math.exp(2 / 7), 15);
    expect(m.grade).toBe('good');
  });
});

describe('gm11 identities', () => {
  it('recovers an exact geometric series: a = −2(q−1)/(q+1), b = 2x(1)/(q+1)', () => {
    const q = 1.08;
    const x = Array.from({ length: 7 }, (_, k) => 5 * q ** k);
    const m = gm11(x);
    expect(m.a).toBeCloseTo((-2 * (q - 1)) / (q + 1), 13);
    expect(m.b).toBeCloseTo((2 * 5) / (q + 1), 12);
    // the discrete solution then reproduces x only approximately: e^{-a} ≈ q to second order
    expect(Math.exp(-m.a)).toBeCloseTo(q, 3);
  });

  it('grades by both C and P, the worse one winning', () => {
    expect(greyGrade(0.2, 0.99)).toBe('good');
    expect(greyGrade(0.2, 0.9)).toBe('qualified');
    expect(greyGrade(0.6, 0.99)).toBe('barely');
    expect(greyGrade(0.7, 0.99)).toBe('fail');
    expect(greyGrade(0.1, 0.7)).toBe('fail');
  });

  it('uses the symmetric range on request', () => {
    expect(classRatioTest([1, 1, 1, 1], 'n+1').upper).toBeCloseTo(Math.exp(2 / 5), 15);
  });
});

describe('gm11 bad input', () => {
  it('refuses a non-positive series with an InputError naming the value', () => {
    expect(() => gm11([3, 2, 0, 4], { label: 'Hebei' })).toThrow(InputError);
    expect(() => gm11([3, 2, -1, 4], { label: 'Hebei' })).toThrow(/value 3 of 4 for Hebei is -1/);
    expect(() => gm11([3, 2, NaN, 4])).toThrow(/missing/);
    expect(() => gm11([3, 2, 4])).toThrow(/at least 4/);
  });

  it('refuses a series failing the class-ratio test unless forced', () => {
    const hw = fixture.cases.hsu_wang_2007.x0;
    let err: unknown;
    try {
      gm11(hw, { label: 'IC output' });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).message).toMatch(/GM\(1,1\) refused: class-ratio test failed for IC output/);
    expect((err as InputError).hint).toMatch(/--force/);
    const forced = gm11(hw, { force: true });
    expect(forced.forced).toBe(true);
    expect(forced.notes[0].code).toBe('class-ratio-failed');
  });
});

describe('gm11RollingCheck', () => {
  it('fits expanding windows and reports MAPE', () => {
    const x = fixture.cases.chn_rgdpna_2010_2017.x0;
    const r = gm11RollingCheck(x, { minTrain: 4, horizon: 2 });
    // origins 4..7: 2 + 2 + 2 + 1 points
    expect(r.points).toHaveLength(7);
    const first = gm11(x.slice(0, 4));
    expect(r.points[0].forecast).toBe(gm11Forecast(first, 1)[0]);
    const mape = (100 * r.points.reduce((s, p) => s + Math.abs(p.actual - p.forecast) / p.actual, 0)) / 7;
    expect(r.mape).toBeCloseTo(mape, 12);
    expect(r.mape).toBeLessThan(5);
  });
});
