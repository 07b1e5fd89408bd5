import { describe, expect, it } from 'vitest';
import { coverage } from '../../src/data/coverage.js';
import { makePanel } from '../../src/data/panel.js';

describe('coverage', () => {
  // A: 2 periods, B: 3 periods (unbalanced: A lacks 2017).
  const p = makePanel({
    entityColumn: 'id',
    periodColumn: 'year',
    entity: ['A', 'A', 'B', 'B', 'B'],
    period: [2015, 2016, 2015, 2016, 2017],
    columns: { x: [1, NaN, 3, 4, NaN], y: [NaN, NaN, 1, 2, 3] },
  });
  const c = coverage(p);
  it('counts observed cells per indicator, per entity and overall', () => {
    expect(c.byColumn).toEqual([
      { column: 'x', observed: 3, total: 5, share: 0.6 },
      { column: 'y', observed: 3, total: 5, share: 0.6 },
    ]);
    expect(c.byEntity).toEqual([
      { entity: 'A', observed: 1, total: 4, share: 0.25 },
      { entity: 'B', observed: 5, total: 6, share: 5 / 6 },
    ]);
    expect(c.overall).toEqual({ observed: 6, total: 10, share: 0.6 });
    expect(c.byPeriod).toEqual([
      { period: 2015, observed: 3, total: 4, share: 0.75 },
      { period: 2016, observed: 2, total: 4, share: 0.5 },
      { period: 2017, observed: 1, total: 2, share: 0.5 },
    ]);
    expect(c.byEntityColumn).toContainEqual({ entity: 'A', column: 'y', observed: 0, total: 2 });
    expect(c.rows).toBe(5);
    expect(c.missingRows).toBe(1);
  });
  it('restricts to the given columns', () => {
    const d = coverage(p, ['y']);
    expect(d.overall.share).toBe(0.6);
    expect(d.byEntity.map((e) => e.share)).toEqual([0, 1]);
  });
  it('names an unknown column', () => {
    expect(() => coverage(p, ['z'])).toThrow(/unknown column "z"/);
  });
});
