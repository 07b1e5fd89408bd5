/**
 * Upper-tail p-values of the F, χ², t and normal distributions, computed directly from the regularised
 * incomplete beta and gamma functions of the upper tail, never as `1 − cdf`: a difference from 1 keeps
 * no digit below 1e-16 and loses relative precision long before (R gives pf(100, 3, 100, lower.tail =
 * FALSE) = 5.51e-30 where `1 - pf(100, 3, 100)` gives 0). These match R's `pf`, `pchisq`, `pt` and `pnorm` with
 * `lower.tail = FALSE` to 1e-10 relative down to 1e-300 (test/core/pvalue.test.ts, fixture script
 * test/fixtures/core/pvalue.R).
 *
 * Identities used (Abramowitz & Stegun 1964, 26.6.2, 26.7.1, 26.4.19; Johnson, Kotz & Balakrishnan
 * 1995, Continuous Univariate Distributions vol. 2, ch. 27–28):
 *   P(F > f)   = I_{d₂/(d₂+d₁f)}(d₂/2, d₁/2)            (regularised incomplete beta)
 *   P(χ² > x)  = Q(k/2, x/2)                            (regularised upper incomplete gamma)
 *   P(|T| > t) = I_{ν/(ν+t²)}(ν/2, 1/2)
 *   P(Z > z)   = erfc(z/√2) / 2
 * Of the two arguments x and 1 − x of the beta function, the smaller is passed (each computed
 * directly, not as 1 − the other), so that neither tail loses digits to cancellation.
 */
import betainc from '@stdlib/math-base-special-betainc';
import erfc from '@stdlib/math-base-special-erfc';
import gammainc from '@stdlib/math-base-special-gammainc';

/** I_x(a, b) = 1 − I_y(b, a) with x + y = 1; x and y given separately, the smaller one used. */
function betaUpperPair(x: number, y: number, a: number, b: number): number {
  // I_x(a, b) where x = 1 − y. Both forms are exact; the small argument keeps its relative precision.
  return x <= y ? betainc(x, a, b, true, false) : betainc(y, b, a, true, true);
}

/**
 * P(F > f) for an F(df1, df2) variate (R: `pf(f, df1, df2, lower.tail = FALSE)`). df2 = Infinity gives
 * the χ² limit P(χ²_{df1} > df1·f). NaN for NaN input or non-positive degrees of freedom.
 */
export function fPValue(f: number, df1: number, df2: number): number {
  if (Number.isNaN(f) || Number.isNaN(df1) || Number.isNaN(df2) || !(df1 > 0) || !(df2 > 0)) return NaN;
  if (f <= 0) return 1;
  if (f === Infinity) return 0;
  if (df2 === Infinity) return chiSquarePValue(df1 * f, df1);
  if (df1 === Infinity) return gammainc(df2 / (2 * f), df2 / 2, true, false);
  const d1f = df1 * f;
  // P(F > f) = I_x(d2/2, d1/2), x = d2/(d2 + d1 f), 1 − x = d1 f/(d2 + d1 f).
  return betaUpperPair(df2 / (df2 + d1f), d1f / (df2 + d1f), df2 / 2, df1 / 2);
}

/** P(χ²_df > x) (R: `pchisq(x, df, lower.tail = FALSE)`). NaN for NaN input or df ≤ 0. */
export function chiSquarePValue(x: number, df: number): number {
  if (Number.isNaN(x) || Number.isNaN(df) || !(df > 0)) return NaN;
  if (x <= 0) return 1;
  if (x === Infinity) return 0;
  return gammainc(x / 2, df / 2, true, true);
}

/**
 * Alternative hypothesis of a test on a symmetric statistic, named as in R (`t.test`, spdep's
 * `moran.test`): `two.sided` P(|T| > |t|), `greater` P(T > t), `less` P(T < t).
 */
export type Alternative = 'two.sided' | 'greater' | 'less';

/**
 * p-value of a t statistic with df degrees of freedom (R: `2 * pt(-abs(t), df)` two-sided,
 * `pt(t, df, lower.tail = FALSE)` greater). df = Infinity gives the normal p-value. NaN for NaN input or
 * df ≤ 0.
 */
export function tPValue(t: number, df: number, alternative: Alternative = 'two.sided'): number {
  if (Number.isNaN(t) || Number.isNaN(df) || !(df > 0)) return NaN;
  if (df === Infinity) return normalPValue(t, alternative);
  if (alternative !== 'two.sided') {
    // One tail is half the two-sided p-value on its own side, its complement on the other.
    const half = tPValue(t, df) / 2;
    return (alternative === 'greater') === t >= 0 ? half : 1 - half;
  }
  const a = Math.abs(t);
  if (a === Infinity) return 0;
  if (a === 0) return 1;
  const t2 = a * a;
  if (t2 === Infinity) {
    // |t| > 1.3e154: t² overflows; x = ν/(ν + t²) is then ν/t² to double precision.
    return betainc(df / a / a, df / 2, 0.5, true, false);
  }
  return betaUpperPair(df / (df + t2), t2 / (df + t2), df / 2, 0.5);
}

/**
 * p-value of a standard normal deviate z (R: `2 * pnorm(-abs(z))` two-sided,
 * `pnorm(z, lower.tail = FALSE)` greater, `pnorm(z)` less), from erfc so that both tails keep their
 * relative precision.
 */
export function normalPValue(z: number, alternative: Alternative = 'two.sided'): number {
  if (Number.isNaN(z)) return NaN;
  if (alternative === 'greater') return erfc(z / Math.SQRT2) / 2;
  if (alternative === 'less') return erfc(-z / Math.SQRT2) / 2;
  return erfc(Math.abs(z) / Math.SQRT2);
}
