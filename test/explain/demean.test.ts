import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/core/rng.js';
import { demean, type FixedEffect } from '../../src/explain/demean.js';
import { qr, qrResiduals } from '../../src/linalg/index.js';

/** An unbalanced entity × year layout: `entities` × `years` with a share of cells missing. */
function layout(rng: Rng, entities: number, years: number, missing: number, split = false) {
  const a: number[] = [];
  const b: number[] = [];
  for (let e = 0; e < entities; e++)
    for (let t = 0; t < years; t++) {
      // split: the first half of the entities only in the first half of the years, the rest in the
      // second half (two connected components), plus a shared year for none.
      if (split && e < entities / 2 !== t < years / 2) continue;
      if (rng.uniform() < missing) continue;
      a.push(e);
      b.push(t);
    }
  const fe = (name: string, codes: number[]): FixedEffect => {
    const used = [...new Set(codes)].sort((x, y) => x - y);
    const map = new Map(used.map((v, k) => [v, k]));
    return { name, codes: Int32Array.from(codes, (v) => map.get(v)!), nLevels: used.length, labels: used.map(String) };
  };
  return [fe('id', a), fe('year', b)];
}

/** The exact residual of x on the FE dummies (Householder QR on the dummy matrix). */
function dummyResidual(x: Float64Array, fes: readonly FixedEffect[]): Float64Array {
  const n = x.length;
  const cols: Float64Array[] = [];
  for (const fe of fes)
    for (let g = 0; g < fe.nLevels; g++) cols.push(Float64Array.from(fe.codes, (c) => (c === g ? 1 : 0)));
  const X = { rows: n, cols: cols.length, data: new Float64Array(n * cols.length) };
  cols.forEach((c, j) => X.data.set(c, j * n));
  return qrResiduals(qr(X), x);
}

describe('demean: the direct two-way solution', () => {
  for (const [label, split] of [
    ['an unbalanced panel', false],
    ['a panel in two connected components', true],
  ] as const) {
    it(`equals the dummy-variable residual and alternating projections on ${label}`, () => {
      const rng = new Rng(split ? 11 : 10);
      const fes = layout(rng, 40, 8, 0.3, split);
      const n = fes[0].codes.length;
      // A column with a large mean (a year variable) and an ordinary one.
      const cols = [
        Float64Array.from({ length: n }, () => rng.normal()),
        Float64Array.from(fes[1].codes, (t) => 2000 + t + 0.01 * rng.normal()),
      ];
      const direct = demean(cols, fes);
      const iterative = demean(cols, fes, { direct: false, tol: 1e-14 });
      expect(direct.iterations).toEqual([1, 1]);
      expect(iterative.iterations[0]).toBeGreaterThan(1);
      cols.forEach((c, j) => {
        const exact = dummyResidual(c, fes);
        // Rounding of the input (values near 2000) is the floor: 1e-14 of the largest |x|.
        const floor = 1e-14 * c.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
        const scale = Math.sqrt(exact.reduce((s, v) => s + v * v, 0) / n);
        for (let i = 0; i < n; i++) {
          expect(Math.abs(direct.columns[j][i] - exact[i])).toBeLessThan(1e-11 * scale + floor);
          expect(Math.abs(iterative.columns[j][i] - exact[i])).toBeLessThan(1e-9 * scale + floor);
        }
      });
    });
  }
  it('leaves the input columns unchanged', () => {
    const rng = new Rng(3);
    const fes = layout(rng, 20, 5, 0.2);
    const x = Float64Array.from(fes[0].codes, () => rng.normal());
    const copy = x.slice();
    demean([x], fes);
    expect(x).toEqual(copy);
  });
});
