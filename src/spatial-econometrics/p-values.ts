import { chiSquarePValue, normalPValue } from '../core/pvalue.js';

// The project's upper-tail p-values (src/core/pvalue.ts, checked against R to 1e-10 relative).

/** Two-sided normal p-value 2Φ(−|z|) (R `2 * pnorm(-abs(z))`). */
export function normalTwoSided(z: number): number {
  return Number.isFinite(z) ? normalPValue(z) : NaN;
}

/** χ² upper tail P(X > x) (R `pchisq(x, df, lower.tail = FALSE)`). */
export function chisqUpper(x: number, df: number): number {
  return Number.isFinite(x) ? chiSquarePValue(x, df) : NaN;
}
