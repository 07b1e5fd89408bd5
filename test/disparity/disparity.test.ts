import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { coefficientOfVariation, dagumGini, disparityByPeriod, theil } from '../../src/disparity/index.js';
import { makePanel } from '../../src/data/panel.js';
import { InputError } from '../../src/core/errors.js';
import { expectClose } from '../helpers/expect.js';

interface Case {
  dataset: string;
  period: number;
  entities: string[];
  values: number[];
  groups: string[];
  dagum: {
    gini: number;
    within: number;
    between: number;
    transvariation: number;
    groups: { group: string; n: number; mean: number; gini: number }[];
    pairs: { a: string; b: string; gini: number; D: number; d: number; p: number }[];
  };
  theilT: { total: number; within: number; between: number };
  theilL: { total: number; within: number; between: number };
  cv: number;
  cvPop: number;
}
const fixture = JSON.parse(
  readFileSync(new URL('../fixtures/disparity/dagum-theil.json', import.meta.url), 'utf8'),
) as { cases: Case[] };

// Issue 4 asks for 1e-10 against the independent R implementation.
const TOL = 1e-10;

describe('Dagum Gini and Theil vs an independent R implementation (plain loops)', () => {
  for (const c of fixture.cases) {
    it(`${c.dataset} ${c.period}: G, G_w, G_nb, G_t, G_jj, G_jh, D_jh, Theil T/L parts, CV`, () => {
      const r = dagumGini(c.values, c.groups);
      expectClose(r.gini, c.dagum.gini, { rel: TOL, abs: 1e-15 });
      expectClose(r.within, c.dagum.within, { rel: TOL, abs: 1e-15 });
      expectClose(r.between, c.dagum.between, { rel: TOL, abs: 1e-15 });
      expectClose(r.transvariation, c.dagum.transvariation, { rel: TOL, abs: 1e-15 });
      expect(r.groups.map((g) => g.group)).toEqual(c.dagum.groups.map((g) => g.group));
      r.groups.forEach((g, j) => {
        expectClose(g.gini, c.dagum.groups[j].gini, { rel: TOL, abs: 1e-15 });
        expectClose(g.mean, c.dagum.groups[j].mean, { rel: TOL, abs: 1e-15 });
      });
      expect(r.pairs.length).toBe(c.dagum.pairs.length);
      r.pairs.forEach((p, j) => {
        const q = c.dagum.pairs[j];
        expect([p.a, p.b]).toEqual([q.a, q.b]);
        expectClose(p.gini, q.gini, { rel: TOL, abs: 1e-15 });
        expectClose(p.D, q.D, { rel: TOL, abs: 1e-15 });
        expectClose(p.d, q.d, { rel: TOL, abs: 1e-15 });
        expectClose(p.pMoment, q.p, { rel: TOL, abs: 1e-15 });
      });
      for (const [kind, ref] of [
        ['T', c.theilT],
        ['L', c.theilL],
      ] as const) {
        const t = theil(c.values, c.groups, kind);
        expectClose(t.total, ref.total, { rel: TOL, abs: 1e-15 });
        expectClose(t.within, ref.within, { rel: TOL, abs: 1e-15 });
        expectClose(t.between, ref.between, { rel: TOL, abs: 1e-15 });
      }
      expectClose(coefficientOfVariation(c.values), c.cv, { rel: TOL, abs: 1e-15 });
      expectClose(coefficientOfVariation(c.values, 0), c.cvPop, { rel: TOL, abs: 1e-15 });
    });
  }
});

describe('decomposition identities', () => {
  for (const c of fixture.cases) {
    it(`${c.dataset} ${c.period}: G_w + G_nb + G_t = G to 1e-12, contributions sum to 100`, () => {
      const r = dagumGini(c.values, c.groups);
      expect(Math.abs(r.within + r.between + r.transvariation - r.gini)).toBeLessThan(1e-12);
      const pc = r.contributions;
      expect(Math.abs(pc.within + pc.between + pc.transvariation - 100)).toBeLessThan(1e-10);
      for (const kind of ['T', 'L'] as const) {
        const t = theil(c.values, c.groups, kind);
        expect(Math.abs(t.within + t.between - t.total)).toBeLessThan(1e-12);
      }
    });
  }
  it('G_nb equals Σ_{j<h} p_j p_h |μ_j − μ_h| / μ (Dagum 1997 identity)', () => {
    const c = fixture.cases[0];
    const r = dagumGini(c.values, c.groups);
    let s = 0;
    for (let j = 0; j < r.groups.length; j++) {
      for (let h = j + 1; h < r.groups.length; h++)
        s += (r.groups[j].p * r.groups[h].p * Math.abs(r.groups[j].mean - r.groups[h].mean)) / r.mean;
    }
    expect(Math.abs(s - r.between)).toBeLessThan(1e-12);
  });
  it('hand-worked: y = (1, 3) in one group, (2, 6) in another', () => {
    // n = 4, μ = 3; all |differences| over ordered pairs: 2·(2+1+5+1+3+4) = 32 → G = 32/(2·16·3) = 1/3.
    // G_11 = 2·2/(2·4·2) = 0.25; G_22 = 2·4/(2·4·4) = 0.25. μ_2 = 4 > μ_1 = 2:
    // d = [(2−1)+(6−1)+(6−3)]/4 = 9/4, p = (3−2)/4 = 1/4 → D = (9/4−1/4)/(10/4) = 0.8;
    // G_21 = (1+1+5+3)/(4·6) = 10/24.
    const r = dagumGini([1, 3, 2, 6], ['a', 'a', 'b', 'b']);
    expect(r.gini).toBeCloseTo(1 / 3, 15);
    expect(r.groups[0].gini).toBeCloseTo(0.25, 15);
    expect(r.pairs[0].D).toBeCloseTo(0.8, 15);
    expect(r.pairs[0].gini).toBeCloseTo(10 / 24, 15);
    expect(r.pairs[0].richer).toBe('b');
  });
});

describe('disparityByPeriod on a panel', () => {
  const panel = makePanel({
    entityColumn: 'id',
    periodColumn: 'year',
    entity: ['a', 'b', 'c', 'd', 'a', 'b', 'c', 'd'],
    period: [1, 1, 1, 1, 2, 2, 2, 2],
    columns: { y: [1, 2, 3, 4, 2, 2, 5, NaN] },
    text: { region: ['E', 'E', 'W', 'C', 'E', 'E', 'W', 'C'] },
  });
  it('warns once per group with one member', () => {
    const r = disparityByPeriod(panel, 'y', 'region');
    const w = r.notes.filter((n) => n.code === 'singleton-group');
    expect(w.length).toBe(3); // W and C in period 1, W in period 2 (C is missing there)
    expect(w.some((n) => n.message.includes('"C" has one member in 1'))).toBe(true);
    expect(r.periods[0].dagum.groups.find((g) => g.group === 'C')?.gini).toBe(0);
    expect(r.periods[1].n).toBe(3);
    expect(r.notes.some((n) => n.code === 'dropped-rows')).toBe(true);
  });
  it('negative values throw an InputError naming entity and period', () => {
    const p = makePanel({
      entityColumn: 'id',
      periodColumn: 'year',
      entity: ['a', 'b'],
      period: [2020, 2020],
      columns: { y: [1, -2] },
      text: { g: ['x', 'y'] },
    });
    expect(() => disparityByPeriod(p, 'y', 'g')).toThrow(InputError);
    expect(() => disparityByPeriod(p, 'y', 'g')).toThrow(/b 2020/);
  });
  it('an unknown group column throws an InputError', () => {
    expect(() => disparityByPeriod(panel, 'y', 'nope')).toThrow(InputError);
  });
});

describe('degenerate groups', () => {
  it('a group of zeros has within-group Gini 0 and the identity still holds', () => {
    const r = dagumGini([0, 0, 1, 3], ['z', 'z', 'p', 'p']);
    expect(r.groups.find((g) => g.group === 'z')?.gini).toBe(0);
    expect(Math.abs(r.within + r.between + r.transvariation - r.gini)).toBeLessThan(1e-15);
    // All |differences| over ordered pairs: 2·(0+1+3+1+3+2) = 20; G = 20/(2·16·1) = 0.625.
    expect(r.gini).toBeCloseTo(0.625, 15);
  });
});
