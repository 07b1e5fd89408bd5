import path from 'node:path';
import { ROOT } from '../helpers/root.js';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { InputError } from '../../src/core/errors.js';
import { standardDeviationalEllipse, type WeightedPoint } from '../../src/spatial/ellipse.js';
import { EARTH_RADIUS_KM } from '../../src/spatial/weights.js';

const provinces: WeightedPoint[] = readFileSync(path.join(ROOT, 'data/builtin/china-provinces.csv'), 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((l, i) => {
    const c = l.split(',');
    // deterministic synthetic weight (not data about China)
    return { id: c[1], lat: Number(c[6]), lon: Number(c[7]), weight: 1 + ((i * 7) % 5) };
  });

/** ArcGIS's trigonometric form (tan θ = (A + B)/C), written independently of the implementation. */
function arcgis(points: WeightedPoint[]) {
  const W = points.reduce((s, p) => s + p.weight, 0);
  const lat0 = points.reduce((s, p) => s + p.weight * p.lat, 0) / W;
  const lon0 = points.reduce((s, p) => s + p.weight * p.lon, 0) / W;
  const r = Math.PI / 180;
  const xs = points.map((p) => (p.lon - lon0) * r * EARTH_RADIUS_KM * Math.cos(lat0 * r));
  const ys = points.map((p) => (p.lat - lat0) * r * EARTH_RADIUS_KM);
  let sxx = 0;
  let syy = 0;
  let sxy = 0;
  points.forEach((p, i) => {
    sxx += p.weight * xs[i] ** 2;
    syy += p.weight * ys[i] ** 2;
    sxy += p.weight * xs[i] * ys[i];
  });
  const A = sxx - syy;
  const B = Math.sqrt(A * A + 4 * sxy * sxy);
  const theta = Math.atan((A + B) / (2 * sxy));
  let sx = 0;
  let sy = 0;
  points.forEach((p, i) => {
    sx += p.weight * (xs[i] * Math.cos(theta) - ys[i] * Math.sin(theta)) ** 2;
    sy += p.weight * (xs[i] * Math.sin(theta) + ys[i] * Math.cos(theta)) ** 2;
  });
  return { lat0, lon0, theta: theta / r, sx: Math.SQRT2 * Math.sqrt(sx / W), sy: Math.SQRT2 * Math.sqrt(sy / W) };
}

describe('standardDeviationalEllipse', () => {
  it('matches ArcGIS’s tan θ formulas on the 31 provincial capitals', () => {
    const e = standardDeviationalEllipse(provinces);
    const ref = arcgis(provinces);
    expect(e.centre.lat).toBeCloseTo(ref.lat0, 12);
    expect(e.centre.lon).toBeCloseTo(ref.lon0, 12);
    const major = Math.max(ref.sx, ref.sy);
    const minor = Math.min(ref.sx, ref.sy);
    expect(Math.abs(e.sigmaMajor - major) / major).toBeLessThan(1e-12);
    expect(Math.abs(e.sigmaMinor - minor) / minor).toBeLessThan(1e-12);
    // σy lies along θ clockwise from north, σx along θ + 90°
    const refAngle = ((ref.sy >= ref.sx ? ref.theta : ref.theta + 90) + 360) % 180;
    expect(e.angle).toBeCloseTo(refAngle, 10);
    expect(e.polygon).toHaveLength(73);
    expect(e.polygon[0]).toEqual(e.polygon[72]);
    expect(e.areaKm2).toBeCloseTo(Math.PI * e.sigmaMajor * e.sigmaMinor, 6);
  });

  it('finds the direction of a line of points and has no width across it', () => {
    const line = [0, 1, 2, 3].map((k) => ({ lat: k * 0.01, lon: k * 0.01, weight: 1 }));
    const e = standardDeviationalEllipse(line);
    expect(e.angle).toBeCloseTo(45, 3);
    expect(e.sigmaMinor).toBeLessThan(1e-6);
    const ns = standardDeviationalEllipse([0, 1, 2].map((k) => ({ lat: 30 + k, lon: 110, weight: 1 })));
    expect(ns.angle).toBe(0);
    // vertices lie on the ellipse: the first one is at centre + σmajor along the major axis (north)
    expect(ns.polygon[0][1]).toBeCloseTo(31 + ns.sigmaMajor / ((EARTH_RADIUS_KM * Math.PI) / 180), 10);
  });

  it('applies the √2 and n − 2 conventions on request', () => {
    const a = standardDeviationalEllipse(provinces);
    const b = standardDeviationalEllipse(provinces, { sqrt2: false });
    expect(a.sigmaMajor / b.sigmaMajor).toBeCloseTo(Math.SQRT2, 12);
    const c = standardDeviationalEllipse(provinces, { denominator: 'n-2' });
    expect(c.sigmaMinor / a.sigmaMinor).toBeCloseTo(Math.sqrt(31 / 29), 12);
  });

  it('rejects negative weights and too few points, skips missing weights', () => {
    expect(() =>
      standardDeviationalEllipse([...provinces.slice(0, 3), { id: 'X', lat: 1, lon: 1, weight: -1 }]),
    ).toThrow(InputError);
    expect(() => standardDeviationalEllipse(provinces.slice(0, 2))).toThrow(/at least 3/);
    const e = standardDeviationalEllipse([...provinces, { id: 'X', lat: 1, lon: 1, weight: NaN }]);
    expect(e.n).toBe(31);
    expect(e.notes[0].code).toBe('dropped-points');
  });
});
