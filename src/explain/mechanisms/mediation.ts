import { sd, validValues } from '../../core/numeric.js';
import { definedOnly } from '../../core/options.js';
import { InputError } from '../../core/errors.js';
import { NoteLog, type Note } from '../../core/notes.js';
import { Rng } from '../../core/rng.js';
import { runReplicates, type ReplicateTask } from '../../core/replicates.js';
import { filterRows, type Panel } from '../../data/panel.js';
import { cholesky, choleskySolve, crossprod, subMatrix, zeros, type Matrix } from '../../linalg/index.js';
import { normalPValue } from '../../core/pvalue.js';
import { demean, isNestedIn, type FixedEffect } from '../demean.js';
import { feols } from '../feols.js';
import { formulaOf } from '../formula.js';
import { factorCodes } from '../model-frame.js';
import { removeSingletons } from '../singletons.js';
import { coefTable, vcov, type VcovSpec } from '../vcov.js';
import type { Estimate } from '../estimate.js';
import { bcInterval, percentileInterval } from './bootstrap-ci.js';
import { clusterDraws } from './bootstrap-draws.js';
import { modelFromFit, type TableModel } from '../table-model.js';

/** Options of {@link mediation}. */
export interface MediationOptions {
  /** Explanatory variable X (e.g. innovation). */
  readonly x: string;
  /** Mediators M1, M2, … (e.g. industrial layout, talent). */
  readonly mediators: readonly string[];
  /** Outcome Y (e.g. the NQPF index). */
  readonly y: string;
  readonly controls?: readonly string[];
  /** Fixed effects of every equation, as variable names (e.g. the entity and period columns). */
  readonly fe?: readonly string[];
  /** `true`: chained mediators X→M1→M2→…→Y (each mediator equation includes the earlier mediators); default parallel. */
  readonly chain?: boolean;
  /**
   * Standard errors of the path coefficients: a {@link VcovSpec} or its text (`iid`, `hc1`,
   * `cluster:id`). Default: clustered by `cluster` when given, otherwise iid.
   */
  readonly vcov?: VcovSpec | string;
  /** Cluster variable: resampling unit of the bootstrap and default vcov cluster. Default: the entity column. */
  readonly cluster?: string;
  /** Cluster bootstrap replications (default 5000, Hayes's PROCESS default; 0 = none). */
  readonly bootstrap?: number;
  readonly seed?: number;
  /** Confidence level of the bootstrap intervals (default 0.95). */
  readonly level?: number;
  /** Significance level of the stepwise tests (default 0.05). */
  readonly alpha?: number;
  /**
   * Explicit bootstrap draws: each an array of cluster positions (0-based, in the order of
   * `factorCodes` levels on the estimation sample). Overrides `bootstrap` and `seed`; used to check
   * the machinery against R's `boot` on the same draws.
   */
  readonly draws?: readonly ArrayLike<number>[];
  /**
   * Keep singleton observations (default false: removed iteratively before estimation, the rule of
   * `regress` and reghdfe, Correia 2015).
   */
  readonly keepSingletons?: boolean;
  /** Keep the bootstrap replicates on the result (default false). */
  readonly keepReplicates?: boolean;
}

/** One path coefficient with its inference: the coefficient's {@link Estimate} row and the path it stands for. */
export interface PathEstimate extends Estimate {
  /** e.g. `x → m1`, `m1 → y | x`. */
  readonly path: string;
}

/** One indirect effect (a product of path coefficients) with its tests. */
export interface IndirectEffect {
  /** `m1` for X→m1→Y; `m1 -> m2` for the chained path X→m1→m2→Y; `total` for the sum. */
  readonly mediator: string;
  readonly estimate: number;
  /** Percentile bootstrap interval (boot.ci "perc"). */
  readonly ciLow: number;
  readonly ciHigh: number;
  /** Bias-corrected bootstrap interval. */
  readonly bcLow: number;
  readonly bcHigh: number;
  /** SD of the bootstrap replicates. */
  readonly bootSe: number;
  /** Sobel (1982) z = ab / √(a²s_b² + b²s_a²) and its two-sided normal p; NaN for chained or total effects. */
  readonly sobelZ: number;
  readonly sobelP: number;
  /** indirect / total effect c. */
  readonly share: number;
  /** Verdict of the Wen & Ye (2014) procedure for this path, as codes (src/report/mediation-text.ts words it). */
  readonly verdict: WenYeVerdict;
}

/** Result of {@link mediation}. */
export interface MediationResult {
  readonly layout: 'parallel' | 'chain';
  /** Total effect c of X on Y (Y ~ X + controls). */
  readonly total: PathEstimate;
  /** Direct effect c′ of X on Y given the mediators. */
  readonly direct: PathEstimate;
  /**
   * The X→M evidence Jiang (2022) asks for, shown first: the coefficient of X in each mediator
   * equation (for chains, given the earlier mediators).
   */
  readonly xToM: readonly PathEstimate[];
  /** M→Y coefficients b given X and the other mediators. */
  readonly mToY: readonly PathEstimate[];
  /** Chains only: M_i → M_j coefficients (i < j). */
  readonly mToM: readonly PathEstimate[];
  /** Each specific indirect effect, then `total` (their sum, = c − c′ exactly for OLS on one sample). */
  readonly indirect: readonly IndirectEffect[];
  /** Total indirect / total effect. */
  readonly shareMediated: number;
  /** Baron & Kenny (1986) verdict per mediator (parallel layout), as a code. */
  readonly baronKenny: readonly { readonly mediator: string; readonly verdict: BaronKennyVerdict }[];
  /** The caution to print beside the tables: Jiang (2022) on the stepwise test (the report words it). */
  readonly caution: MediationCaution;
  readonly nobs: number;
  readonly nClusters: number;
  readonly bootstrap: {
    readonly reps: number;
    readonly failed: number;
    readonly seed: number;
    readonly level: number;
    readonly cluster: string;
  };
  readonly vcov: string;
  readonly replicates?: Readonly<Record<string, Float64Array>>;
  /** The equations as table columns (total, each mediator, outcome), for {@link regressionTable}. */
  readonly equations: readonly TableModel[];
  readonly notes: readonly Note[];
}

/** Outcome of the Wen & Ye (2014) procedure for one indirect path. */
export type WenYeOutcome = 'none' | 'full' | 'partial' | 'suppression';

/**
 * The Wen & Ye (2014) verdict as codes: the framework set by the test of c, the evidence on the
 * indirect effect, the outcome, and the ratio the outcome reports (ab/c for partial mediation,
 * |ab/c′| for suppression).
 */
export interface WenYeVerdict {
  readonly code: WenYeOutcome;
  /** `mediation` when c is significant, else `suppression` (interpret as a suppression framework). */
  readonly framework: 'mediation' | 'suppression';
  /** `paths`: a and b both significant; otherwise what the bootstrap interval of ab says, or that there is none. */
  readonly evidence: 'paths' | 'bootstrap-excludes-0' | 'bootstrap-includes-0' | 'no-bootstrap';
  readonly ratio?: number;
}

/** Baron & Kenny (1986) verdict: the first failing step, or the kind of mediation. */
export type BaronKennyVerdict = 'step1-fails' | 'step2-fails' | 'step3-fails' | 'full' | 'partial' | 'none';

/**
 * Cautions a mediation result carries. `jiang-2022`: Jiang Ting (2022, China Industrial Economics
 * (5):100–120) warns that the stepwise test does not identify a causal mechanism; report the X→M
 * evidence and argue M→Y from theory (wording in src/report/mediation-text.ts).
 */
export type MediationCaution = 'jiang-2022';

/** One specific path X→M_{i1}→…→M_{ir}→Y as indices into the mediators. */
type Chain = readonly number[];

function subsetsIncreasing(k: number, chain: boolean): Chain[] {
  if (!chain) return Array.from({ length: k }, (_, i) => [i]);
  const out: Chain[] = [];
  for (let mask = 1; mask < 1 << k; mask++) {
    const s: number[] = [];
    for (let i = 0; i < k; i++) if (mask & (1 << i)) s.push(i);
    out.push(s);
  }
  // Short paths first, then lexicographic: m1, m2, m1→m2 (as papers list them).
  return out.sort((a, b) => a.length - b.length || a.join().localeCompare(b.join()));
}

/** The equations of the model, by variable position: V = [y, x, m1..mk, controls...]. */
interface Equations {
  chain: boolean;
  /** Total effect: y ~ x + C. */
  total: { lhs: number; rhs: number[] };
  /** Mediator j: m_j ~ x (+ m_1..m_{j−1} if chained) + C. */
  med: { lhs: number; rhs: number[] }[];
  /** Outcome: y ~ x + m_1..m_k + C. */
  out: { lhs: number; rhs: number[] };
}

function equations(k: number, nControls: number, chain: boolean): Equations {
  const ctl = Array.from({ length: nControls }, (_, j) => 2 + k + j);
  const m = Array.from({ length: k }, (_, j) => 2 + j);
  return {
    chain,
    total: { lhs: 0, rhs: [1, ...ctl] },
    med: m.map((lhs, j) => ({ lhs, rhs: [1, ...(chain ? m.slice(0, j) : []), ...ctl] })),
    out: { lhs: 0, rhs: [1, ...m, ...ctl] },
  };
}

/**
 * Path coefficients from the Gram matrix of the demeaned variables: a = coefficient of x in each
 * mediator equation, d[j][i] = coefficient of m_i in the equation of m_j, b = coefficients of the
 * mediators in the outcome equation, c and c′. NaN when an equation is rank-deficient.
 */
function pathsFromGram(g: { data: Float64Array }, p: number, eqs: Equations) {
  const solve = (eq: { lhs: number; rhs: number[] }) => {
    const q = eq.rhs.length;
    const f = cholesky(subMatrix({ rows: p, cols: p, data: g.data }, eq.rhs, eq.rhs));
    if (f.dropped.length) return new Float64Array(q).fill(NaN);
    return choleskySolve(
      f,
      eq.rhs.map((r) => g.data[r + eq.lhs * p]),
    );
  };
  const c = solve(eqs.total)[0];
  const medCoefs = eqs.med.map(solve);
  const outCoefs = solve(eqs.out);
  const k = eqs.med.length;
  const a = medCoefs.map((co) => co[0]);
  // In a chain, the equation of m_j has rhs [x, m_0..m_{j−1}, controls]: d[j][i] = coefficient of m_i.
  const d = medCoefs.map((co, j) => Array.from({ length: eqs.chain ? j : 0 }, (_, i) => co[1 + i]));
  const b = Array.from({ length: k }, (_, j) => outCoefs[1 + j]);
  return { c, cPrime: outCoefs[0], a, d, b };
}

function pathProduct(paths: ReturnType<typeof pathsFromGram>, chain: Chain): number {
  let v = paths.a[chain[0]];
  for (let s = 1; s < chain.length; s++) v *= paths.d[chain[s]][chain[s - 1]];
  return v * paths.b[chain[chain.length - 1]];
}

/**
 * Mediation analysis for panel data with fixed effects: the stepwise procedure (Baron & Kenny
 * 1986; Wen & Ye 2014, 心理科学进展 22(5):731–745), Sobel (1982) tests, and cluster-bootstrap
 * intervals of the indirect effects.
 *
 * Equations (each a fixed-effects OLS fitted with {@link feols} on one common sample, so that
 * c = c′ + Σ indirect holds exactly):
 *   total     Y = cX + γ'C + FE
 *   mediator  M_j = a_j X [+ Σ_{i<j} d_ji M_i if chained] + γ'C + FE
 *   outcome   Y = c′X + Σ b_j M_j + γ'C + FE
 * Parallel: indirect_j = a_j b_j. Chained: every path X→M_{i1}→…→M_{ir}→Y (i1 < … < ir) has
 * effect a_{i1} d_{i2 i1} ⋯ b_{ir} (with two mediators: a1b1, a2b2, a1d21b2).
 *
 * Bootstrap: clusters (entities by default) are drawn with replacement, a cluster drawn twice
 * enters as two clusters with their own fixed effect, all equations are refitted and the indirect
 * effects recomputed; intervals by {@link percentileInterval} and {@link bcInterval} (boot's
 * conventions). Resampling whole clusters keeps the serial dependence within entities.
 *
 * Wen–Ye verdict per path: (1) test c (if not significant, interpret as a suppression framework);
 * (2) if a and b are both significant the indirect effect is significant, otherwise (3) it is
 * significant when the bootstrap interval excludes 0; (4) if so, c′ not significant → full
 * mediation; c′ significant with the sign of ab → partial mediation, opposite sign → suppression.
 * Jiang (2022) cautions against reading this as causal; see {@link MediationCaution}.
 */
export function mediation(panel: Panel, options: MediationOptions): MediationResult {
  const o = {
    controls: [] as readonly string[],
    fe: [] as readonly string[],
    chain: false,
    bootstrap: 5000,
    seed: 1,
    level: 0.95,
    alpha: 0.05,
    cluster: panel.entityColumn,
    ...(definedOnly(options) as MediationOptions),
  };
  if (!(o.level > 0 && o.level < 1))
    throw new InputError(`the confidence level must be between 0 and 1 (got ${o.level})`, {
      hint: 'e.g. --level 0.95 (a 95% interval)',
    });
  if (!(o.alpha > 0 && o.alpha < 1))
    throw new InputError(`the significance level alpha must be between 0 and 1 (got ${o.alpha})`, {
      hint: 'e.g. --alpha 0.05',
    });
  if (!(Number.isInteger(o.bootstrap) && o.bootstrap >= 0))
    throw new InputError(`bootstrap replications must be a whole number ≥ 0 (got ${o.bootstrap})`, {
      hint: 'e.g. --bootstrap 5000, or 0 for none',
    });
  if (!o.mediators.length)
    throw new InputError('mediation needs at least one mediator', { hint: 'e.g. --m industry,talent' });
  if (o.chain && o.mediators.length < 2)
    throw new InputError('a chained mediation needs at least two mediators', {
      hint: 'give --m M1,M2 (in causal order), or drop --chain',
    });
  if (o.mediators.length > 6)
    throw new InputError(`too many mediators (${o.mediators.length}); at most 6`, {
      hint: 'test groups of mediators separately',
    });
  const vars = [o.y, o.x, ...o.mediators, ...o.controls];
  const dup = vars.find((v, i) => vars.indexOf(v) !== i);
  if (dup)
    throw new InputError(`variable "${dup}" appears twice in the mediation model`, {
      column: dup,
      hint: 'X, Y, mediators and controls must be different variables',
    });
  const log = new NoteLog();

  // One common sample for all equations.
  const cols = vars.map((v) => {
    const c = panel.columns[v];
    if (!c)
      throw new InputError(`unknown column "${v}" in mediation`, {
        column: v,
        file: panel.meta.file,
        hint: `available numeric columns: ${Object.keys(panel.columns).slice(0, 30).join(', ')}`,
      });
    return c;
  });
  const clusterAll = factorCodes(panel, o.cluster, 'the cluster variable');
  const feAll = o.fe.map((f) => factorCodes(panel, f));
  const keep = panel.entity.map(
    (_, i) =>
      cols.every((c) => Number.isFinite(c[i])) && clusterAll.codes[i] >= 0 && feAll.every((f) => f.codes[i] >= 0),
  );
  const nDrop = keep.filter((k) => !k).length;
  if (nDrop)
    log.info(
      'dropped-rows',
      `${nDrop} rows with a missing value in ${vars.join(', ')} were dropped so that every equation uses the same sample`,
      { count: nDrop },
    );
  // Singletons: the rule of `regress` (reghdfe's, Correia 2015), applied once to the common sample,
  // so that each equation gets the SEs and df that `regress` gives it.
  let nSingle = 0;
  if (feAll.length && !o.keepSingletons) {
    const mask = Uint8Array.from(keep, (k) => (k ? 1 : 0));
    nSingle = removeSingletons(
      feAll.map((f) => f.codes),
      feAll.map((f) => f.labels.length),
      mask,
    );
    if (nSingle) {
      mask.forEach((m, i) => (keep[i] = m === 1));
      log.info(
        'singletons',
        `${nSingle} singleton observations (a fixed-effect level with one row) were removed, as regress does`,
        { count: nSingle },
      );
    }
  }
  const sample = nDrop || nSingle ? filterRows(panel, keep) : panel;

  const spec: VcovSpec | string =
    o.vcov ?? (options.cluster ? { type: 'cluster', cluster: [o.cluster] } : { type: 'iid' });
  const fitEq = (lhs: string, rhs: readonly string[]) => {
    const fit = feols(sample, formulaOf(lhs, rhs, o.fe), { keepSingletons: o.keepSingletons });
    for (const n of fit.notes) log.add(n);
    const v = vcov(fit, spec);
    for (const n of v.notes) log.add(n);
    const table = coefTable(fit, v);
    return { fit, table, label: v.label, model: modelFromFit(fit, v) };
  };
  const row = (eq: ReturnType<typeof fitEq>, term: string, path: string): PathEstimate => {
    const r = eq.table.find((t) => t.term === term);
    if (!r)
      throw new InputError(`${term} was dropped as collinear in the equation of ${eq.fit.frame.yName}`, {
        column: term,
        hint: 'check that mediators are not linear combinations of X, controls and fixed effects',
      });
    return { ...r, path };
  };
  const k = o.mediators.length;
  const totalEq = fitEq(o.y, [o.x, ...o.controls]);
  const medEqs = o.mediators.map((m, j) => fitEq(m, [o.x, ...(o.chain ? o.mediators.slice(0, j) : []), ...o.controls]));
  const outEq = fitEq(o.y, [o.x, ...o.mediators, ...o.controls]);
  const total = row(totalEq, o.x, `${o.x} → ${o.y}`);
  const direct = row(outEq, o.x, `${o.x} → ${o.y} | ${o.mediators.join(', ')}`);
  const xToM = o.mediators.map((m, j) => row(medEqs[j], o.x, `${o.x} → ${m}`));
  const mToY = o.mediators.map((m) => row(outEq, m, `${m} → ${o.y} | ${o.x}`));
  const mToM: PathEstimate[] = [];
  if (o.chain)
    for (let j = 1; j < k; j++)
      for (let i = 0; i < j; i++) mToM.push(row(medEqs[j], o.mediators[i], `${o.mediators[i]} → ${o.mediators[j]}`));
  const nobs = totalEq.fit.nobs;

  // --- cluster bootstrap ------------------------------------------------------------------------
  const eqs = equations(k, o.controls.length, o.chain);
  const chains = subsetsIncreasing(k, o.chain);
  const boot = clusterBootstrap(sample, vars, o.fe, o.cluster, eqs, chains, o, log);

  const pointPaths = {
    c: total.estimate,
    cPrime: direct.estimate,
    a: xToM.map((p) => p.estimate),
    b: mToY.map((p) => p.estimate),
    d: o.mediators.map((_, j) =>
      Array.from(
        { length: j },
        (_, i) => mToM.find((p) => p.path === `${o.mediators[i]} → ${o.mediators[j]}`)?.estimate ?? 0,
      ),
    ),
  };
  const sig = (p: PathEstimate) => p.pValue < o.alpha;
  const indirect: IndirectEffect[] = [];
  const replicates: Record<string, Float64Array> = {};
  const allChains: (Chain | 'total')[] = [...chains, 'total'];
  allChains.forEach((ch, idx) => {
    const name = ch === 'total' ? 'total' : ch.map((i) => o.mediators[i]).join(' -> ');
    const est =
      ch === 'total' ? chains.reduce((s, c2) => s + pathProduct(pointPaths, c2), 0) : pathProduct(pointPaths, ch);
    const reps = boot.replicates[idx];
    replicates[name] = reps;
    const [ciLow, ciHigh] = boot.reps > 0 ? percentileInterval(reps, o.level) : [NaN, NaN];
    const [bcLow, bcHigh] = boot.reps > 0 ? bcInterval(reps, est, o.level) : [NaN, NaN];
    let sobelZ = NaN;
    let sobelP = NaN;
    let aSig = false;
    let bSig = false;
    if (ch !== 'total' && ch.length === 1) {
      const a = xToM[ch[0]];
      const b = mToY[ch[0]];
      sobelZ =
        (a.estimate * b.estimate) / Math.sqrt(a.estimate ** 2 * b.stdError ** 2 + b.estimate ** 2 * a.stdError ** 2);
      sobelP = normalPValue(sobelZ);
      aSig = sig(a);
      bSig = sig(b);
    }
    const ciExcludes0 = ciLow > 0 || ciHigh < 0;
    const verdict = wenYeVerdict({
      cSig: sig(total),
      abSigByPaths: aSig && bSig,
      ciExcludes0,
      hasBoot: boot.reps > 0,
      cPrimeSig: sig(direct),
      ab: est,
      cPrime: direct.estimate,
      c: total.estimate,
    });
    indirect.push({
      mediator: name,
      estimate: est,
      ciLow,
      ciHigh,
      bcLow,
      bcHigh,
      bootSe: sd(validValues(reps)),
      sobelZ,
      sobelP,
      share: est / total.estimate,
      verdict,
    });
  });
  const totalIndirect = indirect[indirect.length - 1].estimate;
  const baronKenny = o.chain
    ? []
    : o.mediators.map((m, j) => ({
        mediator: m,
        verdict: baronKennyVerdict(total, xToM[j], mToY[j], direct, o.alpha),
      }));
  return {
    layout: o.chain ? 'chain' : 'parallel',
    total,
    direct,
    xToM,
    mToY,
    mToM,
    indirect,
    shareMediated: totalIndirect / total.estimate,
    baronKenny,
    caution: 'jiang-2022',
    nobs,
    nClusters: boot.nClusters,
    bootstrap: { reps: boot.reps, failed: boot.failed, seed: o.seed, level: o.level, cluster: o.cluster },
    vcov: totalEq.label,
    replicates: o.keepReplicates ? replicates : undefined,
    equations: [totalEq.model, ...medEqs.map((e) => e.model), outEq.model],
    notes: log.notes,
  };
}

/** Wen & Ye (2014) five-step verdict for one indirect path, as codes. */
export function wenYeVerdict(s: {
  cSig: boolean;
  abSigByPaths: boolean;
  ciExcludes0: boolean;
  hasBoot: boolean;
  cPrimeSig: boolean;
  ab: number;
  cPrime: number;
  c: number;
}): WenYeVerdict {
  const framework = s.cSig ? 'mediation' : 'suppression';
  const evidence = s.abSigByPaths
    ? 'paths'
    : !s.hasBoot
      ? 'no-bootstrap'
      : s.ciExcludes0
        ? 'bootstrap-excludes-0'
        : 'bootstrap-includes-0';
  const indirectSig = s.abSigByPaths || (s.hasBoot && s.ciExcludes0);
  if (!indirectSig) return { code: 'none', framework, evidence };
  if (!s.cPrimeSig) return { code: 'full', framework, evidence };
  if (Math.sign(s.ab) === Math.sign(s.cPrime)) return { code: 'partial', framework, evidence, ratio: s.ab / s.c };
  return { code: 'suppression', framework, evidence, ratio: Math.abs(s.ab / s.cPrime) };
}

type Tested = Pick<Estimate, 'estimate' | 'pValue'>;

/** Baron & Kenny (1986): c, a, b significant; then c′ not significant → full, |c′| < |c| → partial. */
export function baronKennyVerdict(c: Tested, a: Tested, b: Tested, cPrime: Tested, alpha = 0.05): BaronKennyVerdict {
  if (!(c.pValue < alpha)) return 'step1-fails';
  if (!(a.pValue < alpha)) return 'step2-fails';
  if (!(b.pValue < alpha)) return 'step3-fails';
  if (!(cPrime.pValue < alpha)) return 'full';
  return Math.abs(cPrime.estimate) < Math.abs(c.estimate) ? 'partial' : 'none';
}

/**
 * Replicates of every indirect effect (and their total, last) over cluster-bootstrap draws. Each
 * replicate gathers the rows of the drawn clusters, demeans all variables once on the fixed
 * effects ({@link demean}; the cluster's own FE re-coded per draw so duplicates are distinct
 * clusters; without FE, centring = an intercept), and solves every equation from one Gram matrix.
 * The draws come from one seeded stream, made up front in replicate order; the replicates run
 * through the replicate engine ({@link runReplicates}: worker threads in the CLI) with the same
 * result on any number of threads.
 */
function clusterBootstrap(
  sample: Panel,
  vars: readonly string[],
  fe: readonly string[],
  cluster: string,
  eqs: Equations,
  chains: Chain[],
  o: { bootstrap: number; seed: number; draws?: readonly ArrayLike<number>[] },
  log: NoteLog,
) {
  const cl = factorCodes(sample, cluster, 'the cluster variable');
  const G = cl.labels.length;
  const clusterStart = new Int32Array(G + 1);
  for (let i = 0; i < cl.codes.length; i++) clusterStart[cl.codes[i] + 1]++;
  for (let g = 0; g < G; g++) clusterStart[g + 1] += clusterStart[g];
  const clusterRows = new Int32Array(cl.codes.length);
  const fill = clusterStart.slice(0, G);
  for (let i = 0; i < cl.codes.length; i++) clusterRows[fill[cl.codes[i]]++] = i;
  const feCodes = fe.map((f) => (f === cluster ? null : factorCodes(sample, f)));
  // A cluster that lies inside one level of an FE (provinces inside regions) keeps that level when it
  // is drawn twice; only FE coarser than the cluster are shared like that.
  const clusterFe = { name: cluster, codes: cl.codes, nLevels: G, labels: cl.labels };
  const coarserFe = fe.filter((f, j) => f !== cluster && isNestedIn(clusterFe, feCodes[j]!.codes));
  if (coarserFe.length)
    log.info(
      'bootstrap-nested-fe',
      `the cluster variable "${cluster}" is nested in the fixed effects ${coarserFe.join(', ')}; a cluster drawn twice keeps its level of them`,
    );
  const reps = o.draws ? o.draws.length : o.bootstrap;
  if (G < 10 && reps > 0)
    log.warn(
      'few-clusters-bootstrap',
      `the cluster bootstrap resamples only ${G} clusters of "${cluster}"; intervals are unreliable with so few`,
    );
  const next = clusterDraws(G, o.draws ?? new Rng(o.seed), 'clusters');
  const draws = new Int32Array(reps * G);
  for (let r = 0; r < reps; r++) draws.set(next(r), r * G);
  const input: MediationBootstrapInput = {
    data: vars.map((v) => sample.columns[v]),
    clusterStart,
    clusterRows,
    fe: feCodes.map((f) => (f ? { codes: f.codes, nLevels: f.labels.length } : null)),
    eqs,
    chains,
    G,
    draws,
  };
  const flat = runReplicates(mediationBootstrapTask, input, reps);
  const width = chains.length + 1;
  const out = Array.from({ length: width }, (_, j) =>
    Float64Array.from({ length: reps }, (_, r) => flat[r * width + j]),
  );
  let failed = 0;
  for (let r = 0; r < reps; r++) if (!Number.isFinite(out[chains.length][r])) failed++;
  if (failed)
    log.warn(
      'bootstrap-failed',
      `${failed} of ${reps} bootstrap samples had a rank-deficient equation and were left out of the intervals`,
      { failed },
    );
  return { replicates: out, reps, failed, nClusters: G };
}

/** Plain-data input of {@link mediationBootstrapTask} (copied to worker threads). */
export interface MediationBootstrapInput {
  /** Columns of the model variables on the sample: y, x, mediators, controls. */
  readonly data: readonly Float64Array[];
  /** Rows of cluster g: clusterRows[clusterStart[g] … clusterStart[g + 1]). */
  readonly clusterStart: Int32Array;
  readonly clusterRows: Int32Array;
  /** Each fixed effect's codes on the sample, or null for the cluster variable's own effect. */
  readonly fe: readonly ({ codes: Int32Array; nLevels: number } | null)[];
  readonly eqs: Equations;
  readonly chains: readonly Chain[];
  readonly G: number;
  /** The drawn cluster positions, G per replicate. */
  readonly draws: Int32Array;
}

/** One cluster-bootstrap replicate of the mediation model: its indirect effects, then their sum. */
export const mediationBootstrapTask: ReplicateTask<MediationBootstrapInput> = {
  name: 'mediation-bootstrap',
  width: (input) => input.chains.length + 1,
  prepare(input) {
    const { data, clusterStart, clusterRows, fe, eqs, chains, G, draws } = input;
    const p = data.length;
    const product = (gram: Matrix, out: Float64Array) => {
      const paths = pathsFromGram(gram, p, eqs);
      let sum = 0;
      chains.forEach((ch, j) => {
        const v = pathProduct(paths, ch);
        out[j] = v;
        sum += v;
      });
      out[chains.length] = sum;
    };
    const fast = clusterGramTerms(input);
    if (fast) {
      // Sums of per-cluster terms (see clusterGramTerms): no rows gathered per draw.
      const { C, W, L, size } = fast;
      const pp = p * p;
      const LP = L * p;
      const gram = zeros(p, p);
      const S = new Float64Array(LP);
      // How often each cluster is drawn: each distinct cluster's terms are added once, times its count.
      const count = new Int32Array(G);
      const drawn = new Int32Array(G);
      return (r, out) => {
        const g0 = r * G;
        let m = 0;
        for (let g = 0; g < G; g++) {
          const c = draws[g0 + g];
          if (count[c]++ === 0) drawn[m++] = c;
        }
        const d = gram.data;
        d.fill(0);
        S.fill(0);
        let rows = 0;
        for (let t = 0; t < m; t++) {
          const c = drawn[t];
          const w = count[c];
          count[c] = 0;
          for (let k = 0, o = c * pp; k < pp; k++) d[k] += w * C[o + k];
          for (let k = 0, o = c * LP; k < LP; k++) S[k] += w * W[o + k];
          rows += w * size[c];
        }
        // The second effect's level means over the drawn clusters (or the grand mean): Σ_l n_l·w̄_l·w̄_lᵀ.
        const per = fast.twoWay ? G : rows;
        for (let l = 0; l < L; l++)
          for (let a = 0; a < p; a++) {
            const sa = S[l * p + a] / per;
            for (let b = 0; b < p; b++) d[a + b * p] -= sa * S[l * p + b];
          }
        product(gram, out);
      };
    }
    // Re-coding of an FE per draw: level → dense code, reset through the list of levels touched.
    const maps = fe.map((f) => (f ? new Int32Array(f.nLevels).fill(-1) : new Int32Array(0)));
    return (r, out) => {
      let n = 0;
      const d0 = r * G;
      for (let g = 0; g < G; g++) n += clusterStart[draws[d0 + g] + 1] - clusterStart[draws[d0 + g]];
      const rows = new Int32Array(n);
      const own = new Int32Array(n);
      let at = 0;
      for (let g = 0; g < G; g++) {
        const c = draws[d0 + g];
        for (let k = clusterStart[c]; k < clusterStart[c + 1]; k++) {
          rows[at] = clusterRows[k];
          own[at++] = g;
        }
      }
      const cols = data.map((c) => {
        const v = new Float64Array(n);
        for (let i = 0; i < n; i++) v[i] = c[rows[i]];
        return v;
      });
      const fes: FixedEffect[] = fe.length
        ? fe.map((f, j) => {
            if (!f) return { name: '', codes: own, nLevels: G, labels: [] };
            const map = maps[j];
            const codes = new Int32Array(n);
            const touched: number[] = [];
            for (let i = 0; i < n; i++) {
              const l = f.codes[rows[i]];
              let v = map[l];
              if (v < 0) {
                v = map[l] = touched.length;
                touched.push(l);
              }
              codes[i] = v;
            }
            for (const l of touched) map[l] = -1;
            return { name: '', codes, nLevels: touched.length, labels: [] };
          })
        : [{ name: '(Intercept)', codes: new Int32Array(n), nLevels: 1, labels: ['1'] }];
      const dm = demean(cols, fes);
      product(crossprod(dm.columns), out);
    };
  },
};

/**
 * The Gram matrix of a bootstrap sample as sums of per-cluster terms, for the common designs where
 * that is exact (each drawn cluster becomes its own level of the cluster effect):
 * - the cluster effect alone: x̃ = x − x̄_g, Gram = Σ_{drawn g} C_g with C_g = Σ_{i∈g} x̃ᵢx̃ᵢᵀ;
 * - the cluster effect and one more (years) with every cluster observed once in every level (a
 *   balanced panel, so each draw is a complete two-way layout): x̃_gl = w_gl − w̄_l with w the
 *   within-cluster values minus their level means over the whole sample, w̄_l their mean over the
 *   drawn clusters, Gram = Σ C_g − G Σ_l w̄_l w̄_lᵀ (C_g = Σ_l w_gl w_glᵀ);
 * - no fixed effect (centring): the same with one level and w = x − x̄, Gram = Σ C_g − N w̄ w̄ᵀ.
 * Centring w on the whole sample first keeps the subtracted term small (sampling noise of a mean),
 * so no digits are lost to cancellation. Per draw: G·p² + G·L·p additions instead of gathering
 * and demeaning every row. Undefined for other designs (the rows are then demeaned per draw).
 */
function clusterGramTerms(
  input: MediationBootstrapInput,
): { C: Float64Array; W: Float64Array; L: number; size: Int32Array; twoWay: boolean } | undefined {
  const { data, clusterStart, clusterRows, fe, G } = input;
  const p = data.length;
  const n = clusterRows.length;
  const own = fe.filter((f) => f === null).length;
  const other = fe.filter((f) => f !== null) as { codes: Int32Array; nLevels: number }[];
  let mode: 'none' | 'cluster' | 'two';
  if (fe.length === 0) mode = 'none';
  else if (own === 1 && other.length === 0) mode = 'cluster';
  else if (own === 1 && other.length === 1) mode = 'two';
  else return undefined;
  const L = mode === 'two' ? other[0].nLevels : 1;
  const size = new Int32Array(G);
  for (let g = 0; g < G; g++) size[g] = clusterStart[g + 1] - clusterStart[g];
  // Level of each row in the second effect; a complete layout has each cluster once per level.
  const level = new Int32Array(n);
  if (mode === 'two') {
    const seen = new Uint8Array(L);
    for (let g = 0; g < G; g++) {
      if (size[g] !== L) return undefined;
      seen.fill(0);
      for (let k = clusterStart[g]; k < clusterStart[g + 1]; k++) {
        const l = other[0].codes[clusterRows[k]];
        if (seen[l]) return undefined;
        seen[l] = 1;
        level[clusterRows[k]] = l;
      }
    }
  }
  // w: values minus their cluster means (cluster modes), then minus their level means over the sample.
  const w = data.map((c) => Float64Array.from(c));
  if (mode !== 'none')
    for (const v of w)
      for (let g = 0; g < G; g++) {
        let m = 0;
        for (let k = clusterStart[g]; k < clusterStart[g + 1]; k++) m += v[clusterRows[k]];
        m /= size[g];
        for (let k = clusterStart[g]; k < clusterStart[g + 1]; k++) v[clusterRows[k]] -= m;
      }
  if (mode !== 'cluster')
    for (const v of w) {
      const m = new Float64Array(L);
      const cnt = new Float64Array(L);
      for (let i = 0; i < n; i++) {
        m[level[i]] += v[i];
        cnt[level[i]]++;
      }
      for (let i = 0; i < n; i++) v[i] -= m[level[i]] / cnt[level[i]];
    }
  const C = new Float64Array(G * p * p);
  const W = new Float64Array(G * L * p);
  for (let g = 0; g < G; g++)
    for (let k = clusterStart[g]; k < clusterStart[g + 1]; k++) {
      const i = clusterRows[k];
      const o = g * p * p;
      for (let a = 0; a < p; a++) {
        const wa = w[a][i];
        W[(g * L + level[i]) * p + a] += wa;
        for (let b = 0; b < p; b++) C[o + a + b * p] += wa * w[b][i];
      }
    }
  // The cluster-only design subtracts nothing: its level sums stay zero.
  if (mode === 'cluster') W.fill(0);
  return { C, W, L, size, twoWay: mode === 'two' };
}
