import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { groupDifference } from '../../src/explain/group-difference.js';
import { regressFit } from '../../src/explain/regression-result.js';
import { splitByGroup } from '../../src/explain/transforms/samples.js';
import { maxRel, readFixturePanel } from './feols-data.js';

// test/fixtures/explain/group-difference.R: suest by hand with sandwich (stacked LSDV scores) and
// bdiff's permutation test on draws generated in R, on a SIMULATED panel.
interface Case {
  label: string;
  formula: string;
  by: string;
  cluster: string | null;
  unit: 'entity' | 'observation';
  n0: number;
  n1: number;
  G: number;
  terms: string[];
  estimate0: number[];
  estimate1: number[];
  chi2: number[];
  chi2P: number[];
  seDiff: number[];
  draws: number[][];
  replicates: number[][];
  count: number[];
  pValue: number[];
}
const fixture = JSON.parse(
  readFileSync(new URL('../fixtures/explain/group-difference.json', import.meta.url), 'utf8'),
) as { cases: Case[] };
const panel = readFixturePanel('group-difference.csv', 'id', 'year');
const TOL = 1e-8;

describe('difference between two groups: suest and bdiff permutation test', () => {
  for (const c of fixture.cases) {
    it(`${c.label}: ${c.formula} by ${c.by}`, () => {
      const [g0, g1] = splitByGroup(panel, c.by);
      expect([g0.group, g1.group]).toEqual(['0', '1']);
      const vcov = c.cluster ? `cluster:${c.cluster}` : 'hc1';
      const f0 = regressFit(g0.panel, c.formula, vcov);
      const f1 = regressFit(g1.panel, c.formula, vcov);
      expect([f0.fit.nobs, f1.fit.nobs]).toEqual([c.n0, c.n1]);
      const r = groupDifference([f0.fit, f1.fit], ['0', '1'], {
        vcov: f0.vcov.spec,
        draws: c.draws,
        keepReplicates: true,
      });
      expect(r.terms.map((t) => t.term)).toEqual(c.terms);
      expect(
        maxRel(
          r.terms.map((t) => t.estimate0),
          c.estimate0,
        ),
      ).toBeLessThan(TOL);
      expect(
        maxRel(
          r.terms.map((t) => t.estimate1),
          c.estimate1,
        ),
      ).toBeLessThan(TOL);
      // suest
      expect(r.suest!.n).toBe(c.G);
      expect(r.suest!.vcov).toEqual(c.cluster ? { cluster: c.cluster } : 'robust');
      expect(
        maxRel(
          r.terms.map((t) => t.suest!.chi2),
          c.chi2,
        ),
      ).toBeLessThan(TOL);
      expect(
        maxRel(
          r.terms.map((t) => t.suest!.pValue),
          c.chi2P,
        ),
      ).toBeLessThan(TOL);
      expect(
        maxRel(
          r.terms.map((t) => t.suest!.stdError),
          c.seDiff,
        ),
      ).toBeLessThan(TOL);
      // permutation: every draw's d*, the counts and bdiff's empirical p-values
      expect(r.permutation!.unit).toBe(c.unit);
      expect(r.permutation!.reps).toBe(c.draws.length);
      r.permutation!.replicates!.forEach((rep, j) =>
        expect(
          maxRel(
            rep,
            c.replicates.map((row) => row[j]),
          ),
        ).toBeLessThan(1e-7),
      );
      expect(r.terms.map((t) => t.permutation!.count)).toEqual(c.count);
      expect(
        maxRel(
          r.terms.map((t) => t.permutation!.pValue),
          c.pValue,
        ),
      ).toBeLessThan(1e-12);
    });
  }

  it('is seeded: the same seed gives the same p-values, and p never exceeds 0.5', () => {
    const [g0, g1] = splitByGroup(panel, 'soe');
    const fits = [g0, g1].map((g) => regressFit(g.panel, 'y ~ z + w | id + year', 'cluster:id').fit) as [
      ReturnType<typeof regressFit>['fit'],
      ReturnType<typeof regressFit>['fit'],
    ];
    const a = groupDifference(fits, ['0', '1'], { test: 'permutation', reps: 20, seed: 7 });
    const b = groupDifference(fits, ['0', '1'], { test: 'permutation', reps: 20, seed: 7 });
    expect(a.terms.map((t) => t.permutation!.pValue)).toEqual(b.terms.map((t) => t.permutation!.pValue));
    expect(a.terms.every((t) => t.permutation!.pValue <= 0.5)).toBe(true);
    expect(a.suest).toBeUndefined();
    expect(() => groupDifference(fits, ['0', '1'], { unit: 'entity', test: 'permutation', reps: 0 })).toThrow(/≥ 1/);
  });
});
