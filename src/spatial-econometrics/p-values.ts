import chisquareCdf from '@stdlib/stats-base-dists-chisquare-cdf';
import normalCdf from '@stdlib/stats-base-dists-normal-cdf';

// Upper-tail p-values used by the spatial panel output. Helper "qa" is building one project-wide
// upper-tail module; these two lines switch to it when it lands.

/** Two-sided normal p-value 2Φ(−|z|) (R `2 * pnorm(-abs(z))`). */
export function normalTwoSided(z: number): number {
  return Number.isFinite(z) ? 2 * normalCdf(-Math.abs(z), 0, 1) : NaN;
}

/** χ² upper tail P(X > x) (R `pchisq(x, df, lower.tail = FALSE)`; absolute precision ~1e-16). */
export function chisqUpper(x: number, df: number): number {
  if (!Number.isFinite(x)) return NaN;
  return Math.max(0, 1 - chisquareCdf(x, df));
}
