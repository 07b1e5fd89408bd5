import { describe, expect, it } from 'vitest';
import { bcInterval, bootQuantiles, percentileInterval } from '../../src/explain/mechanisms/bootstrap-ci.js';
import { baronKennyVerdict, mediation, wenYeVerdict } from '../../src/explain/mechanisms/mediation.js';
import { InputError } from '../../src/core/errors.js';
import { chinaSimLatent, fixtureJson, fixturePanel, relErr } from './mechanism-helpers.js';
import { expectClose } from '../helpers/expect.js';

// Reference: test/fixtures/explain/mediation.R — lm() with entity and year dummies; boot::boot over
// the 31 entities with R = 199 and boot.ci(type = "perc"); BC via boot:::norm.inter.
const ref = fixtureJson('test/fixtures/explain/mediation.json');
const panel = fixturePanel('test/fixtures/explain/mediation-data.csv');
const base = { x: 'x', mediators: ['m1', 'm2'], y: 'y', controls: ['ctl'], fe: ['id', 'year'], vcov: 'iid' } as const;
const draws = (ref.bootstrap.indices as number[][]).map((d) => d.map((i) => i - 1));

const close = (a: number, b: number, tol = 1e-8) => expectClose(a, b, tol);
function closePath(
  p: { estimate: number; stdError: number; pValue: number },
  r: { estimate: number; stdError: number; pValue: number },
) {
  close(p.estimate, r.estimate);
  close(p.stdError, r.stdError);
  close(p.pValue, r.pValue, 1e-10); // down to 1e-29: upper tails computed directly (core/pvalue.ts)
}

describe('mediation point estimates equal lm() with dummies', () => {
  const fit = mediation(panel, { ...base, bootstrap: 0 });
  it('parallel: c, a1, a2, c′, b1, b2 with iid SEs and p-values', () => {
    closePath(fit.total, ref.total);
    closePath(fit.xToM[0], ref.a1);
    closePath(fit.xToM[1], ref.a2);
    closePath(fit.direct, ref.direct);
    closePath(fit.mToY[0], ref.b1);
    closePath(fit.mToY[1], ref.b2);
  });
  it('Sobel z and p', () => {
    close(fit.indirect[0].sobelZ, ref.sobel1.z);
    close(fit.indirect[0].sobelP, ref.sobel1.p, 1e-10);
    close(fit.indirect[1].sobelZ, ref.sobel2.z);
  });
  it('c = c′ + Σ a_j b_j and share mediated = Σ a_j b_j / c', () => {
    const tot = fit.indirect.find((e) => e.mediator === 'total')!;
    close(tot.estimate, fit.total.estimate - fit.direct.estimate, 1e-10);
    close(fit.shareMediated, tot.estimate / fit.total.estimate, 1e-12);
    close(fit.indirect[0].estimate, ref.a1.estimate * ref.b1.estimate);
  });
  it('chain: d21 and the X→M2 path given M1', () => {
    const ch = mediation(panel, { ...base, chain: true, bootstrap: 0 });
    closePath(ch.mToM[0], ref.chain.d21);
    closePath(ch.xToM[1], ref.chain.a2);
    expect(ch.indirect.map((e) => e.mediator)).toEqual(['m1', 'm2', 'm1 -> m2', 'total']);
    close(ch.indirect[2].estimate, ch.xToM[0].estimate * ch.mToM[0].estimate * ch.mToY[1].estimate);
    close(ch.indirect[3].estimate, ch.total.estimate - ch.direct.estimate, 1e-10);
  });
});

describe('cluster bootstrap machinery equals boot on the same draws', () => {
  it("replicates on R's index sets equal boot's t to 1e-10 and intervals equal boot.ci", () => {
    const par = mediation(panel, { ...base, draws, keepReplicates: true });
    const ch = mediation(panel, { ...base, chain: true, draws, keepReplicates: true });
    const mine = [par.replicates!.m1, par.replicates!.m2, ch.replicates!['m1 -> m2'], ch.replicates!.m2];
    const t = ref.bootstrap.t as number[][];
    let worst = 0;
    expect(mine.length).toBeGreaterThan(0);
    mine.forEach((reps, j) => reps.forEach((v, r) => (worst = Math.max(worst, relErr(v, t[r][j])))));
    expect(worst).toBeLessThan(1e-10);
    const effects = [par.indirect[0], par.indirect[1], ch.indirect[2], ch.indirect[1]];
    effects.forEach((e, j) => {
      const ci = ref.bootstrap.ci[j];
      close(e.estimate, ci.t0);
      close(e.ciLow, ci.perc[0], 1e-10);
      close(e.ciHigh, ci.perc[1], 1e-10);
      close(e.bcLow, ci.bc[0], 1e-10);
      close(e.bcHigh, ci.bc[1], 1e-10);
      close(e.bootSe, ref.bootstrap.sd[j], 1e-10); // R: apply(bt$t, 2, sd)
    });
  });

  it('a seeded bootstrap is reproducible and its interval covers the estimate', () => {
    const a = mediation(panel, { ...base, bootstrap: 80, seed: 5 });
    const b = mediation(panel, { ...base, bootstrap: 80, seed: 5 });
    expect(a.indirect).toEqual(b.indirect);
    for (const e of a.indirect) {
      expect(e.ciLow).toBeLessThan(e.estimate);
      expect(e.ciHigh).toBeGreaterThan(e.estimate);
    }
    expect(a.indirect[0].verdict.code).toBe('partial');
  });
});

describe('bootstrap interval conventions (boot:::norm.inter)', () => {
  it('uses the order statistic when (R+1)α is an integer and normal-scale interpolation otherwise', () => {
    const t = Array.from({ length: 39 }, (_, i) => i + 1); // (39+1)·0.025 = 1 → t_(1)
    expect(bootQuantiles(t, [0.025, 0.975])).toEqual([1, 39]);
    expect(percentileInterval([3, 1, 2], 0.5)).toEqual([1, 3]); // rk = 1 and 3: extreme statistics
    const [lo] = bootQuantiles(t, [0.03]); // rk = 1.2: between t1 and t2
    expect(lo).toBeGreaterThan(1);
    expect(lo).toBeLessThan(2);
  });
  it('BC equals percentile when half the replicates lie below t0', () => {
    const t = Array.from({ length: 200 }, (_, i) => i - 99.5); // 100 below t0 = 0: z0 = 0
    const [a, b] = bcInterval(t, 0);
    const [c, d] = percentileInterval(t);
    expect(a).toBeCloseTo(c, 10);
    expect(b).toBeCloseTo(d, 10);
    expect(bcInterval([1, 2, 3], 0)).toEqual([NaN, NaN]);
  });
});

describe('stepwise verdicts are codes; the report words them in English and Chinese', async () => {
  const { baronKennyText, cautionText, wenYeText } = await import('../../src/report/mediation-text.js');
  const p = (estimate: number, pValue: number) => ({ estimate, pValue });
  it('Baron–Kenny', () => {
    expect(baronKennyVerdict(p(1, 0.01), p(1, 0.01), p(1, 0.01), p(0.2, 0.4))).toBe('full');
    expect(baronKennyVerdict(p(1, 0.01), p(1, 0.01), p(1, 0.01), p(0.5, 0.01))).toBe('partial');
    expect(baronKennyVerdict(p(1, 0.01), p(1, 0.01), p(1, 0.01), p(1.5, 0.01))).toBe('none');
    expect(baronKennyVerdict(p(1, 0.2), p(1, 0.01), p(1, 0.01), p(0.5, 0.01))).toBe('step1-fails');
    expect(baronKennyVerdict(p(1, 0.01), p(1, 0.3), p(1, 0.01), p(0.5, 0.01))).toBe('step2-fails');
    expect(baronKennyText('full')).toBe('full mediation: c′ not significant');
    expect(baronKennyText('step2-fails', 'zh')).toBe('第二步不通过：X → M（a）不显著');
  });
  it('Wen–Ye: bootstrap rescues a non-significant path, opposite signs mean suppression', () => {
    const v = wenYeVerdict({
      cSig: true,
      abSigByPaths: false,
      ciExcludes0: true,
      hasBoot: true,
      cPrimeSig: true,
      ab: -0.2,
      cPrime: 0.5,
      c: 0.3,
    });
    expect(v).toEqual({ code: 'suppression', framework: 'mediation', evidence: 'bootstrap-excludes-0', ratio: 0.4 });
    expect(wenYeText(v)).toBe(
      'total effect significant (mediation framework); bootstrap interval of ab excludes 0; direct effect significant, opposite sign: suppression effect (|ab/c′| = 0.400)',
    );
    expect(wenYeText(v, 'zh')).toBe(
      '总效应显著（按中介效应立论）；ab 的 Bootstrap 置信区间不含 0；直接效应显著且与 ab 异号：遮掩效应（|ab/c′| = 0.400）',
    );
    const none = wenYeVerdict({
      cSig: false,
      abSigByPaths: false,
      ciExcludes0: false,
      hasBoot: true,
      cPrimeSig: true,
      ab: 0.1,
      cPrime: 0.5,
      c: 0.3,
    });
    expect(none).toEqual({ code: 'none', framework: 'suppression', evidence: 'bootstrap-includes-0' });
    expect(wenYeText(none)).toBe(
      'total effect not significant (suppression framework); bootstrap interval of ab includes 0: no significant indirect effect',
    );
    expect(cautionText('jiang-2022', 'zh')).toMatch(/^江艇（2022，《中国工业经济》/);
  });
});

describe('mediation errors', () => {
  it('rejects a missing mediator list, unknown columns and one-mediator chains', () => {
    expect(() => mediation(panel, { ...base, mediators: [] })).toThrow(InputError);
    expect(() => mediation(panel, { ...base, mediators: ['nope'] })).toThrow(/unknown column "nope"/);
    expect(() => mediation(panel, { ...base, mediators: ['m1'], chain: true })).toThrow(/at least two mediators/);
    expect(() => mediation(panel, { ...base, controls: ['x'] })).toThrow(/appears twice/);
  });
  it("reports Jiang (2022)'s caution and the X→M evidence", () => {
    const fit = mediation(panel, { ...base, bootstrap: 0 });
    expect(fit.caution).toBe('jiang-2022');
    expect(fit.xToM.map((q) => q.path)).toEqual(['x → m1', 'x → m2']);
  });
});

describe("recovery of china-sim's true indirect effects (SIMULATED data)", () => {
  it('a·d = 0.18 (industry) and b·e = 0.125 (talent) lie in 5,000-draw cluster-bootstrap intervals', async () => {
    const { panel: latent, truth } = await chinaSimLatent();
    const p = truth.parameters;
    const fit = mediation(latent, {
      x: 'innovation',
      mediators: ['industry', 'talent'],
      y: 'nqpf',
      fe: ['province', 'year'],
      cluster: 'province',
      controls: ['urbanization', 'openness', 'fiscal_decentralization'],
      bootstrap: 5000,
      seed: 2024,
    });
    const want = [p.industry.a * p.nqpf.d, p.talent.b * p.nqpf.e];
    want.forEach((v, j) => {
      const e = fit.indirect[j];
      expect(e.ciLow).toBeLessThan(v);
      expect(e.ciHigh).toBeGreaterThan(v);
      expect(e.bcLow).toBeLessThan(v);
      expect(e.bcHigh).toBeGreaterThan(v);
    });
    expect(Math.abs(fit.xToM[0].estimate - p.industry.a)).toBeLessThan(1.96 * fit.xToM[0].stdError);
    expect(Math.abs(fit.xToM[1].estimate - p.talent.b)).toBeLessThan(1.96 * fit.xToM[1].stdError);
  });
});

describe('mediation samples and the bootstrap without fixed effects', () => {
  it('the identity draw reproduces the point estimates, with FE and without (centring = intercept)', () => {
    const identity = [Array.from({ length: 31 }, (_, g) => g)];
    for (const fe of [['id', 'year'], ['id'], ['year', 'id'], []]) {
      const fit = mediation(panel, { ...base, fe, chain: true, draws: identity, keepReplicates: true });
      for (const e of fit.indirect) close(fit.replicates![e.mediator][0], e.estimate, 1e-10);
    }
  });
  it('drops rows with a missing mediator from every equation and records it', () => {
    const m1 = Float64Array.from(panel.columns.m1);
    m1[5] = NaN;
    const fit = mediation({ ...panel, columns: { ...panel.columns, m1 } }, { ...base, bootstrap: 0 });
    expect(fit.nobs).toBe(371);
    expect(fit.equations.every((e) => e.nobs === 371)).toBe(true);
    expect(fit.notes.some((n) => n.code === 'dropped-rows')).toBe(true);
    close(fit.indirect.at(-1)!.estimate, fit.total.estimate - fit.direct.estimate, 1e-10);
  });
});

describe('cluster bootstrap with an FE coarser than the cluster', () => {
  it('notes when the cluster lies inside an FE (entities inside regions), not for year FE', async () => {
    const { withColumns } = await import('../../src/data/panel.js');
    // region = entity number mod 3: every entity lies in one region.
    const region = Float64Array.from(panel.entity, (e) => Number(e.slice(1)) % 3);
    const p = withColumns(panel, { region });
    const coarse = mediation(p, { ...base, fe: ['year', 'region'], cluster: 'id', bootstrap: 20, seed: 1 });
    expect(coarse.notes.filter((n) => n.code === 'bootstrap-nested-fe').map((n) => n.message)).toEqual([
      'the cluster variable "id" is nested in the fixed effects region; a cluster drawn twice keeps its level of them',
    ]);
    const plain = mediation(p, { ...base, cluster: 'id', bootstrap: 20, seed: 1 });
    expect(plain.notes.some((n) => n.code === 'bootstrap-nested-fe')).toBe(false);
  });
});

describe('mediation uses the singleton rule of regress', async () => {
  const { regress } = await import('../../src/explain/regression-result.js');
  const { makePanel } = await import('../../src/data/panel.js');
  // The fixture plus one entity observed in a single year: a singleton of the entity FE.
  const cols: Record<string, Float64Array> = {};
  for (const [k, v] of Object.entries(panel.columns)) cols[k] = Float64Array.from([...v, 0.3]);
  const withSingleton = makePanel({
    entityColumn: 'id',
    periodColumn: 'year',
    entity: [...panel.entity, 'p99'],
    period: Float64Array.from([...panel.period, panel.periods[0]]),
    columns: cols,
  });
  it('drops the singleton: same n and clustered SE of c as `regress` on the same equation', () => {
    const med = mediation(withSingleton, { ...base, vcov: 'cluster:id', bootstrap: 0 });
    const reg = regress(withSingleton, 'y ~ x + ctl | id + year', 'cluster:id');
    const c = reg.coefficients.find((r) => r.term === 'x')!;
    expect(med.nobs).toBe(reg.nobs);
    expect(med.nobs).toBe(panel.entity.length);
    close(med.total.stdError, c.stdError, 1e-12);
    close(med.total.pValue, c.pValue, 1e-12);
    expect(med.notes.some((n) => n.code === 'singletons')).toBe(true);
  });
});

describe('estimators build formula objects, not text', async () => {
  const { moderation } = await import('../../src/explain/mechanisms/moderation.js');
  const { formulaOf, parseFormula } = await import('../../src/explain/formula.js');
  const { withColumns } = await import('../../src/data/panel.js');
  // Legal column names that are not formula identifiers.
  const renamed = withColumns(panel, { 'R&D intensity': panel.columns.x, '产业结构 (%)': panel.columns.m1 });
  it('mediate on a column named "R&D intensity" equals the run on "x"', () => {
    const a = mediation(panel, { ...base, mediators: ['m1'], bootstrap: 0 });
    const b = mediation(renamed, { ...base, x: 'R&D intensity', mediators: ['产业结构 (%)'], bootstrap: 0 });
    expect(b.total.estimate).toBe(a.total.estimate);
    expect(b.xToM[0].estimate).toBe(a.xToM[0].estimate);
    expect(b.indirect[0].estimate).toBe(a.indirect[0].estimate);
    expect(b.xToM[0].path).toBe('R&D intensity → 产业结构 (%)');
  });
  it('moderation with such names, and the formula text round-trips through the parser', () => {
    const a = moderation(panel, { y: 'y', x: 'x', z: 'm1', fe: ['id', 'year'] });
    const b = moderation(renamed, { y: 'y', x: 'R&D intensity', z: '产业结构 (%)', fe: ['id', 'year'] });
    expect(b.coefficients[2].estimate).toBe(a.coefficients[2].estimate);
    const f = formulaOf('y', ['R&D intensity', ['R&D intensity', 'z']], ['id']);
    expect(f.text).toBe('y ~ `R&D intensity` + `R&D intensity`:z | id');
    const g = parseFormula(f.text);
    expect(g.terms.map((t) => t.label)).toEqual(f.terms.map((t) => t.label));
    expect(g.fixedEffects).toEqual(['id']);
  });
});
