import { describe, expect, it } from 'vitest';
import { homogeneityTest } from '../../src/dynamics/homogeneity-test.js';
import type { TransitionMatrix } from '../../src/dynamics/markov-chain.js';

function matrix(counts: number[][]): TransitionMatrix {
  const rowTotals = counts.map((r) => r.reduce((a, b) => a + b, 0));
  return {
    counts,
    probabilities: counts.map((r, i) => r.map((c) => (rowTotals[i] > 0 ? c / rowTotals[i] : 0))),
    rowTotals,
    emptyRows: rowTotals.flatMap((n, i) => (n === 0 ? [i] : [])),
  };
}

describe('homogeneity test p-values', () => {
  it('keep their digits when the LR rejects strongly (upper tail, not 1 − cdf)', () => {
    // Two regimes that never agree: stay in one, switch in the other, 30 transitions per cell.
    // R 4.2.2: LR = 166.35532333438687, pchisq(LR, 2, lower.tail = FALSE) = 7.5231638452626684e-37
    // (1 - pchisq(LR, 2) is 0).
    const a = matrix([
      [30, 0],
      [0, 30],
    ]);
    const b = matrix([
      [0, 30],
      [30, 0],
    ]);
    const t = homogeneityTest(
      [a, b],
      matrix([
        [30, 30],
        [30, 30],
      ]),
    );
    expect(t.df).toBe(2);
    expect(Math.abs(t.LR / 166.35532333438687 - 1)).toBeLessThan(1e-12);
    expect(Math.abs(t.pLR / 7.5231638452626684e-37 - 1)).toBeLessThan(1e-10);
  });
});
