/**
 * Ergodic (stationary) distribution of a Markov transition matrix: π with πP = π, Σπ = 1.
 *
 * Solved as the linear system (Pᵀ − I)π = 0 with the last equation replaced by Σπ = 1, by Gaussian
 * elimination with partial pivoting. A (near-)zero pivot means the chain has no unique stationary
 * distribution (reducible or periodic with several closed classes): the result is NaN then.
 */
export function ergodicDistribution(p: readonly (readonly number[])[]): number[] {
  const k = p.length;
  const a = Array.from({ length: k }, (_, i) => Array.from({ length: k + 1 }, (_, j) => (j === k ? 0 : p[j][i] - (i === j ? 1 : 0))));
  for (let j = 0; j <= k; j++) a[k - 1][j] = 1;
  for (let c = 0; c < k; c++) {
    let piv = c;
    for (let r = c + 1; r < k; r++) if (Math.abs(a[r][c]) > Math.abs(a[piv][c])) piv = r;
    if (Math.abs(a[piv][c]) < 1e-12) return Array(k).fill(NaN);
    [a[c], a[piv]] = [a[piv], a[c]];
    for (let r = 0; r < k; r++) {
      if (r === c) continue;
      const f = a[r][c] / a[c][c];
      if (f !== 0) for (let j = c; j <= k; j++) a[r][j] -= f * a[c][j];
    }
  }
  return a.map((row, i) => row[k] / row[i]);
}
