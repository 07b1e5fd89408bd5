import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/errors.js';
import { makePanel } from '../../src/data/panel.js';
import { loadFramework } from '../../src/framework/load.js';
import { measure } from '../../src/measure/measure.js';
import { getBuiltinFramework } from '../../src/framework/builtin.js';
import { inputError } from '../helpers/expect.js';

// Small made-up panel: 4 entities × 2 years.
const base = () =>
  makePanel({
    entityColumn: 'id',
    periodColumn: 'year',
    entity: ['a', 'a', 'b', 'b', 'c', 'c', 'd', 'd'],
    period: [1, 2, 1, 2, 1, 2, 1, 2],
    columns: {
      x1: [1, 2, 3, 4, 5, 6, 7, 9],
      x2: [10, 9, 7, 8, 4, 3, 2, 1],
      x3: [5, 5, 5, 5, 5, 5, 5, 5],
      x4: [0.2, 0.4, 0.1, 0.9, 0.5, 0.3, 0.8, 0.6],
    },
  });
const fw = loadFramework(
  `systems:
  - id: s1
    dimensions:
      - {id: d1, indicators: [{id: x1, column: x1, direction: "+", weight: 2}, {id: x2, column: x2, direction: "-", weight: 1}]}
      - {id: d2, indicators: [{id: x3, column: x3, direction: "+", weight: 1}, {id: x4, column: x4, direction: "+", weight: 1}]}
  - id: s2
    dimensions:
      - {id: e1, indicators: [{id: y4, column: x4, direction: "+", weight: 1}, {id: y1, column: x1, direction: "-", weight: 1}]}
`,
  'edge.yaml',
);

const sumBySystem = (r: ReturnType<typeof measure>) => {
  const s: Record<string, number> = {};
  for (const w of r.weights) s[w.system] = (s[w.system] ?? 0) + w.weight;
  return s;
};

describe('measure: edge cases and conventions', () => {
  it('a constant indicator gets weight 0 and a warning naming it, for every weighting method', () => {
    for (const weights of ['entropy', 'critic', 'cv', 'equal', 'fixed', 'entropy+critic'] as const) {
      const r = measure(base(), fw, { weights });
      expect(r.weights.find((w) => w.id === 'x3')!.weight, weights).toBe(0);
      const note = r.notes.find((n) => n.code === 'constant-indicator');
      expect(note?.level).toBe('warning');
      expect(note?.message).toContain('"x3"');
    }
  });

  it('CRITIC with a constant indicator equals CRITIC without it (the constant is left out)', () => {
    const without = loadFramework(
      'systems: [{id: s1, dimensions: [{id: d1, indicators: [{id: x1, column: x1, direction: "+"}, {id: x2, column: x2, direction: "-"}]}, {id: d2, indicators: [{id: x4, column: x4, direction: "+"}]}]}]',
      'w.yaml',
    );
    const a = measure(base(), fw, { weights: 'critic' }).weights.filter((w) => w.system === 's1' && w.id !== 'x3');
    const b = measure(base(), without, { weights: 'critic' }).weights;
    a.forEach((w, k) => expect(w.weight).toBeCloseTo(b[k].weight, 14));
  });

  it('weights sum to 1 within each system; dimension weights are sums of their indicators', () => {
    for (const weights of ['entropy', 'critic', 'cv', 'equal', 'fixed', 'entropy+critic'] as const) {
      for (const perPeriod of [false, true]) {
        const r = measure(base(), fw, { weights, perPeriod });
        for (const total of Object.values(sumBySystem(r))) expect(total).toBeCloseTo(1, 14);
        const d1 = r.dimensionWeights.find((d) => d.id === 'd1')!.weight;
        expect(d1).toBeCloseTo(r.weights[0].weight + r.weights[1].weight, 14);
      }
    }
  });

  it('fixed weights: flat shares of the indicator weights, constant indicator zeroed and the rest rescaled', () => {
    const r = measure(base(), fw, { weights: 'fixed' });
    // x1:x2:x3:x4 = 2:1:1:1, x3 constant → 2/4, 1/4, 0, 1/4.
    const got = r.weights.filter((w) => w.system === 's1').map((w) => w.weight);
    [0.5, 0.25, 0, 0.25].forEach((w, k) => expect(got[k]).toBeCloseTo(w, 15));
  });

  it('fixed weights: missing weights are an InputError naming the indicator', () => {
    const f = loadFramework(
      'systems: [{id: s2, dimensions: [{id: e1, indicators: [{id: y4, column: x4, direction: "+"}]}]}]',
      'n.yaml',
    );
    const e = inputError(() => measure(base(), f, { weights: 'fixed' }));
    expect(e.message).toContain('s2/e1/y4 has no weight');
  });

  it('fixed weights: dimension weights apply level by level', () => {
    const f = loadFramework(
      'systems: [{id: s, dimensions: [{id: a, weight: 3, indicators: [{id: x1, column: x1, direction: "+", weight: 1}, {id: x2, column: x2, direction: "+", weight: 3}]}, {id: b, weight: 1, indicators: [{id: x4, column: x4, direction: "+", weight: 7}]}]}]',
      'f.yaml',
    );
    const got = measure(base(), f, { weights: 'fixed' }).weights.map((w) => w.weight);
    [0.1875, 0.5625, 0.25].forEach((w, k) => expect(got[k]).toBeCloseTo(w, 15));
  });

  it('z-scores with entropy weights are refused (negative shares); with CRITIC they work', () => {
    const e = inputError(() => measure(base(), fw, { normalize: 'zscore', weights: 'entropy' }));
    expect(e.message).toContain('non-negative');
    expect(e.hint).toContain('minmax');
    const r = measure(base(), fw, { normalize: 'zscore', weights: 'critic' });
    expect(r.normalized.x3.every((v) => v === 0)).toBe(true);
  });

  it('geometric aggregation refuses min-max zeros, works after a shift, and shifts by default', () => {
    expect(inputError(() => measure(base(), fw, { aggregate: 'geometric', normalize: 'minmax' })).hint).toContain(
      'minmax-shift',
    );
    const r = measure(base(), fw, { aggregate: 'geometric', normalize: 'minmax-shift' });
    expect(r.scores.every((s) => s.index > 0 && s.index <= 1.0001)).toBe(true);
    // No normalisation given: min-max shifted by 0.0001, exactly the explicit choice above.
    const auto = measure(base(), fw, { aggregate: 'geometric' });
    expect(auto.options.normalize).toBe('minmax-shift');
    expect(auto.scores.map((s) => s.index)).toEqual(r.scores.map((s) => s.index));
  });

  it('ratio normalisation: x/max for benefit, min/x for cost', () => {
    const r = measure(base(), fw, { normalize: 'ratio', weights: 'equal' });
    expect(Array.from(r.normalized.x1)).toEqual([1, 2, 3, 4, 5, 6, 7, 9].map((x) => x / 9));
    expect(Array.from(r.normalized.x2)).toEqual([10, 9, 7, 8, 4, 3, 2, 1].map((x) => 1 / x));
  });

  it('minmax-range maps to [a, b] and a constant indicator to b', () => {
    const r = measure(base(), fw, { normalize: 'minmax-range', range: [0.01, 0.99] });
    expect(Math.min(...r.normalized.x1)).toBe(0.01);
    expect(Math.max(...r.normalized.x1)).toBe(0.99);
    expect(Array.from(new Set(r.normalized.x3))).toEqual([0.99]);
  });

  it('rows with a missing indicator are left out and listed in a warning; the input is not modified', () => {
    const p = base();
    const x4 = Float64Array.from(p.columns.x4);
    (p.columns.x4 as Float64Array)[2] = NaN;
    const before = Float64Array.from(p.columns.x4);
    const r = measure(p, fw);
    expect(r.scores.filter((s) => s.system === 's1').length).toBe(7);
    const note = r.notes.find((n) => n.code === 'dropped-rows')!;
    expect(note.level).toBe('warning');
    expect(note.message).toContain('b 1 (x4)');
    expect(Array.from(p.columns.x4)).toEqual(Array.from(before));
    expect(x4[2]).toBe(0.1);
  });

  it('ranks are 1 = best within system and period, ties share the smallest rank', () => {
    const p = makePanel({
      entityColumn: 'id',
      periodColumn: 'year',
      entity: ['a', 'b', 'c', 'd'],
      period: [1, 1, 1, 1],
      columns: { x1: [1, 3, 3, 2], x2: [4, 1, 2, 3] },
    });
    const f = loadFramework(
      'systems: [{id: s, dimensions: [{id: d, indicators: [{id: x1, column: x1, direction: "+"}]}]}]',
      'r.yaml',
    );
    expect(measure(p, f).scores.map((s) => s.rank)).toEqual([4, 1, 1, 3]);
  });

  it('an unknown column is an InputError naming the indicator', () => {
    const e = inputError(() => measure(base(), getBuiltinFramework('pwt')));
    expect(e.message).toContain('pf/laborers/hc');
    expect(e.hint).toContain('x1, x2, x3, x4');
  });

  it('every indicator constant is an InputError', () => {
    const f = loadFramework(
      'systems: [{id: s, dimensions: [{id: d, indicators: [{id: x3, column: x3, direction: "+"}]}]}]',
      'c.yaml',
    );
    expect(inputError(() => measure(base(), f)).message).toContain('every indicator of system "s" is constant');
  });

  it('bad options are InputErrors', () => {
    expect(() => measure(base(), fw, { weights: 'entropy+entropy' as never })).toThrow(InputError);
    expect(() => measure(base(), fw, { normalize: 'log' as never })).toThrow(InputError);
    expect(() => measure(base(), fw, { range: [1, 0] })).toThrow(InputError);
  });

  it('a shared column between systems is passed on as a warning', () => {
    expect(measure(base(), fw).notes.some((n) => n.code === 'shared-indicator')).toBe(true);
  });

  it('sub-dimensions: weights carry their parent, scores exist at every level, index = Σ W_d·S_d', () => {
    const f = loadFramework(
      `systems:
  - id: s
    dimensions:
      - id: top
        dimensions:
          - {id: subA, indicators: [{id: x1, column: x1, direction: "+"}]}
          - {id: subB, indicators: [{id: x2, column: x2, direction: "-"}]}
      - {id: other, indicators: [{id: x4, column: x4, direction: "+"}]}
`,
      'sub.yaml',
    );
    const r = measure(base(), f);
    expect(r.dimensionWeights.map((d) => [d.id, d.parent])).toEqual([
      ['top', undefined],
      ['subA', 'top'],
      ['subB', 'top'],
      ['other', undefined],
    ]);
    expect(r.weights.map((w) => [w.dimension, w.path.join('/')])).toEqual([
      ['top', 'top/subA'],
      ['top', 'top/subB'],
      ['other', 'other'],
    ]);
    const W = Object.fromEntries(r.dimensionWeights.map((d) => [d.id, d.weight]));
    expect(W.top).toBeCloseTo(W.subA + W.subB, 15);
    for (const s of r.scores) {
      expect(s.index).toBeCloseTo(W.top * s.dimensions.top + W.other * s.dimensions.other, 14);
      expect(s.dimensions.top).toBeCloseTo((W.subA * s.dimensions.subA + W.subB * s.dimensions.subB) / W.top, 14);
    }
  });
});
