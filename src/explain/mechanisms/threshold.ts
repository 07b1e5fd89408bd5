import { InputError } from '../../core/errors.js';
import { NoteLog, type Note } from '../../core/notes.js';
import { quantile } from '../../core/numeric.js';
import { Rng } from '../../core/rng.js';
import { runReplicates, type ReplicateTask } from '../../core/replicates.js';
import { column, withColumns, type Panel } from '../../data/panel.js';
import { cholesky, choleskyInverse, choleskySolve, solveUpper, type CholeskyFactor } from '../../linalg/cholesky.js';
import { crossprod, xty } from '../../linalg/crossprod.js';
import { choleskyQr2 } from '../../linalg/cholesky-qr.js';
import { estimateRow, type Estimate } from '../estimate.js';
import { feols } from '../feols.js';
import { demean, type FixedEffect } from '../demean.js';
import { formulaOf } from '../formula.js';
import { coefTable, vcov as vcovOf, type VcovSpec } from '../vcov.js';
import { clusterDraws } from './bootstrap-draws.js';

/** Options of {@link panelThreshold}; every field but the variable names has a default. */
export interface ThresholdOptions {
  /** Dependent variable. */
  readonly y: string;
  /** Regime-dependent regressor (xthreg's `rx()`). */
  readonly x: string;
  /** Threshold variable (xthreg's `qx()`). */
  readonly q: string;
  /** Regime-independent controls. */
  readonly controls?: readonly string[];
  /** Number of thresholds, 1–3 (default 1). */
  readonly thresholds?: 1 | 2 | 3;
  /**
   * Candidate thresholds: `'all'` = every distinct value of q (exhaustive search, default), or a
   * number N of grid points chosen by `gridType` (see {@link thresholdCandidates}).
   */
  readonly grid?: 'all' | number;
  /**
   * How `grid: N` picks its N candidates (see {@link thresholdCandidates}): `'distinct'` (default,
   * Hansen's rule) = quantiles of the distinct values of q inside the trimmed range;
   * `'observations'` = order statistics of all n observations of q (de-duplicated).
   */
  readonly gridType?: ThresholdGridType;
  /**
   * Trimming: every regime must hold at least ⌈trim·n⌉ observations (Hansen 1999, §3: "a minimal
   * percentage of the observations (say 1% or 5%) lie in each regime"). Default 0.01 as xthreg's
   * `trim(0.01)`; Hansen (1999) and many applied papers use 0.05.
   */
  readonly trim?: number;
  /**
   * Add period (year) dummies, the first period omitted, as regime-independent controls — two-way
   * fixed effects, as `xthreg y x i.year, …` (default false: entity effects only, Hansen 1999).
   */
  readonly timeEffects?: boolean;
  /** Absolute minimum of observations per regime (default 1); the larger of this and ⌈trim·n⌉ applies. */
  readonly minObs?: number;
  /** Bootstrap replications for each threshold test (0 = no test, as xthreg without `bs()`). Default 300. */
  readonly bootstrap?: number;
  /** Seed of the bootstrap {@link Rng} (default 1). */
  readonly seed?: number;
  /** Confidence level of the LR threshold intervals (default 0.95, xthreg's `thlevel(95)`). */
  readonly level?: number;
  /**
   * Explicit bootstrap draws, each listing for every entity (in panel order) the 0-based position of
   * the entity whose residuals it receives; used for every test and overrides `bootstrap`/`seed`.
   * For checking the machinery against a reference on the same draws.
   */
  readonly draws?: readonly ArrayLike<number>[];
  /**
   * Variance of the final coefficients: omitted = iid (xtreg, fe); otherwise a {@link VcovSpec} or
   * its text (`hc1`, `cluster:id`), computed by refitting the regimes with feols (entity FE, plus
   * period FE with `timeEffects`) and {@link vcovOf} — as `xthreg …, vce(cluster id)` passes the option
   * to `xtreg`.
   */
  readonly vcov?: VcovSpec | string;
}

/** Rule of a `grid: N` candidate set: see {@link thresholdCandidates}. */
export type ThresholdGridType = 'distinct' | 'observations';

/**
 * Candidate thresholds of the search, ascending, from the sorted threshold variable `qSorted` (n
 * values) and the minimum regime size `minCount`:
 *
 * - `grid = 'all'`: every distinct value of q (regime sizes are checked later, per search).
 * - `grid = N`, `gridType = 'distinct'` (the default): Hansen's rule. Let u₁ < … < u_m be the distinct
 *   values of q inside the trimmed range, i.e. those that leave at least `minCount` observations on
 *   each side (#{q ≤ u} ≥ minCount and #{q > u} ≥ minCount); the candidates are u_{⌈m·j/(N+1)⌉},
 *   j = 1…N (all of them when N ≥ m). Hansen (1999, J. Econometrics 93:345–368, §3.1) reduces the
 *   search to quantiles of q; his GAUSS code for the paper takes them over the distinct values of q
 *   within the trimmed range (the index rounding ⌈m·j/(N+1)⌉ is nqpf's), so ties cannot collapse the
 *   grid and every point lies where a regime split is admissible.
 * - `grid = N`, `gridType = 'observations'`: the order statistics q₍⌈n·j/(N+1)⌉₎, j = 1…N, of all n
 *   observations, de-duplicated (the rule nqpf used before `gridType` existed). With many ties (e.g. a rounded or
 *   capped q) fewer than N distinct candidates remain, and points can fall outside the trimmed range.
 *
 * Stata's `xthreg` (Wang 2015, Stata Journal 15(1):121–134) documents `grid(#)` only as "the number
 * of grid points"; its Mata code ships compiled (lxthreg.mlib), so neither rule is claimed to equal it.
 */
export function thresholdCandidates(
  qSorted: ArrayLike<number>,
  grid: 'all' | number,
  gridType: ThresholdGridType,
  minCount: number,
): number[] {
  const n = qSorted.length;
  if (grid === 'all' || gridType === 'distinct') {
    const u: number[] = [];
    for (let k = 0; k < n; k++) {
      if (k < n - 1 && qSorted[k] === qSorted[k + 1]) continue;
      // qSorted[k] is the last of its tie block: k + 1 observations have q ≤ it.
      if (grid === 'all' || (k + 1 >= minCount && n - k - 1 >= minCount)) u.push(qSorted[k]);
    }
    if (grid === 'all' || grid >= u.length) return u;
    const m = u.length;
    const picked: number[] = [];
    for (let j = 1; j <= grid; j++) {
      const v = u[Math.ceil((m * j) / (grid + 1)) - 1];
      if (picked[picked.length - 1] !== v) picked.push(v);
    }
    return picked;
  }
  const picked = new Set<number>();
  for (let j = 1; j <= grid; j++) picked.add(qSorted[Math.min(n, Math.max(1, Math.ceil((n * j) / (grid + 1)))) - 1]);
  return [...picked].sort((a, b) => a - b);
}

/** One estimated threshold with its test and LR interval. */
export interface ThresholdEstimate {
  /** Stage at which this threshold was found (1, 2, 3). */
  readonly order: number;
  readonly estimate: number;
  /** LR interval: the candidates with LR(γ) ≤ −2 ln(1 − √level) (Hansen 1999, eq. 17). */
  readonly ciLow: number;
  readonly ciHigh: number;
  /** SSR of the search that found it (at the estimate). */
  readonly ssr: number;
  /** F test of k versus k−1 thresholds: (S_{k−1} − S_k)/σ̂²_k, σ̂²_k = S_k / (n(T−1)). */
  readonly F: number;
  /** Fixed-regressor bootstrap p-value (NaN without bootstrap). */
  readonly pValue: number;
  /** Bootstrap critical values of F at 10%, 5%, 1% (type-7 quantiles of F*), as xthreg's Crit10/5/1. */
  readonly critical: { readonly p10: number; readonly p5: number; readonly p1: number };
  /** The LR profile over the admissible candidates (for plots of LR(γ) against the 7.35 line). */
  readonly lr: { readonly gamma: Float64Array; readonly lr: Float64Array };
  /** The bootstrap statistics F*_k. */
  readonly replicates: Float64Array;
}

/** A coefficient of the final fixed-effects model at the estimated thresholds (95% interval). */
export type ThresholdCoefficient = Estimate;

/** Result of {@link panelThreshold}. */
export interface ThresholdResult {
  /** Final thresholds in ascending order (refined where Hansen's procedure refines). */
  readonly thresholds: readonly ThresholdEstimate[];
  readonly coefficients: readonly ThresholdCoefficient[];
  /** Regimes of the final model: bounds (−∞/+∞ at the ends) and number of observations. */
  readonly regimes: readonly {
    readonly term: string;
    readonly lower: number;
    readonly upper: number;
    readonly nobs: number;
  }[];
  /** SSR of the final within model at the thresholds. */
  readonly ssr: number;
  /** SSR of the linear (no threshold) within model. */
  readonly ssr0: number;
  /** σ̂² = SSR/(n(T−1)) of the final model (Hansen's scaling). */
  readonly sigma2: number;
  readonly nobs: number;
  readonly nEntities: number;
  readonly nPeriods: number;
  /** Number of distinct candidate values searched in stage 1. */
  readonly nCandidates: number;
  readonly options: Required<Omit<ThresholdOptions, 'controls' | 'draws' | 'vcov'>> & {
    readonly controls: readonly string[];
  };
  /** Label of the variance estimator of `coefficients`. */
  readonly vcov: string;
  readonly notes: readonly Note[];
}

/** The 95% LR critical value c(α) = −2 ln(1 − √(1 − α)) of Hansen (2000), 7.35 at α = 0.05. */
export function lrCritical(level = 0.95): number {
  return -2 * Math.log(1 - Math.sqrt(level));
}

/**
 * Everything about the data a search needs, built once: within-transformed regressors, the
 * observations sorted by q, and the candidate list with the position of each in that order.
 */
interface Design {
  readonly n: number;
  readonly nEnt: number;
  readonly T: number;
  readonly ent: Int32Array;
  /** The entity fixed effect (the within transform is {@link demean} on it). */
  readonly entityFe: FixedEffect;
  /** Raw regime regressor x (not demeaned: x·1(q≤γ)'ỹ needs no demeaning because ỹ ⊥ entity dummies). */
  readonly x: Float64Array;
  /** Within-transformed x and controls: the columns of the linear model. */
  readonly base: Float64Array[];
  /** Within-transformed y. */
  readonly y: Float64Array;
  /** Observation indices sorted by q (ties in row order). */
  readonly order: Int32Array;
  /** x and the entity index in that order (the walks then read memory sequentially). */
  readonly xSorted: Float64Array;
  readonly entSorted: Int32Array;
  readonly qSorted: Float64Array;
  /** Candidate values (ascending) and, for each, the number of observations with q ≤ value. */
  readonly cand: Float64Array;
  readonly candEnd: Int32Array;
  readonly minCount: number;
  /** Names of the regime-independent columns after x in `base` (controls, then period dummies). */
  readonly controlNames: readonly string[];
}

/** A linear within model: its columns, their Cholesky factor, row-major copy for fast updates. */
interface Base {
  readonly cols: Float64Array[];
  readonly chol: CholeskyFactor;
  /** Row-major n × p copy of the kept columns, rows in q order (the walk updates g += x_i·B_i·). */
  readonly rows: Float64Array;
  readonly p: number;
}

function makeBase(cols: Float64Array[], order: Int32Array): Base {
  const n = order.length;
  const chol = cholesky(crossprod(cols));
  const kept = chol.keep.map((k) => cols[k]);
  const p = kept.length;
  const rows = new Float64Array(n * p);
  for (let j = 0; j < p; j++) {
    const c = kept[j];
    for (let k = 0; k < n; k++) rows[k * p + j] = c[order[k]];
  }
  return { cols: kept, chol: { ...chol, keep: chol.keep.map((_, i) => i), dropped: [] }, rows, p };
}

/** ỹ = y − B(BᵀB)⁻¹Bᵀy and its sum of squares. */
function residualize(base: Base, y: Float64Array): { resid: Float64Array; ssr: number } {
  const beta = choleskySolve(base.chol, xty(base.cols, y));
  const resid = Float64Array.from(y);
  for (let j = 0; j < base.p; j++) {
    const c = base.cols[j];
    const b = beta[j];
    for (let i = 0; i < resid.length; i++) resid[i] -= c[i] * b;
  }
  let ssr = 0;
  for (let i = 0; i < resid.length; i++) ssr += resid[i] * resid[i];
  return { resid, ssr };
}

/** Number of sorted observations with q ≤ v (upper bound by bisection). */
function countLE(qSorted: Float64Array, v: number): number {
  let lo = 0;
  let hi = qSorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (qSorted[mid] <= v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Candidate indices admissible given fixed thresholds: every regime holds ≥ minCount observations. */
function admissible(d: Design, fixed: readonly number[]): Uint8Array {
  const fixedPos = fixed.map((g) => countLE(d.qSorted, g)).sort((a, b) => a - b);
  const ok = new Uint8Array(d.cand.length);
  // The regimes between fixed thresholds are split by at most one candidate: check them once.
  const cuts = [0, ...fixedPos, d.n];
  const tooSmall = cuts.slice(1).map((c, k) => c - cuts[k] < d.minCount);
  for (let c = 0; c < d.cand.length; c++) {
    const pos = d.candEnd[c];
    let k = 0;
    while (k < fixedPos.length && fixedPos[k] < pos) k++;
    if (k < fixedPos.length && fixedPos[k] === pos) continue;
    const lower = k === 0 ? 0 : fixedPos[k - 1];
    const upper = k === fixedPos.length ? d.n : fixedPos[k];
    if (pos - lower < d.minCount || upper - pos < d.minCount) continue;
    let good = true;
    for (let j = 0; j < tooSmall.length; j++) if (j !== k && tooSmall[j]) good = false;
    ok[c] = good ? 1 : 0;
  }
  return ok;
}

/**
 * The per-candidate denominators r(γ)ᵀM_B r(γ), r(γ) = within(x·1(q≤γ)), built in one pass over the
 * observations sorted by q: rᵀr = Σx² − Σ_e s_e²/T (s_e = entity sums of x·1(q≤γ)) and
 * rᵀB = Σ x_i B_i (B already demeaned), so each candidate costs O(p²) instead of a refit.
 * Inadmissible candidates get NaN.
 */
function denominators(d: Design, base: Base, ok: Uint8Array): Float64Array {
  const p = base.p;
  const out = new Float64Array(d.cand.length).fill(NaN);
  const g = new Float64Array(p);
  const z = new Float64Array(p);
  const r = base.chol.r.data;
  const s = new Float64Array(d.nEnt);
  let xx = 0;
  let ss = 0;
  let ptr = 0;
  for (let c = 0; c < d.cand.length; c++) {
    const end = d.candEnd[c];
    for (; ptr < end; ptr++) {
      const xi = d.xSorted[ptr];
      xx += xi * xi;
      const e = d.entSorted[ptr];
      ss += (2 * s[e] + xi) * xi;
      s[e] += xi;
      const o = ptr * p;
      for (let j = 0; j < p; j++) g[j] += xi * base.rows[o + j];
    }
    if (!ok[c]) continue;
    // zz = gᵀ(BᵀB)⁻¹g = ‖R⁻ᵀg‖², forward substitution into a reused buffer.
    let zz = 0;
    for (let i = 0; i < p; i++) {
      let v = g[i];
      for (let j = 0; j < i; j++) v -= r[j + i * p] * z[j];
      v /= r[i + i * p];
      z[i] = v;
      zz += v * v;
    }
    const den = xx - ss / d.T - zz;
    // r(γ) in the span of B (e.g. all observations in one regime): no information, no candidate.
    out[c] = den > 1e-10 * xx ? den : NaN;
  }
  return out;
}

/** SSR(γ) = S_B − (r(γ)ᵀỹ)²/(r(γ)ᵀM_B r(γ)) for every candidate, given the residual ỹ of y on B. */
function ssrProfile(d: Design, den: Float64Array, resid: Float64Array, ssrBase: number, out: Float64Array): void {
  let a = 0;
  let ptr = 0;
  for (let c = 0; c < d.cand.length; c++) {
    const end = d.candEnd[c];
    for (; ptr < end; ptr++) a += d.xSorted[ptr] * resid[d.order[ptr]];
    const dc = den[c];
    out[c] = dc === dc ? ssrBase - (a * a) / dc : NaN;
  }
}

function argmin(v: Float64Array): number {
  let best = -1;
  for (let c = 0; c < v.length; c++) if (v[c] === v[c] && (best < 0 || v[c] < v[best])) best = c;
  return best;
}

/** Within-transformed x·1(lo < q ≤ hi): {@link demean} on the entity effect. */
function regimeColumn(d: Design, q: Float64Array, lo: number, hi: number): Float64Array {
  const col = new Float64Array(d.n);
  for (let i = 0; i < d.n; i++) col[i] = q[i] > lo && q[i] <= hi ? d.x[i] : 0;
  return demean([col], [d.entityFe]).columns[0];
}

interface Search {
  readonly index: number;
  readonly gamma: number;
  readonly ssr: number;
  readonly profile: Float64Array;
}

/** Search one threshold given `fixed` ones, for dependent variable `y` (within-transformed). */
function searchGiven(
  d: Design,
  q: Float64Array,
  fixed: readonly number[],
  y: Float64Array,
  cache?: SearchCache,
): Search | undefined {
  const key = fixed.join(',');
  let hit = cache?.get(key);
  if (!hit) {
    const base = baseWith(d, q, fixed);
    hit = { base, den: denominators(d, base, admissible(d, fixed)) };
    // Cache the main estimation's searches; bootstrap draws' own thresholds vary and are not kept.
    if (cache && cache.size < 8) cache.set(key, hit);
  }
  const { resid, ssr } = residualize(hit.base, y);
  const profile = new Float64Array(d.cand.length);
  ssrProfile(d, hit.den, resid, ssr, profile);
  const index = argmin(profile);
  if (index < 0) return undefined;
  return { index, gamma: d.cand[index], ssr: profile[index], profile };
}

/** Per set of fixed thresholds: the base model and the per-candidate denominators (y-independent). */
type SearchCache = Map<string, { base: Base; den: Float64Array }>;

/** Linear base plus x·1(q ≤ γ) for each fixed γ: spans the regimes cut at the fixed thresholds. */
function baseWith(d: Design, q: Float64Array, fixed: readonly number[]): Base {
  const cols = [...d.base, ...fixed.map((g) => regimeColumn(d, q, -Infinity, g))];
  return makeBase(cols, d.order);
}

/** The sequential estimation (Hansen 1999 §3.2, xthreg): γ1; γ2 | γ1 then γ1 refined | γ2; γ3 | (γ1, γ2). */
interface Sequence {
  /** Per stage k: the min SSR S_k of the stage search, the search itself, and the thresholds after the stage. */
  readonly stages: { search: Search; refine?: Search; thresholds: number[]; ssrAfter: number }[];
}

function runSequence(
  d: Design,
  q: Float64Array,
  y: Float64Array,
  k: number,
  refine: boolean,
  cache?: SearchCache,
): Sequence | undefined {
  const stages: Sequence['stages'] = [];
  let current: number[] = [];
  for (let stage = 1; stage <= k; stage++) {
    const search = searchGiven(d, q, current, y, cache);
    if (!search) return undefined;
    let thresholds = [...current, search.gamma];
    let ssrAfter = search.ssr;
    let refined: Search | undefined;
    if (stage === 2 && refine) {
      refined = searchGiven(d, q, [search.gamma], y, cache);
      if (refined) {
        thresholds = [refined.gamma, search.gamma];
        ssrAfter = refined.ssr;
      }
    }
    stages.push({ search, refine: refined, thresholds, ssrAfter });
    current = thresholds;
  }
  return { stages };
}

function validateOptions(opts: ThresholdOptions): ThresholdResult['options'] {
  const o = {
    y: opts.y,
    x: opts.x,
    q: opts.q,
    controls: opts.controls ?? [],
    thresholds: opts.thresholds ?? 1,
    grid: opts.grid ?? 'all',
    gridType: opts.gridType ?? 'distinct',
    trim: opts.trim ?? 0.01,
    minObs: opts.minObs ?? 1,
    timeEffects: opts.timeEffects ?? false,
    bootstrap: opts.bootstrap ?? 300,
    seed: opts.seed ?? 1,
    level: opts.level ?? 0.95,
  } as const;
  if (![1, 2, 3].includes(o.thresholds))
    throw new InputError(`thresholds must be 1, 2 or 3 (got ${o.thresholds})`, {
      hint: 'use --thresholds 1, 2 or 3 (xthreg allows at most 3)',
    });
  if (!(o.trim >= 0 && o.trim < 0.25))
    throw new InputError(`trim must be in [0, 0.25) (got ${o.trim})`, {
      hint: 'typical values are 0.01 (xthreg) or 0.05',
    });
  if (o.gridType !== 'distinct' && o.gridType !== 'observations')
    throw new InputError(`gridType must be "distinct" or "observations" (got ${o.gridType})`, {
      hint: 'distinct = quantiles of the distinct values of q in the trimmed range (Hansen); observations = order statistics of all observations',
    });
  if (o.grid !== 'all' && !(Number.isInteger(o.grid) && o.grid >= 1))
    throw new InputError(`grid must be "all" or a positive whole number (got ${o.grid})`, {
      hint: 'e.g. --grid all or --grid 300',
    });
  if (!(Number.isInteger(o.bootstrap) && o.bootstrap >= 0))
    throw new InputError(`bootstrap must be a whole number ≥ 0 (got ${o.bootstrap})`);
  if (!(o.level > 0 && o.level < 1)) throw new InputError(`level must be in (0, 1) (got ${o.level})`);
  return o;
}

/** Build the design; throws InputError for unbalanced panels or missing values, naming the entities. */
function buildDesign(panel: Panel, o: ThresholdResult['options']): { d: Design; q: Float64Array } {
  const names = [o.y, o.x, o.q, ...o.controls];
  const cols = names.map((nm) => column(panel, nm, 'threshold model'));
  const nEnt = panel.entities.length;
  const T = panel.periods.length;
  const perEntity = new Int32Array(nEnt);
  const badValue = new Set<string>();
  for (let i = 0; i < panel.entity.length; i++) {
    perEntity[panel.entityIndex[i]]++;
    if (cols.some((c) => !Number.isFinite(c[i]))) badValue.add(panel.entity[i]);
  }
  const gaps = panel.entities.filter((_, e) => perEntity[e] !== T).map((e) => e.id);
  if (gaps.length || badValue.size) {
    const list = [...new Set([...gaps, ...badValue])];
    throw new InputError(
      `the panel threshold model needs a balanced panel (every entity in all ${T} periods, no missing values in ${names.join(', ')}); entities with gaps: ${list.slice(0, 20).join(', ')}${list.length > 20 ? `, … (${list.length} in all)` : ''}`,
      {
        file: panel.meta.file,
        column: panel.entityColumn,
        hint: 'drop or fill those entities (xthreg and pdR::ptm also require balanced panels), or restrict the periods to a common window',
      },
    );
  }
  const n = panel.entity.length;
  const ent = panel.entityIndex;
  const [y, x, q, ...ctrl] = cols;
  const controlNames = [...o.controls];
  if (o.timeEffects) {
    for (let t = 1; t < T; t++) {
      const dummy = new Float64Array(panel.entity.length);
      for (let i = 0; i < dummy.length; i++) dummy[i] = panel.periodIndex[i] === t ? 1 : 0;
      ctrl.push(dummy);
      controlNames.push(`${panel.periodColumn}=${panel.periods[t]}`);
    }
  }
  const entityFe: FixedEffect = {
    name: panel.entityColumn,
    codes: ent,
    nLevels: nEnt,
    labels: panel.entities.map((e) => e.id),
  };
  const [yW, ...base] = demean([y, x, ...ctrl], [entityFe]).columns;
  const order = Int32Array.from({ length: n }, (_, i) => i).sort((a, b) => q[a] - q[b] || a - b);
  const qSorted = Float64Array.from(order, (i) => q[i]);
  const xSorted = Float64Array.from(order, (i) => x[i]);
  const entSorted = Int32Array.from(order, (i) => ent[i]);
  const minCount = Math.max(o.minObs, Math.ceil(o.trim * n - 1e-9));
  const values = thresholdCandidates(qSorted, o.grid, o.gridType, minCount);
  const cand = Float64Array.from(values);
  const candEnd = Int32Array.from(values, (v) => countLE(qSorted, v));
  return {
    d: {
      n,
      nEnt,
      T,
      ent,
      entityFe,
      x,
      base,
      y: yW,
      order,
      xSorted,
      entSorted,
      qSorted,
      cand,
      candEnd,
      minCount,
      controlNames,
    },
    q,
  };
}

/** LR profile (S(γ) − S(γ̂))/σ̂² over admissible candidates and the interval {γ : LR(γ) ≤ c}. */
function lrInterval(d: Design, search: Search, crit: number) {
  const sigma2 = search.ssr / (d.n - d.nEnt);
  const gamma: number[] = [];
  const lr: number[] = [];
  let lo = Infinity;
  let hi = -Infinity;
  for (let c = 0; c < d.cand.length; c++) {
    const s = search.profile[c];
    if (s !== s) continue;
    const v = (s - search.ssr) / sigma2;
    gamma.push(d.cand[c]);
    lr.push(v);
    if (v <= crit) {
      lo = Math.min(lo, d.cand[c]);
      hi = Math.max(hi, d.cand[c]);
    }
  }
  return { ciLow: lo, ciHigh: hi, lr: { gamma: Float64Array.from(gamma), lr: Float64Array.from(lr) } };
}

/**
 * Fixed-regressor bootstrap of the k-th F test (Hansen 1999 §3.3): data are generated under the
 * (k−1)-threshold null as fitted values plus residual vectors of whole entities drawn with
 * replacement (keeping each entity's serial pattern), regressors held fixed; the sequential
 * search is rerun on each draw as on the data (the γ₁ refinement only where F₃ needs it) and F*_k
 * recomputed. p = share of F*_k ≥ F_k; critical values are type-7 quantiles of F*.
 */
function bootstrapF(
  panel: Panel,
  o: ThresholdResult['options'],
  d: Design,
  nullThresholds: readonly number[],
  k: number,
  F: number,
  reps: number,
  rng: Rng,
  draws?: readonly ArrayLike<number>[],
) {
  // The draws of one seeded stream, made up front in replicate order; the replicates run through the
  // replicate engine (worker threads in the CLI) with the same result on any number of threads.
  const next = clusterDraws(d.nEnt, draws ?? rng, 'entities');
  const drawn = new Int32Array(reps * d.nEnt);
  for (let r = 0; r < reps; r++) drawn.set(next(r), r * d.nEnt);
  const fstar = runReplicates(thresholdBootstrapTask, { panel, o, nullThresholds, k, draws: drawn }, reps);
  const valid = fstar.filter((v) => v === v);
  let exceed = 0;
  for (const v of valid) if (v >= F) exceed++;
  return {
    replicates: fstar,
    pValue: valid.length ? exceed / valid.length : NaN,
    critical: valid.length
      ? { p10: quantile(valid, 0.9), p5: quantile(valid, 0.95), p1: quantile(valid, 0.99) }
      : { p10: NaN, p5: NaN, p1: NaN },
  };
}

/** Plain-data input of {@link thresholdBootstrapTask} (copied to worker threads). */
export interface ThresholdBootstrapInput {
  readonly panel: Panel;
  readonly o: ThresholdResult['options'];
  /** Thresholds of the null model (k − 1 of them). */
  readonly nullThresholds: readonly number[];
  /** Which F test (1, 2 or 3). */
  readonly k: number;
  /** The drawn entity positions, one per entity per replicate. */
  readonly draws: Int32Array;
}

/**
 * One replicate of the fixed-regressor bootstrap of the k-th F test (see {@link bootstrapF}): y* =
 * fitted values under the null + the residual vectors of the drawn entities, the sequential search
 * rerun on y*, F*_k (NaN when no candidate is admissible).
 */
export const thresholdBootstrapTask: ReplicateTask<ThresholdBootstrapInput> = {
  name: 'threshold-bootstrap',
  width: () => 1,
  prepare({ panel, o, nullThresholds, k, draws }) {
    const { d, q } = buildDesign(panel, o);
    // Searches given fixed thresholds are cached by their (exact) values: replicate-independent.
    const cache: SearchCache = new Map();
    const base = baseWith(d, q, nullThresholds);
    const { resid } = residualize(base, d.y);
    const fitted = Float64Array.from(d.y, (v, i) => v - resid[i]);
    // Rows of each entity in period order (balanced, so T rows each).
    const rowsOf = new Int32Array(d.n);
    const fill = new Int32Array(d.nEnt);
    for (let i = 0; i < d.n; i++) rowsOf[d.ent[i] * d.T + fill[d.ent[i]]++] = i;
    const ystar = new Float64Array(d.n);
    const linear = makeBase(d.base, d.order);
    return (r, out) => {
      const d0 = r * d.nEnt;
      for (let e = 0; e < d.nEnt; e++) {
        const src = draws[d0 + e];
        for (let t = 0; t < d.T; t++) {
          const i = rowsOf[e * d.T + t];
          ystar[i] = fitted[i] + resid[rowsOf[src * d.T + t]];
        }
      }
      const seq = runSequence(d, q, ystar, k, k >= 3, cache);
      if (!seq) {
        out[0] = NaN;
        return;
      }
      const sk = seq.stages[k - 1].search.ssr;
      const sPrev = k === 1 ? residualize(linear, ystar).ssr : seq.stages[k - 2].ssrAfter;
      out[0] = (sPrev - sk) / (sk / (d.n - d.nEnt));
    };
  },
};

/**
 * Panel threshold regression of Hansen (1999, J. Econometrics 93:345–368), as Stata's `xthreg`
 * (Wang 2015, Stata Journal 15(1):121–134) estimates it:
 *
 *   y_it = μ_i + β₁ x_it·1(q_it ≤ γ₁) + β₂ x_it·1(γ₁ < q_it ≤ γ₂) + … + θ'controls_it + e_it,
 *
 * on the within (entity-demeaned) transform of a balanced panel. Thresholds minimise the SSR over
 * the candidate values; with several thresholds estimation is sequential (γ̂₁; γ̂₂ given γ̂₁;
 * then γ̂₁ re-estimated given γ̂₂, Hansen's "refinement", xthreg's Th-21/Th-22; γ̂₃ given both,
 * not refined, as xthreg). The k-th test is F_k = (S_{k−1} − S_k)/σ̂²_k with σ̂²_k = S_k/(n(T−1)),
 * bootstrap p-values by {@link bootstrapF}; LR(γ) = (S(γ) − S(γ̂))/σ̂² gives the interval
 * {γ : LR(γ) ≤ −2ln(1−√level)} (7.35 at 95%) over that stage's candidates.
 *
 * Speed: each candidate's SSR comes from running cross-products over observations sorted by q,
 * O(p²) per candidate instead of a refit, so an exhaustive search over all n values is O(n p²).
 * Coefficients of the final model use the within estimator with iid SEs and df = nT − n − k
 * (Stata `xtreg, fe` as xthreg reports, and R `plm(model = "within")`).
 */
export function panelThreshold(panel: Panel, options: ThresholdOptions): ThresholdResult {
  const o = validateOptions(options);
  const notes = new NoteLog();
  const { d, q } = buildDesign(panel, o);
  const cache: SearchCache = new Map();
  const seq = runSequence(d, q, d.y, o.thresholds, true, cache);
  if (!seq) {
    throw new InputError(
      `no admissible threshold candidate for ${o.q}: with trim ${o.trim} every regime needs ${d.minCount} of ${d.n} observations`,
      {
        column: o.q,
        hint: 'lower --trim, use fewer thresholds, or check that q varies',
      },
    );
  }
  const ssr0 = residualize(makeBase(d.base, d.order), d.y).ssr;
  const crit = lrCritical(o.level);
  const rng = new Rng(o.seed);
  const estimates: ThresholdEstimate[] = [];
  const stage2Refined = seq.stages[1]?.refine;
  for (let k = 1; k <= o.thresholds; k++) {
    const st = seq.stages[k - 1];
    const sPrev = k === 1 ? ssr0 : seq.stages[k - 2].ssrAfter;
    const sk = st.search.ssr;
    const F = (sPrev - sk) / (sk / (d.n - d.nEnt));
    const reps = options.draws ? options.draws.length : o.bootstrap;
    const boot =
      reps > 0
        ? bootstrapF(panel, o, d, k === 1 ? [] : seq.stages[k - 2].thresholds, k, F, reps, rng, options.draws)
        : { replicates: new Float64Array(0), pValue: NaN, critical: { p10: NaN, p5: NaN, p1: NaN } };
    // The reported interval of γ1 in a multi-threshold model is the refined one (xthreg Th-21).
    const s = k === 1 && stage2Refined ? stage2Refined : st.search;
    estimates.push({ order: k, estimate: s.gamma, ...lrInterval(d, s, crit), ssr: s.ssr, F, ...boot });
  }
  const finalThresholds = [...seq.stages[o.thresholds - 1].thresholds].sort((a, b) => a - b);
  const fit = fitAt(d, q, o, finalThresholds);
  let coefficients = fit.coefficients;
  let vcovLabel = 'IID (xtreg, fe)';
  if (options.vcov !== undefined) {
    // Refit the final regimes with feols so that every variance type of the vcov registry is available.
    const names = fit.regimes.map((_, j) => `thr_regime_${j + 1}`);
    const added: Record<string, Float64Array> = {};
    fit.regimes.forEach(
      (r, j) =>
        (added[names[j]] = Float64Array.from(panel.columns[o.x], (v, i) =>
          q[i] > r.lower && q[i] <= r.upper ? v : 0,
        )),
    );
    const fe = o.timeEffects ? [panel.entityColumn, panel.periodColumn] : [panel.entityColumn];
    const refit = feols(withColumns(panel, added), formulaOf(o.y, [...names, ...o.controls], fe));
    const v = vcovOf(refit, options.vcov);
    vcovLabel = v.label;
    const byName = new Map(coefTable(refit, v).map((r) => [r.term, r]));
    coefficients = [
      ...fit.regimes.map((r, j) => ({ ...byName.get(names[j])!, term: r.term })),
      ...o.controls.map((c) => byName.get(c)!),
    ];
    if (o.timeEffects)
      notes.info(
        'threshold-vcov-time-effects',
        'with timeEffects and vcov, period effects are absorbed as fixed effects and not listed among the coefficients',
      );
  }
  if (d.minCount < 10)
    notes.info('threshold-trim', `each regime holds at least ${d.minCount} observations (trim ${o.trim})`);
  return {
    thresholds: [...estimates].sort((a, b) => a.estimate - b.estimate),
    coefficients,
    regimes: fit.regimes,
    ssr: fit.ssr,
    ssr0,
    sigma2: fit.ssr / (d.n - d.nEnt),
    nobs: d.n,
    nEntities: d.nEnt,
    nPeriods: d.T,
    nCandidates: d.cand.length,
    options: o,
    vcov: vcovLabel,
    notes: notes.notes,
  };
}

/** Within regression at given thresholds: regime slopes of x and control coefficients. */
function fitAt(d: Design, q: Float64Array, o: ThresholdResult['options'], gammas: readonly number[]) {
  const cuts = [-Infinity, ...gammas, Infinity];
  const regimes = cuts.slice(1).map((hi, j) => {
    const lo = cuts[j];
    const lab = j === 0 ? `${o.q}<=g1` : hi === Infinity ? `${o.q}>g${j}` : `g${j}<${o.q}<=g${j + 1}`;
    let nobs = 0;
    for (let i = 0; i < d.n; i++) if (q[i] > lo && q[i] <= hi) nobs++;
    return { term: `${o.x}:I(${lab})`, lower: lo, upper: hi, nobs };
  });
  const cols = [...regimes.map((r) => regimeColumn(d, q, r.lower, r.upper)), ...d.base.slice(1)];
  const terms = [...regimes.map((r) => r.term), ...d.controlNames];
  const gram = crossprod(cols);
  const chol = cholesky(gram);
  if (chol.dropped.length) {
    throw new InputError(`collinear terms in the threshold model: ${chol.dropped.map((j) => terms[j]).join(', ')}`, {
      hint: 'remove controls that are constant within entities or linear combinations of others',
    });
  }
  // The final coefficients by thin QR, as feols (error ~κε rather than the normal equations' κ²ε).
  const qrf = choleskyQr2(cols, [d.y], gram);
  const beta = solveUpper(qrf.r, qrf.qty[0]);
  let ssr = 0;
  for (let i = 0; i < d.n; i++) {
    let f = d.y[i];
    for (let j = 0; j < cols.length; j++) f -= cols[j][i] * beta[j];
    ssr += f * f;
  }
  const df = d.n - d.nEnt - cols.length;
  const s2 = ssr / df;
  const inv = choleskyInverse({ r: qrf.r, rank: cols.length, keep: cols.map((_, j) => j), dropped: [] });
  const coefficients = terms.map((term, j) =>
    estimateRow(term, beta[j], Math.sqrt(s2 * inv.data[j + j * cols.length]), df),
  );
  return { coefficients, regimes, ssr };
}

/**
 * SSR of the within model with regimes cut at `gammas` (no search): the quantity the exhaustive
 * reference recomputes with `lm` on every candidate.
 */
export function thresholdSsr(panel: Panel, options: ThresholdOptions, gammas: readonly number[]): number {
  const o = validateOptions(options);
  const { d, q } = buildDesign(panel, o);
  return fitAt(
    d,
    q,
    o,
    [...gammas].sort((a, b) => a - b),
  ).ssr;
}
