/**
 * TOPSIS closeness (Hwang & Yoon 1981) in the entropy-TOPSIS form of the NQPF literature
 * (methods.md §2; Weydon-Ding/entropy-weight-topsis): the weighted normalised matrix
 * z_ij = w_j x'_ij (x' min-max normalised with direction, so every column is a benefit), the ideal
 * z⁺_j = max_i z_ij and anti-ideal z⁻_j = min_i z_ij within each group of rows (the pooled panel by
 * default, so the ideal is the best entity-year), Euclidean distances
 * D⁺_i = √Σ_j (z_ij − z⁺_j)², D⁻_i = √Σ_j (z_ij − z⁻_j)², and C_i = D⁻_i / (D⁺_i + D⁻_i) ∈ [0, 1].
 * C is unchanged when all weights are multiplied by one constant, so a dimension's score can use the
 * system weights of its indicators as they are. NaN when D⁺ + D⁻ = 0 (every column constant).
 */
export function topsisCloseness(columns: readonly Float64Array[], weights: ArrayLike<number>, groups: readonly Int32Array[]): Float64Array {
  const n = columns.length ? columns[0].length : 0;
  const out = new Float64Array(n);
  const z = columns.map((c, j) => Float64Array.from(c, (x) => weights[j] * x));
  for (const rows of groups) {
    const hi = z.map((c) => rows.reduce((m, i) => (c[i] > m ? c[i] : m), -Infinity));
    const lo = z.map((c) => rows.reduce((m, i) => (c[i] < m ? c[i] : m), Infinity));
    for (const i of rows) {
      let dPlus = 0;
      let dMinus = 0;
      z.forEach((c, j) => {
        dPlus += (c[i] - hi[j]) ** 2;
        dMinus += (c[i] - lo[j]) ** 2;
      });
      const a = Math.sqrt(dPlus);
      const b = Math.sqrt(dMinus);
      out[i] = a + b > 0 ? b / (a + b) : NaN;
    }
  }
  return out;
}
