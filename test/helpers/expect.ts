import { assert, expect } from 'vitest';
import { InputError } from '../../src/core/errors.js';

/**
 * Relative error |a − b| / |b| of `a` against the reference `b`. An exact-zero reference compares
 * absolutely (|a|); NaN agrees only with NaN (0), and NaN against a number is Infinity.
 */
export function relativeError(a: number, b: number): number {
  if (Number.isNaN(b) || Number.isNaN(a)) return Number.isNaN(a) && Number.isNaN(b) ? 0 : Infinity;
  if (a === b) return 0;
  return b === 0 ? Math.abs(a) : Math.abs(a - b) / Math.abs(b);
}

/** Largest {@link relativeError} over paired arrays (the reference's length). */
export function maxRelativeError(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let worst = 0;
  for (let i = 0; i < b.length; i++) {
    const e = relativeError(a[i], b[i]);
    if (!(e <= worst)) worst = e;
  }
  return worst;
}

/** Distance between x and the next double away from zero (the unit in the last place of x). */
export function ulp(x: number): number {
  const a = Math.abs(x);
  if (a < 2.2250738585072014e-308) return 5e-324;
  return 2 ** (Math.floor(Math.log2(a)) - 52);
}

/**
 * Tolerance of {@link expectClose}: `rel` relative to the reference, `abs` absolute (for quantities that
 * cancel to near 0), `ulps` units in the last place of the reference. A value passes when it is within
 * any one of the given bounds.
 */
export interface Tolerance {
  readonly rel?: number;
  readonly abs?: number;
  readonly ulps?: number;
}

function within(a: number, b: number, tol: Tolerance): boolean {
  if (Number.isNaN(b)) return Number.isNaN(a);
  if (a === b) return true;
  const d = Math.abs(a - b);
  if (tol.abs !== undefined && d <= tol.abs) return true;
  if (tol.ulps !== undefined && d <= tol.ulps * ulp(b)) return true;
  // An exact-zero reference has no relative scale: `rel` then bounds |a| itself.
  if (tol.rel !== undefined) return b === 0 ? d <= tol.rel : d <= tol.rel * Math.abs(b);
  return false;
}

/**
 * Assert that `actual` agrees with the reference `expected` (a number, or arrays of equal length; a
 * fixture may give a number as a string, as jsonlite writes NaN and Inf) within `tol`: a number is a
 * relative tolerance, or a {@link Tolerance}. Default 1e-10 relative: the R fixtures keep 15 significant
 * digits, so 1e-10 leaves room for the rounding of both sides. Returns the largest relative error seen.
 */
export function expectClose(
  actual: number | ArrayLike<number>,
  expected: number | string | ArrayLike<number>,
  tol: number | Tolerance = 1e-10,
  what = '',
): number {
  const t: Tolerance = typeof tol === 'number' ? { rel: tol } : tol;
  const a = typeof actual === 'number' ? [actual] : actual;
  const e = typeof expected === 'number' || typeof expected === 'string' ? [Number(expected)] : expected;
  expect(a.length, `${what}: length`).toBe(e.length);
  let worst = 0;
  let bad = -1;
  for (let i = 0; i < e.length; i++) {
    const r = relativeError(a[i], e[i]);
    if (!(r <= worst)) worst = r;
    if (bad < 0 && !within(a[i], e[i], t)) bad = i;
  }
  if (bad >= 0) {
    const at = e.length > 1 ? `[${bad}] ` : '';
    assert.fail(
      `${what ? `${what}: ` : ''}${at}${a[bad]} vs ${e[bad]} (relative error ${relativeError(a[bad], e[bad])}, tolerance ${JSON.stringify(t)})`,
    );
  }
  return worst;
}

/**
 * The InputError that `f` throws (or `p` rejects with); fails the test when there is none or when the
 * error is of another class. `message`, when given, must occur in (string) or match (RegExp) its
 * message.
 */
export function inputError(f: () => unknown, message?: string | RegExp): InputError;
export function inputError(p: Promise<unknown>, message?: string | RegExp): Promise<InputError>;
export function inputError(
  f: (() => unknown) | Promise<unknown>,
  message?: string | RegExp,
): InputError | Promise<InputError> {
  const check = (e: unknown): InputError => {
    expect(e, 'expected an InputError').toBeInstanceOf(InputError);
    if (message !== undefined) expect((e as InputError).message).toMatch(message);
    return e as InputError;
  };
  if (typeof f !== 'function') {
    return f.then(
      () => assert.fail('expected an InputError, but the promise resolved'),
      (e: unknown) => check(e),
    );
  }
  try {
    f();
  } catch (e) {
    return check(e);
  }
  return assert.fail('expected an InputError, but nothing was thrown');
}
