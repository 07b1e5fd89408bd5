import { describe, expect, it } from 'vitest';
import { contiguityWeights, economicDistanceWeights } from '../../src/spatial/weights.js';
import { productWeights } from '../../src/spatial/product-weights.js';

describe('geographic × economic product weights', () => {
  it('multiplies the general weights on common pairs and row-standardises', () => {
    const ids = ['A', 'B', 'C', 'D'];
    const geo = contiguityWeights(
      ids,
      [
        { a: 'A', b: 'B' },
        { a: 'B', b: 'C' },
        { a: 'C', b: 'D' },
        { a: 'A', b: 'C' },
      ],
      { style: 'raw' },
    );
    const econ = economicDistanceWeights(ids, [1, 2, 4, 8], { style: 'raw' });
    const w = productWeights(geo, econ);
    // A: neighbours B (1/|1−2| = 1) and C (1/|1−4| = 1/3) → 0.75, 0.25
    expect(Array.from(w.neighbours[0])).toEqual([1, 2]);
    expect(w.weights[0][0]).toBeCloseTo(0.75, 15);
    expect(w.weights[0][1]).toBeCloseTo(0.25, 15);
    // D: only C (1/4) → 1
    expect(Array.from(w.weights[3])).toEqual([1]);
    expect(w.style).toBe('W');
  });
});
