import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makePanel } from '../../src/data/panel.js';
import { couplingCoordination } from '../../src/couple/coupling-coordination.js';
import { disparityByPeriod } from '../../src/disparity/disparity-by-period.js';
import { densityByPeriod } from '../../src/dynamics/density-by-period.js';
import { gm11, gm11Forecast } from '../../src/project/gm11.js';
import { standardDeviationalEllipse } from '../../src/spatial/ellipse.js';
import { localMoran } from '../../src/spatial/local-moran.js';
import { knnWeights } from '../../src/spatial/weights.js';
import { renderReport } from '../../src/report/document.js';
import { couplingSection } from '../../src/report/sections/coupling.js';
import { densitySection } from '../../src/report/sections/density.js';
import { disparitySection } from '../../src/report/sections/disparity.js';
import { forecastSection } from '../../src/report/sections/forecast.js';
import { ellipseSection, lisaSection } from '../../src/report/sections/spatial.js';
import { reportDataset } from '../../src/report/sections/measure.js';
import { frameworkNames } from '../../src/report/sections/section.js';
import { FRAMEWORK } from './sample.js';
import { pathFills, texts } from './svg.js';

// Twelve provinces, three regions, five years of a made-up score: hand-placed values, not china-sim.
const P = [
  ['Beijing', 'East', 39.9, 116.4],
  ['Tianjin', 'East', 39.1, 117.2],
  ['Shanghai', 'East', 31.2, 121.5],
  ['Jiangsu', 'East', 32.1, 118.8],
  ['Zhejiang', 'East', 30.3, 120.2],
  ['Henan', 'Central', 34.7, 113.6],
  ['Hubei', 'Central', 30.6, 114.3],
  ['Hunan', 'Central', 28.2, 112.9],
  ['Sichuan', 'West', 30.6, 104.1],
  ['Gansu', 'West', 36.1, 103.8],
  ['Qinghai', 'West', 36.6, 101.8],
  ['Tibet', 'West', 29.7, 91.2],
] as const;
const years = [2019, 2020, 2021, 2022, 2023];
const entity: string[] = [];
const period: number[] = [];
const u1: number[] = [];
const u2: number[] = [];
P.forEach(([id], k) => {
  for (const y of years) {
    entity.push(id);
    period.push(y);
    const t = y - 2019;
    u1.push(0.8 - 0.05 * k + 0.02 * t);
    u2.push(0.75 - 0.055 * k + 0.015 * t + 0.01 * (k % 3));
  }
});
const panel = makePanel({
  entityColumn: 'province',
  periodColumn: 'year',
  entity,
  period,
  columns: { u1: Float64Array.from(u1), u2: Float64Array.from(u2) },
  entities: P.map(([id, group, lat, lon]) => ({ id, group, lat, lon })),
  meta: { name: 'toy-sim', title: 'Toy provinces (simulated)', simulated: true },
});
const names = { u1: { en: 'Innovation', zh: '创新' }, u2: { en: 'NQPF', zh: '新质生产力' } };

describe('stage sections', () => {
  const coupling = couplingCoordination(panel, ['u1', 'u2']);
  const couple = couplingSection(panel, coupling, { names });
  const disparity = disparitySection(panel, disparityByPeriod(panel, 'u1', 'group'), { names });
  const density = densitySection(panel, densityByPeriod(panel, 'u1'), { names });
  const last = panel.entity.map((_, i) => i).filter((i) => panel.period[i] === 2023);
  const w = knnWeights(
    last.map((i) => panel.entity[i]),
    last.map((i) => ({
      lat: panel.entities[panel.entityIndex[i]].lat!,
      lon: panel.entities[panel.entityIndex[i]].lon!,
    })),
    3,
  );
  const lisaResult = localMoran(
    last.map((i) => u1[i]),
    w,
    { permutations: 99, seed: 1 },
  );
  const lisa = lisaSection(panel, lisaResult, { value: 'u1', period: 2023 }, { names });
  const ellipses = [2019, 2023].map((y) => ({
    period: y,
    ellipse: standardDeviationalEllipse(
      P.map(([id, , lat, lon], k) => ({ id, lat, lon, weight: u1[k * years.length + years.indexOf(y)] })),
    ),
  }));
  const ellipse = ellipseSection(panel, ellipses, { value: 'u1' }, { names });
  const bj = u1.slice(0, 5);
  const model = gm11(bj);
  const forecast = forecastSection(
    panel,
    [{ entity: 'Beijing', periods: years, model, forecastPeriods: [2024, 2025], forecast: gm11Forecast(model, 2) }],
    { value: 'u1' },
    { names },
  );

  it('coupling: a D heatmap over every entity-year, a level map and a table', () => {
    const [fig] = couple.blocks.filter((b) => b.kind === 'figure');
    if (fig.kind !== 'figure') throw new Error('no figure');
    const cells = texts(fig.svg).filter((s) => /^0\.\d\d$/.test(s));
    expect(cells.length).toBe(12 * 5);
    const map = couple.blocks.filter((b) => b.kind === 'figure')[1];
    if (map.kind !== 'figure') throw new Error('no map');
    expect(
      [...pathFills(map.svg).entries()]
        .filter(([f]) => f !== '#d4d4d4' && f.startsWith('#') && f.length === 7)
        .reduce((s, [, k]) => s + k, 0),
    ).toBeGreaterThanOrEqual(12);
    const table = couple.blocks.find((b) => b.kind === 'table');
    if (table?.kind !== 'table') throw new Error('no table');
    expect(table.rows.length).toBe(12);
    const top = coupling.rows.filter((r) => r.period === 2023).sort((a, b) => b.D - a.D)[0];
    expect(table.rows[0]).toMatchObject({ entity: top.entity, D: top.D, C: top.C, T: top.T });
  });

  it('disparity: contributions stack to 100% per year and the table carries G and its parts', () => {
    const table = disparity.blocks.find((b) => b.kind === 'table');
    if (table?.kind !== 'table') throw new Error('no table');
    expect(table.rows.length).toBe(5);
    for (const r of table.rows) expect((r.cw as number) + (r.cb as number) + (r.ct as number)).toBeCloseTo(100, 9);
    for (const r of table.rows)
      expect((r.Gw as number) + (r.Gnb as number) + (r.Gt as number)).toBeCloseTo(r.G as number, 12);
  });

  it('density: one ridge per year', () => {
    const fig = density.blocks.find((b) => b.kind === 'figure');
    if (fig?.kind !== 'figure') throw new Error('no figure');
    expect(fig.svg.split('fill-opacity="0.55"').length - 1).toBe(5);
  });

  it('LISA: every province coloured by its class, with counts that add up', () => {
    const fig = lisa.blocks.find((b) => b.kind === 'figure');
    if (fig?.kind !== 'figure') throw new Error('no figure');
    const classFills = ['#D55E00', '#0072B2', '#F4A582', '#92C5DE', '#f2f2f2'].reduce(
      (s, c) => s + (pathFills(fig.svg).get(c) ?? 0),
      0,
    );
    expect(classFills).toBe(12 + 5); // 12 provinces + 5 legend swatches
    const table = lisa.blocks.find((b) => b.kind === 'table');
    if (table?.kind !== 'table') throw new Error('no table');
    expect(table.rows.reduce((s, r) => s + (r.count as number), 0)).toBe(12);
  });

  it('ellipse: both outlines on the map and one table row per year', () => {
    const fig = ellipse.blocks.find((b) => b.kind === 'figure');
    if (fig?.kind !== 'figure') throw new Error('no figure');
    expect(fig.svg.match(/<polyline /g)?.length).toBe(2);
    expect(texts(fig.svg)).toEqual(expect.arrayContaining(['2019', '2023']));
    const table = ellipse.blocks.find((b) => b.kind === 'table');
    if (table?.kind !== 'table') throw new Error('no table');
    expect(table.rows.map((r) => r.lon)).toEqual(ellipses.map((e) => e.ellipse.centre.lon));
  });

  it('forecast: a fan chart and the model grades', () => {
    const table = forecast.blocks.find((b) => b.kind === 'table');
    if (table?.kind !== 'table') throw new Error('no table');
    expect(table.rows[0]).toMatchObject({
      entity: 'Beijing',
      a: model.a,
      b: model.b,
      C: model.C,
      P: model.P,
      grade: model.grade,
    });
  });

  it('takes display names of systems, dimensions and indicators from a framework', () => {
    const n = frameworkNames(FRAMEWORK);
    expect(n.nqpf).toEqual({ en: 'NQPF index', zh: '新质生产力指数' });
    expect(n.labor.zh).toBe('劳动者');
    expect(n.energy.en).toBe('Energy intensity');
  });

  it('renders together in one report with the simulated banner on each section', () => {
    const html = renderReport({
      title: 'Stages',
      datasets: [reportDataset(panel)],
      sections: [couple, disparity, density, lisa, ellipse, forecast],
    });
    expect(html.split('<div class="sim-banner"').length - 1).toBe(6);
    const zh = renderReport({
      title: '阶段',
      lang: 'zh',
      datasets: [reportDataset(panel)],
      sections: [couplingSection(panel, coupling, { names, lang: 'zh' })],
    });
    expect(zh).toContain('耦合协调');
    expect(zh).toContain('创新');
    writeFileSync(join(mkdtempSync(join(tmpdir(), 'nqpf-stages-')), 'report.html'), html);
  });
});
