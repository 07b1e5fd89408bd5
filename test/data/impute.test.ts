import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { impute } from '../../src/data/impute.js';
import { makePanel } from '../../src/data/panel.js';
import { expectClose } from '../helpers/expect.js';

// Reference: test/fixtures/data/impute-linear.R (R's approx(rule = 2) and ave() means).
const ref = JSON.parse(readFileSync(new URL('../fixtures/data/impute-linear.json', import.meta.url), 'utf8')) as {
  entity: string[];
  period: number[];
  group: string[];
  x: (number | null)[];
  linear: number[];
  group_period_mean: (number | null)[];
  period_mean: number[];
  column_mean: number;
};
const groups = new Map(ref.entity.map((e, i) => [e, ref.group[i]]));
const panel = makePanel({
  entityColumn: 'id',
  periodColumn: 'year',
  entity: ref.entity,
  period: ref.period,
  columns: { x: ref.x.map((v) => v ?? NaN), y: ref.x.map(() => 1) },
  entities: [...groups].map(([id, group]) => ({ id, group })),
});
const input = Float64Array.from(panel.columns.x);


describe('impute linear', () => {
  const r = impute(panel, { method: 'linear' });
  it('matches R approx(rule = 2) within each entity, including end extension and a single observed value', () => {
    const y = r.panel.columns.x;
    ref.linear.forEach((v, i) => expectClose(y[i], v, { rel: 1e-15, abs: 1e-15 }, `row ${i}`));
  });
  it('matches hand-computed values', () => {
    // A: 1.5 at 2011, 4.25 at 2014 → 2013 = 1.5 + 2.75·(2/3); 2010 carried back, 2016-2017 carried forward.
    const y = r.panel.columns.x;
    expect(Array.from(y.subarray(0, 6))).toEqual([1.5, 1.5, 1.5 + 2.75 * (2 / 3), 4.25, 4.25, 4.25]);
  });
  it('records every imputed cell and never changes the input', () => {
    expect(r.imputed.length).toBe(ref.x.filter((v) => v === null).length);
    expect(r.imputed[0]).toEqual({ entity: 'A', period: 2010, column: 'x', value: 1.5, method: 'linear', basis: 'extended' });
    expect(r.imputed.find((c) => c.entity === 'A' && c.period === 2013)?.basis).toBe('interpolated');
    expect(Array.from(panel.columns.x)).toEqual(Array.from(input));
    expect(r.notes.map((n) => n.message)).toEqual(['column "x": imputed 14 cells by linear interpolation within entity (nearest value at the ends)']);
    expect(r.panel.notes).toEqual(r.notes);
    expect(r.panel.columns.y).toBe(panel.columns.y);
  });
  it('leaves an entity without observations missing, with a warning', () => {
    const p = makePanel({ entityColumn: 'id', periodColumn: 't', entity: ['A', 'A', 'B', 'B'], period: [1, 2, 1, 2], columns: { x: [1, NaN, NaN, NaN] } });
    const q = impute(p, { method: 'linear' });
    expect(Array.from(q.panel.columns.x)).toEqual([1, 1, NaN, NaN]);
    expect(q.notes.find((n) => n.level === 'warning')?.message).toBe('column "x": no observed value for B; left missing');
  });
});

describe('impute mean', () => {
  it('uses the group mean in the period, else the period mean (R ave())', () => {
    const r = impute(panel, { method: 'mean' });
    const y = r.panel.columns.x;
    for (let i = 0; i < y.length; i++) {
      if (ref.x[i] !== null) expect(y[i]).toBe(ref.x[i]);
      else {
        const want = ref.group_period_mean[i] ?? ref.period_mean[i];
        expectClose(y[i], want, { rel: 1e-15, abs: 1e-15 }, `row ${i}`);
      }
    }
    // East 2013: A and B both missing → the period mean (C's 7).
    const c = r.imputed.find((c) => c.entity === 'A' && c.period === 2013)!;
    expect([c.value, c.basis]).toEqual([7, 'period']);
    expect(r.imputed.find((c) => c.entity === 'A' && c.period === 2010)?.basis).toBe('group-period');
  });
  it('with groupBy column, uses the period mean for every cell', () => {
    const r = impute(panel, { method: 'mean', groupBy: 'column' });
    ref.x.forEach((v, i) => {
      if (v === null) expectClose(r.panel.columns.x[i], ref.period_mean[i], { rel: 1e-15, abs: 1e-15 });
    });
  });
  it('falls back to the column mean when a period has no observation', () => {
    const p = makePanel({ entityColumn: 'id', periodColumn: 't', entity: ['A', 'A', 'B', 'B'], period: [1, 2, 1, 2], columns: { x: [1, NaN, 2, NaN] } });
    const r = impute(p, { method: 'mean' });
    expect(Array.from(r.panel.columns.x)).toEqual([1, 1.5, 2, 1.5]);
    expect(r.imputed.map((c) => c.basis)).toEqual(['column', 'column']);
  });
});

describe('impute drop and none', () => {
  it('drops rows with any missing value in the given columns and records them', () => {
    const r = impute(panel, { method: 'drop', columns: ['x'] });
    expect(r.panel.entity.length).toBe(10);
    expect(r.dropped.length).toBe(14);
    expect(r.dropped[0]).toEqual({ entity: 'A', period: 2010, missing: ['x'] });
    expect(Array.from(r.panel.columns.x).every(Number.isFinite)).toBe(true);
    expect(r.notes[0].message).toBe('dropped 14 of 24 rows with a missing value in "x"');
    expect(panel.entity.length).toBe(24);
  });
  it('none returns the panel unchanged', () => {
    const r = impute(panel, { method: 'none' });
    expect(r.panel).toBe(panel);
    expect(r.imputed).toEqual([]);
  });
  it('rejects an unknown column', () => {
    expect(() => impute(panel, { method: 'linear', columns: ['nope'] })).toThrow(/unknown column "nope"/);
  });
});
