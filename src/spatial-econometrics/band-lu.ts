import type { SparseW } from './sparse-w.js';

/**
 * Reverse Cuthill–McKee ordering of the symmetrised pattern of W (George & Liu 1981, ch. 4): a
 * permutation that gathers the non-zeros near the diagonal so that I − ρW is a band matrix of small
 * half-bandwidth (about √n for a planar lattice). `perm[k]` is the entity at position k.
 */
export function reverseCuthillMcKee(w: SparseW): { perm: Int32Array; inv: Int32Array; bandwidth: number } {
  const n = w.n;
  const adj: number[][] = Array.from({ length: n }, () => []);
  for (let i = 0; i < n; i++) {
    for (let k = w.ptr[i]; k < w.ptr[i + 1]; k++) {
      const j = w.col[k];
      adj[i].push(j);
      adj[j].push(i);
    }
  }
  const nbrs = adj.map((a) => [...new Set(a)]);
  const degree = nbrs.map((a) => a.length);
  for (const a of nbrs) a.sort((p, q) => degree[p] - degree[q] || p - q);
  const seen = new Uint8Array(n);
  const order: number[] = [];
  const byDegree = Array.from({ length: n }, (_, i) => i).sort((p, q) => degree[p] - degree[q] || p - q);
  for (const start of byDegree) {
    if (seen[start]) continue;
    // Pseudo-peripheral start: the last node of a BFS from the lowest-degree node of the component.
    const bfs = (s: number): number[] => {
      const mark = new Set<number>([s]);
      const q = [s];
      for (let h = 0; h < q.length; h++) for (const j of nbrs[q[h]]) if (!mark.has(j)) {
        mark.add(j);
        q.push(j);
      }
      return q;
    };
    const comp = bfs(start);
    const root = comp[comp.length - 1];
    seen[root] = 1;
    const q = [root];
    for (let h = 0; h < q.length; h++) for (const j of nbrs[q[h]]) if (!seen[j]) {
      seen[j] = 1;
      q.push(j);
    }
    order.push(...q);
  }
  order.reverse();
  const perm = Int32Array.from(order);
  const inv = new Int32Array(n);
  perm.forEach((e, k) => (inv[e] = k));
  let bandwidth = 0;
  for (let i = 0; i < n; i++) for (const j of nbrs[i]) bandwidth = Math.max(bandwidth, Math.abs(inv[i] - inv[j]));
  return { perm, inv, bandwidth };
}

/**
 * LU factorisation without pivoting of A = I − ρW in band storage after the RCM permutation
 * (P A Pᵀ = LU). Without pivoting the band is preserved; it is safe here because for |ρ| < 1 and a
 * row-standardised W, A is strictly diagonally dominant, and for a W similar to a symmetric matrix
 * the leading minors of A equal those of the positive definite D^{1/2}AD^{-1/2} on the whole
 * admissible interval. Cost O(n·b²) for half-bandwidth b; exact up to rounding (no approximation).
 */
export class BandLU {
  readonly n: number;
  readonly b: number;
  private readonly a: Float64Array;
  private readonly width: number;
  constructor(
    w: SparseW,
    private readonly order: { perm: Int32Array; inv: Int32Array; bandwidth: number },
    rho: number,
  ) {
    const n = w.n;
    const b = order.bandwidth;
    this.n = n;
    this.b = b;
    this.width = 2 * b + 1;
    const a = new Float64Array(n * this.width);
    this.a = a;
    for (let p = 0; p < n; p++) a[p * this.width + b] = 1;
    for (let i = 0; i < n; i++) {
      const p = order.inv[i];
      for (let k = w.ptr[i]; k < w.ptr[i + 1]; k++) {
        const q = order.inv[w.col[k]];
        a[p * this.width + (q - p + b)] -= rho * w.val[k];
      }
    }
    const W = this.width;
    for (let k = 0; k < n; k++) {
      const pivot = a[k * W + b];
      const last = Math.min(n - 1, k + b);
      for (let i = k + 1; i <= last; i++) {
        const ik = i * W + (k - i + b);
        const l = a[ik] / pivot;
        if (l === 0) continue;
        a[ik] = l;
        const ri = i * W - i + b;
        const rk = k * W - k + b;
        for (let j = k + 1; j <= last; j++) a[ri + j] -= l * a[rk + j];
      }
    }
  }

  /** log|det(I − ρW)| = Σ log|u_kk|. */
  logDet(): number {
    let s = 0;
    for (let k = 0; k < this.n; k++) s += Math.log(Math.abs(this.a[k * this.width + this.b]));
    return s;
  }

  /** Solve (I − ρW)x = rhs (original entity order). */
  solve(rhs: ArrayLike<number>, out = new Float64Array(this.n)): Float64Array {
    const { n, b, a, width: W } = this;
    const { perm, inv } = this.order;
    const z = new Float64Array(n);
    for (let p = 0; p < n; p++) z[p] = rhs[perm[p]];
    for (let i = 0; i < n; i++) {
      let s = z[i];
      const ri = i * W - i + b;
      for (let j = Math.max(0, i - b); j < i; j++) s -= a[ri + j] * z[j];
      z[i] = s;
    }
    for (let i = n - 1; i >= 0; i--) {
      let s = z[i];
      const ri = i * W - i + b;
      const last = Math.min(n - 1, i + b);
      for (let j = i + 1; j <= last; j++) s -= a[ri + j] * z[j];
      z[i] = s / a[ri + i];
    }
    for (let i = 0; i < n; i++) out[i] = z[inv[i]];
    return out;
  }
}
