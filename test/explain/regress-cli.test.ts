import { describe, expect, it } from 'vitest';
import { runInProcess } from '../helpers/cli.js';
import { fixture, maxRel } from './feols-data.js';

const DATA = 'test/fixtures/explain/grunfeld.csv';
/** `regress` on Grunfeld (entity firm, period year) with a formula and a vcov. */
const regress = (formula: string, vcov: string) => [
  'regress',
  '--data',
  DATA,
  '--entity',
  'firm',
  '--period',
  'year',
  '--formula',
  formula,
  '--vcov',
  vcov,
];

describe('nqpf regress', async () => {
  it('--json prints one object with the contract fields, matching the R reference', async () => {
    const r = await runInProcess([...regress('inv ~ value + capital | firm + year', 'cluster:firm+year'), '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    for (const k of ['coefficients', 'nobs', 'r2', 'r2Within', 'fixedEffects', 'vcov', 'dropped'])
      expect(out).toHaveProperty(k);
    expect(Object.keys(out.coefficients[0])).toEqual([
      'term',
      'estimate',
      'stdError',
      'statistic',
      'pValue',
      'ciLow',
      'ciHigh',
    ]);
    expect(out.nobs).toBe(200);
    expect(out.fixedEffects).toEqual([
      { name: 'firm', nLevels: 10 },
      { name: 'year', nLevels: 20 },
    ]);
    expect(
      maxRel(
        out.coefficients.map((c: { estimate: number }) => c.estimate),
        fixture.twoway.coefficients,
      ),
    ).toBeLessThan(1e-8);
    expect(
      maxRel(
        out.coefficients.map((c: { stdError: number }) => c.stdError),
        fixture.twoway.cluster['firm+year'].se,
      ),
    ).toBeLessThan(1e-8);
    expect(out.vcov).toMatchObject({ type: 'cluster', nClusters: [10, 20], df: 9 });
  });

  it('prints a readable table, and formula errors exit 2 without a stack trace', async () => {
    const r = await runInProcess([...regress('inv ~ value + capital | firm', 'cluster:firm')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Clustered \(firm\) \(10 clusters\)/);
    expect(r.stdout).toMatch(/^value\s+0\.110124\s+0\.0151945/m); // fixest/Stata CR1: the nested firm FE counts as one parameter
    const bad = await runInProcess([
      'regress',
      '--data',
      DATA,
      '--entity',
      'firm',
      '--period',
      'year',
      '--formula',
      'inv ~ value +',
    ]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/formula error/);
    expect(bad.stderr).not.toMatch(/at .*\.ts:/);
  });
});
