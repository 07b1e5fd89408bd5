import { InputError } from '../core/errors.js';
import type { Label } from '../core/label.js';
import type { NoteLog } from '../core/notes.js';
import type { Matrix } from '../linalg/index.js';
import { sandwich, zeros } from '../linalg/index.js';
import type { FeolsFit } from './feols.js';
import { factorCodes } from './model-frame.js';
import { hasLevelIntercept, isNestedIn } from './demean.js';
import type { SscOptions, VcovResult, VcovSpec } from './vcov.js';

/** What every variance estimator receives: the fit, its spec with the small-sample options resolved. */
export interface VcovContext {
  readonly fit: FeolsFit;
  readonly s: VcovSpec;
  readonly ssc: Required<SscOptions>;
  readonly log: NoteLog;
  readonly n: number;
  /** Number of kept coefficients. */
  readonly K: number;
  /** The bread (X̃ᵀX̃)⁻¹ over kept coefficients. */
  readonly B: Matrix;
  readonly names: readonly string[];
  readonly e: Float64Array;
  readonly X: readonly Float64Array[];
  /** K plus the FE degrees of freedom. */
  readonly kFull: number;
}

/**
 * One variance estimator: the record the CLI help (`--vcov`), the report's methods text and
 * docs/explain.md are generated from (one place to add a method).
 */
export interface VcovMethod {
  readonly type: VcovSpec['type'];
  /** How it is written after `--vcov`. */
  readonly syntax: string;
  /** Other spellings accepted for the plain form. */
  readonly aliases: readonly string[];
  readonly label: Label;
  /** The estimator, V = c·B·M·B with B = (X̃ᵀX̃)⁻¹. */
  readonly formula: string;
  /** Convention followed and what it equals in R / Stata. */
  readonly convention: string;
  /** The convention in Chinese (reports under `--lang zh`). */
  readonly conventionZh: string;
  /** The estimator in Chinese where `formula` has words in it (default: `formula`). */
  readonly formulaZh?: string;
  readonly reference: string;
  /**
   * The kind of standard errors of a computed spec as the noun phrase of a table note, in English and
   * Chinese: `Clustered (province)` / `按省份聚类的稳健` ("… standard errors in parentheses" / "括号内为…标准误").
   */
  readonly describe: (spec: VcovSpec) => Label;
  /** The spec, when `text` (trimmed; `lower` is its lower case) is written in this method's syntax. */
  readonly parse: (text: string, lower: string) => VcovSpec | undefined;
  readonly compute: (ctx: VcovContext) => VcovResult;
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
      throw new InputError(
        `cluster variable "${name}" is missing on panel row ${rows[r] + 2}, which is in the estimation sample`,
        {
          column: name,
          hint: `fill it in, or pass it to feols as options.require = ["${name}"] so such rows are dropped first`,
        },
      );
    }
    if (map[c] < 0) map[c] = G++;
    out[r] = map[c];
  }
  return { codes: out, G };
}

/** The variance estimators, in the order the help lists them. */
export const VCOV_METHODS: readonly VcovMethod[] = [
  {
    type: 'iid',
    syntax: 'iid',
    aliases: ['ols'],
    label: { en: 'IID', zh: '同方差（iid）' },
    formula: 'V = σ̂²B, σ̂² = RSS/(n − K − K_FE)',
    convention: 'all FE levels counted in the df; equals lm with dummies and fixest "iid"',
    conventionZh: '自由度计入全部固定效应水平；等同于含虚拟变量的 lm 与 fixest 的 "iid"',
    reference: 'Greene (2018), Econometric Analysis, 8th ed., §4.4',
    describe: () => ({ en: 'IID', zh: '普通' }),
    parse: (_t, lower) => (lower === 'iid' || lower === 'ols' ? { type: 'iid' } : undefined),
    compute: (ctx) => {
      const { fit, s, log, B, names, kFull } = ctx;
      const sigma2 = fit.rss / fit.dfResidual;
      return {
        spec: s,
        label: 'IID',
        matrix: scaled(B, sigma2),
        names,
        df: fit.dfResidual,
        adjustment: 1,
        kUsed: kFull,
        notes: log.notes,
      };
    },
  },
  {
    type: 'hc1',
    syntax: 'hc1',
    aliases: ['hetero', 'robust'],
    label: { en: 'Heteroskedasticity-robust (HC1)', zh: '异方差稳健（HC1）' },
    formula: 'M = Σ eᵢ² x̃ᵢx̃ᵢᵀ, V = n/(n − K − K_FE)·B·M·B',
    convention: 'sandwich HC1 on the dummy-variable regression = fixest "hetero" = Stata vce(robust)',
    conventionZh: '含虚拟变量回归的 sandwich HC1 = fixest "hetero" = Stata vce(robust)',
    reference: 'White (1980), Econometrica 48(4):817–838; MacKinnon & White (1985), J. Econometrics 29:305–325',
    describe: () => ({ en: 'Heteroskedasticity-robust (HC1)', zh: '异方差稳健（HC1）' }),
    parse: (_t, lower) => (lower === 'hc1' || lower === 'hetero' || lower === 'robust' ? { type: 'hc1' } : undefined),
    compute: (ctx) => {
      const { fit, s, ssc, log, n, K, B, names, e, X, kFull } = ctx;
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
      return {
        spec: s,
        label: 'Heteroskedasticity-robust (HC1)',
        matrix: scaled(sandwich(B, meat), adj),
        names,
        df: fit.dfResidual,
        adjustment: adj,
        kUsed: kk,
        notes: log.notes,
      };
    },
  },
  {
    type: 'cluster',
    syntax: 'cluster:COL[+COL2]',
    aliases: [],
    label: { en: 'Clustered (CR1)', zh: '聚类稳健（CR1）' },
    formula:
      'M = Σ_g s_g s_gᵀ, s_g = Σ_{i∈g} x̃ᵢeᵢ, V = G/(G − 1)·(n − 1)/(n − K′)·B·M·B; two-way M₁ + M₂ − M₁₂ with G = min(G₁, G₂)',
    formulaZh:
      'M = Σ_g s_g s_gᵀ，s_g = Σ_{i∈g} x̃ᵢeᵢ，V = G/(G − 1)·(n − 1)/(n − K′)·B·M·B；双向聚类 M₁ + M₂ − M₁₂，G = min(G₁, G₂)',
    convention:
      'fixest ssc(adj, fixef.K = "nested", cluster.adj, cluster.df = "min"): an FE nested in a cluster counts as one parameter; t with min(G) − 1 df',
    conventionZh:
      'fixest ssc(adj, fixef.K = "nested", cluster.adj, cluster.df = "min")：嵌套于聚类变量的固定效应计为一个参数；t 分布自由度为 min(G) − 1',
    reference: 'Liang & Zeger (1986), Biometrika 73(1):13–22; Cameron, Gelbach & Miller (2011), JBES 29(2):238–249',
    describe: (spec) => {
      const vars = spec.cluster ?? [];
      return { en: `Clustered (${vars.join(' & ')})`, zh: `按${vars.join('和')}聚类的稳健` };
    },
    parse: (t, lower) => {
      if (!lower.startsWith('cluster:')) return undefined;
      const cols = t
        .slice(8)
        .split('+')
        .map((c) => c.trim())
        .filter(Boolean);
      if (cols.length < 1 || cols.length > 2)
        throw new InputError(`--vcov ${t}: give one or two cluster variables`, {
          hint: 'e.g. --vcov cluster:id or --vcov cluster:id+year',
        });
      return { type: 'cluster', cluster: cols };
    },
    compute: (ctx) => {
      const { fit, s, ssc, log, n, K, B, names, e, X, kFull } = ctx;
      const vars = s.cluster ?? [];
      if (vars.length < 1 || vars.length > 2)
        throw new InputError('cluster-robust variance needs one or two cluster variables', {
          hint: 'e.g. cluster: ["id"] or ["id", "year"]',
        });
      const cl = vars.map((v) => clusterCodes(fit, v));
      const Gs = cl.map((c) => c.G);
      const gMin = Math.min(...Gs);
      if (gMin < 2) {
        throw new InputError(
          `cluster-robust variance needs at least 2 clusters; "${vars[Gs.indexOf(gMin)]}" has ${gMin} in the estimation sample`,
          {
            hint: 'cluster on a variable with more groups (e.g. the entity), or use --vcov hc1',
          },
        );
      }
      if (gMin < 10)
        log.warn(
          'few-clusters',
          `only ${gMin} clusters in "${vars[Gs.indexOf(gMin)]}": cluster-robust standard errors are unreliable with fewer than ~10–50 clusters (consider a wild cluster bootstrap)`,
          { clusters: gMin },
        );
      // K (fixest fixef.K = "nested", = Stata xtreg/reghdfe): the levels of an FE nested in a cluster
      // variable are not counted, but each such FE still counts as one parameter (its intercept).
      // Checked against the published SEs of fixest's vignette "On standard-errors" (0.165385 one-way,
      // 0.3080378 two-way; test/explain/fixest-vignette.test.ts).
      let kk = K;
      if (ssc.fixefK === 'full') kk = kFull;
      else if (ssc.fixefK === 'nested') {
        const nested = fit.frame.fixedEffects.filter(
          (fe) => hasLevelIntercept(fe) && cl.some((c) => isNestedIn(fe, c.codes)),
        );
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
      for (let k = 0; k < K; k++)
        if (!(V.data[k + k * K] >= 0))
          log.warn(
            'vcov-not-psd',
            `the two-way clustered variance of ${names[k]} is negative (Cameron–Gelbach–Miller matrices need not be positive semi-definite)`,
          );
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
    },
  },
  {
    type: 'dk',
    syntax: 'dk[:LAG]',
    aliases: [],
    label: { en: 'Driscoll–Kraay', zh: 'Driscoll–Kraay' },
    formula: 'h_t = Σ_{i∈t} x̃ᵢeᵢ, M = Γ₀ + Σ_{l=1}^{L} (1 − l/(L + 1))(Γ_l + Γ_lᵀ), Γ_l = Σ_t h_t h_{t−l}ᵀ, V = B·M·B',
    convention:
      'no small-sample factor = plm::vcovSCC(type = "HC0", maxlag = L); default L = ⌊4(T/100)^{2/9}⌋ (xtscc); L < T; t with T − 1 df',
    conventionZh:
      '无小样本调整 = plm::vcovSCC(type = "HC0", maxlag = L)；默认 L = ⌊4(T/100)^{2/9}⌋（xtscc）；L < T；t 分布自由度为 T − 1',
    reference: 'Driscoll & Kraay (1998), REStat 80(4):549–560; Hoechle (2007), Stata Journal 7(3):281–312',
    describe: (spec) => ({
      en: `Driscoll–Kraay${spec.lag === undefined ? '' : ` (L=${spec.lag})`}`,
      zh: `Driscoll–Kraay${spec.lag === undefined ? '' : `（滞后 ${spec.lag} 期）`}`,
    }),
    parse: (t, lower) => {
      if (lower === 'dk') return { type: 'dk' };
      if (!lower.startsWith('dk:')) return undefined;
      const lag = Number(t.slice(3));
      if (!Number.isInteger(lag) || lag < 0)
        throw new InputError(`--vcov ${t}: the Driscoll–Kraay lag must be a whole number`, {
          hint: 'e.g. --vcov dk or --vcov dk:2',
        });
      return { type: 'dk', lag };
    },
    compute: (ctx) => {
      const { fit, s, log, n, K, B, names, e, X, kFull } = ctx;
      const panel = fit.frame.panel;
      const rows = fit.frame.rows;
      const T = panel.periods.length;
      const tIdx = Int32Array.from(rows, (r) => panel.periodIndex[r]);
      let observed = 0;
      const seen = new Uint8Array(T);
      for (const t of tIdx)
        if (!seen[t]) {
          seen[t] = 1;
          observed++;
        }
      const L = s.lag ?? Math.floor(4 * Math.pow(T / 100, 2 / 9));
      // Γ_l needs two periods l apart: a lag of T or more has no autocovariance to weight, and the
      // Bartlett weights 1 − l/(L+1) of such an L are not those of any usable bandwidth.
      if (L >= observed) {
        throw new InputError(
          `the Driscoll–Kraay lag ${L} must be smaller than the number of periods in the sample (${observed})`,
          {
            hint: `use --vcov dk (lag ⌊4(T/100)^(2/9)⌋ = ${Math.floor(4 * Math.pow(T / 100, 2 / 9))} here) or dk:L with L ≤ ${Math.max(0, observed - 1)}; Newey–West bandwidths are usually far below T`,
          },
        );
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
      if (observed < 10)
        log.warn(
          'few-periods',
          `Driscoll–Kraay standard errors with only ${observed} periods are unreliable (they are large-T asymptotics)`,
        );
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
    },
  },
];

/** The record of a variance type. */
export function vcovMethod(type: VcovSpec['type']): VcovMethod {
  const m = VCOV_METHODS.find((r) => r.type === type);
  if (!m) throw new InputError(`unknown variance type "${type}"`, { hint: `use ${vcovSyntax()}` });
  return m;
}

/** The `--vcov` choices as the CLI help lists them: `iid (ols) | hc1 (hetero, robust) | cluster:COL[+COL2] | dk[:LAG]`. */
export function vcovSyntax(): string {
  return VCOV_METHODS.map((m) => (m.aliases.length ? `${m.syntax} (${m.aliases.join(', ')})` : m.syntax)).join(' | ');
}
