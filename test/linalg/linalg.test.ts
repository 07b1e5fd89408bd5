import { describe, expect, it } from 'vitest';
import {
  cholesky,
  choleskyInverse,
  choleskySolve,
  crossprod,
  fromColumns,
  fromRows,
  matmul,
  qr,
  qrCoef,
  qrResiduals,
  spdInverse,
  toRows,
  transpose,
  xty,
  solveLower,
  solveUpper,
  solveUpperTransposed,
  invertUpper,
} from '../../src/linalg/index.js';
import { Rng } from '../../src/core/rng.js';
import { expectClose } from '../helpers/expect.js';

function randomCols(n: number, p: number, seed: number): Float64Array[] {
  const rng = new Rng(seed);
  return Array.from({ length: p }, () => Float64Array.from({ length: n }, () => rng.normal()));
}

describe('crossprod', () => {
  it('matches XᵀX computed by matmul', () => {
    const cols = randomCols(50, 4, 1);
    const x = fromColumns(cols);
    const a = crossprod(cols);
    const b = matmul(transpose(x), x);
    a.data.forEach((v, i) => expectClose(v, b.data[i], { rel: 1e-10, abs: 1e-10 }));
    const w = Float64Array.from({ length: 50 }, (_, i) => 1 + (i % 3));
    const aw = crossprod(cols, w);
    let s = 0;
    for (let i = 0; i < 50; i++) s += w[i] * cols[1][i] * cols[2][i];
    expectClose(aw.data[1 + 2 * 4], s, { rel: 1e-10, abs: 1e-10 });
    expectClose(xty(cols, cols[0])[0], a.data[0], { rel: 1e-10, abs: 1e-10 });
  });
});

describe('cholesky', () => {
  it('factorises an SPD matrix: RᵀR = A and the inverse satisfies A·A⁻¹ = I', () => {
    const a = fromRows([
      [4, 12, -16],
      [12, 37, -43],
      [-16, -43, 98],
    ]);
    const f = cholesky(a);
    expect(f.rank).toBe(3);
    // Textbook factor: R = [[2,6,-8],[0,1,5],[0,0,3]].
    expect(toRows(f.r)).toEqual([
      [2, 6, -8],
      [0, 1, 5],
      [0, 0, 3],
    ]);
    const inv = choleskyInverse(f);
    const id = matmul(a, inv);
    for (let i = 0; i < 3; i++)
      for (let j = 0; j < 3; j++) expectClose(id.data[i + 3 * j], i === j ? 1 : 0, { rel: 1e-12, abs: 1e-12 });
    const x = choleskySolve(f, [1, 2, 3]);
    const ax = [0, 1, 2].map((i) => a.data[i] * x[0] + a.data[i + 3] * x[1] + a.data[i + 6] * x[2]);
    ax.forEach((v, i) => expectClose(v, i + 1, { rel: 1e-12, abs: 1e-12 }));
    expect(() =>
      spdInverse(
        fromRows([
          [1, 1],
          [1, 1],
        ]),
      ),
    ).toThrow(RangeError);
  });

  it('drops the later of two collinear columns (fixest/lm convention) and a constant-zero column', () => {
    const [x1, x2] = randomCols(30, 2, 2);
    const x3 = Float64Array.from(x1, (v, i) => 2 * v - x2[i]);
    const zero = new Float64Array(30);
    const f = cholesky(crossprod([x1, x2, x3, zero]));
    expect(f.keep).toEqual([0, 1]);
    expect(f.dropped).toEqual([2, 3]);
    const b = choleskySolve(f, xty([x1, x2, x3, zero], x1));
    expectClose(b[0], 1, { rel: 1e-10, abs: 1e-10 });
    expectClose(b[1], 0, { rel: 1e-12, abs: 1e-12 });
    expect(Number.isNaN(b[2]) && Number.isNaN(b[3])).toBe(true);
  });
});

describe('triangular solves', () => {
  it('solve and invert upper and lower triangles', () => {
    const r = fromRows([
      [2, 1, 3],
      [0, 4, 5],
      [0, 0, 6],
    ]);
    const x = solveUpper(r, [15, 23, 18]);
    expect(Array.from(x)).toEqual([2, 2, 3]);
    const y = solveUpperTransposed(r, [4, 10, 34]);
    expect(Array.from(y)).toEqual([2, 2, 3]);
    const l = transpose(r);
    expect(Array.from(solveLower(l, [4, 10, 34]))).toEqual([2, 2, 3]);
    const ri = invertUpper(r);
    const id = matmul(r, ri);
    for (let i = 0; i < 3; i++)
      for (let j = 0; j < 3; j++) expectClose(id.data[i + 3 * j], i === j ? 1 : 0, { rel: 1e-15, abs: 1e-15 });
  });
});

describe('qr', () => {
  it('least squares equals the normal-equations solution and residuals are orthogonal to X', () => {
    const cols = randomCols(40, 3, 3);
    const one = new Float64Array(40).fill(1);
    const y = Float64Array.from(cols[0], (v, i) => 1 + 2 * v - cols[1][i] + 0.5 * cols[2][i] + Math.sin(i));
    const X = [one, ...cols];
    for (const pivoting of ['limited', 'full'] as const) {
      const f = qr(fromColumns(X), { pivoting });
      expect(f.rank).toBe(4);
      const b = qrCoef(f, y);
      const bn = choleskySolve(cholesky(crossprod(X)), xty(X, y));
      b.forEach((v, i) => expectClose(v, bn[i], { rel: 1e-11, abs: 1e-11 }));
      const e = qrResiduals(f, y);
      for (const c of X) {
        let s = 0;
        for (let i = 0; i < 40; i++) s += c[i] * e[i];
        expect(Math.abs(s)).toBeLessThan(1e-12);
      }
      for (let i = 0; i < 40; i++) {
        let fit = 0;
        X.forEach((c, j) => (fit += c[i] * b[j]));
        expectClose(y[i] - fit, e[i], { rel: 1e-11, abs: 1e-11 });
      }
    }
  });

  it('detects rank deficiency; limited pivoting reports the later collinear column as NA like lm', () => {
    const [x1, x2] = randomCols(25, 2, 4);
    const one = new Float64Array(25).fill(1);
    const x3 = Float64Array.from(x1, (v, i) => v + x2[i] + 1);
    const y = Float64Array.from(x1, (v, i) => v - x2[i] + 0.1 * i);
    const f = qr(fromColumns([one, x1, x3, x2]));
    expect(f.rank).toBe(3);
    expect(f.pivot.slice(3)).toEqual([3]);
    const b = qrCoef(f, y);
    expect(Number.isNaN(b[3])).toBe(true);
    const ff = qr(fromColumns([one, x1, x3, x2]), { pivoting: 'full' });
    expect(ff.rank).toBe(3);
    // Fitted values do not depend on which column was dropped.
    const e1 = qrResiduals(f, y);
    const e2 = qrResiduals(ff, y);
    e1.forEach((v, i) => expectClose(v, e2[i], { rel: 1e-10, abs: 1e-10 }));
  });
});
