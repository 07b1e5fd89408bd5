import { InputError } from '../core/errors.js';
import type { Note } from '../core/notes.js';
import { EARTH_RADIUS_KM } from './weights.js';

/** One weighted location (e.g. a province capital weighted by its NQPF score). */
export interface WeightedPoint {
  readonly id?: string;
  readonly lat: number;
  readonly lon: number;
  /** Non-negative weight; NaN points are skipped with a note. */
  readonly weight: number;
}

export interface EllipseOptions {
  /** Multiply the standard distances by √2 (ArcGIS Directional Distribution, default true). */
  sqrt2?: boolean;
  /** Divide the weighted sums of squares by Σw (`n`, ArcGIS, default) or by Σw·(n−2)/n (`n-2`, CrimeStat's small-sample form). */
  denominator?: 'n' | 'n-2';
  /** Number of vertices of the returned polygon (default 72, one every 5°). */
  vertices?: number;
}

export interface StandardDeviationalEllipse {
  /** Weighted mean centre in degrees. */
  readonly centre: { lat: number; lon: number };
  /** Angle of the major axis, degrees clockwise from north, in [0, 180). */
  readonly angle: number;
  /** Standard distance along the major axis, km. */
  readonly sigmaMajor: number;
  /** Standard distance along the minor axis, km. */
  readonly sigmaMinor: number;
  /** π·σmajor·σminor, km². */
  readonly areaKm2: number;
  /** σminor/σmajor: 1 for no direction, → 0 for a strongly oriented pattern. */
  readonly flattening: number;
  readonly n: number;
  readonly totalWeight: number;
  /** Closed ring of [lon, lat] pairs (first = last) for maps (GeoJSON order). */
  readonly polygon: [number, number][];
  readonly notes: readonly Note[];
}

/**
 * Standard deviational ellipse of a weighted point set (Lefever 1926; Yuill 1971, Geographical
 * Analysis 3(1):28–36), as ArcGIS "Directional Distribution (Standard Deviational Ellipse)":
 * mean centre (X̄, Ȳ) = Σwᵢ(xᵢ, yᵢ)/Σwᵢ; with x̃ = x − X̄, ỹ = y − Ȳ the weighted covariance
 * S = [Σw x̃², Σw x̃ỹ; Σw x̃ỹ, Σw ỹ²]/Σw; its eigenvectors are the axes and
 * σ = √2·√λ (ArcGIS's √2 correction, option `sqrt2`). This is the same ellipse as ArcGIS's
 * tan θ = (A + B)/C form (A = Σw x̃² − Σw ỹ², B = √(A² + 4(Σw x̃ỹ)²), C = 2Σw x̃ỹ), written with an
 * eigen-decomposition to avoid the quadrant ambiguity of tan θ.
 *
 * Convention: coordinates are lon/lat projected on a local equirectangular plane about the weighted
 * mean centre (x = R·Δλ·cos φ₀, y = R·Δφ, R = 6371.0088 km), adequate at the scale of China or a
 * continent, distorted near the poles and wrong across the ±180° meridian. Denominator Σw (ArcGIS);
 * `denominator: 'n-2'` rescales by n/(n−2) (CrimeStat). The angle is that of the major (long) axis,
 * clockwise from north, as ArcGIS's Rotation field ("rotation of the long axis measured clockwise from
 * noon"). The √2 factor follows the formulas of ArcGIS's "How Directional Distribution works" page; no
 * ArcGIS output was available to compare with. References: ArcGIS Pro help, "How
 * Directional Distribution (Standard Deviational Ellipse) works"; Wang, Shi & Miao (2015), "Confidence
 * analysis of standard deviational ellipse", PLoS ONE 10(3):e0118537.
 *
 * @throws InputError for negative weights, invalid coordinates, fewer than 3 usable points, or zero total weight.
 */
export function standardDeviationalEllipse(
  points: readonly WeightedPoint[],
  options: EllipseOptions = {},
): StandardDeviationalEllipse {
  const notes: Note[] = [];
  const used = points.filter((p) => Number.isFinite(p.weight));
  if (used.length < points.length) {
    notes.push({
      level: 'info',
      code: 'dropped-points',
      message: `${points.length - used.length} points without a weight were left out of the ellipse`,
    });
  }
  for (const p of used) {
    const name = p.id ? `"${p.id}"` : `at (${p.lat}, ${p.lon})`;
    if (p.weight < 0)
      throw new InputError(`negative weight ${p.weight} for ${name} in the standard deviational ellipse`, {
        hint: 'weights must be ≥ 0 (e.g. an index score in [0, 1])',
      });
    if (!Number.isFinite(p.lat) || !Number.isFinite(p.lon) || Math.abs(p.lat) > 90) {
      throw new InputError(`entity ${name} has no valid latitude/longitude`, {
        hint: 'give lat/lon in decimal degrees for every entity',
      });
    }
  }
  const n = used.length;
  if (n < 3) throw new InputError(`the standard deviational ellipse needs at least 3 weighted points (got ${n})`);
  let W = 0;
  let lat0 = 0;
  let lon0 = 0;
  for (const p of used) {
    W += p.weight;
    lat0 += p.weight * p.lat;
    lon0 += p.weight * p.lon;
  }
  if (!(W > 0))
    throw new InputError('all weights are zero: the standard deviational ellipse is undefined', {
      hint: 'use a positive weight such as the index score',
    });
  lat0 /= W;
  lon0 /= W;
  const rad = Math.PI / 180;
  const kx = EARTH_RADIUS_KM * rad * Math.cos(lat0 * rad);
  const ky = EARTH_RADIUS_KM * rad;
  let sxx = 0;
  let syy = 0;
  let sxy = 0;
  for (const p of used) {
    const x = (p.lon - lon0) * kx;
    const y = (p.lat - lat0) * ky;
    sxx += p.weight * x * x;
    syy += p.weight * y * y;
    sxy += p.weight * x * y;
  }
  const scale = (options.denominator === 'n-2' ? n / (n - 2) : 1) / W;
  sxx *= scale;
  syy *= scale;
  sxy *= scale;
  // eigen-decomposition of the symmetric 2×2 covariance
  const half = (sxx + syy) / 2;
  const disc = Math.hypot((sxx - syy) / 2, sxy);
  const l1 = half + disc;
  const l2 = Math.max(half - disc, 0);
  // major-axis direction (ux east, uy north)
  let ux: number;
  let uy: number;
  if (disc === 0) {
    ux = 0;
    uy = 1;
  } else if (Math.abs(sxy) > 0) {
    ux = sxy;
    uy = l1 - sxx;
  } else if (sxx >= syy) {
    ux = 1;
    uy = 0;
  } else {
    ux = 0;
    uy = 1;
  }
  const len = Math.hypot(ux, uy);
  ux /= len;
  uy /= len;
  let angle = Math.atan2(ux, uy) / rad;
  angle = ((angle % 180) + 180) % 180;
  const f = options.sqrt2 === false ? 1 : Math.SQRT2;
  const sigmaMajor = f * Math.sqrt(l1);
  const sigmaMinor = f * Math.sqrt(l2);
  const m = options.vertices ?? 72;
  const polygon: [number, number][] = [];
  for (let k = 0; k <= m; k++) {
    const t = (2 * Math.PI * (k % m)) / m;
    const a = sigmaMajor * Math.cos(t);
    const b = sigmaMinor * Math.sin(t);
    // minor axis = major rotated 90° clockwise: (uy, −ux)
    const x = a * ux + b * uy;
    const y = a * uy - b * ux;
    polygon.push([lon0 + x / kx, lat0 + y / ky]);
  }
  return {
    centre: { lat: lat0, lon: lon0 },
    angle,
    sigmaMajor,
    sigmaMinor,
    areaKm2: Math.PI * sigmaMajor * sigmaMinor,
    flattening: sigmaMajor > 0 ? sigmaMinor / sigmaMajor : NaN,
    n,
    totalWeight: W,
    polygon,
    notes,
  };
}
