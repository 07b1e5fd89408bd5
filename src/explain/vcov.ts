import { InputError } from '../core/errors.js';
import { NoteLog, type Note } from '../core/notes.js';
import type { Matrix } from '../linalg/index.js';
import { sandwich, zeros } from '../linalg/index.js';
import tQuantile from '@stdlib/stats-base-dists-t-quantile';
import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';
import type { FeolsFit } from './feols.js';
import { factorCodes } from './model-frame.js';
import { isNestedIn } from './demean.js';
import { tPValue } from '../core/pvalue.js';

/**
 * Small-sample corrections, named as fixest's `ssc()`:
 * - `adj` (default true): multiply by (n − 1)/(n − K);
 * - `fixefK` (default `nested`): which FE count in K — `nested`: all FE parameters except the levels
 *   of an FE nested in a cluster variable, which counts as one parameter (as fixest and Stata
 *   `xtreg, vce(cluster)`); `full`: all; `none`: none;
 * - `clusterAdj` (default true): multiply by G/(G − 1);
 * - `clusterDf` (default `min`): for multiway clustering use min(G) in G/(G − 1) for every term
 *   (`conventional`: each term its own G).
 */
export interface SscOptions {
  adj?: boolean;
  fixefK?: 'nested' | 'full' | 'none';
  clusterAdj?: boolean;
  clusterDf?: 'min' | 'conventional';
}

/** Which variance estimator (see {@link vcov}). */
export interface VcovSpec {
  type: 'iid' | 'hc1' | 'cluster' | 'dk';
  /** Cluster variables (one or two) for `cluster`: panel columns, or the entity/period column. */
  cluster?: readonly string[];
  /** Driscoll–Kraay Bartlett lag; default ⌊4(T/100)^{2/9}⌋ (Newey–West 1994 plug-in, Hoechle's xtscc). */
  lag?: number;
  ssc?: SscOptions;
}

/** A variance–covariance matrix of the kept coefficients with what inference needs. */
export interface VcovResult {
  readonly spec: VcovSpec;
  /** Human-readable label, e.g. `Clustered (firm)`, `Heteroskedasticity-robust (HC1)`. */
  readonly label: string;
  /** K × K over `names` (the kept coefficients). */
  readonly matrix: Matrix;
  readonly names: readonly string[];
  /** Degrees of freedom of the t distribution; Infinity = normal. */
  readonly df: number;
  /** Number of clusters per cluster variable (or periods for DK). */
  readonly nClusters?: readonly number[];
  /** The overall scalar small-sample factor applied. */
  readonly adjustment: number;
  /** K used in the (n − 1)/(n − K) factor. */
  readonly kUsed: number;
  readonly notes: readonly Note[];
}

/** One row of a coefficient table. */
export interface CoefRow {
  readonly term: string;
  readonly estimate: number;
  readonly stdError: number;
  readonly statistic: number;
  readonly pValue: number;
  readonly ciLow: number;
  readonly ciHigh: number;
}

/** Parse `iid`, `hc1`, `hetero`, `cluster:COL`, `cluster:COL1+COL2`, `dk`, `dk:LAG` into a spec. */
export function parseVcov(text: string): VcovSpec {
  const t = text.trim();
  const lower = t.toLowerCase();
  if (lower === 'iid' || lower === 'ols') return { type: 'iid' };
  if (lower === 'hc1' || lower === 'hetero' || lower === 'robust') return { type: 'hc1' };
  if (lower === 'dk' || lower.startsWith('dk:')) {
    if (lower === 'dk') return { type: 'dk' };
    const lag = Number(t.slice(3));
    if (!Number.isInteger(lag) || lag < 0) throw new InputError(`--vcov ${t}: the Driscoll–Kraay lag must be a whole number`, { hint: 'e.g. --vcov dk or --vcov dk:2' });
    return { type: 'dk', lag };
  }
  if (lower.startsWith('cluster:')) {
    const cols = t.slice(8).split('+').map((s) => s.trim()).filter(Boolean);
    if (cols.length < 1 || cols.length > 2) throw new InputError(`--vcov ${t}: give one or two cluster variables`, { hint: 'e.g. --vcov cluster:id or --vcov cluster:id+year' });
    return { type: 'cluster', cluster: cols };
  }
  throw new InputError(`unknown variance type "${t}"`, { hint: 'use iid, hc1, cluster:COL, cluster:COL1+COL2, dk or dk:LAG' });
}

/** Scores sᵢ = x̃ᵢ·eᵢ summed within groups: a G × K matrix (column-major). */
function groupScores(design: readonly Float64Array[], e: Float64Array, codes: Int32Array, G: number): Matrix {
  const K = design.length;
  const out = zeros(G, K);
  for (let k = 0; k < K; k++) {
    const x = design[k];
    const o = k * G;
    for (let i = 0; i < e.length; i++) out.data[o + codes[i]] += x[i] * e[i];
  }
  return out;
}

/** Meat Σ_g S_g S_gᵀ from a G × K score matrix. */
function outer(scores: Matrix): Matrix {
  const G = scores.rows;
  const K = scores.cols;
  const m = zeros(K, K);
  for (let a = 0; a < K; a++) {
    for (let b = 0; b <= a; b++) {
      let s = 0;
      const oa = a * G;
      const ob = b * G;
      for (let g = 0; g < G; g++) s += scores.data[oa + g] * scores.data[ob + g];
      m.data[a + b * K] = s;
      m.data[b + a * K] = s;
    }
  }
  return m;
}

function scaled(m: Matrix, c: number): Matrix {
  return { rows: m.rows, cols: m.cols, data: m.data.map((v) => v * c) };
}

/** Dense codes 0..G−1 of a cluster variable on the estimation sample. */
function clusterCodes(fit: FeolsFit, name: string): { codes: Int32Array; G: number } {
  const { codes, labels } = factorCodes(fit.frame.panel, name, 'the cluster variables');
  const rows = fit.frame.rows;
  // Every panel row in the sample and levels first seen in code order (the entity index of a sorted
  // panel): the re-coding below would be the identity, so share the codes instead of copying them.
  if (rows.length === codes.length) {
    let top = -1;
    let r = 0;
    for (; r < rows.length; r++) {
      const c = codes[r];
      if (c < 0 || c > top + 1) break;
      if (c > top) top = c;
    }
    if (r === rows.length) return { codes, G: top + 1 };
  }
  const map = new Int32Array(labels.length).fill(-1);
  const out = new Int32Array(rows.length);
  let G = 0;
  for (let r = 0; r < rows.length; r++) {
    const c = codes[rows[r]];
    if (c < 0) {
      throw new InputError(`cluster variable "${name}" is missing on panel row ${rows[r] + 2}, which is in the estimation sample`, {
        column: name,
        hint: `fill it in, or pass it to feols as options.require = ["${name}"] so such rows are dropped first`,
      });
    }
    if (map[c] < 0) map[c] = G++;
    out[r] = map[c];
  }
  return { codes: out, G };
}

/**
 * Variance–covariance matrix of a {@link FeolsFit}, V = c · B · M · B with B = (X̃ᵀX̃)⁻¹ (the fit's
 * bread; for IV the second-stage design) and residuals e:
 *
 * - `iid`: V = σ̂²B with σ̂² = RSS/(n − K − K_FE) (all FE counted; = `lm` with dummies, fixest "iid").
 * - `hc1`: M = Σ eᵢ²x̃ᵢx̃ᵢᵀ, c = n/(n − K − K_FE): sandwich's HC1 on the dummy-variable regression,
 *   which equals fixest's "hetero" (it treats each row as a cluster: (n−1)/(n−K)·n/(n−1)) and Stata's
 *   `vce(robust)`.
 * - `cluster` (CR1): M = Σ_g s_g s_gᵀ, s_g = Σ_{i∈g} x̃ᵢeᵢ, c = G/(G − 1) · (n − 1)/(n − K') with K'
 *   counting an FE nested in a cluster variable as one parameter, not its levels (fixest defaults `ssc(adj = TRUE, fixef.K = "nested",
 *   cluster.adj = TRUE, cluster.df = "min")`). Two-way (Cameron, Gelbach & Miller 2011):
 *   M = M₁ + M₂ − M₁₂ (M₁₂ clustered on the intersection), with G = min(G₁, G₂) in the G/(G − 1)
 *   factor of every term (fixest's `cluster.df = "min"`). t distribution with min(G) − 1 df.
 * - `dk` Driscoll–Kraay (1998): h_t = Σ_{i∈t} x̃ᵢeᵢ per period; M = Γ₀ + Σ_{l=1}^{L} w_l(Γ_l + Γ_lᵀ),
 *   Γ_l = Σ_t h_t h_{t−l}ᵀ, Bartlett w_l = 1 − l/(L + 1); no small-sample factor by default, which is
 *   exactly `plm::vcovSCC(type = "HC0", maxlag = L)`; t distribution with T − 1 df (fixest treats DK
 *   like clustering on time). Default L = ⌊4(T/100)^{2/9}⌋ (Hoechle 2007 xtscc; plm's own default is
 *   ⌊T^{1/4}⌋ — pass `lag` to match it).
 *
 * `iid`/`hc1` use the t distribution with n − K − K_FE df (fixest, Stata).
 */
export function vcov(fit: FeolsFit, spec: VcovSpec | string = { type: 'iid' }): VcovResult {
  const s: VcovSpec = typeof spec === 'string' ? parseVcov(spec) : spec;
  const ssc = { adj: true, fixefK: 'nested' as const, clusterAdj: true, clusterDf: 'min' as const, ...s.ssc };
  const log = new NoteLog();
  const n = fit.nobs;
  const K = fit.nCoef;
  const B = fit.bread;
  const names = fit.keep.map((j) => fit.coefNames[j]);
  const e = fit.residuals;
  const X = fit.design;
  const kFull = K + fit.fixedEffectDof;
  switch (s.type) {
    case 'iid': {
      const sigma2 = fit.rss / fit.dfResidual;
      return { spec: s, label: 'IID', matrix: scaled(B, sigma2), names, df: fit.dfResidual, adjustment: 1, kUsed: kFull, notes: log.notes };
    }
    case 'hc1': {
      const meat = zeros(K, K);
      for (let a = 0; a < K; a++) {
        for (let b = 0; b <= a; b++) {
          let acc = 0;
          const xa = X[a];
          const xb = X[b];
          for (let i = 0; i < n; i++) acc += xa[i] * xb[i] * e[i] * e[i];
          meat.data[a + b * K] = acc;
          meat.data[b + a * K] = acc;
        }
      }
      const kk = ssc.fixefK === 'none' ? K : kFull;
      const adj = ssc.adj ? n / (n - kk) : 1;
      return { spec: s, label: 'Heteroskedasticity-robust (HC1)', matrix: scaled(sandwich(B, meat), adj), names, df: fit.dfResidual, adjustment: adj, kUsed: kk, notes: log.notes };
    }
    case 'cluster': {
      const vars = s.cluster ?? [];
      if (vars.length < 1 || vars.length > 2) throw new InputError('cluster-robust variance needs one or two cluster variables', { hint: 'e.g. cluster: ["id"] or ["id", "year"]' });
      const cl = vars.map((v) => clusterCodes(fit, v));
      const Gs = cl.map((c) => c.G);
      const gMin = Math.min(...Gs);
      if (gMin < 2) {
        throw new InputError(`cluster-robust variance needs at least 2 clusters; "${vars[Gs.indexOf(gMin)]}" has ${gMin} in the estimation sample`, {
          hint: 'cluster on a variable with more groups (e.g. the entity), or use --vcov hc1',
        });
      }
      if (gMin < 10) log.warn('few-clusters', `only ${gMin} clusters in "${vars[Gs.indexOf(gMin)]}": cluster-robust standard errors are unreliable with fewer than ~10–50 clusters (consider a wild cluster bootstrap)`, { clusters: gMin });
      // K (fixest fixef.K = "nested", = Stata xtreg/reghdfe): the levels of an FE nested in a cluster
      // variable are not counted, but each such FE still counts as one parameter (its intercept).
      // Checked against the published SEs of fixest's vignette "On standard-errors" (0.165385 one-way,
      // 0.3080378 two-way; test/explain/fixest-vignette.test.ts).
      let kk = K;
      if (ssc.fixefK === 'full') kk = kFull;
      else if (ssc.fixefK === 'nested') {
        const nested = fit.frame.fixedEffects.filter((fe) => cl.some((c) => isNestedIn(fe, c.codes)));
        const nestedLevels = nested.reduce((acc, fe) => acc + fe.nLevels, 0);
        kk = K + fit.fixedEffectDof - nestedLevels + nested.length;
      }
      const adjN = ssc.adj ? (n - 1) / (n - kk) : 1;
      const gAdj = (G: number) => (ssc.clusterAdj ? G / (G - 1) : 1);
      let meat: Matrix;
      if (cl.length === 1) meat = scaled(outer(groupScores(X, e, cl[0].codes, cl[0].G)), gAdj(cl[0].G));
      else {
        const [c1, c2] = cl;
        const pair = new Map<number, number>();
        const c12 = new Int32Array(n);
        for (let i = 0; i < n; i++) {
          const key = c1.codes[i] * c2.G + c2.codes[i];
          let v = pair.get(key);
          if (v === undefined) {
            v = pair.size;
            pair.set(key, v);
          }
          c12[i] = v;
        }
        const G12 = pair.size;
        const gFor = (G: number) => gAdj(ssc.clusterDf === 'min' ? gMin : G);
        const m1 = outer(groupScores(X, e, c1.codes, c1.G));
        const m2 = outer(groupScores(X, e, c2.codes, c2.G));
        const m12 = outer(groupScores(X, e, c12, G12));
        const a1 = gFor(c1.G);
        const a2 = gFor(c2.G);
        const a12 = gFor(G12);
        meat = zeros(K, K);
        for (let i = 0; i < K * K; i++) meat.data[i] = a1 * m1.data[i] + a2 * m2.data[i] - a12 * m12.data[i];
      }
      const V = scaled(sandwich(B, meat), adjN);
      for (let k = 0; k < K; k++) if (!(V.data[k + k * K] >= 0)) log.warn('vcov-not-psd', `the two-way clustered variance of ${names[k]} is negative (Cameron–Gelbach–Miller matrices need not be positive semi-definite)`);
      return {
        spec: s,
        label: `Clustered (${vars.join(' & ')})`,
        matrix: V,
        names,
        df: gMin - 1,
        nClusters: Gs,
        adjustment: adjN * gAdj(gMin),
        kUsed: kk,
        notes: log.notes,
      };
    }
    case 'dk': {
      const panel = fit.frame.panel;
      const rows = fit.frame.rows;
      const T = panel.periods.length;
      const tIdx = Int32Array.from(rows, (r) => panel.periodIndex[r]);
      let observed = 0;
      const seen = new Uint8Array(T);
      for (const t of tIdx) if (!seen[t]) {
        seen[t] = 1;
        observed++;
      }
      const L = s.lag ?? Math.floor(4 * Math.pow(T / 100, 2 / 9));
      // Γ_l needs two periods l apart: a lag of T or more has no autocovariance to weight, and the
      // Bartlett weights 1 − l/(L+1) of such an L are not those of any usable bandwidth.
      if (L >= observed) {
        throw new InputError(`the Driscoll–Kraay lag ${L} must be smaller than the number of periods in the sample (${observed})`, {
          hint: `use --vcov dk (lag ⌊4(T/100)^(2/9)⌋ = ${Math.floor(4 * Math.pow(T / 100, 2 / 9))} here) or dk:L with L ≤ ${Math.max(0, observed - 1)}; Newey–West bandwidths are usually far below T`,
        });
      }
      const H = groupScores(X, e, tIdx, T);
      const meat = outer(H);
      for (let l = 1; l <= L && l < T; l++) {
        const w = 1 - l / (L + 1);
        for (let a = 0; a < K; a++) {
          for (let b = 0; b < K; b++) {
            let acc = 0;
            for (let t = l; t < T; t++) acc += H.data[t + a * T] * H.data[t - l + b * T];
            meat.data[a + b * K] += w * acc;
            meat.data[b + a * K] += w * acc;
          }
        }
      }
      if (observed < 10) log.warn('few-periods', `Driscoll–Kraay standard errors with only ${observed} periods are unreliable (they are large-T asymptotics)`);
      const adj = s.ssc?.adj ? (n - 1) / (n - kFull) : 1;
      return {
        spec: { ...s, lag: L },
        label: `Driscoll–Kraay (L=${L})`,
        matrix: scaled(sandwich(B, meat), adj),
        names,
        df: observed - 1,
        nClusters: [observed],
        adjustment: adj,
        kUsed: kFull,
        notes: log.notes,
      };
    }
  }
}

/**
 * Coefficient table: estimate, SE = √V_kk, statistic = estimate/SE, two-sided p-value and
 * `level` confidence interval from the t distribution with `v.df` df (normal when df = Infinity).
 * Collinear (dropped) terms are omitted, as fixest prints them.
 */
export function coefTable(fit: FeolsFit, v: VcovResult, level = 0.95): CoefRow[] {
  if (!(level > 0 && level < 1)) throw new InputError(`the confidence level must be between 0 and 1 (got ${level})`, { hint: 'e.g. --level 0.95 (a 95% interval)' });
  const K = v.names.length;
  const normal = !Number.isFinite(v.df);
  const crit = normal ? normalQuantile(1 - (1 - level) / 2, 0, 1) : tQuantile(1 - (1 - level) / 2, v.df);
  return fit.keep.map((j, k) => {
    const est = fit.coefficients[j];
    const se = Math.sqrt(v.matrix.data[k + k * K]);
    const stat = est / se;
    return { term: fit.coefNames[j], estimate: est, stdError: se, statistic: stat, pValue: tPValue(stat, v.df), ciLow: est - crit * se, ciHigh: est + crit * se };
  });
}
