import { sd } from '../core/numeric.js';
import { InputError } from '../core/errors.js';
import type { Note } from '../core/notes.js';

/**
 * Accuracy grade of a grey model from the posterior variance ratio C and the small-error
 * probability P (good 好, qualified 合格, barely qualified 勉强合格, fail 不合格).
 */
export type GreyGrade = 'good' | 'qualified' | 'barely' | 'fail';

/** Chinese labels of {@link GreyGrade}. */
export const GREY_GRADE_ZH: Record<GreyGrade, string> = {
  good: '好',
  qualified: '合格',
  barely: '勉强合格',
  fail: '不合格',
};

export interface Gm11Options {
  /** Fit even when the class-ratio test fails (default false: refuse with an InputError). */
  force?: boolean;
  /** Name of the series (entity, variable) for messages. */
  label?: string;
  /**
   * Upper bound of the admissible class-ratio range: `n+2` gives (e^{−2/(n+1)}, e^{2/(n+2)}) as in
   * Liu Sifeng et al.'s textbook (default); `n+1` gives the symmetric (e^{−2/(n+1)}, e^{2/(n+1)}) used by
   * many teaching scripts.
   */
  ratioUpper?: 'n+1' | 'n+2';
}

/** The class-ratio (级比) test: λ(k) = x⁽⁰⁾(k−1)/x⁽⁰⁾(k) must lie in (lower, upper) for k = 2..n. */
export interface ClassRatioTest {
  readonly ratios: Float64Array;
  readonly lower: number;
  readonly upper: number;
  /** 0-based positions k (of x⁽⁰⁾(k), k ≥ 1) whose ratio falls outside the range. */
  readonly failing: readonly number[];
  readonly pass: boolean;
}

/** A fitted GM(1,1) model. Forecast with {@link gm11Forecast}. */
export interface Gm11Model {
  readonly label?: string;
  readonly x0: Float64Array;
  /** Development coefficient a (−a is the growth rate of the fitted exponential). */
  readonly a: number;
  /** Grey input b. */
  readonly b: number;
  /** Fitted x̂⁽⁰⁾(k), k = 1..n (x̂⁽⁰⁾(1) = x⁽⁰⁾(1)). */
  readonly fitted: Float64Array;
  /** ε(k) = x⁽⁰⁾(k) − x̂⁽⁰⁾(k), k = 1..n. */
  readonly residuals: Float64Array;
  /** |ε(k)|/x⁽⁰⁾(k), k = 1..n (the first is 0 by construction). */
  readonly relativeErrors: Float64Array;
  /** Mean of the relative errors over k = 2..n. */
  readonly meanRelativeError: number;
  /** Population sd of x⁽⁰⁾. */
  readonly S1: number;
  /** Population sd of the residuals. */
  readonly S2: number;
  /** Posterior variance ratio C = S2/S1. */
  readonly C: number;
  /** Small-error probability P = share of k with |ε(k) − ε̄| < 0.6745·S1. */
  readonly P: number;
  readonly grade: GreyGrade;
  readonly classRatio: ClassRatioTest;
  /** True when the model was fitted with `force` despite a failed class-ratio test. */
  readonly forced: boolean;
  readonly notes: readonly Note[];
}

function where(label?: string): string {
  return label ? ` for ${label}` : '';
}

/**
 * The class-ratio (级比) test of a GM(1,1) series: λ(k) = x⁽⁰⁾(k−1)/x⁽⁰⁾(k), k = 2..n, admissible in
 * (e^{−2/(n+1)}, e^{2/(n+2)}) (Liu Sifeng et al., 灰色系统理论及其应用; `ratioUpper: 'n+1'` gives
 * e^{2/(n+1)} instead). Outside the range the series is not quasi-exponential enough for GM(1,1).
 */
export function classRatioTest(x0: ArrayLike<number>, ratioUpper: 'n+1' | 'n+2' = 'n+2'): ClassRatioTest {
  const n = x0.length;
  const lower = Math.exp(-2 / (n + 1));
  const upper = Math.exp(2 / (ratioUpper === 'n+2' ? n + 2 : n + 1));
  const ratios = new Float64Array(n - 1);
  const failing: number[] = [];
  for (let k = 1; k < n; k++) {
    ratios[k - 1] = x0[k - 1] / x0[k];
    if (!(ratios[k - 1] > lower && ratios[k - 1] < upper)) failing.push(k);
  }
  return { ratios, lower, upper, failing, pass: failing.length === 0 };
}

/**
 * Grade a grey model from C and P with the usual thresholds (both must hold; the worse grade wins):
 * good P > 0.95 and C < 0.35; qualified P > 0.8 and C < 0.5; barely P > 0.7 and C < 0.65; else fail.
 * The table (精度等级 好/合格/勉强合格/不合格) is the standard one of grey-system teaching material,
 * e.g. Liu Sifeng, Dang Yaoguo, Fang Zhigeng et al., 灰色系统理论及其应用 (Science Press), ch. on GM(1,1).
 */
export function greyGrade(C: number, P: number): GreyGrade {
  if (P > 0.95 && C < 0.35) return 'good';
  if (P > 0.8 && C < 0.5) return 'qualified';
  if (P > 0.7 && C < 0.65) return 'barely';
  return 'fail';
}

/** x̂⁽¹⁾(k+1) = (x⁽⁰⁾(1) − b/a)e^{−ak} + b/a, with its a → 0 limit x⁽⁰⁾(1) + b·k. */
function response(x01: number, a: number, b: number, k: number): number {
  if (Math.abs(a) < 1e-12) return x01 + b * k;
  return (x01 - b / a) * Math.exp(-a * k) + b / a;
}

/**
 * Fit the grey model GM(1,1) (Deng Julong 1982; 邓聚龙 1987, 灰色系统基本方法):
 * 1-AGO x⁽¹⁾(k) = Σ_{i≤k} x⁽⁰⁾(i); background values z⁽¹⁾(k) = ½(x⁽¹⁾(k) + x⁽¹⁾(k−1)), k = 2..n;
 * grey differential equation x⁽⁰⁾(k) + a z⁽¹⁾(k) = b fitted by least squares ([a, b]ᵀ = (BᵀB)⁻¹BᵀY with
 * B = [−z⁽¹⁾, 1], solved here in the closed form of the 2×2 normal equations on centred data:
 * a = −Σ(z − z̄)(y − ȳ)/Σ(z − z̄)², b = ȳ + a z̄, y = x⁽⁰⁾(2..n)); time response
 * x̂⁽¹⁾(k+1) = (x⁽⁰⁾(1) − b/a)e^{−ak} + b/a, restored by x̂⁽⁰⁾(k+1) = x̂⁽¹⁾(k+1) − x̂⁽¹⁾(k).
 * Posterior-variance check: S1, S2 population sds of x⁽⁰⁾ and of ε(k) = x⁽⁰⁾(k) − x̂⁽⁰⁾(k), k = 1..n;
 * C = S2/S1; P = #{k: |ε(k) − ε̄| < 0.6745 S1}/n; grade by {@link greyGrade}.
 * Reference: Liu Sifeng, Dang Yaoguo, Fang Zhigeng et al., 灰色系统理论及其应用 (Science Press), ch. on
 * GM(1,1).
 *
 * @throws InputError for fewer than 4 values, a missing or non-positive value, or (without `force`) a
 *   failed class-ratio test.
 */
export function gm11(x: ArrayLike<number>, options: Gm11Options = {}): Gm11Model {
  const label = options.label;
  const n = x.length;
  if (n < 4) {
    throw new InputError(`GM(1,1) needs at least 4 values${where(label)} (got ${n})`, {
      hint: 'use a longer series (4 to 10 periods is usual)',
    });
  }
  for (let k = 0; k < n; k++) {
    if (!Number.isFinite(x[k])) {
      throw new InputError(`GM(1,1) value ${k + 1} of ${n}${where(label)} is missing`, {
        hint: 'fill the gap or shorten the series; GM(1,1) needs equally spaced, complete data',
      });
    }
    if (x[k] <= 0) {
      throw new InputError(`GM(1,1) needs a positive series, but value ${k + 1} of ${n}${where(label)} is ${x[k]}`, {
        hint: 'GM(1,1) models positive, growing quantities; shift the series by a constant first (and subtract it from the forecast) or use another method',
      });
    }
  }
  const x0 = Float64Array.from(x);
  const notes: Note[] = [];
  const ratio = classRatioTest(x0, options.ratioUpper);
  if (!ratio.pass) {
    const shown = ratio.failing.slice(0, 4).map((k) => `λ(${k + 1}) = ${ratio.ratios[k - 1].toFixed(4)}`);
    const bad = shown.join(', ') + (ratio.failing.length > 4 ? ` and ${ratio.failing.length - 4} more` : '');
    const msg = `class-ratio test failed${where(label)}: ${bad} outside (${ratio.lower.toFixed(4)}, ${ratio.upper.toFixed(4)})`;
    if (!options.force) {
      throw new InputError(`GM(1,1) refused: ${msg}`, {
        hint: 'the series is not quasi-exponential; shift it by a constant, shorten it, or pass --force (force: true) to fit anyway',
      });
    }
    notes.push({
      level: 'warning',
      code: 'class-ratio-failed',
      message: `GM(1,1) fitted with --force although the ${msg}`,
    });
  }
  // background values and the least-squares fit of y = b − a z
  const m = n - 1;
  const z = new Float64Array(m);
  let x1 = x0[0];
  for (let k = 1; k < n; k++) {
    const next = x1 + x0[k];
    z[k - 1] = 0.5 * (x1 + next);
    x1 = next;
  }
  let zbar = 0;
  let ybar = 0;
  for (let k = 0; k < m; k++) {
    zbar += z[k];
    ybar += x0[k + 1];
  }
  zbar /= m;
  ybar /= m;
  let szz = 0;
  let szy = 0;
  for (let k = 0; k < m; k++) {
    szz += (z[k] - zbar) ** 2;
    szy += (z[k] - zbar) * (x0[k + 1] - ybar);
  }
  if (!(szz > 0)) throw new RangeError('gm11: background values are constant (rank-deficient B)');
  const a = -szy / szz;
  const b = ybar + a * zbar;
  const fitted = new Float64Array(n);
  fitted[0] = x0[0];
  for (let k = 1; k < n; k++) fitted[k] = response(x0[0], a, b, k) - response(x0[0], a, b, k - 1);
  const residuals = Float64Array.from(x0, (v, k) => v - fitted[k]);
  const relativeErrors = Float64Array.from(residuals, (e, k) => Math.abs(e) / x0[k]);
  let mre = 0;
  for (let k = 1; k < n; k++) mre += relativeErrors[k];
  mre /= n - 1;
  const S1 = sd(x0, 0);
  const S2 = sd(residuals, 0);
  const C = S2 / S1;
  let ebar = 0;
  for (const e of residuals) ebar += e;
  ebar /= n;
  let small = 0;
  for (const e of residuals) if (Math.abs(e - ebar) < 0.6745 * S1) small++;
  const P = small / n;
  return {
    label,
    x0,
    a,
    b,
    fitted,
    residuals,
    relativeErrors,
    meanRelativeError: mre,
    S1,
    S2,
    C,
    P,
    grade: greyGrade(C, P),
    classRatio: ratio,
    forced: !ratio.pass,
    notes,
  };
}

/** Forecast x̂⁽⁰⁾(n+1..n+h) from a fitted GM(1,1): x̂⁽⁰⁾(k+1) = x̂⁽¹⁾(k+1) − x̂⁽¹⁾(k). */
export function gm11Forecast(model: Gm11Model, horizon: number): Float64Array {
  if (!Number.isInteger(horizon) || horizon < 0)
    throw new InputError(`the forecast horizon must be a whole number ≥ 0 (got ${horizon})`);
  const n = model.x0.length;
  const x01 = model.x0[0];
  return Float64Array.from(
    { length: horizon },
    (_, h) => response(x01, model.a, model.b, n + h) - response(x01, model.a, model.b, n + h - 1),
  );
}

export interface RollingCheckOptions {
  /** Length of the first training window (default 4, the GM(1,1) minimum). */
  minTrain?: number;
  /** Steps ahead forecast from each origin (default 1). */
  horizon?: number;
  /** Class-ratio upper bound convention, as in {@link Gm11Options}. */
  ratioUpper?: 'n+1' | 'n+2';
  /** Names the series in messages, e.g. "Beijing (gdp, 2015–2023)". */
  label?: string;
}

export interface RollingCheck {
  /** One row per forecast point: origin t (training on values 1..t), step ahead, actual, forecast, |error|/actual. */
  readonly points: { origin: number; step: number; actual: number; forecast: number; ape: number }[];
  /** Mean absolute percentage error over all points, in % (NaN when there are none). */
  readonly mape: number;
  /** Origins whose window failed the class-ratio test (fitted anyway, as forecasts must be compared). */
  readonly forcedOrigins: readonly number[];
}

/**
 * Rolling-origin out-of-sample check (Tashman 2000, Int. J. Forecasting 16:437–450): for each origin
 * t = minTrain..n−1, fit GM(1,1) on x(1..t) (expanding window) and forecast up to `horizon` steps;
 * MAPE = 100·mean |x − x̂|/x over all forecast points that have an actual value.
 */
export function gm11RollingCheck(x: ArrayLike<number>, options: RollingCheckOptions = {}): RollingCheck {
  const minTrain = options.minTrain ?? 4;
  const horizon = options.horizon ?? 1;
  // A first window as long as the series leaves nothing to forecast: the MAPE would be empty (NaN).
  if (!(Number.isInteger(minTrain) && minTrain >= 4 && minTrain < x.length)) {
    throw new InputError(
      `the rolling check's first training window must be 4 to ${x.length - 1} periods${where(options.label)} (got ${minTrain}; the series has ${x.length} values)`,
      {
        hint: x.length > 4 ? `e.g. --rolling ${Math.max(4, x.length - 3)}` : 'a rolling check needs at least 5 values',
      },
    );
  }
  const points: RollingCheck['points'] = [];
  const forcedOrigins: number[] = [];
  for (let t = minTrain; t < x.length; t++) {
    const model = gm11(Array.prototype.slice.call(x, 0, t) as number[], {
      force: true,
      ratioUpper: options.ratioUpper,
    });
    if (model.forced) forcedOrigins.push(t);
    const f = gm11Forecast(model, Math.min(horizon, x.length - t));
    f.forEach((v, h) =>
      points.push({ origin: t, step: h + 1, actual: x[t + h], forecast: v, ape: Math.abs(x[t + h] - v) / x[t + h] }),
    );
  }
  const mape = points.length ? (100 * points.reduce((s, p) => s + p.ape, 0)) / points.length : NaN;
  return { points, mape, forcedOrigins };
}
