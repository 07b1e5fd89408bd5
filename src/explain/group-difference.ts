import { InputError } from '../core/errors.js';
import { NoteLog, type Note } from '../core/notes.js';
import { chiSquarePValue } from '../core/pvalue.js';
import { Rng } from '../core/rng.js';
import { zeros, type Matrix } from '../linalg/index.js';
import type { FixedEffect } from './demean.js';
import { feolsFrame, type FeolsFit } from './feols.js';
import { factorCodes, subsetFrame, type ModelFrame } from './model-frame.js';
import type { VcovSpec } from './vcov.js';

/** Which test of the difference between two groups' coefficients. */
export type GroupDifferenceTest = 'permutation' | 'suest' | 'both';

/** Options of {@link groupDifference}. */
export interface GroupDifferenceOptions {
  /** `permutation` (Fisher's permutation test, Lian & Liao's bdiff), `suest` (seemingly unrelated Wald test) or `both` (default). */
  readonly test?: GroupDifferenceTest;
  /** Permutation draws (default 1000). */
  readonly reps?: number;
  /** Seed of the permutations (default 1). */
  readonly seed?: number;
  /**
   * What is permuted: `entity` (whole entities change group, bdiff's panel form), `observation`
   * (bdiff's cross-section form), or `auto` (default): entities when no entity is in both groups.
   */
  readonly unit?: 'auto' | 'entity' | 'observation';
  /**
   * Explicit permutations, for checking against a reference: each lists the pooled units (entities in
   * order of first appearance, or observations: group 0's sample, then group 1's) in drawn order.
   */
  readonly draws?: readonly ArrayLike<number>[];
  /** The variance of the fits: `cluster` (one variable) makes suest cluster-robust; anything else is robust. */
  readonly vcov?: VcovSpec;
  /** Keep singletons in the permuted samples (as the fits did); default false. */
  readonly keepSingletons?: boolean;
  /** Keep every draw's d* on the result (`permutation.replicates`, one array per term); default false. */
  readonly keepReplicates?: boolean;
}

/** The test of one coefficient: b₀ − b₁ with its permutation and suest p-values. */
export interface CoefficientDifference {
  readonly term: string;
  /** Coefficient in group 0 (the first group) and group 1. */
  readonly estimate0: number;
  readonly estimate1: number;
  /** b₀ − b₁, bdiff's "b0-b1". */
  readonly difference: number;
  /**
   * Permutation test: `count` = number of draws with d* ≥ b₀ − b₁ (bdiff's "Freq"), `pValue` =
   * count / reps, or 1 − that when it exceeds 0.5 (bdiff's empirical p-value: one-sided, the smaller tail).
   */
  readonly permutation?: { readonly count: number; readonly pValue: number };
  /** suest: Wald χ²(1) = (b₀ − b₁)² / Var(b₀ − b₁) from the stacked-score variance, and its p-value. */
  readonly suest?: { readonly chi2: number; readonly df: 1; readonly pValue: number; readonly stdError: number };
}

/** Result of {@link groupDifference}. */
export interface GroupDifferenceResult {
  /** The two groups, group 0 first (b₀ − b₁ is first minus second). */
  readonly groups: readonly [string, string];
  readonly formula: string;
  readonly terms: readonly CoefficientDifference[];
  readonly permutation?: {
    readonly reps: number;
    readonly seed: number;
    readonly unit: 'entity' | 'observation';
    /** Draws whose fit failed in a group (no residual df): they count as d* < b₀ − b₁, as in bdiff. */
    readonly failed: number;
    /** d* of every draw, one array per term (with `keepReplicates`). */
    readonly replicates?: readonly Float64Array[];
  };
  readonly suest?: {
    /** `robust` (observations independent) or the cluster variable. */
    readonly vcov: 'robust' | { readonly cluster: string };
    /** Observations (robust) or clusters in the two samples together: the N or G of N/(N − 1), G/(G − 1). */
    readonly n: number;
  };
  readonly notes: readonly Note[];
}

/** Two fits' estimation samples as one frame (FE levels and entities matched by label), for permuting. */
function poolFrames(a: ModelFrame, b: ModelFrame): { frame: ModelFrame; entity: Int32Array; nEntities: number } {
  const n = a.n + b.n;
  const cat = (u: Float64Array, v: Float64Array) => {
    const o = new Float64Array(n);
    o.set(u);
    o.set(v, a.n);
    return o;
  };
  const fixedEffects: FixedEffect[] = a.fixedEffects.map((fa, k) => {
    const fb = b.fixedEffects[k];
    const index = new Map<string, number>();
    const codes = new Int32Array(n);
    [fa, fb].forEach((fe, s) => {
      for (let r = 0; r < fe.codes.length; r++) {
        const label = fe.labels[fe.codes[r]];
        let c = index.get(label);
        if (c === undefined) {
          c = index.size;
          index.set(label, c);
        }
        codes[r + (s ? a.n : 0)] = c;
      }
    });
    const pooled: FixedEffect = { name: fa.name, codes, nLevels: index.size, labels: [...index.keys()] };
    return fa.slopes
      ? { ...pooled, slopes: fa.slopes.map((z, j) => cat(z, fb.slopes![j])), slopeIntercept: fa.slopeIntercept }
      : pooled;
  });
  const ids = new Map<string, number>();
  const entity = new Int32Array(n);
  [a, b].forEach((f, s) => {
    for (let r = 0; r < f.n; r++) {
      const id = f.panel.entity[f.rows[r]];
      let c = ids.get(id);
      if (c === undefined) {
        c = ids.size;
        ids.set(id, c);
      }
      entity[r + (s ? a.n : 0)] = c;
    }
  });
  // Only the columns and FE matter to feolsFrame; `panel` and `rows` are group 0's bookkeeping here.
  const frame: ModelFrame = {
    ...a,
    n,
    rows: Int32Array.from({ length: n }, (_, i) => i),
    y: cat(a.y, b.y),
    x: a.x.map((c, j) => cat(c, b.x[j])),
    endogenous: a.endogenous.map((c, j) => cat(c, b.endogenous[j])),
    instruments: a.instruments.map((c, j) => cat(c, b.instruments[j])),
    fixedEffects,
    dropped: [],
    notes: [],
  };
  return { frame, entity, nEntities: ids.size };
}

/** Coefficients by name of a fit on some rows of the pooled frame (NaN for all when the fit fails). */
function coefficientsOn(frame: ModelFrame, rows: Int32Array, keepSingletons: boolean): Map<string, number> | null {
  try {
    const fit = feolsFrame(subsetFrame(frame, rows, { keepSingletons }));
    return new Map(fit.coefNames.map((t, j) => [t, fit.coefficients[j]]));
  } catch (e) {
    if (e instanceof InputError) return null;
    throw e;
  }
}

/**
 * Fisher's permutation test of b₀ − b₁ as Lian Yujun's `bdiff` (Stata; 连玉君、廖俊平 2017, 郑州航空工业
 * 管理学院学报 35(6):97–109) computes it: the two estimation samples are pooled; each draw shuffles them
 * and gives the first n₀ observations (panel form: the first N₀ entities, N₀ = entities of group 0)
 * to group 0 and the rest to group 1, refits both and records d* = b₀* − b₁*. With K draws the
 * empirical p-value is p = #{d* ≥ b₀ − b₁}/K, replaced by 1 − p when p > 0.5: a one-sided p-value
 * for the direction of the observed difference (bdiff's definition; double it for a two-sided test).
 */
function permutationTest(
  fits: readonly [FeolsFit, FeolsFit],
  observed: readonly { term: string; difference: number }[],
  o: { reps: number; seed: number; unit: 'auto' | 'entity' | 'observation'; draws?: readonly ArrayLike<number>[] },
  keepSingletons: boolean,
  log: NoteLog,
) {
  const [f0, f1] = fits;
  const { frame, entity, nEntities } = poolFrames(f0.frame, f1.frame);
  const shared = new Set<number>();
  const seen0 = new Set(entity.subarray(0, f0.nobs));
  for (const e of entity.subarray(f0.nobs)) if (seen0.has(e)) shared.add(e);
  let unit: 'entity' | 'observation';
  if (o.unit === 'auto') unit = shared.size === 0 ? 'entity' : 'observation';
  else unit = o.unit;
  if (unit === 'entity' && shared.size > 0)
    throw new InputError(
      `the groups share ${shared.size} entit${shared.size === 1 ? 'y' : 'ies'}: entities cannot be permuted between them`,
      { hint: 'permute observations instead (unit: "observation"), as bdiff does for cross-sections' },
    );
  if (unit === 'observation' && shared.size > 0)
    log.info(
      'permutation-unit',
      `the grouping varies within ${shared.size} entit${shared.size === 1 ? 'y' : 'ies'}: observations are permuted (bdiff's cross-section form)`,
    );
  const units = unit === 'entity' ? nEntities : frame.n;
  const rowsOf: number[][] = Array.from({ length: units }, () => []);
  for (let r = 0; r < frame.n; r++) rowsOf[unit === 'entity' ? entity[r] : r].push(r);
  const first = unit === 'entity' ? seen0.size : f0.nobs;
  const reps = o.draws ? o.draws.length : o.reps;
  const rng = new Rng(o.seed);
  const perm = Int32Array.from({ length: units }, (_, i) => i);
  const counts = new Int32Array(observed.length);
  const replicates = observed.map(() => new Float64Array(reps).fill(NaN));
  let failed = 0;
  const group = new Uint8Array(frame.n);
  for (let d = 0; d < reps; d++) {
    let order: ArrayLike<number>;
    if (o.draws) {
      order = o.draws[d];
      if (order.length !== units)
        throw new InputError(`permutation ${d + 1} lists ${order.length} units; the pooled sample has ${units}`, {
          hint: 'give each draw as a permutation of 0…units−1',
        });
    } else {
      for (let i = 0; i < units; i++) perm[i] = i;
      order = rng.shuffle(perm);
    }
    for (let k = 0; k < units; k++) for (const r of rowsOf[order[k]]) group[r] = k < first ? 0 : 1;
    const rows0: number[] = [];
    const rows1: number[] = [];
    for (let r = 0; r < frame.n; r++) (group[r] ? rows1 : rows0).push(r);
    const b0 = coefficientsOn(frame, Int32Array.from(rows0), keepSingletons);
    const b1 = coefficientsOn(frame, Int32Array.from(rows1), keepSingletons);
    if (!b0 || !b1) {
      failed++;
      continue;
    }
    observed.forEach((t, j) => {
      const diff = (b0.get(t.term) ?? NaN) - (b1.get(t.term) ?? NaN);
      replicates[j][d] = diff;
      if (diff >= t.difference) counts[j]++;
    });
  }
  if (failed)
    log.warn(
      'permutation-failed',
      `${failed} of ${reps} permuted samples could not be fitted in one group; they count as draws below the observed difference (as in bdiff)`,
      { failed },
    );
  const results = observed.map((_, j) => {
    const p = counts[j] / reps;
    return { count: counts[j], pValue: p > 0.5 ? 1 - p : p };
  });
  return { results, unit, reps, failed, replicates };
}

/** Cluster codes (matched by label across the two samples) of a cluster variable on both fits' rows. */
function pooledClusters(fits: readonly [FeolsFit, FeolsFit], name: string): { codes: Int32Array[]; G: number } {
  const index = new Map<string, number>();
  const codes = fits.map((fit) => {
    const { codes: c, labels } = factorCodes(fit.frame.panel, name, 'the cluster variable');
    return Int32Array.from(fit.frame.rows, (row) => {
      if (c[row] < 0)
        throw new InputError(`cluster variable "${name}" is missing on a row of the estimation sample`, {
          column: name,
          hint: 'fill it in, or drop such rows first',
        });
      const label = labels[c[row]];
      let g = index.get(label);
      if (g === undefined) {
        g = index.size;
        index.set(label, g);
      }
      return g;
    });
  });
  return { codes, G: index.size };
}

/**
 * Stata's `suest` for two regressions: the coefficient vectors are stacked, θ = (b₀, b₁), with the
 * sandwich variance V = D·(Σ_c u_c u_cᵀ)·D·G/(G − 1), D = blockdiag(B₀, B₁), B_g = (X̃_gᵀX̃_g)⁻¹, and
 * u_c the stacked scores Σ_{i∈c} x̃ᵢeᵢ of cluster c in each equation. Without clustering every
 * observation is its own cluster (G = N, the observations of both samples). Our reading of suest
 * after `regress`: suest treats OLS as ML with a variance equation; its Hessian is block-diagonal at
 * the OLS solution (Σ x̃ᵢeᵢ = 0), so the coefficient block is the HC0 sandwich times N/(N − 1), not
 * regress's HC1 N/(N − K); fixed effects enter as dummies (LSDV), whose coefficient block equals the
 * within sandwich by Frisch–Waugh–Lovell. The Wald test of b₀ₖ = b₁ₖ is χ²(1) = (b₀ₖ − b₁ₖ)²/(V₀ₖₖ + V₁ₖₖ − 2V₀₁ₖₖ).
 */
function suestTest(
  fits: readonly [FeolsFit, FeolsFit],
  terms: readonly string[],
  vcov: VcovSpec | undefined,
  log: NoteLog,
) {
  if (fits.some((f) => f.method === 'iv'))
    throw new InputError("the suest test does not take IV models (Stata's suest refuses ivregress too)", {
      hint: 'use the permutation test for IV models: {{diffTest=permutation}}',
    });
  let cluster: string | undefined;
  if (vcov?.type === 'cluster') {
    if ((vcov.cluster?.length ?? 0) > 1)
      throw new InputError("the suest test clusters on one variable (Stata's suest, vce(cluster clustvar))", {
        hint: 'cluster on one variable ({{vcov=cluster:id}}), or use the permutation test',
      });
    cluster = vcov.cluster?.[0];
  } else if (vcov?.type === 'dk')
    log.info(
      'suest-robust',
      'suest has no Driscoll–Kraay form: the suest test uses the robust (observation-level) variance',
    );
  const K = fits.map((f) => f.keep.length);
  const P = K[0] + K[1];
  const ncl = cluster ? pooledClusters(fits, cluster) : undefined;
  const G = ncl ? ncl.G : fits[0].nobs + fits[1].nobs;
  // Scores per cluster (rows: clusters; columns: the stacked coefficients). Without clusters every
  // observation is its own, and the two samples never share one: the meat is block-diagonal.
  const meat = zeros(P, P);
  const add = (u: Float64Array) => {
    for (let a = 0; a < P; a++) {
      const ua = u[a];
      if (ua === 0) continue;
      for (let b = 0; b < P; b++) meat.data[a + b * P] += ua * u[b];
    }
  };
  if (ncl) {
    const S = new Float64Array(ncl.G * P);
    fits.forEach((fit, s) => {
      const off = s ? K[0] : 0;
      for (let k = 0; k < K[s]; k++) {
        const x = fit.design[k];
        for (let i = 0; i < fit.nobs; i++) S[ncl.codes[s][i] * P + off + k] += x[i] * fit.residuals[i];
      }
    });
    for (let c = 0; c < ncl.G; c++) add(S.subarray(c * P, (c + 1) * P));
  } else {
    const u = new Float64Array(P);
    fits.forEach((fit, s) => {
      const off = s ? K[0] : 0;
      for (let i = 0; i < fit.nobs; i++) {
        u.fill(0);
        for (let k = 0; k < K[s]; k++) u[off + k] = fit.design[k][i] * fit.residuals[i];
        add(u);
      }
    });
  }
  const D = zeros(P, P);
  fits.forEach((fit, s) => {
    const off = s ? K[0] : 0;
    for (let a = 0; a < K[s]; a++)
      for (let b = 0; b < K[s]; b++) D.data[off + a + (off + b) * P] = fit.bread.data[a + b * K[s]];
  });
  const V = scaledSandwich(D, meat, G / (G - 1));
  const pos = (s: 0 | 1, term: string) => fits[s].keep.map((j) => fits[s].coefNames[j]).indexOf(term) + (s ? K[0] : 0);
  const results = terms.map((term) => {
    const i = pos(0, term);
    const j = pos(1, term);
    const d =
      fits[0].coefficients[fits[0].coefNames.indexOf(term)] - fits[1].coefficients[fits[1].coefNames.indexOf(term)];
    const v = V.data[i + i * P] + V.data[j + j * P] - 2 * V.data[i + j * P];
    const chi2 = (d * d) / v;
    return { chi2, df: 1 as const, pValue: chiSquarePValue(chi2, 1), stdError: Math.sqrt(v) };
  });
  return { results, vcov: cluster ? { cluster } : ('robust' as const), n: G };
}

function scaledSandwich(D: Matrix, M: Matrix, c: number): Matrix {
  const P = D.rows;
  const DM = zeros(P, P);
  for (let a = 0; a < P; a++)
    for (let b = 0; b < P; b++) {
      let s = 0;
      for (let k = 0; k < P; k++) s += D.data[a + k * P] * M.data[k + b * P];
      DM.data[a + b * P] = s;
    }
  const out = zeros(P, P);
  for (let a = 0; a < P; a++)
    for (let b = 0; b < P; b++) {
      let s = 0;
      for (let k = 0; k < P; k++) s += DM.data[a + k * P] * D.data[k + b * P];
      out.data[a + b * P] = s * c;
    }
  return out;
}

/**
 * Tests whether a coefficient differs between two groups fitted separately (the same formula on each
 * group's sample, `--by` with two groups): Fisher's permutation test as Lian & Liao's `bdiff`, and the
 * seemingly-unrelated-estimation Wald test as Stata's `suest` (see the two procedures above; docs/explain.md).
 * Every coefficient estimated in both groups is tested; b₀ − b₁ is the first group minus the second.
 */
export function groupDifference(
  fits: readonly [FeolsFit, FeolsFit],
  groups: readonly [string, string],
  options: GroupDifferenceOptions = {},
): GroupDifferenceResult {
  const test = options.test ?? 'both';
  const reps = options.reps ?? 1000;
  const seed = options.seed ?? 1;
  if (!(Number.isInteger(reps) && reps >= 1))
    throw new InputError(`the number of permutations must be a whole number ≥ 1 (got ${reps})`, {
      hint: 'e.g. {{permutations=1000}} (bdiff users report 500–1000)',
    });
  const log = new NoteLog();
  const kept = (f: FeolsFit) => f.keep.map((j) => f.coefNames[j]);
  const in1 = new Set(kept(fits[1]));
  const terms = kept(fits[0]).filter((t) => in1.has(t));
  if (!terms.length)
    throw new InputError('the two groups have no coefficient in common to compare', {
      hint: 'check that the formula estimates the same terms in both groups',
    });
  const coef = (f: FeolsFit, t: string) => f.coefficients[f.coefNames.indexOf(t)];
  const observed = terms.map((term) => ({
    term,
    estimate0: coef(fits[0], term),
    estimate1: coef(fits[1], term),
    difference: coef(fits[0], term) - coef(fits[1], term),
  }));
  const perm =
    test === 'suest'
      ? undefined
      : permutationTest(
          fits,
          observed,
          { reps, seed, unit: options.unit ?? 'auto', draws: options.draws },
          options.keepSingletons ?? false,
          log,
        );
  const sur = test === 'permutation' ? undefined : suestTest(fits, terms, options.vcov, log);
  return {
    groups: [groups[0], groups[1]],
    formula: fits[0].formula.text,
    terms: observed.map((o, j) => ({
      ...o,
      ...(perm ? { permutation: perm.results[j] } : {}),
      ...(sur ? { suest: sur.results[j] } : {}),
    })),
    ...(perm
      ? {
          permutation: {
            reps: perm.reps,
            seed,
            unit: perm.unit,
            failed: perm.failed,
            ...(options.keepReplicates ? { replicates: perm.replicates } : {}),
          },
        }
      : {}),
    ...(sur ? { suest: { vcov: sur.vcov, n: sur.n } } : {}),
    notes: log.notes,
  };
}
