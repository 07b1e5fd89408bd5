import { expect } from 'vitest';

/**
 * Largest relative error max |a − b| / max(|b|, 1e-300) over the arrays, and an assertion that it is
 * within `tol`. The R fixtures are written with 15 significant digits, so 1e-10 leaves room for
 * rounding of both sides.
 */
export function expectClose(actual: ArrayLike<number>, expected: ArrayLike<number>, tol: number, what: string): number {
  expect(actual.length, `${what}: length`).toBe(expected.length);
  let worst = 0;
  for (let i = 0; i < expected.length; i++) {
    const e = expected[i];
    const a = actual[i];
    const err = Math.abs(a - e) / Math.max(Math.abs(e), 1e-300);
    // Exact zeros (min-max minima) compare absolutely.
    const rel = e === 0 ? Math.abs(a) : err;
    if (!(rel <= worst)) worst = rel;
  }
  expect(worst, `${what}: max relative error`).toBeLessThanOrEqual(tol);
  return worst;
}
