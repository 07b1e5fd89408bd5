import { describe, expect, it } from 'vitest';
import { johnsonNeyman, moderation } from '../../src/explain/mechanisms/moderation.js';
import { InputError } from '../../src/core/errors.js';
import { fixtureJson, fixturePanel } from './mechanism-helpers.js';
import { expectClose } from '../helpers/expect.js';

// Reference: test/fixtures/explain/moderation.R (lm() with dummies, simple slopes from vcov(), JN by polyroot()).
const ref = fixtureJson('test/fixtures/explain/moderation.json');
const panel = fixturePanel('test/fixtures/explain/moderation-data.csv');
const opts = { y: 'y', x: 'x', z: 'z', controls: ['ctl'], fe: ['id', 'year'] } as const;
const close = (a: number, b: number, tol = 1e-8) => expectClose(a, b, tol);

describe('moderation against lm() by hand', () => {
  const fit = moderation(panel, opts);
  it('centred coefficients and SEs', () => {
    expect(fit.terms.length).toBeGreaterThan(0);
    fit.terms.forEach((t, j) => {
      const row = fit.coefficients.find((c) => c.term === t)!;
      close(row.estimate, ref.coef.estimate[j]);
      close(row.stdError, ref.coef.stdError[j]);
    });
  });
  it('simple slopes at mean ± 1 SD', () => {
    expect(fit.simpleSlopes.map((s) => s.at)).toEqual(['mean − 1 SD', 'mean', 'mean + 1 SD']);
    fit.simpleSlopes.forEach((s, j) => {
      close(s.z, ref.slopes[j].z);
      close(s.estimate, ref.slopes[j].slope);
      close(s.stdError, ref.slopes[j].stdError);
      close(s.pValue, ref.slopes[j].pValue, 1e-10);
    });
  });
  it('Johnson–Neyman bounds and regions', () => {
    expect(fit.johnsonNeyman.bounds.length).toBe(2);
    fit.johnsonNeyman.bounds.forEach((b, j) => close(b, ref.jn.bounds[j]));
    // A > 0: significant outside the roots.
    expect(fit.johnsonNeyman.significant).toEqual([
      [-Infinity, fit.johnsonNeyman.bounds[0]],
      [fit.johnsonNeyman.bounds[1], Infinity],
    ]);
    expect(fit.johnsonNeyman.shareSignificant).toBeGreaterThan(0);
    expect(fit.johnsonNeyman.shareSignificant).toBeLessThan(1);
  });
  it('uncentred fit gives the same interaction and the same simple slopes', () => {
    const raw = moderation(panel, { ...opts, centre: false });
    close(raw.coefficients.find((c) => c.term === 'x_c:z_c')!.estimate, ref.coef.estimate[2]);
    expect(raw.simpleSlopes).toHaveLength(ref.slopes.length);
    raw.simpleSlopes.forEach((s, j) => close(s.estimate, ref.slopes[j].slope, 1e-7));
  });
});

describe('johnsonNeyman cases', () => {
  it('significant between the roots when the interaction is imprecise (A < 0)', () => {
    const r = johnsonNeyman(1, 0.1, 0.04, 0.04, 0, 2);
    expect(r.regions.length).toBe(1);
    const [lo, hi] = r.regions[0];
    // At w = 0: slope 1, se 0.2, t = 5 → significant; roots solve (1+0.1w)² = 4(0.04+0.04w²).
    expect(lo).toBeLessThan(0);
    expect(hi).toBeGreaterThan(0);
    for (const w of [lo, hi]) expect((1 + 0.1 * w) ** 2).toBeCloseTo(4 * (0.04 + 0.04 * w * w), 10);
  });
  it('no real roots: significant everywhere or nowhere', () => {
    expect(johnsonNeyman(1, 0, 0.01, 0, 0, 2).regions).toEqual([[-Infinity, Infinity]]); // constant slope, constant SE
    expect(johnsonNeyman(0, 0, 1, 1, 0, 2).regions).toEqual([]);
  });
});

describe('moderation errors', () => {
  it('rejects identical X and Z and a moderator absorbed by the fixed effects', () => {
    expect(() => moderation(panel, { ...opts, z: 'x' })).toThrow(InputError);
    const zConst = Float64Array.from(panel.entityIndex, (e) => e * 0.5);
    const p2 = { ...panel, columns: { ...panel.columns, zc: zConst } };
    expect(() => moderation(p2, { ...opts, z: 'zc', controls: [] })).toThrow(/collinear/);
  });
});
