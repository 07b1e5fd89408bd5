import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { feols } from '../../src/explain/feols.js';
import { coefTable, vcov } from '../../src/explain/vcov.js';
import { maxRel, readFixturePanel } from './feols-data.js';

// lm's QR solution on designs with kappa(X) from 1.1e4 to 1.4e6 (test/fixtures/explain/near-collinear.R).
// Solving the normal equations loses ~kappa²·ε (4e-8 at 1e5); QR keeps ~kappa·ε, so 1e-10 holds.
const ref = JSON.parse(readFileSync(new URL('../fixtures/explain/near-collinear.json', import.meta.url), 'utf8'));
const panel = readFixturePanel('near-collinear.csv', 'id', 'year');
// The panel's period column is not a regressor column: give the year as one.
const withYear = { ...panel, columns: { ...panel.columns, year: Float64Array.from(panel.period) } };

describe('feols on near-collinear designs matches lm to 1e-10', () => {
  for (const c of ref.cases as {
    name: string;
    formula: string;
    terms: string[];
    kappa: number;
    coefficients: number[];
    se: number[];
    lmVsSvd: number;
  }[]) {
    it(`${c.name}: kappa(X) = ${c.kappa.toExponential(1)}, ${c.formula}`, () => {
      expect(c.lmVsSvd).toBeLessThan(1e-11);
      const fit = feols(withYear, c.formula);
      expect(fit.collinear).toEqual([]);
      expect(fit.coefNames).toEqual(c.terms);
      expect(maxRel(fit.coefficients, c.coefficients)).toBeLessThan(1e-10);
      const se = coefTable(fit, vcov(fit, 'iid')).map((r) => r.stdError);
      expect(maxRel(se, c.se)).toBeLessThan(1e-10);
    });
  }
});
