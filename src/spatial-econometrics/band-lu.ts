import type { SparseW } from './sparse-w.js';

/**
 * Reverse Cuthill–McKee ordering of the symmetrised pattern of W (George & Liu 1981, ch. 4), from a
 * pseudo-peripheral node of each component (or the entity order if that is narrower): a
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
  /** BFS levels from s within its component. */
  const levels = (s: number): number[][] => {
    const dist = new Map<number, number>([[s, 0]]);
    const out: number[][] = [[s]];
    for (let d = 0; out[d].length; d++) {
      const next: number[] = [];
      for (const v of out[d])
        for (const j of nbrs[v])
          if (!dist.has(j)) {
            dist.set(j, d + 1);
            next.push(j);
          }
      out.push(next);
    }
    out.pop();
    return out;
  };
  /** George & Liu (1979) pseudo-peripheral node: restart from a min-degree node of the last level until the eccentricity stops growing. */
  const peripheral = (s: number): number => {
    let cur = s;
    let ecc = levels(cur).length;
    for (let it = 0; it < 10; it++) {
      const last = levels(cur).pop()!;
      const cand = last.reduce((a, b) => (degree[b] < degree[a] ? b : a));
      const e = levels(cand).length;
      if (e <= ecc) break;
      cur = cand;
      ecc = e;
    }
    return cur;
  };
  const seen = new Uint8Array(n);
  const order: number[] = [];
  const byDegree = Array.from({ length: n }, (_, i) => i).sort((p, q) => degree[p] - degree[q] || p - q);
  for (const start of byDegree) {
    if (seen[start]) continue;
    const root = peripheral(start);
    seen[root] = 1;
    const q = [root];
    for (let h = 0; h < q.length; h++)
      for (const j of nbrs[q[h]])
        if (!seen[j]) {
          seen[j] = 1;
          q.push(j);
        }
    order.push(...q);
  }
  order.reverse();
  const band = (perm: ArrayLike<number>) => {
    const inv = new Int32Array(n);
    for (let k = 0; k < n; k++) inv[perm[k]] = k;
    let b = 0;
    for (let i = 0; i < n; i++) for (const j of nbrs[i]) b = Math.max(b, Math.abs(inv[i] - inv[j]));
    return { perm: Int32Array.from(perm), inv, bandwidth: b };
  };
  // Keep the entity order when it is already narrower (e.g. a lattice numbered row by row).
  const rcm = band(order);
  const natural = band(Array.from({ length: n }, (_, i) => i));
  return natural.bandwidth < rcm.bandwidth ? natural : rcm;
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
    let first = n;
    for (let p = 0; p < n; p++) {
      z[p] = rhs[perm[p]];
      if (z[p] !== 0 && p < first) first = p;
    }
    // L is unit lower triangular: entries before the first non-zero of the rhs stay zero
    for (let i = first; i < n; i++) {
      let s = z[i];
      const ri = i * W - i + b;
      for (let j = Math.max(first, i - b); j < i; j++) s -= a[ri + j] * z[j];
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
