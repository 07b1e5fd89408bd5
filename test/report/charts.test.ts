import { describe, expect, it } from 'vitest';
import { barChart } from '../../src/report/charts/bar.js';
import { fanChart } from '../../src/report/charts/fan.js';
import { heatmapChart } from '../../src/report/charts/heatmap.js';
import { lineChart } from '../../src/report/charts/line.js';
import { niceCeil, radarChart } from '../../src/report/charts/radar.js';
import { ridgelineChart } from '../../src/report/charts/ridgeline.js';
import { scatterChart } from '../../src/report/charts/scatter.js';
import { snapshotSvg } from '../helpers/svg-snapshot.js';
import { texts } from './svg.js';

// Each chart is compared with an SVG snapshot in __snapshots__/ (ids renumbered as the report does,
// numbers rounded to 3 decimals: test/helpers/svg-snapshot.ts). Every snapshot was reviewed by
// rendering it to PNG with @resvg/resvg-js and looking at it; review a changed snapshot the same way
// before committing it (vitest -u rewrites them; CI never writes a missing one).
const years = [2012, 2013, 2014, 2015, 2016];

describe('lineChart', () => {
  const svg = lineChart({
    title: 'Index over time',
    periods: years,
    xName: 'Year',
    yName: 'Index (0–1)',
    series: [
      { name: 'Beijing', values: [0.3, 0.32, 0.35, 0.37, 0.4] },
      { name: { en: 'Shanghai', zh: '上海' }, values: [0.28, NaN, 0.33, 0.36, 0.41] },
      { name: 'Tibet', values: [0.1, 0.11, 0.12, 0.12, 0.13] },
    ],
  });
  it('is an SVG with the title, axis names with units and one legend entry per series', () => {
    expect(svg.startsWith('<svg')).toBe(true);
    const words = texts(svg);
    expect(words).toContain('Index over time');
    expect(words).toContain('Year');
    expect(words).toContain('Index (0–1)');
    for (const name of ['Beijing', 'Shanghai', 'Tibet']) expect(words).toContain(name);
    for (const y of years) expect(words).toContain(String(y));
  });
  it('matches the reviewed snapshot (one line per series; Shanghai broken at its missing 2013)', async () => {
    await expect(snapshotSvg(svg)).toMatchFileSnapshot('./__snapshots__/line.svg');
  });
  it('uses Chinese labels with lang zh', () => {
    const zh = lineChart({
      lang: 'zh',
      periods: years,
      series: [
        { name: { en: 'Shanghai', zh: '上海' }, values: [1, 2, 3, 4, 5] },
        { name: { en: 'Beijing', zh: '北京' }, values: [2, 3, 4, 5, 6] },
      ],
      yName: { en: 'Index', zh: '指数' },
    });
    expect(texts(zh)).toContain('上海');
    expect(texts(zh)).toContain('指数');
    expect(texts(zh)).toContain('北京');
    expect(zh).not.toContain('Shanghai');
  });
});

describe('barChart', () => {
  it('draws one bar per category with value labels, first category at the top', async () => {
    const svg = barChart({
      categories: ['a', 'b', 'c'],
      series: [{ name: 'Weight', values: [0.2, 0.5, 0.3] }],
      valueName: 'Weight (share)',
    });
    expect(texts(svg)).toEqual(expect.arrayContaining(['0.200', '0.500', '0.300', 'Weight (share)']));
    await expect(snapshotSvg(svg)).toMatchFileSnapshot('./__snapshots__/bar-horizontal.svg');
  });
  it('stacks series with one colour per component and a legend', async () => {
    const svg = barChart({
      orientation: 'vertical',
      mode: 'stacked',
      categories: ['2012', '2013'],
      series: [
        { name: 'Within', values: [20, 22] },
        { name: 'Between', values: [60, 58] },
        { name: 'Transvariation', values: [20, 20] },
      ],
      valueName: 'Contribution (%)',
    });
    expect(texts(svg)).toEqual(expect.arrayContaining(['Within', 'Between', 'Transvariation']));
    await expect(snapshotSvg(svg)).toMatchFileSnapshot('./__snapshots__/bar-stacked.svg');
  });
});

describe('radarChart', () => {
  it('draws one polygon per entity and names every axis', async () => {
    const svg = radarChart({
      lang: 'zh',
      axes: [
        { name: { en: 'Laborers', zh: '劳动者' } },
        { name: { en: 'Means', zh: '劳动资料' } },
        { name: { en: 'Objects', zh: '劳动对象' } },
      ],
      series: [
        { name: 'A', values: [0.2, 0.4, 0.3] },
        { name: 'B', values: [0.5, 0.1, 0.2] },
      ],
    });
    const words = texts(svg);
    expect(words).toEqual(expect.arrayContaining(['劳动者', '劳动资料', '劳动对象', 'A', 'B']));
    await expect(snapshotSvg(svg)).toMatchFileSnapshot('./__snapshots__/radar.svg');
  });
  it('rounds the axis maximum up to 1, 2, 2.5 or 5 × 10^k', () => {
    expect([niceCeil(0.6), niceCeil(0.21), niceCeil(0.25), niceCeil(3), niceCeil(1)]).toEqual([1, 0.25, 0.25, 5, 1]);
  });
});

describe('heatmapChart', () => {
  it('draws one cell per finite value with its label', async () => {
    const svg = heatmapChart({
      rows: ['Beijing', 'Tianjin'],
      columns: [2012, 2013, 2014],
      values: [
        [0.5, 0.6, 0.7],
        [0.4, NaN, 0.45],
      ],
      valueName: 'D (0–1)',
    });
    const words = texts(svg);
    expect(words).toEqual(
      expect.arrayContaining(['0.50', '0.60', '0.70', '0.40', '0.45', 'D (0–1)', 'Beijing', '2014']),
    );
    expect(words.filter((w) => /^0\.\d\d$/.test(w)).length).toBe(5);
    await expect(snapshotSvg(svg)).toMatchFileSnapshot('./__snapshots__/heatmap.svg');
  });
  it('refuses values that do not match the labels', () => {
    expect(() => heatmapChart({ rows: ['a'], columns: [1, 2], values: [[1]] })).toThrow(
      /row 0 has 1 values for 2 columns/,
    );
  });
});

describe('scatterChart', () => {
  it('draws the points and the given fitted line across the x range (the NaN point left out)', async () => {
    const svg = scatterChart({
      x: [1, 2, 3, 4, NaN],
      y: [2, 1.8, 1.1, 0.9, 3],
      fit: { intercept: 2.4, slope: -0.4 },
      xName: 'ln y₀',
      yName: 'Growth (%/yr)',
    });
    expect(texts(svg)).toEqual(expect.arrayContaining(['Observations', 'Fitted line', 'ln y₀', 'Growth (%/yr)']));
    await expect(snapshotSvg(svg)).toMatchFileSnapshot('./__snapshots__/scatter.svg');
  });
});

describe('fanChart', () => {
  it('shows history, fitted, forecast and one shaded band per interval', async () => {
    const svg = fanChart({
      lang: 'zh',
      history: { periods: years, values: [1, 1.1, 1.2, 1.3, 1.4] },
      fitted: [1.01, 1.1, 1.21, 1.3, 1.41],
      forecast: { periods: [2017, 2018], values: [1.5, 1.6] },
      bands: [
        { name: { en: '95% interval', zh: '95% 区间' }, lower: [1.4, 1.45], upper: [1.6, 1.75] },
        { name: { en: '80% interval', zh: '80% 区间' }, lower: [1.45, 1.5], upper: [1.55, 1.7] },
      ],
    });
    expect(texts(svg)).toEqual(expect.arrayContaining(['实际值', '拟合值', '预测值', '95% 区间', '80% 区间', '2018']));
    await expect(snapshotSvg(svg)).toMatchFileSnapshot('./__snapshots__/fan.svg');
  });
});

describe('ridgelineChart', () => {
  it('draws one filled ridge per period, labelled by period', async () => {
    const x = Array.from({ length: 50 }, (_, i) => i / 49);
    const svg = ridgelineChart({
      x,
      xName: 'Index',
      densities: years.map((y, k) => ({ name: y, y: x.map((v) => Math.exp(-((v - 0.3 - 0.05 * k) ** 2) / 0.01)) })),
    });
    for (const y of years) expect(texts(svg)).toContain(String(y));
    await expect(snapshotSvg(svg)).toMatchFileSnapshot('./__snapshots__/ridgeline.svg');
  });
  it('refuses a density that does not match the grid', () => {
    expect(() => ridgelineChart({ x: [0, 1, 2], densities: [{ name: 2012, y: [1, 2] }] })).toThrow(/2 points, x has 3/);
  });
});
