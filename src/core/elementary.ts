/**
 * The natural logarithm and exponential computed with IEEE 754 basic operations only (+, −, ×, ÷,
 * which every JavaScript engine rounds the same way, with no fused multiply-add), so a result is the
 * same bit for bit in Node, Chromium, Firefox and Safari. `Math.log`/`Math.exp` are not specified to
 * the last bit (ECMA-262 §21.3.2: "implementation-approximated"), and V8 builds differ in the last
 * bit for a few per cent of inputs — enough for a composite index computed in the workbench and in
 * the CLI to differ at 1e-16. The measurement uses these where the index depends on log or exp
 * (entropy weights, geometric aggregation).
 *
 * Method (the classical argument reduction of Cody & Waite 1980, as in fdlibm's e_log.c/e_exp.c,
 * with series of our own): log x = k ln 2 + log m, m ∈ [√½, √2), log m = 2 atanh s with
 * s = (m − 1)/(m + 1), summed as f − (f²/2 − s(f²/2 + R)); exp x = 2^k e^r, |r| ≤ ln 2 / 2, e^r by
 * its Taylor series. ln 2 is split into a high part with trailing zero bits (k·ln2Hi is exact) and a
 * low part. Accuracy: within 1 ulp of the exact result (tested against `Math.log`/`Math.exp` and
 * exact identities in test/core/elementary.test.ts).
 */

const LN2_HI = 6.9314718036912381649e-1; // ln 2 rounded to 32 significant bits
const LN2_LO = 1.90821492927058770002e-10; // ln 2 − LN2_HI
const INV_LN2 = 1.442695040888963387;

/** 2/(2j + 1), j = 1…12: the series 2 atanh s = 2s + s·Σ_j (2/(2j+1)) z^j, z = s² ≤ 0.0295. */
const ATANH = Array.from({ length: 12 }, (_, j) => 2 / (2 * (j + 1) + 1));
/** 1/j!, j = 0…17: e^r for |r| ≤ 0.347 to below 2⁻⁶⁰ relative. */
const INV_FACT = (() => {
  const out = [1];
  for (let j = 1; j <= 17; j++) out.push(out[j - 1] / j);
  return out;
})();

const view = new DataView(new ArrayBuffer(8));

/** x = m·2^k with m ∈ [1, 2) for a positive finite x (subnormals scaled first). */
function split(x: number): { m: number; k: number } {
  let k = 0;
  if (x < 2.2250738585072014e-308) {
    x *= 18014398509481984; // 2^54
    k = -54;
  }
  view.setFloat64(0, x);
  const hi = view.getUint32(0);
  k += ((hi >>> 20) & 0x7ff) - 1023;
  view.setUint32(0, (hi & 0x800fffff) | 0x3ff00000);
  return { m: view.getFloat64(0), k };
}

/** 2^k for an integer k in [−1074, 1023]. */
function pow2(k: number): number {
  if (k < -1022) return pow2(k + 54) / 18014398509481984;
  view.setUint32(0, (k + 1023) << 20);
  view.setUint32(4, 0);
  return view.getFloat64(0);
}

/** Natural logarithm, the same bit for bit in every JavaScript engine. */
export function log(x: number): number {
  if (!(x > 0)) return x === 0 ? -Infinity : NaN;
  if (x === Infinity) return x;
  let { m, k } = split(x);
  if (m > Math.SQRT2) {
    m /= 2;
    k += 1;
  }
  const f = m - 1; // exact: m ∈ [√½, √2)
  if (f === 0) return k * LN2_HI + k * LN2_LO;
  const s = f / (2 + f);
  const z = s * s;
  let r = ATANH[ATANH.length - 1];
  for (let j = ATANH.length - 2; j >= 0; j--) r = ATANH[j] + z * r;
  r *= z;
  const hfsq = 0.5 * f * f;
  return k * LN2_HI - (hfsq - (s * (hfsq + r) + k * LN2_LO) - f);
}

/** e^x, the same bit for bit in every JavaScript engine. */
export function exp(x: number): number {
  if (Number.isNaN(x)) return x;
  if (x > 709.782712893384) return Infinity;
  if (x < -745.1332191019412) return 0;
  const k = Math.round(x * INV_LN2);
  const hi = x - k * LN2_HI; // exact: k·LN2_HI has trailing zero bits
  const lo = k * LN2_LO;
  const r = hi - lo;
  let p = INV_FACT[INV_FACT.length - 1];
  for (let j = INV_FACT.length - 2; j >= 1; j--) p = INV_FACT[j] + r * p;
  // e^r = 1 + r·p, with the reduction's rounding error (hi − r − lo) carried into the first-order term.
  const er = 1 + (r * p + (hi - r - lo));
  if (k >= -1021 && k <= 1023) return er * pow2(k);
  return k > 0 ? er * 2 * pow2(k - 1) : (er * pow2(k + 54)) / 18014398509481984;
}
