import { describe, expect, it } from 'vitest';
import { makePanel } from '../../src/data/panel.js';
import { Rng } from '../../src/core/rng.js';

/** Rows (entity, period, x) sorted the obvious way: ids by the numeric collator, then period. */
function reference(entity: string[], period: number[], x: number[]) {
  const collator = new Intl.Collator('en', { numeric: true });
  const order = entity.map((_, i) => i).sort((a, b) => collator.compare(entity[a], entity[b]) || period[a] - period[b]);
  const ids = [...new Set(entity)].sort(collator.compare);
  return {
    entity: order.map((i) => entity[i]),
    period: order.map((i) => period[i]),
    x: order.map((i) => x[i]),
    entityIndex: order.map((i) => ids.indexOf(entity[i])),
    ids,
  };
}

const build = (entity: string[], period: number[], x: number[]) =>
  makePanel({ entityColumn: 'id', periodColumn: 'year', entity, period, columns: { x } });

describe('makePanel row order', () => {
  // Sorted integer runs (the fast path), ids that come back, decreasing ids, ids 2 < 10 that sort
  // differently as text, text ids, and periods out of order within an entity.
  const layouts: [string[], number[]][] = [
    [['1', '1', '2', '2', '10', '10'], [2001, 2002, 2001, 2002, 2001, 2002]],
    [['1', '2', '1', '2'], [2001, 2001, 2002, 2002]],
    [['10', '10', '2', '1'], [2001, 2002, 2001, 2001]],
    [['0', '7', '7', '123456789012345'], [1, 1, 2, 1]],
    [['007', '7', 'b', 'a10', 'a9'], [1, 1, 1, 1, 1]],
    [['3', '3', '4'], [2002, 2001, 2001]],
  ];
  it('sorts rows by entity (numeric collator order) then period, whatever the input order', () => {
    for (const [entity, period] of layouts) {
      const x = entity.map((_, i) => i * 1.5);
      const p = build(entity, period, x);
      const r = reference(entity, period, x);
      expect(p.entity).toEqual(r.entity);
      expect(Array.from(p.period)).toEqual(r.period);
      expect(Array.from(p.columns.x)).toEqual(r.x);
      expect(Array.from(p.entityIndex)).toEqual(r.entityIndex);
      expect(p.entities.map((e) => e.id)).toEqual(r.ids);
    }
  });
  it('agrees with the reference on random panels, sorted and shuffled', () => {
    const rng = new Rng(5);
    for (let rep = 0; rep < 20; rep++) {
      const entity: string[] = [];
      const period: number[] = [];
      const N = 1 + rng.int(30);
      let id = rng.int(3);
      for (let e = 0; e < N; e++) {
        id += 1 + rng.int(rep % 2 ? 1 : 50);
        for (let t = 0; t < 1 + rng.int(4); t++) {
          entity.push(String(id));
          period.push(2000 + t);
        }
      }
      const idx = entity.map((_, i) => i);
      if (rep % 3 === 0) rng.shuffle(idx);
      const ent = idx.map((i) => entity[i]);
      const per = idx.map((i) => period[i]);
      const x = ent.map(() => rng.normal());
      const p = build(ent, per, x);
      const r = reference(ent, per, x);
      expect(p.entity).toEqual(r.entity);
      expect(Array.from(p.columns.x)).toEqual(r.x);
      expect(Array.from(p.entityIndex)).toEqual(r.entityIndex);
      // Integer keys beside the ids (what the CSV reader passes): dense and, scaled, sparse.
      for (const scale of [1, 1e9]) {
        const ids = ent.map((e) => String(Number(e) * scale));
        const entityKey = Float64Array.from(ids, Number);
        const q = makePanel({ entityColumn: 'id', periodColumn: 'year', entity: ids, period: per, columns: { x }, entityKey });
        const rq = reference(ids, per, x);
        expect(q.entity).toEqual(rq.entity);
        expect(Array.from(q.period)).toEqual(rq.period);
        expect(Array.from(q.columns.x)).toEqual(rq.x);
        expect(Array.from(q.entityIndex)).toEqual(rq.entityIndex);
        expect(q.entities.map((e) => e.id)).toEqual(rq.ids);
        expect(Array.from(q.periodIndex)).toEqual(rq.period.map((v) => q.periods.indexOf(v)));
      }
    }
  });
  it('reports a duplicate entity-period in sorted and in unsorted input', () => {
    expect(() => build(['1', '1', '2'], [2001, 2001, 2001], [1, 2, 3])).toThrow(/duplicate entity-period: 1 2001/);
    expect(() => build(['2', '1', '2'], [2001, 2001, 2001], [1, 2, 3])).toThrow(/duplicate entity-period: 2 2001/);
  });
});
