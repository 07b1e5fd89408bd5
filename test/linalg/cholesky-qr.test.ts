import { describe, expect, it } from 'vitest';
import { choleskyQr2, crossprod, qr, qrR } from '../../src/linalg/index.js';
import { Rng } from '../../src/core/rng.js';

describe('choleskyQr2', () => {
  it('gives the R of Householder QR (up to signs) and RᵀR = XᵀX on a near-collinear matrix (κ ≈ 1e5)', () => {
    const rng = new Rng(7);
    const n = 200;
    const u = Float64Array.from({ length: n }, () => rng.normal());
    const cols = [new Float64Array(n).fill(1), u, u.map((v) => v + 2e-5 * rng.normal())];
    const { r, qty } = choleskyQr2(cols, [u]);
    const h = qrR(qr({ rows: n, cols: 3, data: Float64Array.from(cols.flatMap((c) => [...c])) }, { tol: 0 }));
    for (let j = 0; j < 3; j++)
      for (let i = 0; i <= j; i++) {
        const sign = Math.sign(h.data[i + i * 3]);
        expect(Math.abs(r.data[i + j * 3] - sign * h.data[i + j * 3])).toBeLessThan(
          1e-9 * Math.abs(h.data[j + j * 3]) + 1e-12 * Math.abs(h.data[0]),
        );
      }
    // y = the second column: Qᵀy = R e₂.
    expect(Math.abs(qty[0][1] - r.data[1 + 1 * 3])).toBeLessThan(1e-12 * Math.abs(r.data[4]));
    expect(Math.abs(qty[0][2])).toBeLessThan(1e-9);
    const g = crossprod(cols);
    let rtr = 0;
    for (let l = 0; l <= 1; l++) rtr += r.data[l + 1 * 3] * r.data[l + 2 * 3];
    expect(Math.abs(rtr - g.data[1 + 2 * 3]) / g.data[1 + 2 * 3]).toBeLessThan(1e-13);
  });
  it('rejects linearly dependent columns', () => {
    const x = Float64Array.from([1, 2, 3, 4]);
    expect(() => choleskyQr2([x, x.map((v) => 2 * v)], [])).toThrow(RangeError);
  });
});
