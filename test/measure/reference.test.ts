import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { makePanel } from '../../src/data/panel.js';
import { pwtFramework } from '../../src/framework/builtin/pwt.js';
import { loadFramework } from '../../src/framework/load.js';
import { measure } from '../../src/measure/measure.js';
import { expectClose } from '../helpers/expect.js';
import { pwtPanel } from './pwt-panel.js';

// Requirement: entropy, CRITIC and TOPSIS agree with an independent R
// computation to 1e-10 relative. Fixtures: test/fixtures/measure/*.R (plain R, no package).
const TOL = 1e-10;
const FIX = new URL('../fixtures/measure/', import.meta.url);
const load = (name: string) => JSON.parse(readFileSync(new URL(name, FIX), 'utf8'));

const ex = load('worked-example.json');
const exPanel = makePanel({
  entityColumn: 'entity',
  periodColumn: 'year',
  entity: ex.data.entity,
  period: ex.data.year,
  columns: { x1: ex.data.x1, x2: ex.data.x2, x3: ex.data.x3, x4: ex.data.x4 },
});
const exFramework = loadFramework(
  `systems:
  - id: ex
    name: Worked example
    dimensions:
      - id: d1
        name: Dimension one
        indicators:
          - {id: x1, column: x1, direction: "+"}
          - {id: x2, column: x2, direction: benefit}
      - id: d2
        name: {en: Dimension two, zh: 维度二}
        indicators:
          - {id: x3, column: x3, direction: "+"}
          - {id: x4, column: x4, direction: cost}
`,
  'worked-example.yaml',
);
const ws = (r: ReturnType<typeof measure>) => r.weights.map((w) => w.weight);
const idx = (r: ReturnType<typeof measure>) => r.scores.map((s) => s.index);
const dimScore = (r: ReturnType<typeof measure>, d: string) => r.scores.map((s) => s.dimensions[d]);

describe('worked example (10 entities × 3 years × 4 indicators) against R', () => {
  it('R fixture records its versions', () => {
    expect(ex.versions.R).toMatch(/^R version 4/);
  });
  it('rows are in the same order as in R (entity, then year)', () => {
    expect(exPanel.entity).toEqual(ex.data.entity);
  });
  const r = measure(exPanel, exFramework, { weights: 'entropy', aggregate: 'topsis' });
  it('min-max normalisation with a cost indicator matches R', () => {
    for (const c of ['x1', 'x2', 'x3', 'x4']) expectClose(r.normalized[c], ex.normalized[c], TOL, `normalized ${c}`);
  });
  it('global entropy weights (k = 1/ln(N·T)) match R', () => {
    expectClose(ws(r), ex.entropy.w, TOL, 'entropy w');
    expectClose(
      r.weights.map((w) => w.raw),
      ex.entropy.d,
      TOL,
      'entropy d',
    );
  });
  it('entropy-TOPSIS closeness of the index and of each dimension matches R', () => {
    expectClose(idx(r), ex.topsis, TOL, 'topsis');
    expectClose(dimScore(r, 'd1'), ex.topsis_dimensions.d1, TOL, 'topsis d1');
    expectClose(dimScore(r, 'd2'), ex.topsis_dimensions.d2, TOL, 'topsis d2');
  });
  it('ranks within year match R rank(-C, ties.method = "min")', () => {
    expect(r.scores.map((s) => s.rank)).toEqual(ex.topsis_rank);
  });
  it('CRITIC weights match R (sd with n − 1 and cor() of the normalised matrix)', () => {
    const c = measure(exPanel, exFramework, { weights: 'critic', aggregate: 'topsis' });
    expectClose(ws(c), ex.critic.w, TOL, 'critic w');
    expectClose(
      c.weights.map((w) => w.raw),
      ex.critic.C,
      TOL,
      'critic C',
    );
    expectClose(idx(c), ex.critic_topsis, TOL, 'critic-topsis');
  });
  it('coefficient-of-variation weights (raw data) match R', () => {
    const c = measure(exPanel, exFramework, { weights: 'cv' });
    expectClose(ws(c), ex.cv.w, TOL, 'cv w');
  });
  it('weighted arithmetic index and dimension scores match R', () => {
    const a = measure(exPanel, exFramework, { weights: 'entropy' });
    expectClose(idx(a), ex.arithmetic, TOL, 'arithmetic');
    expectClose(dimScore(a, 'd1'), ex.arithmetic_dimensions.d1, TOL, 'arithmetic d1');
    expectClose(dimScore(a, 'd2'), ex.arithmetic_dimensions.d2, TOL, 'arithmetic d2');
  });
  it('entropy weights after a 0.0001 shift and after rescaling to [0.01, 0.99] match R', () => {
    expectClose(
      ws(measure(exPanel, exFramework, { normalize: 'minmax-shift', shift: 0.0001 })),
      ex.entropy_shift_w,
      TOL,
      'shift',
    );
    expectClose(ws(measure(exPanel, exFramework, { normalize: 'minmax-range' })), ex.entropy_range_w, TOL, 'range');
  });
  it('per-period entropy weights (averaged over years) match R', () => {
    expectClose(ws(measure(exPanel, exFramework, { perPeriod: true })), ex.entropy_per_period_w, TOL, 'per period');
  });
  it('per-period TOPSIS (min-max, entropy and ideals within each year) matches R', () => {
    expectClose(
      idx(measure(exPanel, exFramework, { perPeriod: true, aggregate: 'topsis' })),
      ex.topsis_per_period,
      TOL,
      'topsis per period',
    );
  });
  it('weighted geometric mean on [0.01, 0.99] data matches R', () => {
    const g = measure(exPanel, exFramework, { normalize: 'minmax-range', aggregate: 'geometric' });
    expectClose(idx(g), ex.geometric_range, TOL, 'geometric');
  });
  it('entropy+critic is the mean of the two weight vectors', () => {
    expectClose(ws(measure(exPanel, exFramework, { weights: 'entropy+critic' })), ex.entropy_critic_w, TOL, 'mix');
  });
});

describe('world-pwt (Penn World Table 9.1, 1990-2017) against R', () => {
  const pwt = load('world-pwt.json');
  const panel = pwtPanel();
  const r = measure(panel, pwtFramework, { weights: 'entropy', aggregate: 'topsis' });
  const key = (e: string, p: number) => `${e} ${p}`;
  const pos = new Map(r.scores.map((s, i) => [key(s.entity, s.period), i]));
  const order = (pwt.iso3 as string[]).map((e, i) => pos.get(key(e, pwt.year[i]))!);
  const pick = (v: ArrayLike<number>) => order.map((i) => v[i]);
  it('keeps and drops the same rows as R complete.cases', () => {
    expect(r.scores.length).toBe(pwt.rows);
    expect(order.every((i) => i !== undefined)).toBe(true);
    expect(r.options.droppedRows).toBe(pwt.rows_dropped);
    expect(r.notes.some((n) => n.code === 'dropped-rows')).toBe(true);
  });
  it('min-max normalised columns have the R column sums', () => {
    const sums = pwt.columns.map((c: string) => r.normalized[c].reduce((a, b) => a + b, 0));
    expectClose(sums, pwt.normalized_colsums, 1e-10, 'colsums');
  });
  it('entropy weights match R', () => {
    expectClose(ws(r), pwt.entropy.w, TOL, 'entropy w');
  });
  it('CRITIC weights match R', () => {
    expectClose(ws(measure(panel, pwtFramework, { weights: 'critic' })), pwt.critic.w, TOL, 'critic w');
  });
  it('CV weights match R', () => {
    expectClose(ws(measure(panel, pwtFramework, { weights: 'cv' })), pwt.cv.w, TOL, 'cv w');
  });
  it('entropy-TOPSIS scores of the index and the dimensions match R', () => {
    expectClose(pick(idx(r)), pwt.topsis, TOL, 'topsis');
    for (const d of ['laborers', 'means_of_labor', 'productivity'])
      expectClose(pick(dimScore(r, d)), pwt.topsis_dimensions[d], TOL, `topsis ${d}`);
  });
  it('entropy-weighted arithmetic index matches R', () => {
    expectClose(pick(idx(measure(panel, pwtFramework, {}))), pwt.arithmetic, TOL, 'arithmetic');
  });
});
