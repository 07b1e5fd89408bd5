import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CHINA_SIM_CONTROLS, CHINA_SIM_INDICATORS, findBuiltinDataset } from '../../src/datasets/catalog.js';
import {
  builtinFile,
  loadBuiltinDataset,
  loadChinaProvinceBorders,
  loadChinaSimLatent,
  loadChinaSimTruth,
} from '../../src/io/builtin.js';
import { parseCsv } from '../../src/data/csv.js';
import { chinaSimFiles } from '../../scripts/gen-china-sim.js';
import type { Panel } from '../../src/data/panel.js';

const sha = (s: string) => createHash('sha256').update(s).digest('hex');

/** Two-way within transform of a balanced panel: x_it − x̄_i − x̄_t + x̄ (exact FE for balanced data). */
function within(panel: Panel, x: ArrayLike<number>): Float64Array {
  const N = panel.entities.length;
  const T = panel.periods.length;
  const ei = new Float64Array(N);
  const pt = new Float64Array(T);
  let all = 0;
  for (let r = 0; r < x.length; r++) {
    ei[panel.entityIndex[r]] += x[r] / T;
    pt[panel.periodIndex[r]] += x[r] / N;
    all += x[r] / x.length;
  }
  return Float64Array.from(
    { length: x.length },
    (_, r) => x[r] - ei[panel.entityIndex[r]] - pt[panel.periodIndex[r]] + all,
  );
}

/** OLS by Cholesky of X'X with classical standard errors; df = n − N − T + 1 − k (two-way FE absorbed). */
function ols(X: Float64Array[], y: Float64Array, dfAbsorbed: number) {
  const k = X.length;
  const n = y.length;
  const A = Array.from({ length: k }, (_, i) =>
    Array.from({ length: k }, (_, j) => X[i].reduce((s, v, r) => s + v * X[j][r], 0)),
  );
  const L = A.map(() => new Array<number>(k).fill(0));
  for (let i = 0; i < k; i++) {
    for (let j = 0; j <= i; j++) {
      let s = A[i][j];
      for (let m = 0; m < j; m++) s -= L[i][m] * L[j][m];
      L[i][j] = i === j ? Math.sqrt(s) : s / L[j][j];
    }
  }
  const solve = (b: number[]) => {
    const z = new Array<number>(k);
    for (let i = 0; i < k; i++) {
      let s = b[i];
      for (let m = 0; m < i; m++) s -= L[i][m] * z[m];
      z[i] = s / L[i][i];
    }
    const x = new Array<number>(k);
    for (let i = k - 1; i >= 0; i--) {
      let s = z[i];
      for (let m = i + 1; m < k; m++) s -= L[m][i] * x[m];
      x[i] = s / L[i][i];
    }
    return x;
  };
  const beta = solve(X.map((c) => c.reduce((s, v, r) => s + v * y[r], 0)));
  let rss = 0;
  for (let r = 0; r < n; r++) {
    let fit = 0;
    for (let j = 0; j < k; j++) fit += beta[j] * X[j][r];
    rss += (y[r] - fit) ** 2;
  }
  const sigma2 = rss / (n - dfAbsorbed - k);
  const se = beta.map((_, j) => Math.sqrt(sigma2 * solve(Array.from({ length: k }, (_, i) => (i === j ? 1 : 0)))[j]));
  return { beta, se };
}

function corr(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let n = 0,
    sa = 0,
    sb = 0;
  for (let i = 0; i < a.length; i++)
    if (Number.isFinite(a[i]) && Number.isFinite(b[i])) {
      n++;
      sa += a[i];
      sb += b[i];
    }
  const ma = sa / n,
    mb = sb / n;
  let sab = 0,
    saa = 0,
    sbb = 0;
  for (let i = 0; i < a.length; i++) {
    if (!Number.isFinite(a[i]) || !Number.isFinite(b[i])) continue;
    sab += (a[i] - ma) * (b[i] - mb);
    saa += (a[i] - ma) ** 2;
    sbb += (b[i] - mb) ** 2;
  }
  return sab / Math.sqrt(saa * sbb);
}

describe('china-sim (SIMULATED)', async () => {
  const panel = await loadBuiltinDataset('china-sim');
  const latent = await loadChinaSimLatent();
  const truth = await loadChinaSimTruth();
  const rawText = readFileSync(builtinFile('china-sim.csv'), 'utf8');

  it('is 31 provinces × 2012-2023 with the framework columns, flagged simulated', () => {
    expect(panel.entity.length).toBe(372);
    expect(panel.entities.length).toBe(31);
    expect(panel.periods).toEqual([2012, 2013, 2014, 2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023]);
    for (const c of [...CHINA_SIM_INDICATORS, ...CHINA_SIM_CONTROLS])
      expect(panel.columns[c], c).toBeInstanceOf(Float64Array);
    expect(CHINA_SIM_INDICATORS.length).toBe(30);
    expect(panel.meta.simulated).toBe(true);
    expect(panel.meta.title).toMatch(/SIMULATED/);
    expect(findBuiltinDataset('china-sim')!.simulated).toBe(true);
    expect(truth.simulated).toBe(true);
  });

  it('attaches NBS regions, GB codes and capital coordinates', () => {
    const gd = panel.entities.find((e) => e.id === 'Guangdong')!;
    expect(gd).toMatchObject({ nameZh: '广东', group: 'East', code: '440000', lat: 23.129, lon: 113.264 });
    expect(new Set(panel.entities.map((e) => e.group))).toEqual(new Set(['East', 'Central', 'West', 'Northeast']));
    expect(panel.entities.filter((e) => e.group === 'East').length).toBe(10);
  });

  it('has about 3% of indicator cells missing, including yearbook placeholders in the raw file', () => {
    let miss = 0;
    for (const c of CHINA_SIM_INDICATORS) miss += panel.columns[c].filter((v) => Number.isNaN(v)).length;
    const share = miss / (30 * 372);
    expect(share).toBeGreaterThan(0.025);
    expect(share).toBeLessThan(0.035);
    const cells = parseCsv(rawText, { delimiter: ',' }).flat();
    const dash = cells.filter((s) => s === '—').length;
    const dots = cells.filter((s) => s === '..').length;
    expect(dash).toBeGreaterThan(5);
    expect(dots).toBeGreaterThan(5);
    const counted = truth.missing_cells as { dash: number; dots: number; total: number };
    expect([dash, dots, miss]).toEqual([counted.dash, counted.dots, counted.total]);
    for (const c of CHINA_SIM_CONTROLS) expect(panel.columns[c].every(Number.isFinite), c).toBe(true);
    // The placeholders went through readPanel's cleaning path and were recorded.
    expect(panel.notes.some((n) => n.code === 'placeholders-missing' && n.message.includes('—'))).toBe(true);
    expect(panel.notes[0]).toMatchObject({ code: 'simulated-data', level: 'info' });
  });

  it('keeps indicators in plausible provincial ranges', () => {
    const range = (c: string) => {
      const v = [...panel.columns[c]].filter(Number.isFinite);
      return [Math.min(...v), Math.max(...v)];
    };
    const within = (c: string, lo: number, hi: number) => {
      const [a, b] = range(c);
      expect(a, c).toBeGreaterThanOrEqual(lo);
      expect(b, c).toBeLessThanOrEqual(hi);
    };
    within('rd_intensity', 0.25, 8);
    within('invention_patents_per10k', 0.2, 120);
    within('tertiary_edu_share', 4, 55);
    within('broadband_ports_per100', 10, 100);
    within('robot_density', 30, 500);
    within('energy_intensity', 0.2, 2.5);
    within('urbanization', 20, 95);
    within('forest_coverage', 1, 80);
    // gdp = gdp_per_capita × population / 10,000 (100 million yuan; population in 10,000).
    for (let r = 0; r < panel.entity.length; r++) {
      expect(
        Math.abs(panel.columns.gdp[r] - (panel.columns.gdp_per_capita[r] * panel.columns.population[r]) / 1e4),
      ).toBeLessThanOrEqual(0.005 + 1e-9); // gdp is rounded to 2 decimals
    }
  });

  it('ships latent values that match the observed panel (q = ln gdp_per_capita) and both threshold regimes', () => {
    expect(latent.entity).toEqual(panel.entity);
    let maxErr = 0;
    for (let r = 0; r < 372; r++)
      maxErr = Math.max(maxErr, Math.abs(latent.columns.q[r] - Math.log(panel.columns.gdp_per_capita[r])));
    expect(maxErr).toBeLessThan(1e-8);
    const high = [...latent.columns.q].filter((q) => q > truth.parameters.nqpf.gamma).length;
    expect(high).toBeGreaterThan(100);
    expect(high).toBeLessThan(272);
  });

  it('recovers c_low, c_high, d, e by two-way FE on the latent values (true value inside the 95% interval)', () => {
    const p = truth.parameters.nqpf;
    const q = latent.columns.q;
    const inn = latent.columns.innovation;
    const regressors = [
      Float64Array.from(inn, (v, r) => (q[r] <= p.gamma ? v : 0)),
      Float64Array.from(inn, (v, r) => (q[r] > p.gamma ? v : 0)),
      latent.columns.industry,
      latent.columns.talent,
      panel.columns.urbanization,
      panel.columns.openness,
      panel.columns.fiscal_decentralization,
    ].map((x) => within(latent, x));
    const fit = ols(regressors, within(latent, latent.columns.nqpf), 31 + 12 - 1);
    const want = [p.c_low, p.c_high, p.d, p.e];
    for (let j = 0; j < 4; j++) {
      expect(Math.abs(fit.beta[j] - want[j]), `coef ${j}: ${fit.beta[j]} ± ${fit.se[j]}`).toBeLessThan(
        1.96 * fit.se[j],
      );
      expect(fit.se[j]).toBeLessThan(0.05); // precise enough to tell c_low from c_high
    }
    // a and b: industry and talent on innovation.
    const a = ols([within(latent, inn)], within(latent, latent.columns.industry), 42);
    const b = ols([within(latent, inn)], within(latent, latent.columns.talent), 42);
    expect(Math.abs(a.beta[0] - truth.parameters.industry.a)).toBeLessThan(1.96 * a.se[0]);
    expect(Math.abs(b.beta[0] - truth.parameters.talent.b)).toBeLessThan(1.96 * b.se[0]);
  });

  it('lets the observed indicators reflect their latent (mean z-score correlates > 0.88), costs falling', () => {
    const systems: Record<string, string[]> = {
      innovation: CHINA_SIM_INDICATORS.slice(0, 8),
      nqpf: [
        'tertiary_edu_share',
        'schooling_years',
        'labor_productivity',
        'broadband_ports_per100',
        'robot_density',
        'fiber_km_per_km2',
      ],
      industry: CHINA_SIM_INDICATORS.slice(18, 24),
      talent: CHINA_SIM_INDICATORS.slice(24, 30),
    };
    for (const [sys, cols] of Object.entries(systems)) {
      const score = new Float64Array(372);
      for (const c of cols) {
        const v = panel.columns[c];
        const ok = [...v].filter(Number.isFinite);
        const m = ok.reduce((s, x) => s + x, 0) / ok.length;
        const sd = Math.sqrt(ok.reduce((s, x) => s + (x - m) ** 2, 0) / (ok.length - 1));
        for (let r = 0; r < 372; r++) score[r] += (Number.isFinite(v[r]) ? (v[r] - m) / sd : 0) / cols.length;
      }
      expect(corr(score, latent.columns[sys]), sys).toBeGreaterThan(0.88);
    }
    expect(corr(panel.columns.energy_intensity, latent.columns.nqpf)).toBeLessThan(-0.5);
    expect(corr(panel.columns.so2_intensity, latent.columns.nqpf)).toBeLessThan(-0.3);
  });

  it('puts the East ahead on innovation', () => {
    const east = latent.entities.map((e) => e.group === 'East');
    let se = 0,
      ne = 0,
      so = 0,
      no = 0;
    for (let r = 0; r < 372; r++) {
      if (east[latent.entityIndex[r]]) {
        se += latent.columns.innovation[r];
        ne++;
      } else {
        so += latent.columns.innovation[r];
        no++;
      }
    }
    expect(se / ne).toBeGreaterThan(so / no + 0.5);
  });

  it('ships symmetric neighbour pairs incl. the Guangdong–Hainan strait link, naming china-sim provinces', async () => {
    const pairs = await loadChinaProvinceBorders();
    expect(pairs.length).toBe(69);
    expect(pairs.filter((p) => p.kind === 'strait')).toEqual([
      expect.objectContaining({ a: 'Guangdong', b: 'Hainan' }),
    ]);
    const ids = new Set(panel.entities.map((e) => e.id));
    for (const p of pairs) expect(ids.has(p.a) && ids.has(p.b), `${p.a}-${p.b}`).toBe(true);
    const linked = new Set(pairs.flatMap((p) => [p.a, p.b]));
    expect(linked.size).toBe(31); // no island
  });

  it('regenerates byte for byte from the seed', () => {
    for (const [file, text] of Object.entries(chinaSimFiles())) {
      expect(sha(text), file).toBe(sha(readFileSync(builtinFile(file), 'utf8')));
    }
  });
});
