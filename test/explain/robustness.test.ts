import { describe, expect, it } from 'vitest';
import {
  dropMunicipalities,
  heterogeneity,
  robustnessChecks,
  splitByGroup,
  winsorize,
  withLags,
} from '../../src/explain/transforms/index.js';
import { makePanel } from '../../src/data/panel.js';
import { InputError } from '../../src/core/errors.js';
import { fixtureJson, fixturePanel } from './mechanism-helpers.js';

// Reference: test/fixtures/explain/robustness.R (quantile type 2 and 7, pmin/pmax).
const ref = fixtureJson('test/fixtures/explain/robustness.json');
const panel = fixturePanel('test/fixtures/explain/mediation-data.csv');

describe('winsorize', () => {
  for (const [key, p, type] of [
    ['t2p01', 0.01, 2],
    ['t7p01', 0.01, 7],
    ['t2p25', 0.25, 2],
  ] as const) {
    it(`p = ${p}, quantile type ${type} equals R`, () => {
      const w = winsorize(panel, ['x'], { p, type });
      expect(Array.from(w.columns.x)).toEqual(ref[key].values.map(Number));
      const note = w.notes.find((n) => n.code === 'winsorized')!;
      expect((note.detail as { bounds: number[][] }).bounds[0]).toEqual(ref[key].bounds.map(Number));
    });
  }
  it('does not mutate the input and rejects a bad share', () => {
    const before = Float64Array.from(panel.columns.x);
    winsorize(panel, ['x']);
    expect(panel.columns.x).toEqual(before);
    expect(() => winsorize(panel, ['x'], { p: 0.6 })).toThrow(InputError);
  });
});

const prov = makePanel({
  entityColumn: 'province',
  periodColumn: 'year',
  entity: ['Beijing', 'Beijing', 'Hebei', 'Hebei', 'Chongqing', 'Sichuan'],
  period: [2020, 2021, 2020, 2022, 2021, 2021],
  columns: { x: [1, 2, 3, 4, 5, 6] },
  entities: [
    { id: 'Beijing', group: 'East', nameZh: '北京市' },
    { id: 'Hebei', group: 'East' },
    { id: 'Chongqing', group: 'West', code: '500000' },
    { id: 'Sichuan', group: 'West' },
  ],
});

describe('lags, municipalities, groups', () => {
  it('lags by period value within entity (a gap gives NaN)', () => {
    const { panel: p, names } = withLags(prov, ['x']);
    expect(names).toEqual(['x_lag1']);
    // rows sorted: Beijing 2020, 2021; Chongqing 2021; Hebei 2020, 2022; Sichuan 2021
    expect(Array.from(p.columns.x_lag1)).toEqual([NaN, 1, NaN, NaN, NaN, NaN]);
  });
  it('drops Beijing and Chongqing (by name and by GB code) with a note', () => {
    const d = dropMunicipalities(prov);
    expect(d.entities.map((e) => e.id)).toEqual(['Hebei', 'Sichuan']);
    expect(d.notes.at(-1)!.message).toMatch(/Beijing, Chongqing \(3 rows\)/);
    expect(() => dropMunicipalities(panel)).toThrow(/none of the four municipalities/);
  });
  it('splits by entity group and runs an estimator per group and per variant', () => {
    expect(splitByGroup(prov).map((g) => [g.group, g.panel.entity.length])).toEqual([
      ['East', 4],
      ['West', 2],
    ]);
    expect(heterogeneity(prov, 'group', (p) => p.entities.length)).toEqual([
      { group: 'East', result: 2 },
      { group: 'West', result: 2 },
    ]);
    const r = robustnessChecks(
      prov,
      { winsorize: { columns: ['x'], p: 0.2 }, lag: { columns: ['x'] }, dropMunicipalities: true },
      (p, rename) => [p.entity.length, rename.x ?? 'x'],
    );
    expect(r.map((v) => v.name)).toEqual([
      'baseline',
      'winsorized 20%/80%',
      'regressors lagged 1 period',
      'without the four municipalities',
    ]);
    expect(r.map((v) => v.result)).toEqual([
      [6, 'x'],
      [6, 'x'],
      [6, 'x_lag1'],
      [3, 'x'],
    ]);
    expect(() => splitByGroup(panel)).toThrow(/no group attribute/);
  });
});
