/**
 * Maximise a univariate function on [lo, hi] by Brent's method (golden section with parabolic
 * interpolation; Brent 1973, ch. 5) — the algorithm of R's `optimize`, which spatialreg uses for ρ and λ.
 * `tol` is absolute in x (R's default is √ε ≈ 1.5e-8; nqpf uses 1e-11 so that estimates agree with a
 * tightly converged R fit to 1e-8 relative).
 */
export function maximize(
  f: (x: number) => number,
  lo: number,
  hi: number,
  tol = 1e-11,
): { x: number; value: number; evaluations: number } {
  const g = (x: number) => -f(x);
  const c = (3 - Math.sqrt(5)) / 2;
  const eps = Math.sqrt(2.220446049250313e-16);
  let a = lo;
  let b = hi;
  let v = a + c * (b - a);
  let w = v;
  let x = v;
  let d = 0;
  let e = 0;
  let fx = g(x);
  let fv = fx;
  let fw = fx;
  let evals = 1;
  const tol3 = tol / 3;
  for (;;) {
    const xm = (a + b) / 2;
    const tol1 = eps * Math.abs(x) + tol3;
    const t2 = 2 * tol1;
    if (Math.abs(x - xm) <= t2 - (b - a) / 2) break;
    let p = 0;
    let q = 0;
    let r = 0;
    if (Math.abs(e) > tol1) {
      r = (x - w) * (fx - fv);
      q = (x - v) * (fx - fw);
      p = (x - v) * q - (x - w) * r;
      q = (q - r) * 2;
      if (q > 0) p = -p;
      else q = -q;
      r = e;
      e = d;
    }
    if (Math.abs(p) >= Math.abs(q * 0.5 * r) || p <= q * (a - x) || p >= q * (b - x)) {
      e = x < xm ? b - x : a - x;
      d = c * e;
    } else {
      d = p / q;
      const u = x + d;
      if (u - a < t2 || b - u < t2) d = x < xm ? tol1 : -tol1;
    }
    const u = Math.abs(d) >= tol1 ? x + d : d > 0 ? x + tol1 : x - tol1;
    const fu = g(u);
    evals++;
    if (fu <= fx) {
      if (u < x) b = x;
      else a = x;
      v = w;
      fv = fw;
      w = x;
      fw = fx;
      x = u;
      fx = fu;
    } else {
      if (u < x) a = u;
      else b = u;
      if (fu <= fw || w === x) {
        v = w;
        fv = fw;
        w = u;
        fw = fu;
      } else if (fu <= fv || v === x || v === w) {
        v = u;
        fv = fu;
      }
    }
  }
  return { x, value: -fx, evaluations: evals };
}
