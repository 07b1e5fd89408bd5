import { describe, expect, it } from 'vitest';
import { obstacleDegree } from '../../src/measure/obstacle.js';
import type { MeasureResult } from '../../src/measure/types.js';
import { InputError } from '../../src/core/errors.js';

const w = (id: string, dimension: string, weight: number) => ({
  id,
  system: 's',
  dimension,
  path: [dimension],
  weight,
  raw: weight,
});
function result(normalized: Record<string, number[]>): MeasureResult {
  return {
    weights: [w('a', 'D1', 0.5), w('b', 'D1', 0.3), w('c', 'D2', 0.2)],
    dimensionWeights: [],
    scores: [],
    normalized: Object.fromEntries(Object.entries(normalized).map(([k, v]) => [k, Float64Array.from(v)])),
    rows: { entity: ['x', 'y'], period: Float64Array.from([2020, 2020]) },
    options: {},
    notes: [],
  };
}

describe('obstacle degree (hand-worked)', () => {
  // Row x: x' = (0.2, 0.5, 1) → w(1 − x') = (0.4, 0.15, 0), Σ = 0.55 → O = (72.73, 27.27, 0); D1 = 100, D2 = 0.
  // Row y: x' = (1, 0, 0.5) → (0, 0.3, 0.1), Σ = 0.4 → O = (0, 75, 25); D1 = 75, D2 = 25.
  const r = obstacleDegree(result({ a: [0.2, 1], b: [0.5, 0], c: [1, 0.5] }), { topK: 1 });
  it('indicator and dimension obstacles in %', () => {
    expect(r.rows[0].indicators.a).toBeCloseTo((100 * 0.4) / 0.55, 12);
    expect(r.rows[0].indicators.b).toBeCloseTo((100 * 0.15) / 0.55, 12);
    expect(r.rows[0].dimensions.D1).toBeCloseTo(100, 12);
    expect(r.rows[1].indicators.b).toBeCloseTo(75, 12);
    expect(r.rows[1].dimensions.D2).toBeCloseTo(25, 12);
  });
  it('rows sum to 100', () => {
    for (const row of r.rows) expect(Object.values(row.indicators).reduce((s, v) => s + v, 0)).toBeCloseTo(100, 12);
  });
  it('top-k per row and the frequency summary per period', () => {
    expect(r.rows.map((x) => x.top[0].id)).toEqual(['a', 'b']);
    const s = r.summary[0];
    expect(s.entities).toBe(2);
    expect(s.indicators.find((i) => i.id === 'a')?.topCount).toBe(1);
    expect(s.indicators.find((i) => i.id === 'c')?.topCount).toBe(0);
    // mean of b: (27.27 + 75)/2
    expect(s.indicators.find((i) => i.id === 'b')?.meanObstacle).toBeCloseTo(((100 * 0.15) / 0.55 + 75) / 2, 12);
    expect(s.dimensions[0].id).toBe('D1');
  });
  it('z-scores (negative normalised values) are refused', () => {
    expect(() => obstacleDegree(result({ a: [-0.5, 1], b: [0.5, 0], c: [1, 0.5] }))).toThrow(InputError);
  });
  it('a row at the best value everywhere gives NaN and a warning', () => {
    const q = obstacleDegree(result({ a: [1, 1], b: [1, 0], c: [1, 0.5] }));
    expect(Number.isNaN(q.rows[0].indicators.a)).toBe(true);
    expect(q.notes.some((n) => n.code === 'no-obstacle')).toBe(true);
  });
});
