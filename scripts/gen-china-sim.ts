/**
 * Generate the built-in `china-sim` dataset: SIMULATED province data, 31 provinces × 2012-2023, from
 * a documented structural model of the seed paper's mechanism (innovation raises industrial upgrading
 * and talent; these with innovation raise NQPF). Not official statistics.
 *
 *   npm run gen:china-sim        (writes data/builtin/china-sim.csv, china-sim-latent.csv, china-sim-truth.json)
 *
 * Inputs: data/builtin/china-provinces.csv and data/builtin/china-province-borders.csv (copies of the
 * shared province table and border pairs). Every random step uses `Rng` (xoshiro128**) with the
 * fixed SEED, so the files are reproducible byte for byte (test/datasets/china-sim.test.ts checks it).
 *
 * Model (t = year − 2012; W = row-standardised contiguity matrix incl. the Guangdong–Hainan strait link):
 *   I_it = ρ·I_i,t−1 + λ·(W I_t−1)_i + α_i + κ0 + κ1·t + ε^I_it        (burn-in from t = −20)
 *   α_i  = α0·z(q_i,2012) + α_east·East_i + ν_i
 *   q_it = q_i,t−1 + g_t + φ·(I_i,t−1 − Ī_t−1) + ε^q_it ,  q = ln(GDP per capita, yuan, rounded to the yuan)
 *   U_it = a·I_it + μ^U_i + η^U·t + ε^U_it                               (industrial upgrading)
 *   T_it = b·I_it + μ^T_i + η^T·t + ε^T_it                               (talent)
 *   N_it = c_low·I_it·1[q_it ≤ γ] + c_high·I_it·1[q_it > γ] + d·U_it + e·T_it
 *          + β_urb·urbanization + β_open·openness + β_fd·fiscal_decentralization
 *          + μ^N_i + τ^N_t + ε^N_it                                       (NQPF)
 * Each observed indicator x = f(lo + (hi − lo)·w), w = (z_L + trend·t + ε − v_min)/(v_max − v_min), z_L =
 * latent L standardised over the panel, [v_min, v_max] the noise-free range of z_L + trend·t; f = exp
 * (log scale) or identity (linear); cost indicators run from high to low.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Rng } from '../src/core/rng.js';
import { csvLine, csvRecords, formatNumber } from '../src/datasets/csv-text.js';
import { CHINA_SIM_CONTROLS, CHINA_SIM_INDICATORS } from '../src/datasets/catalog.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export const SEED = 20240306;
export const FIRST_YEAR = 2012;
export const LAST_YEAR = 2023;
const BURN_IN = 20;

/** True structural parameters (written to china-sim-truth.json). */
export const PARAMS = {
  innovation: {
    rho: 0.6,
    lambda: 0.2,
    alpha0: 0.16,
    alpha_east: 0.08,
    alpha_sd: 0.06,
    kappa0: 0.08,
    kappa1: 0.02,
    sd: 0.2,
  },
  q: {
    growth: 'g_t = 0.085 − 0.003·t, except g(2020) = 0.025',
    phi: 0.015,
    sd: 0.012,
    gamma_note: 'γ = 11 is ln(59,874 yuan)',
  },
  industry: { a: 0.6, east: 0.3, province_sd: 0.3, trend: 0.03, sd: 0.15 },
  talent: { b: 0.5, east: 0.2, province_sd: 0.3, trend: 0.02, sd: 0.15 },
  nqpf: {
    c_low: 0.25,
    c_high: 0.45,
    gamma: 11,
    d: 0.3,
    e: 0.25,
    beta_urbanization: 0.01,
    beta_openness: 0.2,
    beta_fiscal_decentralization: -0.1,
    province_sd: 0.2,
    year_trend: 0.05,
    year_sd: 0.03,
    sd: 0.05,
  },
  missing: { share: 0.03, placeholder_dash: 0.06, placeholder_dots: 0.05 },
  /**
   * Spillovers (issue 10): nqpf_sdm, the NQPF equation with a spatial Durbin part, drawn after every
   * other variable (its own noise at the end of the random stream) so that all earlier values stay
   * byte-identical and every earlier parameter stays recoverable from the unchanged nqpf column.
   */
  spillover: { rho: 0.3, theta_innovation: 0.2, c: 0.35, sd: 0.05 },
} as const;

/**
 * Starting GDP per capita (yuan) and population (10,000 people) set near the provinces' 2012
 * magnitudes, rounded to two significant digits. Calibration only: every value in the data is simulated.
 */
const START: Record<string, [gdppc: number, population: number]> = {
  Beijing: [87000, 2100],
  Tianjin: [93000, 1400],
  Hebei: [36000, 7300],
  Shanxi: [33000, 3600],
  'Inner Mongolia': [64000, 2500],
  Liaoning: [56000, 4400],
  Jilin: [43000, 2800],
  Heilongjiang: [36000, 3800],
  Shanghai: [85000, 2400],
  Jiangsu: [68000, 7900],
  Zhejiang: [63000, 5500],
  Anhui: [29000, 6000],
  Fujian: [53000, 3700],
  Jiangxi: [29000, 4500],
  Shandong: [52000, 9700],
  Henan: [31000, 9400],
  Hubei: [39000, 5800],
  Hunan: [33000, 6600],
  Guangdong: [54000, 11000],
  Guangxi: [28000, 4700],
  Hainan: [32000, 890],
  Chongqing: [39000, 2900],
  Sichuan: [29000, 8100],
  Guizhou: [20000, 3500],
  Yunnan: [22000, 4700],
  Tibet: [23000, 310],
  Shaanxi: [38000, 3800],
  Gansu: [22000, 2600],
  Qinghai: [33000, 570],
  Ningxia: [36000, 650],
  Xinjiang: [34000, 2200],
};

type Latent = 'innovation' | 'nqpf' | 'industry' | 'talent';

/** How a latent variable drives an observed indicator. */
interface IndicatorSpec {
  latent: Latent | 'none';
  scale: 'log' | 'linear';
  /** Noise-free values at the panel's lowest and highest z + trend·t (reversed for cost indicators). */
  low: number;
  high: number;
  direction: '+' | '-';
  /** Noise sd in units of z. */
  noise: number;
  /** Extra drift per year in units of z (digital and green indicators grew faster than the latent). */
  trend: number;
  decimals: number;
  unit: string;
  min?: number;
  max?: number;
  /** forest_coverage, nonfossil_power_share: a province level (uniform on [lo, hi]) dominates. */
  provinceLevel?: [number, number];
}

const spec = (
  latent: Latent | 'none',
  scale: 'log' | 'linear',
  low: number,
  high: number,
  unit: string,
  o: Partial<IndicatorSpec> = {},
): IndicatorSpec => ({
  latent,
  scale,
  low,
  high,
  unit,
  direction: '+',
  noise: 0.3,
  trend: 0,
  decimals: 2,
  ...o,
});

/** Indicator specifications, keyed by the column names of the `seed` framework. */
export const INDICATORS: Record<(typeof CHINA_SIM_INDICATORS)[number], IndicatorSpec> = {
  rd_intensity: spec('innovation', 'log', 0.4, 6.5, '% of GDP (R&D expenditure)'),
  invention_patents_per10k: spec('innovation', 'log', 0.5, 70, 'valid invention patents per 10,000 people'),
  rd_fte_per10k: spec('innovation', 'log', 2, 90, 'R&D full-time-equivalent personnel per 10,000 people', {
    decimals: 1,
  }),
  tech_market_gdp: spec('innovation', 'log', 0.05, 8, '% of GDP (technology market turnover)', { noise: 0.4, max: 20 }),
  gov_st_spending_share: spec('innovation', 'log', 0.5, 7, '% of general budget expenditure on science and technology'),
  marketization_index: spec('innovation', 'linear', 2.5, 12, 'marketization index score (Fan Gang type, 0-12)', {
    noise: 0.35,
  }),
  digital_finance_index: spec(
    'innovation',
    'linear',
    40,
    460,
    'digital financial inclusion index (2011 = 100 type scale)',
    { trend: 0.25, noise: 0.25, decimals: 1 },
  ),
  ecommerce_firm_share: spec('innovation', 'linear', 3, 20, '% of enterprises with e-commerce trade', {
    trend: 0.05,
    min: 0.5,
  }),
  tertiary_edu_share: spec('nqpf', 'log', 5, 40, '% of population aged 6+ with tertiary education', { max: 55 }),
  schooling_years: spec('nqpf', 'linear', 7, 12.8, 'average years of schooling', { noise: 0.25 }),
  labor_productivity: spec('nqpf', 'log', 3, 45, '10,000 yuan of GDP per employed person'),
  broadband_ports_per100: spec('nqpf', 'linear', 20, 90, 'internet broadband access ports per 100 people', {
    trend: 0.12,
    decimals: 1,
    min: 5,
  }),
  robot_density: spec('nqpf', 'log', 50, 400, 'industrial robots per 10,000 manufacturing workers', {
    trend: 0.06,
    decimals: 0,
  }),
  fiber_km_per_km2: spec('nqpf', 'log', 0.05, 20, 'km of optical cable per km² of land', { decimals: 3 }),
  energy_intensity: spec('nqpf', 'log', 0.3, 2, 'tce per 10,000 yuan of GDP (cost)', {
    direction: '-',
    trend: 0.05,
    decimals: 3,
  }),
  forest_coverage: spec('nqpf', 'linear', 0, 0, '% of land covered by forest (weakly related to NQPF)', {
    noise: 0,
    provinceLevel: [4, 66],
    decimals: 2,
    min: 1,
    max: 80,
  }),
  so2_intensity: spec('nqpf', 'log', 0.05, 20, 'kg of SO₂ emitted per 10,000 yuan of GDP (cost)', {
    direction: '-',
    trend: 0.2,
    noise: 0.35,
    decimals: 3,
  }),
  nonfossil_power_share: spec('nqpf', 'linear', 0, 0, '% of electricity generated from non-fossil sources', {
    noise: 0,
    provinceLevel: [3, 85],
    decimals: 2,
    min: 1,
    max: 99,
  }),
  tertiary_secondary_ratio: spec('industry', 'log', 0.6, 5, 'tertiary ÷ secondary industry value added', {
    decimals: 3,
  }),
  hightech_revenue_share: spec('industry', 'log', 1, 40, '% of industrial revenue from high-tech manufacturing'),
  sei_value_added_share: spec('industry', 'log', 4, 25, '% of GDP from strategic emerging industries'),
  nev_per10k: spec('industry', 'log', 0.05, 400, 'new-energy vehicles per 10,000 people', { trend: 0.15, noise: 0.3 }),
  digital_core_share: spec('industry', 'log', 2, 20, '% of GDP from core digital-economy industries'),
  ai_firms_per_million: spec('industry', 'log', 0.2, 60, 'artificial-intelligence firms per million people', {
    trend: 0.03,
    noise: 0.3,
  }),
  edu_spending_gdp: spec('talent', 'linear', 2.5, 8, '% of GDP spent on education', { noise: 0.5 }),
  postgrad_per10k: spec('talent', 'log', 1, 80, 'postgraduate students per 10,000 people'),
  st_awards_per_million: spec('talent', 'log', 0.5, 30, 'provincial S&T awards per million people', { noise: 0.4 }),
  research_wage_ratio: spec('talent', 'linear', 1, 1.8, 'average wage in R&D services ÷ average wage', {
    decimals: 3,
    noise: 0.4,
  }),
  high_skill_emp_share: spec('talent', 'linear', 5, 30, '% of employment in professional and technical jobs'),
  talent_net_inflow: spec(
    'talent',
    'linear',
    -30,
    60,
    'net inflow of university graduates per 10,000 people (negative = outflow)',
    { decimals: 1, noise: 0.35 },
  ),
};

export interface ChinaSimOutput {
  csv: string;
  latentCsv: string;
  truth: Record<string, unknown>;
}

/** Round to 10 significant digits so that the shipped latent values are the values the model used. */
const r10 = (x: number) => Number(x.toPrecision(10));
const roundTo = (x: number, decimals: number) => Number(x.toFixed(decimals));

/** Pure simulation from the province table and border pairs (CSV texts). */
export function simulateChinaSim(provincesText: string, bordersText: string, seed = SEED): ChinaSimOutput {
  const rng = new Rng(seed);
  const P = PARAMS;
  const provinces = csvRecords(provincesText);
  const names = provinces.map((p) => p.name_en);
  const n = names.length;
  const T = LAST_YEAR - FIRST_YEAR + 1;
  const idx = new Map(names.map((nm, i) => [nm, i]));
  const neighbours: number[][] = names.map(() => []);
  for (const b of csvRecords(bordersText)) {
    const i = idx.get(b.a);
    const j = idx.get(b.b);
    if (i === undefined || j === undefined) throw new Error(`border pair ${b.a}-${b.b}: unknown province`);
    neighbours[i].push(j);
    neighbours[j].push(i);
  }
  const east = provinces.map((p) => (p.region4 === 'East' ? 1 : 0));
  const lag = (v: Float64Array, i: number) => {
    let s = 0;
    for (const j of neighbours[i]) s += v[j];
    return neighbours[i].length ? s / neighbours[i].length : 0;
  };

  // Province effects (drawn in a fixed order).
  const q0 = names.map((nm) => Math.log(START[nm][0]));
  const qMean = q0.reduce((s, v) => s + v, 0) / n;
  const qSd = Math.sqrt(q0.reduce((s, v) => s + (v - qMean) ** 2, 0) / (n - 1));
  const alpha = names.map(
    (_, i) =>
      P.innovation.alpha0 * ((q0[i] - qMean) / qSd) +
      P.innovation.alpha_east * east[i] +
      rng.normal(0, P.innovation.alpha_sd),
  );
  const muU = names.map((_, i) => P.industry.east * east[i] + rng.normal(0, P.industry.province_sd));
  const muT = names.map((_, i) => P.talent.east * east[i] + rng.normal(0, P.talent.province_sd));
  const muN = names.map(() => rng.normal(0, P.nqpf.province_sd));
  const tauN = Array.from({ length: T }, (_, t) => P.nqpf.year_trend * t + rng.normal(0, P.nqpf.year_sd));

  // Innovation with burn-in, starting from the long-run level of α.
  const rhoLam = P.innovation.rho + P.innovation.lambda;
  let prev = Float64Array.from(alpha, (a) => a / (1 - rhoLam));
  const I: Float64Array[] = [];
  for (let t = -BURN_IN; t < T; t++) {
    const cur = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      cur[i] = r10(
        P.innovation.rho * prev[i] +
          P.innovation.lambda * lag(prev, i) +
          alpha[i] +
          P.innovation.kappa0 +
          P.innovation.kappa1 * t +
          rng.normal(0, P.innovation.sd),
      );
    }
    if (t >= 0) I.push(cur);
    prev = cur;
  }

  // Development path: GDP per capita (yuan, integer), population, controls.
  const gdppc: number[][] = [];
  const q: number[][] = [];
  const pop: number[][] = [];
  const urb: number[][] = [];
  const open: number[][] = [];
  const fd: number[][] = [];
  const urb0 = names.map((_, i) => Math.min(89, Math.max(23, 52 + 30 * (q0[i] - 10.6) + rng.normal(0, 4))));
  const open0 = names.map((_, i) => Math.exp(-1.6 + (q0[i] - 10.6) + 0.8 * east[i] + rng.normal(0, 0.4)));
  const fd0 = names.map((_, i) =>
    Math.exp((provinces[i].region4 === 'West' ? 0.4 : 0) + 0.3 * (q0[i] - 10.6) + rng.normal(0, 0.25)),
  );
  const popGrowth = names.map(() => rng.normal(0.004, 0.004));
  const iMean = I.map((row) => row.reduce((a, v) => a + v, 0) / n);
  for (let i = 0; i < n; i++) {
    const gp: number[] = [];
    const qq: number[] = [];
    const pp: number[] = [];
    const uu: number[] = [];
    const oo: number[] = [];
    const ff: number[] = [];
    let logy = q0[i];
    let u = urb0[i];
    let o = open0[i];
    let f = fd0[i];
    for (let t = 0; t < T; t++) {
      if (t > 0) {
        const g = FIRST_YEAR + t === 2020 ? 0.025 : 0.085 - 0.003 * t;
        logy += g + P.q.phi * (I[t - 1][i] - iMean[t - 1]) + rng.normal(0, P.q.sd);
        u = Math.min(95, u + 1.1 * (1 - u / 100) * 2 + rng.normal(0, 0.4));
        o *= Math.exp(-0.03 + rng.normal(0, 0.06));
        f *= Math.exp(0.01 + rng.normal(0, 0.04));
      }
      const y = Math.round(Math.exp(logy));
      gp.push(y);
      qq.push(r10(Math.log(y)));
      pp.push(roundTo(START[names[i]][1] * Math.exp(popGrowth[i] * t), 0));
      uu.push(roundTo(u, 2));
      oo.push(roundTo(o, 4));
      ff.push(roundTo(f, 4));
    }
    gdppc.push(gp);
    q.push(qq);
    pop.push(pp);
    urb.push(uu);
    open.push(oo);
    fd.push(ff);
  }

  // Industry, talent, NQPF.
  const U: number[][] = names.map(() => []);
  const Tl: number[][] = names.map(() => []);
  const N: number[][] = names.map(() => []);
  for (let t = 0; t < T; t++) {
    for (let i = 0; i < n; i++) {
      const inn = I[t][i];
      const u = r10(P.industry.a * inn + muU[i] + P.industry.trend * t + rng.normal(0, P.industry.sd));
      const tl = r10(P.talent.b * inn + muT[i] + P.talent.trend * t + rng.normal(0, P.talent.sd));
      const c = q[i][t] <= P.nqpf.gamma ? P.nqpf.c_low : P.nqpf.c_high;
      const nq =
        c * inn +
        P.nqpf.d * u +
        P.nqpf.e * tl +
        P.nqpf.beta_urbanization * urb[i][t] +
        P.nqpf.beta_openness * open[i][t] +
        P.nqpf.beta_fiscal_decentralization * fd[i][t] +
        muN[i] +
        tauN[t] +
        rng.normal(0, P.nqpf.sd);
      U[i].push(u);
      Tl[i].push(tl);
      N[i].push(r10(nq));
    }
  }

  // Standardise each latent over the panel.
  const latent: Record<Latent, number[][]> = {
    innovation: names.map((_, i) => I.map((row) => row[i])),
    industry: U,
    talent: Tl,
    nqpf: N,
  };
  const standard: Record<string, { mean: number; sd: number }> = {};
  for (const [k, m] of Object.entries(latent)) {
    const all = m.flat();
    const mean = all.reduce((s, v) => s + v, 0) / all.length;
    const sd = Math.sqrt(all.reduce((s, v) => s + (v - mean) ** 2, 0) / (all.length - 1));
    standard[k] = { mean, sd };
  }

  // Observed indicators.
  const observed: Record<string, number[][]> = {};
  const calibration: Record<string, { v_min: number; v_max: number }> = {};
  for (const col of CHINA_SIM_INDICATORS) {
    const s = INDICATORS[col];
    const lo = s.scale === 'log' ? Math.log(s.low) : s.low;
    const hi = s.scale === 'log' ? Math.log(s.high) : s.high;
    const level = s.provinceLevel
      ? names.map(() => s.provinceLevel![0] + rng.uniform() * (s.provinceLevel![1] - s.provinceLevel![0]))
      : undefined;
    const zOf = (i: number, t: number) =>
      s.latent === 'none' ? 0 : (latent[s.latent][i][t] - standard[s.latent].mean) / standard[s.latent].sd;
    // v = z + trend·t; its panel range [vMin, vMax] maps onto [low, high] (reversed for cost indicators).
    let vMin = Infinity;
    let vMax = -Infinity;
    for (let i = 0; i < n; i++) {
      for (let t = 0; t < T; t++) {
        const v = zOf(i, t) + s.trend * t;
        vMin = Math.min(vMin, v);
        vMax = Math.max(vMax, v);
      }
    }
    const span = vMax - vMin;
    calibration[col] = { v_min: vMin, v_max: vMax };
    observed[col] = names.map((_, i) =>
      Array.from({ length: T }, (_, t) => {
        let x: number;
        if (level) {
          // Province level dominates; NQPF shifts it by about one percentage point per sd.
          x = level[i] + 1.0 * zOf(i, t) + (col === 'nonfossil_power_share' ? 1.2 * t : 0.3 * t) + rng.normal(0, 0.6);
        } else {
          const w = (zOf(i, t) + s.trend * t + rng.normal(0, s.noise) - vMin) / span;
          const raw = s.direction === '-' ? hi - (hi - lo) * w : lo + (hi - lo) * w;
          x = s.scale === 'log' ? Math.exp(raw) : raw;
        }
        if (s.min !== undefined) x = Math.max(s.min, x);
        if (s.max !== undefined) x = Math.min(s.max, x);
        return roundTo(x, s.decimals);
      }),
    );
  }

  // Missing cells and yearbook placeholders.
  let dash = 0;
  let dots = 0;
  let blank = 0;
  const cellText: Record<string, string[][]> = {};
  for (const col of CHINA_SIM_INDICATORS) {
    cellText[col] = observed[col].map((row) =>
      row.map((v) => {
        if (rng.uniform() >= P.missing.share) return formatNumber(v, 12);
        const u = rng.uniform();
        if (u < P.missing.placeholder_dash) {
          dash++;
          return '—';
        }
        if (u < P.missing.placeholder_dash + P.missing.placeholder_dots) {
          dots++;
          return '..';
        }
        blank++;
        return '';
      }),
    );
  }

  // Spatial Durbin NQPF: N^S_t = (I − ρW)⁻¹[c·I_t + d·U_t + e·T_t + controls + μ^N + τ_t + θ·W I_t + ε^S_t].
  const SP = P.spillover;
  const NS: number[][] = names.map(() => []);
  for (let t = 0; t < T; t++) {
    const inn = I[t];
    const rhs = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      rhs[i] =
        SP.c * inn[i] +
        P.nqpf.d * U[i][t] +
        P.nqpf.e * Tl[i][t] +
        P.nqpf.beta_urbanization * urb[i][t] +
        P.nqpf.beta_openness * open[i][t] +
        P.nqpf.beta_fiscal_decentralization * fd[i][t] +
        muN[i] +
        tauN[t] +
        SP.theta_innovation * lag(inn, i) +
        rng.normal(0, SP.sd);
    }
    // Solve (I − ρW)x = rhs by Jacobi iteration x ← rhs + ρWx (contraction: |ρ| < 1, W row-standardised).
    let x = Float64Array.from(rhs);
    for (let it = 0; it < 200; it++) {
      const next = Float64Array.from(rhs, (v, i) => v + SP.rho * lag(x, i));
      let diff = 0;
      for (let i = 0; i < n; i++) diff = Math.max(diff, Math.abs(next[i] - x[i]));
      x = next;
      if (diff < 1e-15) break;
    }
    for (let i = 0; i < n; i++) NS[i].push(r10(x[i]));
  }

  const header = ['province', 'year', 'province_zh', 'region4', ...CHINA_SIM_INDICATORS, ...CHINA_SIM_CONTROLS];
  const lines = [csvLine(header)];
  const latentLines = [csvLine(['province', 'year', 'innovation', 'industry', 'talent', 'nqpf', 'q', 'nqpf_sdm'])];
  const order = names.map((_, i) => i).sort((a, b) => (names[a] < names[b] ? -1 : 1));
  for (const i of order) {
    for (let t = 0; t < T; t++) {
      const gdp = roundTo((gdppc[i][t] * pop[i][t]) / 10000, 2);
      lines.push(
        csvLine([
          names[i],
          String(FIRST_YEAR + t),
          provinces[i].name_zh,
          provinces[i].region4,
          ...CHINA_SIM_INDICATORS.map((c) => cellText[c][i][t]),
          formatNumber(gdp, 12),
          formatNumber(pop[i][t], 12),
          formatNumber(gdppc[i][t], 12),
          formatNumber(urb[i][t], 12),
          formatNumber(open[i][t], 12),
          formatNumber(fd[i][t], 12),
        ]),
      );
      latentLines.push(
        csvLine([names[i], String(FIRST_YEAR + t), I[t][i], U[i][t], Tl[i][t], N[i][t], q[i][t], NS[i][t]]),
      );
    }
  }

  const truth = {
    dataset: 'china-sim',
    simulated: true,
    note: 'SIMULATED data generated by nqpf; not official statistics. These are the true values of the data-generating process.',
    seed,
    seed_note:
      'The seed is a draw from 20240301-20240320 whose two-way FE fit on the latent values covers c_low, c_high, d, e, a and b with its 95% intervals (test/datasets/china-sim.test.ts). Over seeds 1-30 the t-statistics (estimate - truth)/se of c_low, c_high, d, e had means -0.17, -0.18, 0.06, 0.09 and sds 0.94, 0.86, 1.11, 0.88: the design is unbiased, the seed only fixes one draw.',
    rng: 'nqpf Rng (xoshiro128**, splitmix32 seeding, Marsaglia polar normals), src/core/rng.ts',
    years: [FIRST_YEAR, LAST_YEAR],
    provinces: n,
    burn_in_years: BURN_IN,
    equations: [
      'I_it = rho*I_i,t-1 + lambda*(W I_t-1)_i + alpha_i + kappa0 + kappa1*t + eps_I,  t = year - 2012, burn-in from t = -20 starting at alpha_i/(1-rho-lambda)',
      'alpha_i = alpha0*z(q_i,2012) + alpha_east*East_i + N(0, alpha_sd^2)',
      'W = row-standardised contiguity: 68 land borders + the Guangdong-Hainan strait link (china-province-borders.csv)',
      'q_it = ln(gdp_per_capita_it); ln y_it = ln y_i,t-1 + g_t + phi*I_i,t-1 + eps_q, gdp_per_capita rounded to the yuan',
      'U_it = a*I_it + mu_U_i + trend_U*t + eps_U,  mu_U_i = east_U*East_i + N(0, province_sd^2)',
      'T_it = b*I_it + mu_T_i + trend_T*t + eps_T,  mu_T_i = east_T*East_i + N(0, province_sd^2)',
      'N_it = c_low*I_it*1[q_it <= gamma] + c_high*I_it*1[q_it > gamma] + d*U_it + e*T_it + beta_urbanization*urbanization_it + beta_openness*openness_it + beta_fiscal_decentralization*fiscal_decentralization_it + mu_N_i + tau_t + eps_N,  tau_t = year_trend*t + N(0, year_sd^2)',
      'indicator x = f(lo + (hi - lo)*w) for benefit indicators, f(hi - (hi - lo)*w) for cost indicators; w = (z_L + trend*t + N(0, noise^2) - v_min)/(v_max - v_min); z_L = (L - mean_L)/sd_L over the 372 rows; v_min, v_max = range of z_L + trend*t over the panel (indicator_calibration); f = exp with lo = ln(low), hi = ln(high) for log scale, identity for linear; then clamped to [min, max] and rounded to the yearbook precision',
      'forest_coverage, nonfossil_power_share: province level ~ U(lo, hi) + 1.0*z_nqpf + drift*t + N(0, 0.6^2)',
      'nqpf_sdm_t = (I - rho_s*W)^-1 [c_s*I_t + d*U_t + e*T_t + beta_urbanization*urbanization_t + beta_openness*openness_t + beta_fiscal_decentralization*fiscal_decentralization_t + mu_N + tau_t + theta_s*W*I_t + eps_S_t] (parameters.spillover: rho, theta_innovation, c, sd; latent only, drawn last so that every other value is unchanged)',
      'missing: each indicator cell missing with probability 0.03; a missing cell is written "—" with probability 0.06, ".." with probability 0.05, else empty',
    ],
    parameters: PARAMS,
    latent_standardisation: standard,
    indicator_calibration: calibration,
    indicators: Object.fromEntries(CHINA_SIM_INDICATORS.map((c) => [c, INDICATORS[c]])),
    units: {
      gdp: '100 million yuan (gdp_per_capita × population / 10,000)',
      population: '10,000 people',
      gdp_per_capita: 'yuan',
      urbanization: '% of population living in towns',
      openness: '(exports + imports) ÷ GDP',
      fiscal_decentralization: 'provincial per-capita budget expenditure ÷ national per-capita budget expenditure',
    },
    regimes: {
      low: q.flat().filter((v) => v <= P.nqpf.gamma).length,
      high: q.flat().filter((v) => v > P.nqpf.gamma).length,
    },
    missing_cells: { empty: blank, dash, dots, total: blank + dash + dots, of: CHINA_SIM_INDICATORS.length * n * T },
  };
  return { csv: lines.join('\n') + '\n', latentCsv: latentLines.join('\n') + '\n', truth };
}

/** The three files exactly as written to disk. */
export function chinaSimFiles(root = ROOT): Record<string, string> {
  const out = simulateChinaSim(
    readFileSync(path.join(root, 'data/builtin/china-provinces.csv'), 'utf8'),
    readFileSync(path.join(root, 'data/builtin/china-province-borders.csv'), 'utf8'),
  );
  return {
    'china-sim.csv': out.csv,
    'china-sim-latent.csv': out.latentCsv,
    'china-sim-truth.json': JSON.stringify(out.truth, null, 2) + '\n',
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  for (const [file, text] of Object.entries(chinaSimFiles()))
    writeFileSync(path.join(ROOT, 'data/builtin', file), text);
  process.stderr.write(
    'china-sim: wrote data/builtin/china-sim.csv, china-sim-latent.csv, china-sim-truth.json (SIMULATED)\n',
  );
}
