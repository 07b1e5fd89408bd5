import { InputError } from '../core/errors.js';
import type { SpatialWeights } from '../spatial/weights.js';

/**
 * Spatial weights of a panel model in compressed sparse row form (row i: columns `col[ptr[i]..ptr[i+1])`,
 * values `val`), with what the estimators need to know about them: whether W is similar to a symmetric
 * matrix (W = D⁻¹G with G symmetric, as row-standardised contiguity or inverse distance), and the
 * diagonal d of that similarity.
 */
export interface SparseW {
  readonly n: number;
  readonly ptr: Int32Array;
  readonly col: Int32Array;
  readonly val: Float64Array;
  /** True when D^{1/2} W D^{-1/2} is symmetric for the diagonal `d` (eigenvalues real, eigen method available). */
  readonly symmetricSimilar: boolean;
  /** d_i of the similarity (row sums of G for style W; 1 for symmetric W). */
  readonly d: Float64Array;
  readonly ids: readonly string[];
}

/**
 * Convert {@link SpatialWeights} for the panel estimators. Spatial panel models here need a
 * row-standardised W without islands: the period effects and the total effect (β + θ)/(1 − ρ) rely
 * on Wι = ι (Elhorst 2014, ch. 3; xsmle requires the same of its `wmat`).
 */
export function toSparseW(w: SpatialWeights): SparseW {
  const n = w.ids.length;
  if (w.style !== 'W')
    throw new InputError(`spatial panel models need row-standardised weights (style W); got style ${w.style}`, {
      hint: 'drop --style or use --style W',
    });
  if (w.isolates.length) {
    throw new InputError(
      `spatial panel models need every entity to have a neighbour; without: ${w.isolates.map((i) => w.ids[i]).join(', ')}`,
      {
        hint: 'add a neighbour pair for it (e.g. the Guangdong–Hainan strait link), use --distance weights, or drop the entity',
      },
    );
  }
  const ptr = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) ptr[i + 1] = ptr[i] + w.neighbours[i].length;
  const col = new Int32Array(ptr[n]);
  const val = new Float64Array(ptr[n]);
  for (let i = 0; i < n; i++) {
    col.set(w.neighbours[i], ptr[i]);
    val.set(w.weights[i], ptr[i]);
  }
  // W = D⁻¹G with G the general weights: symmetric-similar iff G is symmetric.
  const d = new Float64Array(n);
  for (let i = 0; i < n; i++) for (const g of w.general[i]) d[i] += g;
  let sym = true;
  outer: for (let i = 0; i < n; i++) {
    const nb = w.neighbours[i];
    for (let k = 0; k < nb.length; k++) {
      const j = nb[k];
      const gij = w.general[i][k];
      const kj = w.neighbours[j].indexOf(i);
      if (kj < 0 || Math.abs(w.general[j][kj] - gij) > 1e-12 * Math.abs(gij)) {
        sym = false;
        break outer;
      }
    }
  }
  return { n, ptr, col, val, symmetricSimilar: sym, d, ids: w.ids };
}

/** Row-standardised binary contiguity {@link SparseW} from undirected pairs (benchmarks, tests). */
export function sparseWFromPairs(n: number, pairs: readonly (readonly [number, number])[]): SparseW {
  const nb: number[][] = Array.from({ length: n }, () => []);
  for (const [a, b] of pairs) {
    nb[a].push(b);
    nb[b].push(a);
  }
  const ptr = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) ptr[i + 1] = ptr[i] + nb[i].length;
  const col = new Int32Array(ptr[n]);
  const val = new Float64Array(ptr[n]);
  const d = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    nb[i].sort((p, q) => p - q);
    d[i] = nb[i].length;
    nb[i].forEach((j, k) => {
      col[ptr[i] + k] = j;
      val[ptr[i] + k] = 1 / nb[i].length;
    });
  }
  return { n, ptr, col, val, symmetricSimilar: true, d, ids: Array.from({ length: n }, (_, i) => String(i)) };
}

/** out = W x for one cross-section (length n). */
export function lagInto(w: SparseW, x: ArrayLike<number>, out: Float64Array, offset = 0): void {
  const { ptr, col, val, n } = w;
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let k = ptr[i]; k < ptr[i + 1]; k++) s += val[k] * x[offset + col[k]];
    out[offset + i] = s;
  }
}

/** (I_T ⊗ W) x for a vector stacked by period blocks (row t·n + i). */
export function panelLag(w: SparseW, x: Float64Array): Float64Array {
  const out = new Float64Array(x.length);
  const T = x.length / w.n;
  for (let t = 0; t < T; t++) lagInto(w, x, out, t * w.n);
  return out;
}

/** Wᵀx for one cross-section. */
export function lagTransposed(w: SparseW, x: ArrayLike<number>): Float64Array {
  const out = new Float64Array(w.n);
  for (let i = 0; i < w.n; i++) for (let k = w.ptr[i]; k < w.ptr[i + 1]; k++) out[w.col[k]] += w.val[k] * x[i];
  return out;
}
