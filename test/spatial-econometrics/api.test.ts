import { describe, expect, it } from 'vitest';
import { scenario, spatialRegress } from '../../src/api/spatial-regress.js';
import { formatScenario, formatSpatialRegression, spatialTableModel } from '../../src/report/spatial-regression.js';
import { regressionTable, tableMarkdown } from '../../src/report/regression-table.js';
import { fixturePanel } from './helpers.js';
import { expectClose } from '../helpers/expect.js';

const { panel, weights, ref } = fixturePanel();
const base = { formula: 'y ~ x1 + x2', weights, draws: 400, seed: 2 } as const;

describe('spatialRegress / scenario (api) and their text and tables', () => {
  const r = spatialRegress(panel, { ...base, model: 'sdm', fe: 'both' });

  it('the text summary reads like xsmle (Main, Wx, Spatial), with effects, tests and the decision', () => {
    const text = formatSpatialRegression(r);
    for (const s of [
      'Main',
      'Wx',
      'W*x1',
      'rho',
      'LeSage–Pace effects',
      'Robust LM lag',
      'Wald SDM vs SEM',
      'Decision',
    ])
      expect(text).toContain(s);
  });

  it('goes through the esttab-style table writers with W*x and rho rows', () => {
    const md = tableMarkdown(regressionTable([spatialTableModel(r)]));
    expect(md).toContain('W*x1');
    expect(md).toContain('rho');
    expect(md).toContain(r.coefficients[0].estimate.toFixed(3));
  });

  it('delta-method effects have the same point estimates and SEs close to the simulated ones', () => {
    const d = spatialRegress(panel, { ...base, model: 'sdm', fe: 'both', inference: 'delta', tests: false });
    expect(d.effects[0].direct.estimate).toBe(r.effects[0].direct.estimate);
    expectClose(d.effects[0].total.stdError, ref.cases[0].simulatedSe.total[0], 0.05);
    expect(d.tests).toEqual({});
  });

  it('a unit shock everywhere moves every entity by the total effect; the own parts average to the direct effect', () => {
    const s = scenario(panel, { ...base, model: 'sdm', fe: 'both', shock: { kind: 'add', variable: 'x1', delta: 1 } });
    const eff = ref.cases[0].effects[0];
    expect(s.rows).toHaveLength(new Set(panel.entity).size);
    for (const row of s.rows) expectClose(row.total.estimate, eff.total, 1e-6);
    const ownMean = s.rows.reduce((a, x) => a + x.own.estimate, 0) / s.rows.length;
    expectClose(ownMean, eff.direct, 1e-6);
    expect(formatScenario(s)).toContain('spillover');
  });

  it('reach-mean raises only the entities below the group mean of the last period, to that mean', () => {
    const groupOf = (id: string) => (Number(id.slice(1)) <= 10 ? 'A' : 'B');
    const s = scenario(panel, {
      ...base,
      model: 'sar',
      fe: 'both',
      shock: { kind: 'reach-mean', variable: 'x2', group: 'A', groupOf },
    });
    const last = panel.periods[panel.periods.length - 1];
    const x2 = new Map<string, number>();
    panel.entity.forEach((e, i) => panel.period[i] === last && x2.set(e, panel.columns.x2[i]));
    const target = [...x2].filter(([id]) => groupOf(id) === 'A').reduce((a, [, v]) => a + v, 0) / 10;
    expect(s.rows).toHaveLength(x2.size);
    for (const row of s.rows) expect(row.shock).toBeCloseTo(Math.max(0, target - x2.get(row.entity)!), 12);
    expect(s.shockText).toContain('A mean');
  });

  it('SEM has no spillovers in the effects (indirect 0) and an entity-effects table', () => {
    const e = spatialRegress(panel, { ...base, model: 'sem', fe: 'both', tests: false });
    expect(e.lambda).toBeDefined();
    expect(e.effects[0].indirect.estimate).toBe(0);
    expect(e.entityEffects![0].rows[0].indirect).toBe(0);
  });
});
