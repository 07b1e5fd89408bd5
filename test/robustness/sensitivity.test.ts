import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/errors.js';
import { measurePanel } from '../../src/measure/pipeline.js';
import { levelOf } from '../../src/robustness/design.js';
import { withLevel, type MeasureSetting } from '../../src/robustness/factors.js';
import { evaluateRuns, planSensitivity, sensitivity, summarizeSensitivity } from '../../src/robustness/sensitivity.js';
import { withoutIndicators } from '../../src/robustness/model.js';
import { madeUpFramework, madeUpPanel } from './panel.js';

const panel = madeUpPanel();
const framework = madeUpFramework();
const year = 2019;

/** `nqpf measure`'s ranks and index in `year` for system `sys`, keyed by entity. */
function measured(s: MeasureSetting, sys: string, fw = framework) {
  const r = measurePanel(panel, fw, {
    weights: s.weights,
    normalize: s.normalize,
    aggregate: s.aggregate,
    perPeriod: s.perPeriod,
    impute: s.impute,
  }).result;
  const rows = r.scores.filter((x) => x.system === sys && x.period === year);
  return { rank: new Map(rows.map((x) => [x.entity, x.rank])), index: new Map(rows.map((x) => [x.entity, x.index])) };
}

const base: MeasureSetting = {
  weights: 'entropy',
  normalize: 'minmax-shift',
  aggregate: 'arithmetic',
  perPeriod: false,
  impute: 'none',
};

describe('sensitivity: every run is what measure computes', () => {
  it.each([
    ['arithmetic', false],
    ['geometric', false],
    ['topsis', false],
    ['topsis', true],
    ['arithmetic', true],
  ] as const)('the nominal index equals measure’s to the last bit (%s, per period %s)', (aggregate, perPeriod) => {
    const r = sensitivity(panel, framework, {
      measure: { normalize: 'minmax-shift', aggregate, perPeriod },
      vary: [{ flag: 'weights', levels: ['entropy', 'equal'] }],
      runs: 4,
      bootstrap: 0,
    });
    expect(r.systems).toHaveLength(framework.systems.length);
    for (const sys of r.systems) {
      const m = measured({ ...base, aggregate, perPeriod }, sys.system);
      expect(sys.nominal).toHaveLength(15);
      for (const n of sys.nominal) {
        expect(n.index).toBe(m.index.get(n.entity));
        expect(n.rank).toBe(m.rank.get(n.entity));
      }
    }
  });

  it('with discrete factors only, each run’s ranking is measure’s for its choices and min/max ranks are their extremes', () => {
    const options = {
      measure: { normalize: 'minmax-shift' as const },
      vary: [
        { flag: 'weights' as const, levels: ['entropy', 'equal', 'critic', 'cv', 'entropy+critic'] },
        { flag: 'aggregate' as const, levels: ['arithmetic', 'geometric', 'topsis'] },
        { flag: 'per-period' as const, levels: ['false', 'true'] },
      ],
      runs: 80,
      bootstrap: 0,
    };
    const plan = planSensitivity(panel, framework, options);
    const ranks = evaluateRuns(plan, 0, plan.design.runs);
    const result = summarizeSensitivity(plan, ranks);
    const cache = new Map<string, ReturnType<typeof measured>>();
    plan.systems.forEach((k, s) => {
      const sys = framework.systems[k].id;
      const entities = plan.entities[s];
      const lo = new Map(entities.map((e) => [e, Infinity]));
      const hi = new Map(entities.map((e) => [e, -Infinity]));
      for (let r = 0; r < plan.design.runs; r++) {
        let setting = plan.nominal;
        for (const f of plan.factors)
          setting = withLevel(
            setting,
            f.name as never,
            f.levels![levelOf(plan.design.u[r * plan.design.columns + f.columns[0]], f.levels!.length)],
          );
        const key = JSON.stringify(setting) + sys;
        if (!cache.has(key)) cache.set(key, measured(setting, sys));
        const m = cache.get(key)!;
        entities.forEach((e, i) => {
          const rank = ranks[s][r * entities.length + i];
          expect(rank).toBe(m.rank.get(e));
          lo.set(e, Math.min(lo.get(e)!, rank));
          hi.set(e, Math.max(hi.get(e)!, rank));
        });
      }
      // All 30 choices are met in 80 × 5 runs.
      expect(new Set([...cache.keys()].filter((k2) => k2.endsWith(sys))).size).toBe(30);
      expect(result.systems[s].uncertainty).toHaveLength(entities.length);
      for (const u of result.systems[s].uncertainty) {
        expect(u.minRank).toBe(lo.get(u.entity));
        expect(u.maxRank).toBe(hi.get(u.entity));
        expect(u.q05).toBeGreaterThanOrEqual(u.minRank);
        expect(u.q95).toBeLessThanOrEqual(u.maxRank);
        expect(u.rankFrequencies.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
      }
    });
  });

  it('a factor that cannot change anything (imputation on complete data) gets total index 0', () => {
    const r = sensitivity(panel, framework, {
      measure: { normalize: 'minmax-shift' },
      vary: [
        { flag: 'weights', levels: ['entropy', 'equal'] },
        { flag: 'impute', levels: ['linear', 'mean'] },
      ],
      perturbWeights: 0.3,
      runs: 200,
      bootstrap: 100,
    });
    expect(r.systems).toHaveLength(framework.systems.length);
    for (const sys of r.systems) {
      const imp = sys.sensitivity.find((x) => x.factor === 'impute')!;
      expect(imp.total).toBe(0);
      expect(imp.firstOrder).toBe(0);
      expect(imp.totalCi).toEqual([0, 0]);
      const w = sys.sensitivity.find((x) => x.factor === 'weights')!;
      expect(w.total).toBeGreaterThan(0.1);
      expect(sys.factors.map((f) => f.name)).toEqual(['weights', 'impute', 'perturb-weights']);
      expect(sys.factors[2].levels).toEqual([0.7, 1.3]);
      expect(sys.runs).toBe(200 * 5);
    }
  });

  it('leave-one-out ranks are measure’s on the framework without the element', () => {
    const r = sensitivity(panel, framework, {
      measure: { normalize: 'minmax-shift' },
      dropIndicators: true,
      runs: 8,
      bootstrap: 0,
      system: 's1',
    });
    expect(r.system).toBe('s1');
    expect(r.factors).toEqual([{ name: 'drop-indicators', levels: ['none', 'x1', 'x2', 'x3', 'x4', 'x5'] }]);
    expect(r.removal.map((x) => `${x.level}:${x.id}`)).toEqual([
      'indicator:x1',
      'indicator:x2',
      'indicator:x3',
      'indicator:x4',
      'indicator:x5',
      'dimension:d1',
      'dimension:d2',
    ]);
    for (const rem of r.removal) {
      const removed = rem.level === 'indicator' ? [rem.id] : rem.id === 'd1' ? ['x1', 'x2', 'x3'] : ['x4', 'x5'];
      const fw = {
        ...framework,
        systems: [withoutIndicators(framework.systems[0], new Set(removed)), framework.systems[1]],
      };
      const m = measured(base, 's1', fw);
      const nominal = measured(base, 's1');
      let sum = 0;
      for (const c of rem.changes) {
        expect(c.rank).toBe(m.rank.get(c.entity));
        expect(c.change).toBe(m.rank.get(c.entity)! - nominal.rank.get(c.entity)!);
        sum += Math.abs(c.change);
      }
      expect(rem.meanAbsRankChange).toBeCloseTo(sum / 15, 14);
    }
  });

  it('checks its options with clear errors', () => {
    const err = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        if (e instanceof InputError) return e.message;
        throw e;
      }
      throw new Error('expected an InputError');
    };
    expect(err(() => sensitivity(panel, framework, {}))).toMatch(/nothing is uncertain/);
    expect(
      err(() =>
        sensitivity(panel, framework, {
          measure: { normalize: 'minmax' },
          vary: [{ flag: 'aggregate', levels: ['arithmetic', 'geometric'] }],
        }),
      ),
    ).toMatch(/geometric aggregation/);
    expect(
      err(() => sensitivity(panel, framework, { vary: [{ flag: 'weights', levels: ['entropy', 'magic'] }] })),
    ).toMatch(/unknown weights "magic"/);
    expect(err(() => sensitivity(panel, framework, { perturbWeights: 1.5 }))).toMatch(/perturb-weights/);
    expect(err(() => sensitivity(panel, framework, { perturbWeights: 0.1, system: 'nope' }))).toMatch(/no such system/);
    expect(err(() => sensitivity(panel, framework, { perturbWeights: 0.1, year: 1999 }))).toMatch(/no such period/);
  });
});

describe('sensitivity: per-entity indices', () => {
  it('gives each entity’s first-order and total indices of its own rank, in nominal order', () => {
    const r = sensitivity(panel, framework, {
      measure: { normalize: 'minmax-shift' },
      vary: [
        { flag: 'weights', levels: ['entropy', 'equal'] },
        { flag: 'impute', levels: ['none', 'linear'] },
      ],
      runs: 100,
      bootstrap: 0,
      perEntity: true,
      system: 's1',
    });
    expect(r.perEntity!.map((e) => e.entity)).toEqual(r.nominal.map((n) => n.entity));
    for (const e of r.perEntity!) {
      expect(e.sensitivity.map((x) => x.factor)).toEqual(['weights', 'impute']);
      // Imputation cannot move any rank on complete data.
      expect(e.sensitivity[1].total).toBe(0);
      expect(e.sensitivity[0].total).toBeGreaterThanOrEqual(0);
    }
    expect(r.perEntity!.some((e) => e.sensitivity[0].total > 0.5)).toBe(true);
  });
});
