import { InputError } from '../core/errors.js';
import type { Label } from '../core/label.js';
import { NoteLog, type Note } from '../core/notes.js';
import type { Matrix } from '../linalg/index.js';
import type { FeolsFit } from './feols.js';
import { VCOV_METHODS, vcovMethod, vcovSyntax } from './vcov-registry.js';
import { criticalValue, estimateRow, type Estimate } from './estimate.js';

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
  /**
   * The label in English and Chinese as the noun phrase of a table note (`Clustered (firm)` /
   * `按firm聚类的稳健`): what regression tables print under `--lang zh` (the registry's `describe`).
   */
  readonly labels?: Label;
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

/** One row of a coefficient table: the common {@link Estimate} (kept under its old name). */
export type CoefRow = Estimate;

/** Parse `iid`, `hc1`, `hetero`, `cluster:COL`, `cluster:COL1+COL2`, `dk`, `dk:LAG` (see {@link VCOV_METHODS}) into a spec. */
export function parseVcov(text: string): VcovSpec {
  const t = text.trim();
  const lower = t.toLowerCase();
  for (const m of VCOV_METHODS) {
    const spec = m.parse(t, lower);
    if (spec) return spec;
  }
  throw new InputError(`unknown variance type "${t}"`, { hint: `use ${vcovSyntax()}` });
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
 * `iid`/`hc1` use the t distribution with n − K − K_FE df (fixest, Stata). Each estimator is one record
 * of {@link VCOV_METHODS} (src/explain/vcov-registry.ts); this function resolves the small-sample options
 * and dispatches to the record's `compute`.
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
  const m = vcovMethod(s.type);
  const result = m.compute({ fit, s, ssc, log, n, K, B, names, e, X, kFull });
  return { ...result, labels: m.describe(result.spec) };
}

/**
 * Coefficient table: estimate, SE = √V_kk, statistic = estimate/SE, two-sided p-value and
 * `level` confidence interval from the t distribution with `v.df` df (normal when df = Infinity).
 * Collinear (dropped) terms are omitted, as fixest prints them.
 */
export function coefTable(fit: FeolsFit, v: VcovResult, level = 0.95): CoefRow[] {
  const K = v.names.length;
  const crit = criticalValue(v.df, level);
  return fit.keep.map((j, k) =>
    estimateRow(fit.coefNames[j], fit.coefficients[j], Math.sqrt(v.matrix.data[k + k * K]), v.df, level, crit),
  );
}
