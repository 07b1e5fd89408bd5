import { describe, expect, it } from 'vitest';
import { meanAbsRankShift } from '../../src/robustness/uncertainty.js';

describe('meanAbsRankShift (COINr: the mean absolute rank change against the nominal ranking)', () => {
  // Worked by hand: nominal ranks 1, 2, 3; run 0 swaps the first two, run 1 reverses the order.
  const nominal = [1, 2, 3];
  const ranks = Float64Array.from([2, 1, 3, 3, 2, 1]);

  it('averages |rank − nominal| over the entities of one run', () => {
    expect(meanAbsRankShift(ranks, 0, nominal)).toBe(2 / 3); // (1 + 1 + 0) / 3
    expect(meanAbsRankShift(ranks, 1, nominal)).toBe(4 / 3); // (2 + 0 + 2) / 3
  });

  it('leaves out entities without a rank in the run or the nominal ranking, and is NaN with none left', () => {
    expect(meanAbsRankShift(Float64Array.from([NaN, 1, 3]), 0, nominal)).toBe(1 / 2); // (1 + 0) / 2
    expect(meanAbsRankShift(Float64Array.from([2, 1, 3]), 0, [NaN, 2, 3])).toBe(1 / 2); // (1 + 0) / 2
    expect(meanAbsRankShift(Float64Array.from([NaN, NaN, NaN]), 0, nominal)).toBeNaN();
  });
});
