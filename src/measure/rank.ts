/**
 * Ranks within each group of rows, 1 = highest score; ties get the smallest rank of the tie
 * ("competition" ranking 1, 2, 2, 4; R's `rank(-x, ties.method = "min")`). NaN scores get rank NaN.
 */
export function rankDescending(score: Float64Array, groups: readonly Int32Array[]): Float64Array {
  const out = new Float64Array(score.length).fill(NaN);
  for (const rows of groups) {
    const valid = Array.from(rows).filter((i) => !Number.isNaN(score[i]));
    valid.sort((a, b) => score[b] - score[a]);
    valid.forEach((i, k) => {
      out[i] = k > 0 && score[i] === score[valid[k - 1]] ? out[valid[k - 1]] : k + 1;
    });
  }
  return out;
}
