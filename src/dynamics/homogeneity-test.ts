/**
 * Test that several transition matrices (e.g. one per spatial-lag class) equal the pooled one,
 * after Bickenbach & Bode (2003), "Evaluating the Markov property in studies of economic
 * convergence", International Regional Science Review 26(3):363–392, doi:10.1177/0160017603253789.
 *
 *   LR = 2 Σ_l Σ_i Σ_j n_{l,ij} ln(p_{l,ij} / p_ij)          (cells with n_{l,ij} > 0)
 *   Q  = Σ_l Σ_i Σ_j n_{l,i} (p_{l,ij} − p_ij)² / p_ij      (rows with n_{l,i} > 0, cells p_ij > 0)
 *
 * both asymptotically χ² with df = Σ_i (a_i − 1)(b_i − 1), where a_i counts the subsamples with
 * transitions out of class i (non-zero rows only) and b_i the cells of row i of the pooled matrix with
 * p_ij > 0.
 */
import { chiSquarePValue } from '../core/pvalue.js';
import type { TransitionMatrix } from './markov-chain.js';

/** LR and Pearson χ² statistics with their common df and p-values (NaN when df = 0). */
export interface HomogeneityTest {
  readonly LR: number;
  readonly chi2: number;
  readonly df: number;
  readonly pLR: number;
  readonly pChi2: number;
}

/** Homogeneity of `parts` (conditional matrices) against `pooled` (their sum). */
export function homogeneityTest(parts: readonly TransitionMatrix[], pooled: TransitionMatrix): HomogeneityTest {
  const k = pooled.counts.length;
  let lr = 0;
  let q = 0;
  let df = 0;
  for (let i = 0; i < k; i++) {
    const a = parts.filter((m) => m.rowTotals[i] > 0).length;
    const b = pooled.probabilities[i].filter((p) => p > 0).length;
    df += Math.max(a - 1, 0) * Math.max(b - 1, 0);
    for (const m of parts) {
      if (m.rowTotals[i] === 0) continue;
      for (let j = 0; j < k; j++) {
        const p = pooled.probabilities[i][j];
        const pl = m.probabilities[i][j];
        if (m.counts[i][j] > 0) lr += 2 * m.counts[i][j] * Math.log(pl / p);
        if (p > 0) q += (m.rowTotals[i] * (pl - p) ** 2) / p;
      }
    }
  }
  // Upper tail computed directly: 1 − cdf loses every digit below 1e-16 (LR tests reject strongly).
  const pv = (x: number) => (df > 0 ? chiSquarePValue(x, df) : NaN);
  return { LR: lr, chi2: q, df, pLR: pv(lr), pChi2: pv(q) };
}
