/**
 * TOPSIS closeness (Hwang & Yoon 1981) in the entropy-TOPSIS form of the NQPF literature
 * (Hwang & Yoon 1981, Multiple Attribute Decision Making, Springer, ch. 3): the weighted normalised matrix
 * z_ij = w_j x'_ij (x' min-max normalised with direction, so every column is a benefit), the ideal
 * z⁺_j = max_i z_ij and anti-ideal z⁻_j = min_i z_ij within each group of rows (the pooled panel by
 * default, so the ideal is the best entity-year), Euclidean distances
 * D⁺_i = √Σ_j (z_ij − z⁺_j)², D⁻_i = √Σ_j (z_ij − z⁻_j)², and C_i = D⁻_i / (D⁺_i + D⁻_i) ∈ [0, 1].
 * C is unchanged when all weights are multiplied by one constant, so a dimension's score can use the
 * system weights of its indicators as they are. NaN when D⁺ + D⁻ = 0 (every column constant).
 */
export function topsisCloseness(
  columns: readonly Float64Array[],
  weights: ArrayLike<number>,
  groups: readonly Int32Array[],
): Float64Array {
  const n = columns.length ? columns[0].length : 0;
  const m = columns.length;
  const out = new Float64Array(n);
  const z = columns.map((c, j) => {
    const zj = new Float64Array(n);
    for (let i = 0; i < n; i++) zj[i] = weights[j] * c[i];
    return zj;
  });
  const dPlus = new Float64Array(n);
  const dMinus = new Float64Array(n);
  for (const rows of groups) {
    for (let j = 0; j < m; j++) {
      const c = z[j];
      let hi = -Infinity;
      let lo = Infinity;
      for (let k = 0; k < rows.length; k++) {
        const v = c[rows[k]];
        if (v > hi) hi = v;
        if (v < lo) lo = v;
      }
      for (let k = 0; k < rows.length; k++) {
        const i = rows[k];
        dPlus[i] += (c[i] - hi) * (c[i] - hi);
        dMinus[i] += (c[i] - lo) * (c[i] - lo);
      }
    }
    for (let k = 0; k < rows.length; k++) {
      const i = rows[k];
      const a = Math.sqrt(dPlus[i]);
      const b = Math.sqrt(dMinus[i]);
      out[i] = a + b > 0 ? b / (a + b) : NaN;
    }
  }
  return out;
}
