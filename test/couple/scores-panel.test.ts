import { describe, expect, it } from 'vitest';
import { scoresPanel } from '../../src/measure/scores-panel.js';
import { makePanel } from '../../src/data/panel.js';
import type { MeasureResult } from '../../src/measure/types.js';

describe('scoresPanel (measure → coupling input)', () => {
  it('has one column per system index and per dimension, plain dimension ids when unambiguous', () => {
    const panel = makePanel({
      entityColumn: 'id',
      periodColumn: 'year',
      entity: ['a', 'b'],
      period: [1, 1],
      columns: {},
    });
    const row = (entity: string, system: string, index: number, dimensions: Record<string, number>) => ({
      entity,
      period: 1,
      system,
      index,
      dimensions,
      rank: 1,
    });
    const result: MeasureResult = {
      weights: [],
      dimensionWeights: [],
      scores: [
        row('a', 's1', 0.5, { x: 0.2, shared: 0.3 }),
        row('a', 's2', 0.6, { y: 0.4, shared: 0.1 }),
        row('b', 's1', 0.7, { x: 0.9, shared: 0.5 }),
      ],
      normalized: {},
      options: {},
      notes: [],
    };
    const p = scoresPanel(panel, result);
    expect(Object.keys(p.columns).sort()).toEqual(
      ['s1', 's1.shared', 's1.x', 's2', 's2.shared', 's2.y', 'x', 'y'].sort(),
    );
    expect(Array.from(p.columns.s1)).toEqual([0.5, 0.7]);
    expect(Array.from(p.columns['s2.y'])).toEqual([0.4, NaN]);
    expect(Array.from(p.columns.x)).toEqual([0.2, 0.9]);
  });
});
