import { describe, expect, it } from 'vitest';
import { lrCritical, panelThreshold, thresholdSsr } from '../../src/explain/mechanisms/threshold.js';
import { filterRows } from '../../src/data/panel.js';
import { InputError } from '../../src/core/errors.js';
import { chinaSimLatent, fixtureJson, fixturePanel, relErr } from './mechanism-helpers.js';
import { expectClose } from '../helpers/expect.js';

// Reference: test/fixtures/explain/threshold.R, plain lm() with entity dummies on every candidate.
const ref = fixtureJson('test/fixtures/explain/threshold.json');
const panel = fixturePanel('test/fixtures/explain/threshold-data.csv');
const base = { y: 'y', x: 'x', q: 'q', controls: ['z'], trim: 0.05, bootstrap: 0 } as const;

const expectRel = (a: number, b: number, tol = 1e-8) => expectClose(a, b, tol);

describe('panelThreshold against the exhaustive lm() reference', () => {
  const configs = [
    ['all', 'all', 'distinct'],
    ['grid', ref.gridN, 'observations'],
    ['gridDistinct', ref.gridN, 'distinct'],
  ] as const;
  for (const [label, grid, gridType] of configs) {
    const r = ref[label];
    it(`single threshold, grid ${grid} (${gridType}): γ, SSR, F, LR interval and coefficients equal R's`, () => {
      const fit = panelThreshold(panel, { ...base, grid, gridType, thresholds: 1 });
      expect(fit.nCandidates).toBe(r.nCandidates);
      expectRel(fit.ssr0, r.ssr0);
      const t = fit.thresholds[0];
      expect(t.estimate).toBe(r.one.gamma);
      expectRel(t.ssr, r.one.ssr);
      expectRel(fit.ssr, r.one.ssr);
      expectRel(t.F, r.one.F);
      expect([t.ciLow, t.ciHigh]).toEqual(r.one.ci);
      expect(fit.coefficients.length).toBeGreaterThan(0);
      fit.coefficients.forEach((c, j) => {
        expectRel(c.estimate, r.one.coef.estimate[j]);
        expectRel(c.stdError, r.one.coef.stdError[j]);
      });
    });
    it(`double and triple thresholds, grid ${grid} (${gridType}): sequential search with refinement equals R's`, () => {
      const two = panelThreshold(panel, { ...base, grid, gridType, thresholds: 2 });
      const [lo, hi] = [Math.min(r.two.gamma1r, r.two.gamma2), Math.max(r.two.gamma1r, r.two.gamma2)];
      expect(two.thresholds.map((t) => t.estimate)).toEqual([lo, hi]);
      const t2 = two.thresholds.find((t) => t.order === 2)!;
      const t1 = two.thresholds.find((t) => t.order === 1)!;
      expectRel(t2.ssr, r.two.ssr2);
      expectRel(t2.F, r.two.F);
      expect([t2.ciLow, t2.ciHigh]).toEqual(r.two.ci2);
      expect([t1.ciLow, t1.ciHigh]).toEqual(r.two.ci1r);
      expectRel(two.ssr, r.two.ssr1r);
      expect(two.coefficients.length).toBeGreaterThan(0);
      two.coefficients.forEach((c, j) => {
        expectRel(c.estimate, r.two.coef.estimate[j]);
        expectRel(c.stdError, r.two.coef.stdError[j]);
      });
      const three = panelThreshold(panel, { ...base, grid, gridType, thresholds: 3 });
      const t3 = three.thresholds.find((t) => t.order === 3)!;
      expect(t3.estimate).toBe(r.three.gamma3);
      expectRel(t3.ssr, r.three.ssr3);
      expectRel(t3.F, r.three.F);
      expect([t3.ciLow, t3.ciHigh]).toEqual(r.three.ci3);
      expectRel(three.ssr, r.three.ssr3);
      expect(three.coefficients).toHaveLength(r.three.coef.estimate.length);
      three.coefficients.forEach((c, j) => expectRel(c.estimate, r.three.coef.estimate[j]));
    });
  }

  it('the LR profile equals the lm() SSR on every admissible candidate', () => {
    const fit = panelThreshold(panel, { ...base, thresholds: 1 });
    const t = fit.thresholds[0];
    const s2 = t.ssr / (fit.nobs - fit.nEntities);
    const profile = (ref.all.one.profile as (number | string)[]).filter((v): v is number => typeof v === 'number');
    expect(t.lr.lr.length).toBe(profile.length);
    let worst = 0;
    t.lr.lr.forEach((v, i) => (worst = Math.max(worst, relErr(v * s2 + t.ssr, profile[i]))));
    expect(worst).toBeLessThan(1e-8);
  });

  it('thresholdSsr recomputes the SSR at given thresholds', () => {
    expectRel(thresholdSsr(panel, base, [ref.all.one.gamma]), ref.all.one.ssr);
  });
});

describe('panelThreshold inference', () => {
  it('c(0.95) = −2 ln(1 − √0.95) = 7.352…', () => {
    expect(lrCritical(0.95)).toBeCloseTo(7.3522767, 6); // R: -2*log(1-sqrt(0.95))
  });

  it('bootstrap p-values are reproducible for a seed and reject a strong threshold', () => {
    const a = panelThreshold(panel, { ...base, thresholds: 2, bootstrap: 50, seed: 7 });
    const b = panelThreshold(panel, { ...base, thresholds: 2, bootstrap: 50, seed: 7 });
    expect(a.thresholds.map((t) => t.pValue)).toEqual(b.thresholds.map((t) => t.pValue));
    for (const t of a.thresholds) {
      expect(t.pValue).toBe(0); // F1 = 143 and F2 = 53 against true thresholds of slope jumps of 1
      expect(t.critical.p5).toBeGreaterThan(0);
      expect(t.critical.p1).toBeGreaterThanOrEqual(t.critical.p5);
    }
  });

  it('bootstrap p-value is not small when there is no threshold (y unrelated to q)', () => {
    const pure = { ...base, y: 'z', controls: [], bootstrap: 100, seed: 3 };
    const fit = panelThreshold(panel, pure);
    expect(fit.thresholds[0].pValue).toBeGreaterThan(0.05);
  });
});

describe('panelThreshold errors', () => {
  it('rejects an unbalanced panel, naming the entity with a gap', () => {
    const keep = panel.entity.map((e, i) => !(e === 'e07' && panel.period[i] === 2003));
    const unbalanced = filterRows(panel, keep);
    expect(() => panelThreshold(unbalanced, base)).toThrow(InputError);
    expect(() => panelThreshold(unbalanced, base)).toThrow(/balanced panel.*e07/);
  });

  it('rejects missing values as gaps and bad options with hints', () => {
    const y = Float64Array.from(panel.columns.y);
    y[17] = NaN;
    const withNa = { ...panel, columns: { ...panel.columns, y } };
    expect(() => panelThreshold(withNa, base)).toThrow(/e03/);
    expect(() => panelThreshold(panel, { ...base, thresholds: 4 as 3 })).toThrow(InputError);
    expect(() => panelThreshold(panel, { ...base, trim: 0.3 })).toThrow(InputError);
    expect(() => panelThreshold(panel, { ...base, q: 'nope' })).toThrow(/unknown column "nope"/);
  });
});

describe("recovery of china-sim's true threshold (SIMULATED data)", () => {
  it('γ = 11 lies in the LR interval and the regime slopes 0.25/0.45 within ±1.96 SE', async () => {
    const { panel: latent, truth } = await chinaSimLatent();
    const t = truth.parameters.nqpf;
    const fit = panelThreshold(latent, {
      y: 'nqpf',
      x: 'innovation',
      q: 'q',
      timeEffects: true,
      bootstrap: 50,
      seed: 11,
      controls: ['industry', 'talent', 'urbanization', 'openness', 'fiscal_decentralization'],
    });
    const g = fit.thresholds[0];
    expect(g.ciLow).toBeLessThanOrEqual(t.gamma);
    expect(g.ciHigh).toBeGreaterThanOrEqual(t.gamma);
    expect(g.pValue).toBeLessThan(0.05);
    const truthOf: Record<string, number> = {
      'innovation:I(q<=g1)': t.c_low,
      'innovation:I(q>g1)': t.c_high,
      industry: t.d,
      talent: t.e,
      urbanization: t.beta_urbanization,
      openness: t.beta_openness,
      fiscal_decentralization: t.beta_fiscal_decentralization,
    };
    for (const [term, v] of Object.entries(truthOf)) {
      const c = fit.coefficients.find((x) => x.term === term)!;
      expect(Math.abs(c.estimate - v)).toBeLessThan(1.96 * c.stdError);
    }
    expect(fit.coefficients.filter((c) => c.term.startsWith('year=')).length).toBe(11);
  });
});

describe('fixed-regressor bootstrap equals the lm() reference on the same entity draws', () => {
  it('F1* and F2* per draw (test/fixtures/explain/threshold-boot.R)', () => {
    const boot = fixtureJson('test/fixtures/explain/threshold-boot.json');
    const draws = (boot.draws as number[][]).map((d) => d.map((i) => i - 1));
    const fit = panelThreshold(panel, { ...base, thresholds: 2, draws });
    const [f1, f2] = [fit.thresholds.find((t) => t.order === 1)!, fit.thresholds.find((t) => t.order === 2)!];
    expect(f1.replicates).toHaveLength(boot.F1.length);
    f1.replicates.forEach((v, r) => expectRel(v, boot.F1[r]));
    f2.replicates.forEach((v, r) => expectRel(v, boot.F2[r]));
    expect(f1.pValue).toBe(0); // F1 = 143 exceeds every F1*
    // Critical values (xthreg's Crit10/5/1) = R's type-7 quantiles of the same replicates.
    expectRel(f1.critical.p10, boot.crit1[0]);
    expectRel(f1.critical.p5, boot.crit1[1]);
    expectRel(f1.critical.p1, boot.crit1[2]);
    expectRel(f2.critical.p10, boot.crit2[0]);
    expectRel(f2.critical.p5, boot.crit2[1]);
    expectRel(f2.critical.p1, boot.crit2[2]);
  });
});

describe('threshold coefficients with other variance estimators (feols + vcov)', () => {
  it('iid through feols equals xtreg-style SEs; cluster equals fixest CR1 from sandwich::vcovCL', () => {
    const iid = panelThreshold(panel, { ...base, vcov: 'iid' });
    expect(iid.coefficients.length).toBeGreaterThan(0);
    iid.coefficients.forEach((c, j) => {
      expectRel(c.estimate, ref.all.one.coef.estimate[j]);
      expectRel(c.stdError, ref.all.one.coef.stdError[j]);
    });
    const cl = panelThreshold(panel, { ...base, vcov: 'cluster:id' });
    expect(cl.vcov).toMatch(/Clustered/);
    expect(cl.coefficients).toHaveLength(ref.clusterSE.length);
    cl.coefficients.forEach((c, j) => expectRel(c.stdError, ref.clusterSE[j]));
  });
});

describe('panelThreshold degenerate input', () => {
  it('a constant threshold variable has no admissible candidate: InputError with a hint', () => {
    const flat = { ...panel, columns: { ...panel.columns, qc: new Float64Array(panel.entity.length).fill(1) } };
    expect(() => panelThreshold(flat, { ...base, q: 'qc' })).toThrow(/no admissible threshold candidate/);
  });
  it('a control that is constant within entities is reported as collinear', () => {
    const c = Float64Array.from(panel.entityIndex, (e) => e % 3);
    const p2 = { ...panel, columns: { ...panel.columns, c } };
    expect(() => panelThreshold(p2, { ...base, controls: ['z', 'c'] })).toThrow(
      /collinear terms in the threshold model: c/,
    );
  });
});

describe('thresholdCandidates: the two grid rules', async () => {
  const { thresholdCandidates } = await import('../../src/explain/mechanisms/threshold.js');
  // 40 observations, half of them tied at 0 (a capped variable), then 1..20.
  const q = Float64Array.from([...Array(20).fill(0), ...Array.from({ length: 20 }, (_, i) => i + 1)]);
  it('observations: ties collapse the order statistics to fewer candidates', () => {
    const c = thresholdCandidates(q, 9, 'observations', 2);
    // ranks ⌈40j/10⌉ = 4, 8, …, 36: five of them fall in the tie block at 0.
    expect(c).toEqual([0, 4, 8, 12, 16]);
  });
  it('distinct (Hansen): quantiles of the distinct values inside the trimmed range', () => {
    // Distinct values with ≥ 2 observations on each side: 0, 1, …, 18 (m = 19); u_⌈19j/10⌉.
    expect(thresholdCandidates(q, 9, 'distinct', 2)).toEqual([1, 3, 5, 7, 9, 11, 13, 15, 17]);
    expect(thresholdCandidates(q, 50, 'distinct', 2)).toHaveLength(19);
    expect(thresholdCandidates(q, 'all', 'distinct', 2)).toHaveLength(21);
  });
});
