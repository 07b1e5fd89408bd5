import { describe, expect, it } from 'vitest';
import {
  ergodicDistribution,
  homogeneityTest,
  markovChain,
  spatialMarkov,
  transitionMatrix,
  quantileBreaks,
  classOf,
} from '../../src/dynamics/index.js';
import { makePanel } from '../../src/data/panel.js';
import { contiguityWeights } from '../../src/spatial/weights.js';

// Three entities over four periods.
const panel = makePanel({
  entityColumn: 'id',
  periodColumn: 't',
  entity: ['A', 'A', 'A', 'A', 'B', 'B', 'B', 'B', 'C', 'C', 'C', 'C'],
  period: [1, 2, 3, 4, 1, 2, 3, 4, 1, 2, 3, 4],
  columns: { y: [1, 2, 5, 6, 3, 4, 7, 8, 9, 10, 11, 12] },
});

describe('classical Markov chain (hand-worked)', () => {
  // Pooled median of 1..12 (type 7) = 6.5 → class 1 (low) for y ≤ 6.5.
  // A: L L L L; B: L L H H; C: H H H H. Transitions: A 3×L→L; B L→L, L→H, H→H; C 3×H→H.
  const r = markovChain(panel, 'y', { k: 2 });
  it('breaks and counts', () => {
    expect(r.breaks).toEqual([[6.5]]);
    expect(r.transitions.counts).toEqual([
      [4, 1],
      [0, 4],
    ]);
    expect(r.nTransitions).toBe(9);
  });
  it('probabilities, initial/final shares and the ergodic distribution', () => {
    expect(r.transitions.probabilities).toEqual([
      [0.8, 0.2],
      [0, 1],
    ]);
    expect(r.initial[0]).toBeCloseTo(2 / 3, 15);
    expect(r.final[1]).toBeCloseTo(2 / 3, 15);
    // H is absorbing: π = (0, 1).
    expect(r.ergodic[0]).toBeCloseTo(0, 15);
    expect(r.ergodic[1]).toBeCloseTo(1, 15);
  });
  it('per-period classes are relative positions', () => {
    // Per-period medians: 3, 4, 7, 8 → A: L L L L, B: L L L L? B = 3 ≤ 3 (L), 4 ≤ 4 (L), 7 ≤ 7 (L), 8 ≤ 8 (L); C: H always.
    const q = markovChain(panel, 'y', { k: 2, classes: 'per-period' });
    expect(q.breaks).toEqual([[3], [4], [7], [8]]);
    expect(q.transitions.counts).toEqual([
      [6, 0],
      [0, 3],
    ]);
    // Two closed classes: no unique ergodic distribution.
    expect(q.ergodic.every(Number.isNaN)).toBe(true);
    expect(q.notes.some((n) => n.code === 'no-ergodic')).toBe(true);
  });
  it('an empty class gives a zero row, flagged, not NaN', () => {
    const m = transitionMatrix([
      [2, 1, 0],
      [0, 0, 0],
      [1, 0, 1],
    ]);
    expect(m.probabilities[1]).toEqual([0, 0, 0]);
    expect(m.emptyRows).toEqual([1]);
    const r3 = markovChain(
      makePanel({
        entityColumn: 'id',
        periodColumn: 't',
        entity: ['a', 'a', 'b', 'b'],
        period: [1, 2, 1, 2],
        columns: { y: [1, 1, 1, 2] },
      }),
      'y',
      { k: 3 },
    );
    expect(r3.transitions.emptyRows.length).toBeGreaterThan(0);
    expect(r3.notes.some((n) => n.code === 'empty-class')).toBe(true);
    expect(r3.transitions.probabilities.flat().some(Number.isNaN)).toBe(false);
  });
});

describe('quantile classes and the ergodic distribution', () => {
  it('classes are right-closed at the breaks', () => {
    const b = quantileBreaks([1, 2, 3, 4, 5], 4); // type 7: 2, 3, 4
    expect(b).toEqual([2, 3, 4]);
    expect([1, 2, 2.5, 3, 4, 5].map((x) => classOf(x, b))).toEqual([0, 0, 1, 1, 2, 3]);
  });
  it('solves πP = π for a regular chain', () => {
    // P = [[0.9, 0.1], [0.5, 0.5]]: π = (5/6, 1/6).
    const pi = ergodicDistribution([
      [0.9, 0.1],
      [0.5, 0.5],
    ]);
    expect(pi[0]).toBeCloseTo(5 / 6, 14);
    expect(pi[1]).toBeCloseTo(1 / 6, 14);
  });
});

describe('homogeneity test (Bickenbach & Bode 2003), hand-worked', () => {
  it('LR, Q and df counting only non-zero rows', () => {
    // Two subsamples of a 2-class chain. Sub 1: row 1 = (3, 1); row 2 empty. Sub 2: row 1 = (1, 3), row 2 = (2, 2).
    // Pooled: row 1 = (4, 4) → p = (.5, .5); row 2 = (2, 2) → (.5, .5).
    // LR = 2[3 ln(.75/.5) + 1 ln(.25/.5) + 1 ln(.25/.5) + 3 ln(.75/.5) + 2 ln 1 + 2 ln 1] = 2[6 ln 1.5 − 2 ln 2]
    // Q = 4[(.25)²/.5 + (.25)²/.5]·2 (both subsamples on row 1) + 0 = 4·0.25·2 = 1... : per sub row 1: 4·(0.0625/0.5 + 0.0625/0.5) = 1; two subs → 2.
    // df: row 1 a = 2, b = 2 → 1; row 2 a = 1 (sub 1 empty) → 0. df = 1.
    const s1 = transitionMatrix([
      [3, 1],
      [0, 0],
    ]);
    const s2 = transitionMatrix([
      [1, 3],
      [2, 2],
    ]);
    const pooled = transitionMatrix([
      [4, 4],
      [2, 2],
    ]);
    const t = homogeneityTest([s1, s2], pooled);
    expect(t.LR).toBeCloseTo(2 * (6 * Math.log(1.5) - 2 * Math.log(2)), 14);
    expect(t.chi2).toBeCloseTo(2, 14);
    expect(t.df).toBe(1);
    // P(χ²₁ > 2) = 0.1572992...
    expect(t.pChi2).toBeCloseTo(0.157299207050285, 10);
  });
});

describe('spatial Markov on a line of three regions', () => {
  it('conditions transitions on the neighbours’ class', () => {
    // A – B – C: lags (row-standardised): A = y_B, B = (y_A + y_C)/2, C = y_B.
    const w = contiguityWeights(
      ['A', 'B', 'C'],
      [
        { a: 'A', b: 'B' },
        { a: 'B', b: 'C' },
      ],
    );
    const r = spatialMarkov(panel, 'y', w, { k: 2 });
    // period 1: lag A = 3, B = 5, C = 3; period 2: 4, 6, 4; period 3: 7, 8, 7; period 4: 8, 9, 8.
    expect(Array.from(r.lag)).toEqual([3, 4, 7, 8, 5, 6, 8, 9, 3, 4, 7, 8]);
    // pooled lag median of these 12 values = 6.5 (sorted: 3 3 4 4 5 6 7 7 8 8 8 9)
    expect(r.lagBreaks[0][0]).toBe(6.5);
    // Transitions starting in periods 1–2 have low lags (except none), period 3 high lags:
    // low-lag: A L→L ×2, B L→L, L→H, C H→H ×2; high-lag: A L→L, B H→H, C H→H.
    expect(r.conditional[0].counts).toEqual([
      [3, 1],
      [0, 2],
    ]);
    expect(r.conditional[1].counts).toEqual([
      [1, 0],
      [0, 2],
    ]);
    expect(r.pooled.counts).toEqual([
      [4, 1],
      [0, 4],
    ]);
  });
});
