import { describe, expect, it } from 'vitest';
import { makeLogDet, gTraces } from '../../src/spatial-econometrics/logdet.js';
import { sparseWFromPairs } from '../../src/spatial-econometrics/sparse-w.js';
import { fitSpatialPanel } from '../../src/spatial-econometrics/fit.js';
import { spatialEffects } from '../../src/spatial-econometrics/effects.js';
import { Rng } from '../../src/core/rng.js';
import { BandLU } from '../../src/spatial-econometrics/band-lu.js';

/** Queen contiguity on an r×c lattice with a few diagonals removed at random (irregular degrees). */
function lattice(r: number, c: number): [number, number][] {
  const rng = new Rng(5);
  const pairs: [number, number][] = [];
  for (let i = 0; i < r; i++)
    for (let j = 0; j < c; j++) {
      const a = i * c + j;
      if (j + 1 < c) pairs.push([a, a + 1]);
      if (i + 1 < r) pairs.push([a, a + c]);
      if (i + 1 < r && j + 1 < c && rng.uniform() < 0.5) pairs.push([a, a + c + 1]);
    }
  return pairs;
}

describe('log-determinant methods', () => {
  const w = sparseWFromPairs(150, lattice(10, 15));
  const eig = makeLogDet(w, { method: 'eigen' });
  const lu = makeLogDet(w, { method: 'sparse-lu' });

  it('eigenvalues: Σλ = tr(W) = 0, λ_max = 1 for row-standardised W', () => {
    const ev = eig.eigenvalues!;
    expect(Math.abs(ev.reduce((s, v) => s + v, 0))).toBeLessThan(1e-10);
    expect(Math.abs(ev[ev.length - 1] - 1)).toBeLessThan(1e-12);
  });

  it('the band LDLᵀ (symmetric-similar W) and the band LU (any W) give the eigen log-determinant to rounding', () => {
    for (const r of [-0.9, -0.3, 0, 0.2, 0.5, 0.8, 0.95]) {
      const tol = 1e-10 * Math.max(1, Math.abs(eig.logDet(r)));
      expect(Math.abs(lu.logDet(r) - eig.logDet(r))).toBeLessThan(tol);
      expect(Math.abs(new BandLU(w, lu.order, r).logDet() - eig.logDet(r))).toBeLessThan(tol);
    }
  });

  it('Chebyshev traces from the sparse log-determinant agree with the eigen traces to 1e-9', () => {
    const rhos = [0.2, 0.35, 0.5];
    const te = eig.traces(rhos);
    const tl = lu.traces(rhos);
    for (const r of [0.2, 0.3, 0.41, 0.5]) {
      const a = te(r);
      const b = tl(r);
      expect(Math.abs(a.a - b.a)).toBeLessThan(1e-9);
      expect(Math.abs(a.b - b.b)).toBeLessThan(1e-9);
      expect(Math.abs(a.db - b.db)).toBeLessThan(1e-7);
    }
  });

  it('exact traces of G = W(I − ρW)⁻¹ from sparse solves match the eigenvalue sums', () => {
    const r = 0.4;
    const t = gTraces(w, eig, r);
    const ev = eig.eigenvalues!;
    let trG = 0;
    let trG2 = 0;
    for (const l of ev) {
      trG += l / (1 - r * l);
      trG2 += (l / (1 - r * l)) ** 2;
    }
    expect(Math.abs(t.trG - trG)).toBeLessThan(1e-10);
    expect(Math.abs(t.trG2 - trG2)).toBeLessThan(1e-10);
    // the n-solve route (used for non-symmetric W and ‖Gᵀι‖²) gives the same traces as the Takahashi route
    const s = gTraces(w, eig, r, { colSums: true });
    expect(Math.abs(s.trG - t.trG)).toBeLessThan(1e-10);
    expect(Math.abs(s.trG2 - t.trG2)).toBeLessThan(1e-10);
    expect(Math.abs(s.trGtG - t.trGtG)).toBeLessThan(1e-10 * s.trGtG);
  });

  it('an SDM fitted with either log-determinant gives the same estimates, SEs and effects', () => {
    const N = 150;
    const T = 5;
    const rng = new Rng(9);
    const x1 = Float64Array.from({ length: N * T }, () => rng.normal(0, 1));
    const y = Float64Array.from({ length: N * T }, (_, i) => x1[i] + rng.normal(0, 1) + (i % 7) * 0.1);
    const data = { ids: w.ids, periods: [1, 2, 3, 4, 5], y, yName: 'y', x: [x1], xNames: ['x1'] };
    const a = fitSpatialPanel(data, w, { model: 'sdm', fe: 'both', logdet: { method: 'eigen' } });
    const b = fitSpatialPanel(data, w, { model: 'sdm', fe: 'both', logdet: { method: 'sparse-lu' } });
    expect(Math.abs(a.rho - b.rho)).toBeLessThan(1e-7);
    for (let i = 0; i < a.vcov.data.length; i++)
      expect(Math.abs(a.vcov.data[i] - b.vcov.data[i])).toBeLessThan(1e-7 * Math.abs(a.vcov.data[0]));
    const ea = spatialEffects(a, { inference: 'delta' });
    const eb = spatialEffects(b, { inference: 'delta' });
    expect(Math.abs(ea[0].direct.estimate - eb[0].direct.estimate)).toBeLessThan(1e-7);
    expect(Math.abs(ea[0].indirect.stdError - eb[0].indirect.stdError)).toBeLessThan(1e-6);
  });
});

describe('Chebyshev traces near the unit root', () => {
  it('stay accurate when the draws approach ρ = 1 (the degree adapts)', () => {
    const rng = new Rng(11);
    const pairs: [number, number][] = [];
    for (let i = 0; i < 12; i++)
      for (let j = 0; j < 12; j++) {
        const a = i * 12 + j;
        if (j + 1 < 12) pairs.push([a, a + 1]);
        if (i + 1 < 12) pairs.push([a, a + 12]);
        if (i + 1 < 12 && j + 1 < 12 && rng.uniform() < 0.5) pairs.push([a, a + 13]);
      }
    const w = sparseWFromPairs(144, pairs);
    const eig = makeLogDet(w, { method: 'eigen' });
    const lu = makeLogDet(w, { method: 'sparse-lu' });
    const rhos = [0.8, 0.95, 0.995];
    const te = eig.traces(rhos);
    const tl = lu.traces(rhos);
    for (const r of [0.81, 0.9, 0.97, 0.99]) {
      expect(Math.abs(te(r).a - tl(r).a) / te(r).a).toBeLessThan(1e-7);
      expect(Math.abs(te(r).b - tl(r).b) / te(r).b).toBeLessThan(1e-7);
    }
  });
});
