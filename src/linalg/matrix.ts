/**
 * Dense matrices stored column-major in one Float64Array (LAPACK/R layout): element (i, j) of an
 * `rows × cols` matrix is `data[i + j * rows]`. Column-major keeps each regressor contiguous, which is
 * how model frames hold variables (one Float64Array per column).
 */
export interface Matrix {
  readonly rows: number;
  readonly cols: number;
  readonly data: Float64Array;
}

/** A zero matrix of the given shape. */
export function zeros(rows: number, cols: number): Matrix {
  return { rows, cols, data: new Float64Array(rows * cols) };
}

/** Element (i, j). */
export function get(m: Matrix, i: number, j: number): number {
  return m.data[i + j * m.rows];
}

/** Build a matrix from column vectors of equal length (copied). */
export function fromColumns(
  columns: readonly ArrayLike<number>[],
  rows = columns.length ? columns[0].length : 0,
): Matrix {
  const out = zeros(rows, columns.length);
  columns.forEach((c, j) => {
    if (c.length !== rows) throw new RangeError(`fromColumns: column ${j} has ${c.length} rows, expected ${rows}`);
    out.data.set(c as ArrayLike<number>, j * rows);
  });
  return out;
}

/** Build a matrix from row arrays (convenient in tests and for small matrices). */
export function fromRows(rowsArr: readonly (readonly number[])[]): Matrix {
  const r = rowsArr.length;
  const c = r ? rowsArr[0].length : 0;
  const out = zeros(r, c);
  for (let i = 0; i < r; i++) for (let j = 0; j < c; j++) out.data[i + j * r] = rowsArr[i][j];
  return out;
}

/** Column j as a subarray view (no copy). */
export function column(m: Matrix, j: number): Float64Array {
  return m.data.subarray(j * m.rows, (j + 1) * m.rows);
}

/** The matrix as row arrays (for JSON output and tests). */
export function toRows(m: Matrix): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < m.rows; i++) {
    const row = new Array<number>(m.cols);
    for (let j = 0; j < m.cols; j++) row[j] = m.data[i + j * m.rows];
    out.push(row);
  }
  return out;
}

/** Product A·B. */
export function matmul(a: Matrix, b: Matrix): Matrix {
  if (a.cols !== b.rows) throw new RangeError(`matmul: ${a.rows}×${a.cols} times ${b.rows}×${b.cols}`);
  const out = zeros(a.rows, b.cols);
  for (let j = 0; j < b.cols; j++) {
    for (let k = 0; k < a.cols; k++) {
      const bkj = b.data[k + j * b.rows];
      if (bkj === 0) continue;
      const ao = k * a.rows;
      const oo = j * a.rows;
      for (let i = 0; i < a.rows; i++) out.data[oo + i] += a.data[ao + i] * bkj;
    }
  }
  return out;
}

/** Transpose. */
export function transpose(m: Matrix): Matrix {
  const out = zeros(m.cols, m.rows);
  for (let j = 0; j < m.cols; j++) for (let i = 0; i < m.rows; i++) out.data[j + i * m.cols] = m.data[i + j * m.rows];
  return out;
}

/** Sandwich B·M·Bᵀ for square symmetric M (used for vcov = bread·meat·bread). */
export function sandwich(bread: Matrix, meat: Matrix): Matrix {
  return matmul(matmul(bread, meat), transpose(bread));
}

/** Submatrix with the given row and column indices. */
export function subMatrix(m: Matrix, rowIdx: readonly number[], colIdx: readonly number[]): Matrix {
  const out = zeros(rowIdx.length, colIdx.length);
  colIdx.forEach((cj, j) => rowIdx.forEach((ri, i) => (out.data[i + j * rowIdx.length] = m.data[ri + cj * m.rows])));
  return out;
}

/** Matrix-vector product A·x. */
export function matvec(a: Matrix, x: ArrayLike<number>): Float64Array {
  const out = new Float64Array(a.rows);
  for (let j = 0; j < a.cols; j++) {
    const xj = x[j];
    if (xj === 0) continue;
    const o = j * a.rows;
    for (let i = 0; i < a.rows; i++) out[i] += a.data[o + i] * xj;
  }
  return out;
}
