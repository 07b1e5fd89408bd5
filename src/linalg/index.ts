/**
 * Linear algebra core (pure TypeScript, browser-safe). API note for users inside nqpf:
 *
 * - Storage: {@link Matrix} `{rows, cols, data}` column-major Float64Array; element (i,j) =
 *   `data[i + j*rows]`. Helpers `zeros, fromColumns, fromRows, toRows, get, column, matmul,
 *   matvec, transpose, sandwich(bread, meat) = B·M·Bᵀ, subMatrix`.
 * - Cross-products on column lists (a model frame is `Float64Array[]`): `crossprod(cols, w?)` → XᵀX
 *   (p×p), `xty(cols, y, w?)` → Xᵀy, `dot`, `wdot`.
 * - `cholesky(A, {tol=1e-10})` → `{r, rank, keep, dropped}`: order-preserving Cholesky that drops a
 *   column whose R² on the earlier kept columns exceeds 1 − tol (fixest's collinearity rule).
 *   `choleskySolve(f, b)` → full-length solution with NaN at dropped columns;
 *   `choleskyInverse(f)` → (A[keep,keep])⁻¹ (rank × rank), the vcov bread; `spdInverse(A)` throws
 *   on singular input.
 * - `qr(X, {pivoting:'limited'|'full', tol=1e-7})` Householder QR with column pivoting and rank
 *   detection (`limited` = R's dqrdc2 as in `lm`); `qrCoef(f, y)` (NaN beyond rank), `qrResiduals`,
 *   `qrQty`, `qrR`.
 * - `choleskyQr2(cols, ys)` thin QR by CholeskyQR2 → `{r, qty}`: least squares with QR accuracy in
 *   two streaming passes (used by feols on near-collinear designs).
 * - Triangular solves: `solveUpper`, `solveUpperTransposed`, `solveLower`, `invertUpper`.
 */
export * from './matrix.js';
export * from './crossprod.js';
export * from './cholesky.js';
export * from './qr.js';
export * from './cholesky-qr.js';
export { symmetricEigenvalues } from './eigen.js';
