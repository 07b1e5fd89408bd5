import { describe, expect, it } from 'vitest';
import { makePanel } from '../../src/data/panel.js';
import { modelFrame } from '../../src/explain/model-frame.js';
import { removeSingletons } from '../../src/explain/singletons.js';
import { demean, fixedEffectDof, isNestedIn, type FixedEffect } from '../../src/explain/demean.js';
import { feols } from '../../src/explain/feols.js';
import { coefTable, vcov } from '../../src/explain/vcov.js';
import { InputError } from '../../src/core/errors.js';
import { Rng } from '../../src/core/rng.js';

// Entity A observed 2001, 2002, 2004 (gap at 2003); B 2001–2003.
const gap = makePanel({
  entityColumn: 'id',
  periodColumn: 'year',
  entity: ['A', 'A', 'A', 'B', 'B', 'B'],
  period: [2001, 2002, 2004, 2001, 2002, 2003],
  columns: { x: [1, 2, 4, 10, 20, 30], y: [1, 0, -1, 2, 5, 3] },
});

describe('modelFrame', () => {
  it('lags by period value within entity (not the previous row) and drops rows with missing values', () => {
    const mf = modelFrame(gap, 'y ~ l(x, 1) + d(x)');
    // A2004's lag is period 2003 (absent) → NaN → dropped; first periods dropped.
    expect(Array.from(mf.rows)).toEqual([1, 4, 5]);
    expect(Array.from(mf.x[1])).toEqual([1, 10, 20]); // l(x,1) after the intercept
    expect(Array.from(mf.x[2])).toEqual([1, 10, 10]); // d(x,1)
    expect(mf.dropped).toEqual([expect.objectContaining({ reason: 'missing', count: 3, rows: [0, 2, 3] })]);
    const lead = modelFrame(gap, 'y ~ l(x, -1)');
    expect(Array.from(lead.rows)).toEqual([0, 3, 4]);
    expect(Array.from(lead.x[1])).toEqual([2, 20, 30]);
  });

  it('log of non-positive values gives NaN and a note', () => {
    const mf = modelFrame(gap, 'log(y) ~ x');
    expect(mf.n).toBe(4);
    expect(mf.notes.some((n) => n.code === 'log-nonpositive' && /2 non-positive/.test(n.message))).toBe(true);
  });

  it('removes singletons iteratively and records them', () => {
    // Entity C has one row; removing it leaves year 2005 with one row (entity D), which goes next.
    const p = makePanel({
      entityColumn: 'id',
      periodColumn: 'year',
      entity: ['A', 'A', 'B', 'B', 'C', 'D', 'D'],
      period: [2001, 2002, 2001, 2002, 2005, 2001, 2005],
      columns: { x: [1, 2, 3, 4, 5, 6, 7], y: [1, 3, 2, 5, 4, 7, 6] },
    });
    const mf = modelFrame(p, 'y ~ x | id + year');
    expect(mf.n).toBe(4);
    expect(mf.dropped).toEqual([expect.objectContaining({ reason: 'singleton', count: 3 })]);
    expect(modelFrame(p, 'y ~ x | id + year', { keepSingletons: true }).n).toBe(7);
    const keep = new Uint8Array(3).fill(1);
    expect(removeSingletons([Int32Array.from([0, 0, 1])], [2], keep)).toBe(1);
  });

  it('a one-year file: singletons are named as such, not as missing values (issue 14 defect)', () => {
    const oneYear = makePanel({
      entityColumn: 'id',
      periodColumn: 'year',
      entity: ['A', 'B', 'C'],
      period: [2020, 2020, 2020],
      columns: { x: [1, 2, 4], y: [1, 0, 3] },
    });
    let err: unknown;
    try {
      modelFrame(oneYear, 'y ~ x | id + year');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(InputError);
    expect((err as Error).message).toMatch(/3 of the 3 complete row\(s\) are singletons/);
    expect((err as Error).message).toMatch(/every level of id occurs once/);
    expect((err as Error).message).not.toMatch(/missing value/);
    expect((err as InputError).hint).toMatch(/--keep-singletons/);
  });

  it('rejects unknown variables with the available ones', () => {
    expect(() => modelFrame(gap, 'y ~ z')).toThrow(InputError);
    expect(() => modelFrame(gap, 'y ~ x | region')).toThrow(/unknown variable "region"/);
  });
});

describe('demean', () => {
  it('converges on an unbalanced three-way design to the exact projection residual', () => {
    const rng = new Rng(7);
    const n = 400;
    const mk = (name: string, L: number): FixedEffect => {
      const codes = Int32Array.from({ length: n }, (_, i) => (i < L ? i : rng.int(L)));
      return { name, codes, nLevels: L, labels: [...Array(L).keys()].map(String) };
    };
    const fes = [mk('a', 30), mk('b', 12), mk('c', 5)];
    const x = Float64Array.from({ length: n }, () => rng.normal());
    const r = demean([x], fes, { tol: 1e-13 });
    expect(r.converged).toBe(true);
    // Residual is orthogonal to every FE dummy: group sums are 0.
    for (const fe of fes) {
      const s = new Float64Array(fe.nLevels);
      fe.codes.forEach((g, i) => (s[g] += r.columns[0][i]));
      for (const v of s) expect(Math.abs(v)).toBeLessThan(1e-10);
    }
    expect(fixedEffectDof(fes)).toBe(30 + 12 + 5 - 2);
    expect(isNestedIn(fes[0], fes[0].codes)).toBe(true);
    expect(isNestedIn(fes[0], fes[1].codes)).toBe(false);
  });
});

describe('collinearity, singular designs and clusters', () => {
  const rng = new Rng(11);
  const ids: string[] = [];
  const years: number[] = [];
  for (let e = 0; e < 12; e++)
    for (let t = 0; t < 5; t++) {
      ids.push(`e${e}`);
      years.push(2000 + t);
    }
  const n = ids.length;
  const x1 = Float64Array.from({ length: n }, () => rng.normal());
  const x2 = Float64Array.from({ length: n }, () => rng.normal());
  const p = makePanel({
    entityColumn: 'id',
    periodColumn: 'year',
    entity: ids,
    period: years,
    columns: {
      x1,
      x2,
      x3: Float64Array.from(x1, (v, i) => 2 * v + 3 * x2[i]),
      timeInvariant: Float64Array.from(ids, (s) => Number(s.slice(1)) ** 2),
      y: Float64Array.from(x1, (v, i) => v - x2[i] + rng.normal()),
      grp: Float64Array.from(ids, (s) => (Number(s.slice(1)) < 6 ? 1 : 2)),
      one: new Float64Array(n).fill(1),
    },
  });

  it('drops a perfectly collinear term and a term absorbed by the FE, and reports them', () => {
    const fit = feols(p, 'y ~ x1 + x2 + x3 + timeInvariant | id + year');
    expect(fit.collinear).toEqual(['x3', 'timeInvariant']);
    expect(Number.isNaN(fit.coefficients[2]) && Number.isNaN(fit.coefficients[3])).toBe(true);
    expect(fit.notes.some((nn) => nn.code === 'collinear')).toBe(true);
    const ref = feols(p, 'y ~ x1 + x2 | id + year');
    expect(fit.coefficients[0]).toBeCloseTo(ref.coefficients[0], 12);
    expect(coefTable(fit, vcov(fit, 'hc1')).map((r) => r.term)).toEqual(['x1', 'x2']);
    const ols = feols(p, 'y ~ x1 + one');
    expect(ols.collinear).toEqual(['one']);
  });

  it('errors on < 2 clusters and warns on < 10', () => {
    const fit = feols(p, 'y ~ x1 + x2 | id');
    expect(() => vcov(fit, 'cluster:one')).toThrow(/at least 2 clusters/);
    const v = vcov(fit, 'cluster:grp');
    expect(v.nClusters).toEqual([2]);
    expect(v.df).toBe(1);
    expect(v.notes.some((nn) => nn.code === 'few-clusters')).toBe(true);
    expect(vcov(fit, 'cluster:id').notes).toHaveLength(0);
    expect(() => vcov(fit, 'cluster:a+b+c')).toThrow(InputError);
    expect(() => vcov(fit, 'sandwich')).toThrow(/unknown variance type/);
  });

  it('errors when no residual degrees of freedom remain', () => {
    const tiny = makePanel({
      entityColumn: 'id',
      periodColumn: 'year',
      entity: ['a', 'b'],
      period: [1, 1],
      columns: { y: [1, 2], x: [3, 5] },
    });
    expect(() => feols(tiny, 'y ~ x')).toThrow(/no residual degrees of freedom/);
  });
});
