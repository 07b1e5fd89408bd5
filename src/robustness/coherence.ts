import { pearson } from '../measure/critic.js';
import { variance } from '../core/numeric.js';
import { symmetricEigenvalues as denseSymmetricEigenvalues } from '../linalg/eigen.js';

/** Input of {@link coherence}: the normalised indicators, the dimension scores and the index on the same rows. */
export interface CoherenceInput {
  readonly indicators: readonly { readonly id: string; readonly dimension: string; readonly values: Float64Array }[];
  /** Top-level dimension scores, in framework order. */
  readonly dimensions: readonly { readonly id: string; readonly values: Float64Array }[];
  readonly index: Float64Array;
}

/** Statistical coherence of one system (JRC audit): correlations, Cronbach's alpha, PCA. */
export interface Coherence {
  readonly rows: number;
  readonly indicators: readonly {
    readonly id: string;
    readonly dimension: string;
    readonly pearsonDimension: number;
    readonly spearmanDimension: number;
    readonly pearsonIndex: number;
    readonly spearmanIndex: number;
  }[];
  readonly dimensions: readonly {
    readonly id: string;
    readonly indicators: number;
    readonly pearsonIndex: number;
    readonly spearmanIndex: number;
    readonly cronbachAlpha: number;
    /** Eigenvalues of the indicators' correlation matrix, largest first. */
    readonly eigenvalues: readonly number[];
    /** Share of the total variance (eigenvalue / number of indicators) of each component. */
    readonly varianceShare: readonly number[];
  }[];
}

/**
 * Statistical coherence as in the JRC audits and COINr (`get_corr`, `get_cronbach`, `get_PCA`), on
 * one cross-section:
 *
 * - Pearson r (R `cor`) and Spearman ρ (R `cor(method = "spearman")`: Pearson r of the ranks,
 *   ties given their average rank) of each normalised indicator with its top-level dimension score
 *   and with the index, and of each dimension score with the index;
 * - Cronbach's alpha of each dimension's indicators: α = k/(k − 1)·(1 − Σ_j s²_j / s²_T), s²_j the
 *   sample variance of indicator j and s²_T that of their sum (NaN for k < 2);
 * - PCA of each dimension: eigenvalues λ of the indicators' correlation matrix (R
 *   `eigen(cor(X))`, equal to `prcomp(X, scale. = TRUE)$sdev²`), and λ/k, the share of variance of
 *   each component. One dominant component (share ≳ 0.6) suggests the dimension measures one thing.
 *
 * A constant column has no correlation: NaN (R gives NA with a warning).
 *
 * Reference: OECD/JRC (2008), Handbook on Constructing Composite Indicators, §§ 3–4; Becker et al.
 * (2022), COINr, J. Open Source Software 7(78), 4567.
 */
export function coherence(input: CoherenceInput): Coherence {
  const dimOf = new Map(input.dimensions.map((d) => [d.id, d.values]));
  const indicators = input.indicators.map((x) => {
    const dim = dimOf.get(x.dimension)!;
    return {
      id: x.id,
      dimension: x.dimension,
      pearsonDimension: pearson(x.values, dim),
      spearmanDimension: spearman(x.values, dim),
      pearsonIndex: pearson(x.values, input.index),
      spearmanIndex: spearman(x.values, input.index),
    };
  });
  const dimensions = input.dimensions.map((d) => {
    const cols = input.indicators.filter((x) => x.dimension === d.id).map((x) => x.values);
    const eigenvalues = cols.length
      ? symmetricEigenvalues(cols.map((a) => cols.map((b) => (a === b ? 1 : pearson(a, b)))))
      : [];
    return {
      id: d.id,
      indicators: cols.length,
      pearsonIndex: pearson(d.values, input.index),
      spearmanIndex: spearman(d.values, input.index),
      cronbachAlpha: cronbachAlpha(cols),
      eigenvalues,
      varianceShare: eigenvalues.map((l) => l / cols.length),
    };
  });
  return { rows: input.index.length, indicators, dimensions };
}

/** Spearman's ρ: Pearson r of the average ranks (R `cor(x, y, method = "spearman")`). */
export function spearman(x: Float64Array, y: Float64Array): number {
  return pearson(averageRanks(x), averageRanks(y));
}

/** Ranks 1..n, ascending, ties given the average of their positions (R `rank(x)`). */
export function averageRanks(x: ArrayLike<number>): Float64Array {
  const order = Array.from({ length: x.length }, (_, i) => i).sort((a, b) => x[a] - x[b]);
  const out = new Float64Array(x.length);
  for (let k = 0; k < order.length;) {
    let e = k;
    while (e + 1 < order.length && x[order[e + 1]] === x[order[k]]) e++;
    const r = (k + e) / 2 + 1;
    for (let q = k; q <= e; q++) out[order[q]] = r;
    k = e + 1;
  }
  return out;
}

/** Cronbach's alpha of the columns (raw alpha, sample variances); NaN for fewer than two columns. */
export function cronbachAlpha(cols: readonly Float64Array[]): number {
  const k = cols.length;
  if (k < 2) return NaN;
  const n = cols[0].length;
  const total = Float64Array.from({ length: n }, (_, i) => cols.reduce((s, c) => s + c[i], 0));
  const sumVar = cols.reduce((s, c) => s + variance(c), 0);
  return (k / (k - 1)) * (1 - sumVar / variance(total));
}

/**
 * Eigenvalues of a small symmetric matrix, largest first, by the project's Householder + QL solver
 * ({@link denseSymmetricEigenvalues}). NaN entries (a constant indicator) give NaN eigenvalues.
 */
export function symmetricEigenvalues(matrix: readonly (readonly number[])[]): number[] {
  const n = matrix.length;
  if (matrix.some((r) => r.some((v) => !Number.isFinite(v)))) return new Array<number>(n).fill(NaN);
  return Array.from(denseSymmetricEigenvalues(Float64Array.from(matrix.flat()), n)).reverse();
}
