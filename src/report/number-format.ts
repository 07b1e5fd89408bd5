/**
 * Numbers in publication tables, as Stata's esttab prints them (estout's `SignificantDigits`, the
 * `a#` display format; Jann 2007, Stata Journal 7(2):227–244). `d` is the minimum precision:
 *
 * - |x| < 1: d significant decimals, i.e. d decimals after the leading zeros (0.00123456 → `0.00123`
 *   with d = 3, 0.5 → `0.500`), up to 9 decimals, then e-format with d − 1 decimals. A nonzero value is
 *   therefore never printed as `0.000`.
 * - |x| ≥ 1: at least d + 1 significant digits and at least one decimal (1.23456 → `1.235`, 12.3456 →
 *   `12.35`, 1234.56 → `1234.6`); ten or more digits before the point → e-format.
 * - Whole numbers get no decimals (`3`, `0`).
 *
 * esttab's default for coefficients and standard errors is `a3`, nqpf's `--digits 3`.
 */
export function esttabNumber(x: number, d = 3): string {
  if (!Number.isFinite(x)) return '';
  if (!(Number.isInteger(d) && d >= 1 && d <= 9)) throw new RangeError(`digits must be a whole number 1–9 (got ${d})`);
  if (Number.isInteger(x)) return noNegativeZero(x.toFixed(0));
  const a = Math.abs(x);
  if (a < 1) {
    // Stata's int() truncates toward zero: the number of zeros right after the decimal point.
    const right = -Math.trunc(Math.log10(a));
    const dec = Math.max(1, d + right);
    return dec <= 9 ? noNegativeZero(x.toFixed(dec)) : stataExp(x, Math.min(9, d - 1));
  }
  const left = Math.trunc(Math.log10(a) + 1);
  return left <= 9 ? x.toFixed(Math.max(1, d - left + 1)) : stataExp(x, 0);
}

/** Fixed decimals (R², adjusted R²: esttab's `r2(%9.3f)` default), `-0.000` shown as `0.000`. */
export function fixedNumber(x: number, decimals = 3): string {
  if (!Number.isFinite(x)) return '';
  return noNegativeZero(x.toFixed(decimals));
}

function noNegativeZero(s: string): string {
  return /^-0\.?0*$/.test(s) ? s.slice(1) : s;
}

/** Stata's `%.{k}e`: two-digit exponent with a sign (`1.23e-05`, `1e+10`). */
function stataExp(x: number, k: number): string {
  const [m, e] = x.toExponential(k).split('e');
  const sign = e.startsWith('-') ? '-' : '+';
  const digits = e.replace(/^[+-]/, '');
  return `${m}e${sign}${digits.padStart(2, '0')}`;
}
