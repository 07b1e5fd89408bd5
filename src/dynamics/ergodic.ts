import { fromRows } from '../linalg/matrix.js';
import { qr, qrCoef } from '../linalg/qr.js';

/**
 * Ergodic (stationary) distribution of a Markov transition matrix: π with πP = π, Σπ = 1.
 *
 * Solved as the linear system (Pᵀ − I)π = 0 with the last equation replaced by Σπ = 1, by pivoted
 * QR (src/linalg). A rank-deficient system means the chain has no unique stationary distribution
 * (several closed classes): the result is NaN then.
 */
export function ergodicDistribution(p: readonly (readonly number[])[]): number[] {
  const k = p.length;
  const a = Array.from({ length: k }, (_, i) =>
    Array.from({ length: k }, (_, j) => (i === k - 1 ? 1 : p[j][i] - (i === j ? 1 : 0))),
  );
  const f = qr(fromRows(a), { pivoting: 'full' });
  if (f.rank < k) return Array(k).fill(NaN);
  const b = new Float64Array(k);
  b[k - 1] = 1;
  return Array.from(qrCoef(f, b));
}
