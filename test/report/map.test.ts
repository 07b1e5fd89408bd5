import { describe, expect, it } from 'vitest';
import { CHINA_PROVINCES, chinaProvince } from '../../src/report/charts/china-provinces.js';
import { worldMapCodes } from '../../src/report/charts/geodata.js';
import { LISA_CATEGORIES, chinaMap, joinChina, joinWorld, worldMap } from '../../src/report/charts/map.js';
import { NO_DATA_FILL } from '../../src/report/charts/theme.js';
import { snapshotSvg } from '../helpers/svg-snapshot.js';
import { colouredRegions, pathFills, texts } from './svg.js';
import chinaGeo from 'china-geojson/src/geojson/china.json' with { type: 'json' };

describe('chinaProvince', () => {
  it('finds a province by English, short or full Chinese name, or GB code', () => {
    for (const key of ['Inner Mongolia', 'inner mongolia', '内蒙古', '内蒙古自治区', 150000, '15', 'Nei Mongol'])
      expect(chinaProvince(key)?.zh).toBe('内蒙古');
    expect(chinaProvince('广西壮族自治区')?.en).toBe('Guangxi');
    expect(chinaProvince('新疆维吾尔自治区')?.code).toBe(650000);
    expect(chinaProvince('北京市')?.en).toBe('Beijing');
    expect(chinaProvince('Xizang')?.en).toBe('Tibet');
    expect(chinaProvince('Atlantis')).toBeUndefined();
  });
  it('names exactly the features of the china-geojson map', () => {
    const geoNames = (chinaGeo as { features: { properties: { name: string } }[] }).features
      .map((f) => f.properties.name)
      .filter((n) => n !== '南海诸岛');
    expect(CHINA_PROVINCES.map((p) => p.zh).sort()).toEqual([...geoNames].sort());
  });
  it('covers the 31 provinces of data/china_provinces.csv by their English names', () => {
    const csv31 = [
      'Beijing',
      'Tianjin',
      'Hebei',
      'Shanxi',
      'Inner Mongolia',
      'Liaoning',
      'Jilin',
      'Heilongjiang',
      'Shanghai',
      'Jiangsu',
      'Zhejiang',
      'Anhui',
      'Fujian',
      'Jiangxi',
      'Shandong',
      'Henan',
      'Hubei',
      'Hunan',
      'Guangdong',
      'Guangxi',
      'Hainan',
      'Chongqing',
      'Sichuan',
      'Guizhou',
      'Yunnan',
      'Tibet',
      'Shaanxi',
      'Gansu',
      'Qinghai',
      'Ningxia',
      'Xinjiang',
    ];
    expect(csv31.every((n) => chinaProvince(n)?.en === n)).toBe(true);
  });
});

describe('worldMap', () => {
  it('colours exactly the countries given, the rest grey', () => {
    const svg = worldMap({ values: { CHN: 0.5, USA: 0.9, FRA: 0.8, BRA: 0.3 }, valueName: 'Index (0–1)' });
    expect(colouredRegions(svg)).toBe(4);
    // 177 Natural Earth countries minus Antarctica and Taiwan (merged with China); 4 coloured, the rest in the no-data grey.
    expect(pathFills(svg).get(NO_DATA_FILL)).toBe(175 - 4); // Taiwan is part of China, not a region of its own
    expect(texts(svg)).toEqual(expect.arrayContaining(['Index (0–1)', '0.3', '0.9']));
  });
  it('joins on ISO3 codes from the numeric ids and reports keys that are not codes', () => {
    expect(worldMapCodes()).toEqual(expect.arrayContaining(['CHN', 'USA', 'DEU', 'ZAF', 'AUS']));
    expect(worldMapCodes()).not.toContain('ATA');
    const j = joinWorld({ chn: 1, 'United States': 2 });
    expect([...j.matched.keys()]).toEqual(['CHN']);
    expect(j.unmatched).toEqual(['United States']);
  });
  it('draws no stripe across the map for countries over the antimeridian', () => {
    const svg = worldMap({ values: { RUS: 1, FJI: 2 } });
    // A ring jumping from +180 to -180 would give a segment as wide as the map (~880 px).
    const widest = Math.max(
      ...[...svg.matchAll(/<path d="([^"]*)"[^>]*fill="rgb/g)].flatMap((m) =>
        // Each "M" starts a separate ring; only the drawn segments inside a ring count.
        m[1].split('M').flatMap((ring) => {
          const xs = [...`L${ring}`.matchAll(/L([\d.-]+) /g)].map((x) => Number(x[1]));
          return xs.slice(1).map((x, i) => Math.abs(x - xs[i]));
        }),
      ),
    );
    expect(widest).toBeLessThan(300);
  });
});

describe('chinaMap', () => {
  it('colours the provinces given by any key form and shows Chinese labels with lang zh', () => {
    const svg = chinaMap({
      lang: 'zh',
      values: { Beijing: 1, 上海市: 2, 150000: 3, Tibet: 4 },
      valueName: { en: 'Index', zh: '指数' },
    });
    expect(colouredRegions(svg)).toBe(4);
    expect(pathFills(svg).get(NO_DATA_FILL)).toBe(35 - 4);
    expect(texts(svg)).toContain('指数');
    expect(svg).toContain('无数据');
  });
  it('reports keys that name no province', () => {
    expect(joinChina({ Beijing: 1, Atlantis: 2 }).unmatched).toEqual(['Atlantis']);
  });
  it('draws categorical classes with a legend entry each (LISA clusters)', () => {
    const svg = chinaMap({
      values: { Beijing: 'HH', Shanghai: 'HH', Tibet: 'LL', Gansu: 'LH', Xinjiang: 'ns' },
      scale: {
        type: 'categorical',
        categories: [
          { value: 'HH', label: 'High-High', color: '#D55E00' },
          { value: 'LL', label: 'Low-Low', color: '#0072B2' },
          { value: 'HL', label: 'High-Low', color: '#E69F00' },
          { value: 'LH', label: 'Low-High', color: '#56B4E9' },
          { value: 'ns', label: 'Not significant', color: '#f2f2f2' },
        ],
      },
    });
    expect(texts(svg)).toEqual(
      expect.arrayContaining(['High-High', 'Low-Low', 'High-Low', 'Low-High', 'Not significant']),
    );
    // Each class colours its regions plus its legend swatch.
    const fills = pathFills(svg);
    expect(fills.get('#D55E00')).toBe(2 + 1);
    expect(fills.get('#0072B2')).toBe(1 + 1);
    expect(fills.get('#E69F00')).toBe(0 + 1);
    expect(fills.get('#56B4E9')).toBe(1 + 1);
    expect(fills.get('#f2f2f2')).toBe(1 + 1);
    expect(fills.get(NO_DATA_FILL)).toBe(35 - 5);
    expect(() =>
      chinaMap({
        values: { Beijing: 'XX' },
        scale: { type: 'categorical', categories: [{ value: 'HH', label: 'HH' }] },
      }),
    ).toThrow(/"XX" of region 北京 is not one of the categories HH/);
  });
  it('has ready-made LISA classes in English and Chinese', () => {
    const svg = chinaMap({ lang: 'zh', values: { Beijing: 'HH', Tibet: 'LL', Gansu: 'ns' }, scale: LISA_CATEGORIES });
    expect(texts(svg)).toEqual(expect.arrayContaining(['高-高', '低-低', '高-低', '低-高', '不显著']));
    expect(pathFills(svg).get('#D55E00')).toBe(1 + 1);
  });
  it('overlays an ellipse outline and its centre (reviewed snapshot)', async () => {
    const path = Array.from(
      { length: 36 },
      (_, i) =>
        [112 + 8 * Math.cos((i / 36) * 2 * Math.PI), 32 + 5 * Math.sin((i / 36) * 2 * Math.PI)] as [number, number],
    );
    const svg = chinaMap({
      lang: 'zh',
      values: { Beijing: 1, Sichuan: 0.4, Guangdong: 0.8 },
      overlays: [{ kind: 'ellipse', name: 'SDE 2012', path, center: [112, 32], color: '#CC79A7' }],
    });
    expect(texts(svg)).toContain('SDE 2012');
    // Snapshot reviewed as a PNG rendered with @resvg/resvg-js (see charts.test.ts).
    await expect(snapshotSvg(svg)).toMatchFileSnapshot('./__snapshots__/china-map-ellipse.svg');
  });
});

describe('map without values', () => {
  it('draws the base map with no colour bar when no region has a value', () => {
    const svg = chinaMap({ values: { Beijing: NaN } });
    expect(colouredRegions(svg)).toBe(0);
    expect(pathFills(svg).get(NO_DATA_FILL)).toBe(35);
    expect(svg).not.toMatch(/url\(#zr\d+-g\d+\)/); // the colour bar is the only gradient
  });
});
