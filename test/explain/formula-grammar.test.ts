import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { regressFit } from '../../src/explain/regression-result.js';
import { maxRel, readFixturePanel } from './feols-data.js';

// fixest 0.14.2 on a SIMULATED panel (test/fixtures/explain/formula-grammar.R): combined fixed
// effects a^b, I(), arithmetic in log(), poly() (orthogonal and raw), varying slopes fe[x], fe[[x]].
const fixture = JSON.parse(
  readFileSync(new URL('../fixtures/explain/formula-grammar.json', import.meta.url), 'utf8'),
) as {
  fixest: string;
  models: {
    label: string;
    formula: string;
    vcov: string;
    terms: string[];
    coefficients: number[];
    se: number[];
    nobs: number;
    r2: number;
    r2Within?: number;
  }[];
};
const panel = readFixturePanel('formula-grammar.csv', 'id', 'year');
const TOL = 1e-8;

/** fixest's vcov argument → nqpf's --vcov. */
const vcovOf = (v: string) =>
  v === '~id' ? 'cluster:id' : v === '~industry' ? 'cluster:industry' : v === 'hetero' ? 'hc1' : v;

/**
 * nqpf names terms as lm (R's model.matrix) does. fixest 0.14.2 rewrites `^` inside I() (I(z^2) is
 * printed `I(I(z^2))`) and names the columns of poly(x, 2):z `poly(x, 2):z1` where lm has `poly(x, 2)1:z`.
 */
const FIXEST_NAMES: Record<string, string> = {
  'I(I(z^2))': 'I(z^2)',
  'I(I((x - 1)^2)/10)': 'I((x - 1)^2/10)',
  'poly(x, 2):z1': 'poly(x, 2)1:z',
  'poly(x, 2):z2': 'poly(x, 2)2:z',
};
const lmName = (t: string) => FIXEST_NAMES[t] ?? t;

describe('formula grammar against fixest (a^b, I(), log(x + 1), poly(), varying slopes)', () => {
  expect(fixture.fixest).toBe('0.14.2');
  for (const m of fixture.models) {
    it(`${m.label}: ${m.formula}, vcov ${m.vcov}`, () => {
      const formula = m.formula.replace(/\s+/g, ' ');
      const { fit, result } = regressFit(panel, formula, vcovOf(m.vcov));
      expect(fit.nobs).toBe(m.nobs);
      expect(result.coefficients.map((c) => c.term)).toEqual(m.terms.map(lmName));
      expect(result.coefficients).toHaveLength(m.coefficients.length);
      expect(
        maxRel(
          result.coefficients.map((c) => c.estimate),
          m.coefficients,
        ),
      ).toBeLessThan(TOL);
      expect(
        maxRel(
          result.coefficients.map((c) => c.stdError),
          m.se,
        ),
      ).toBeLessThan(TOL);
      expect(maxRel([fit.r2], [m.r2])).toBeLessThan(TOL);
      if (m.r2Within !== undefined) expect(maxRel([fit.r2Within], [m.r2Within])).toBeLessThan(TOL);
    });
  }
});

describe('expression evaluation on the panel', () => {
  const small = readFixturePanel('formula-grammar.csv', 'id', 'year');
  it('sqrt of a negative value and division by zero become missing with a note', () => {
    const { fit } = regressFit(small, 'y ~ sqrt(z) + I(w / (t - 3)) | id', 'iid');
    const notes = fit.notes.filter((n) => n.code === 'math-domain').map((n) => n.message);
    expect(notes.some((m) => m.startsWith('sqrt(z):'))).toBe(true);
    expect(notes.some((m) => m.startsWith('w/(t - 3):') && /40 value/.test(m))).toBe(true); // t = 3 for 40 firms
  });
  it('poly() on a variable with missing values: the basis of the present rows, orthonormal, with a note', () => {
    const { fit } = regressFit(small, 'y ~ poly(z, 2) | id', 'iid');
    expect(fit.notes.some((n) => n.code === 'poly-missing' && /398 rows/.test(n.message))).toBe(true);
    // each column has unit length and is orthogonal to the constant and to the other on the present rows
    const col = (k: number) => fit.frame.x[k];
    const dot = (a: Float64Array, b: Float64Array) => a.reduce((s, v, i) => s + v * b[i], 0);
    // frame rows drop missing y too, so check on the panel-wide basis through a model without other gaps
    const { fit: f2 } = regressFit(small, 'z ~ poly(z, 2)', 'iid');
    const x1 = f2.frame.x[1];
    const x2 = f2.frame.x[2];
    expect(dot(x1, x1)).toBeCloseTo(1, 12);
    expect(dot(x2, x2)).toBeCloseTo(1, 12);
    expect(dot(x1, x2)).toBeCloseTo(0, 12);
    expect(x1.reduce((s, v) => s + v, 0)).toBeCloseTo(0, 12);
    expect(col(0).length).toBe(fit.nobs);
  });
  it('a combined fixed effect a^b has one level per observed combination', () => {
    const { fit } = regressFit(small, 'y ~ z | industry^year', 'iid');
    expect(fit.fixedEffects).toEqual([{ name: 'industry^year', nLevels: 50 }]);
  });
});
