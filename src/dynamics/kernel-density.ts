/**
 * Gaussian kernel density estimate f(x) = (1/(nh)) Σ φ((x − X_i)/h), computed two ways:
 *
 * - `'binned'` (default): R's `density()` algorithm (R 4.x, src/library/stats/R/density.R and
 *   C_BinDist): linear binning of the data onto a grid of M = max(n, 512) points (rounded up to a
 *   power of 2) spanning [from − 4h, to + 4h], circular convolution with the Gaussian kernel by FFT
 *   on 2M points, negative round-off clipped to 0, then linear interpolation onto the n output points
 *   in [from, to]. This reproduces `density(x, bw, n, from, to)` to ~1e-15 (relative to the peak).
 * - `'exact'`: the sum evaluated at each output point, O(n·N).
 *
 * Defaults as R: bandwidth `bw.nrd0` (Silverman), from = min − 3h, to = max + 3h (cut = 3), n = 512.
 */
import { InputError } from '../core/errors.js';
import { validValues } from '../core/numeric.js';
import { bandwidthNrd0 } from './bandwidth.js';
import { fftInPlace } from './fft.js';

/** Options of {@link kernelDensity} (R `density()` argument names). */
export interface DensityOptions {
  /** Bandwidth h; default bw.nrd0 (Silverman's rule). */
  readonly bw?: number;
  /** Multiplier of the bandwidth, as R's `adjust`. Default 1. */
  readonly adjust?: number;
  /** Number of output points. Default 512. */
  readonly n?: number;
  readonly from?: number;
  readonly to?: number;
  /** Grid reaches `cut` bandwidths beyond the data when from/to are not given. Default 3. */
  readonly cut?: number;
  readonly method?: 'binned' | 'exact';
}

/** Grid x, density y, the bandwidth used and the number of values. */
export interface Density {
  readonly x: Float64Array;
  readonly y: Float64Array;
  readonly bw: number;
  readonly n: number;
  readonly method: 'binned' | 'exact';
}

/** `length` equally spaced points from `from` to `to`, ends exact (R's seq.int(from, to, length.out)). */
export function linspace(from: number, to: number, length: number): Float64Array {
  const out = new Float64Array(length);
  if (length === 0) return out;
  out[0] = from;
  if (length === 1) return out;
  out[length - 1] = to;
  const by = (to - from) / (length - 1);
  // R fills the first half forwards from `from` and the second half backwards from `to`.
  for (let i = 1; i < length - 1; i++) out[i] = i < length / 2 ? from + i * by : to - (length - 1 - i) * by;
  return out;
}

/** Linear binning of weights onto 2M cells as R's C_BinDist (only the first M are filled). */
function binDist(x: Float64Array, weight: number, lo: number, hi: number, m: number): Float64Array {
  const y = new Float64Array(2 * m);
  const ixmin = 0;
  const ixmax = m - 2;
  const delta = (hi - lo) / (m - 1);
  for (let i = 0; i < x.length; i++) {
    const pos = (x[i] - lo) / delta;
    const ix = Math.floor(pos);
    const fx = pos - ix;
    if (ixmin <= ix && ix <= ixmax) {
      y[ix] += weight * (1 - fx);
      y[ix + 1] += weight * fx;
    } else if (ix === -1) y[0] += weight * fx;
    else if (ix === ixmax + 1) y[ix] += weight * (1 - fx);
  }
  return y;
}

/** Linear interpolation of (xs, ys) at v, as R's approx (xs increasing, v within range). */
function interpolate(xs: Float64Array, ys: Float64Array, v: number): number {
  let i = 0;
  let j = xs.length - 1;
  if (v < xs[i] || v > xs[j]) return NaN;
  while (i < j - 1) {
    const ij = (i + j) >> 1;
    if (v < xs[ij]) j = ij;
    else i = ij;
  }
  if (v === xs[j]) return ys[j];
  if (v === xs[i]) return ys[i];
  return ys[i] + (ys[j] - ys[i]) * ((v - xs[i]) / (xs[j] - xs[i]));
}

const INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);

/** Gaussian kernel density of the finite values of `data`. */
export function kernelDensity(data: ArrayLike<number>, options: DensityOptions = {}): Density {
  const x = validValues(data);
  const nx = x.length;
  if (nx < 1) throw new InputError('kernel density needs at least one value');
  const bw = (options.bw ?? bandwidthNrd0(x)) * (options.adjust ?? 1);
  if (!(bw > 0) || !Number.isFinite(bw))
    throw new InputError(`kernel density bandwidth must be positive (got ${bw})`, { hint: 'give --bw > 0' });
  const nOut = options.n ?? 512;
  if (!(Number.isInteger(nOut) && nOut >= 2))
    throw new InputError(`number of density points must be a whole number ≥ 2 (got ${nOut})`);
  const cut = options.cut ?? 3;
  let min = Infinity;
  let max = -Infinity;
  for (const v of x) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const from = options.from ?? min - cut * bw;
  const to = options.to ?? max + cut * bw;
  if (!(to > from)) throw new InputError(`density grid needs from < to (got ${from}, ${to})`);
  const method = options.method ?? 'binned';
  const xOut = linspace(from, to, nOut);
  if (method === 'exact') {
    const y = new Float64Array(nOut);
    for (let k = 0; k < nOut; k++) {
      let s = 0;
      for (let i = 0; i < nx; i++) {
        const z = (xOut[k] - x[i]) / bw;
        s += Math.exp(-0.5 * z * z);
      }
      y[k] = (s * INV_SQRT_2PI) / (nx * bw);
    }
    return { x: xOut, y, bw, n: nx, method };
  }
  let m = Math.max(nOut, 512);
  if (m > 512) m = 2 ** Math.ceil(Math.log2(m));
  const lo = from - 4 * bw;
  const up = to + 4 * bw;
  const yRe = binDist(x, 1 / nx, lo, up, m);
  const yIm = new Float64Array(2 * m);
  // Kernel evaluated at the circular lags 0, δ, ..., (M)δ, then −(M−1)δ, ..., −δ.
  const kords = linspace(0, 2 * (up - lo), 2 * m);
  for (let k = m + 1; k < 2 * m; k++) kords[k] = -kords[2 * m - k];
  const kRe = new Float64Array(2 * m);
  const kIm = new Float64Array(2 * m);
  for (let k = 0; k < 2 * m; k++) {
    const z = kords[k] / bw;
    kRe[k] = (INV_SQRT_2PI / bw) * Math.exp(-0.5 * z * z);
  }
  fftInPlace(yRe, yIm);
  fftInPlace(kRe, kIm);
  // fft(y) · Conj(fft(kernel)), then the inverse transform divided by its length.
  for (let k = 0; k < 2 * m; k++) {
    const r = yRe[k] * kRe[k] + yIm[k] * kIm[k];
    const i = yIm[k] * kRe[k] - yRe[k] * kIm[k];
    yRe[k] = r;
    yIm[k] = i;
  }
  fftInPlace(yRe, yIm, true);
  const dens = new Float64Array(m);
  for (let k = 0; k < m; k++) dens[k] = Math.max(0, yRe[k] / (2 * m));
  const xords = linspace(lo, up, m);
  const y = Float64Array.from(xOut, (v) => interpolate(xords, dens, v));
  return { x: xOut, y, bw, n: nx, method };
}
