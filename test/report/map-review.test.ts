import { describe, expect, it } from 'vitest';
import worldTopo from 'world-atlas/countries-110m.json' with { type: 'json' };
import { worldMapCodes } from '../../src/report/charts/geodata.js';
import { WORLD_CHINA_NOTE, chinaAvailabilityNote, chinaMap, joinWorld, worldMap } from '../../src/report/charts/map.js';
import { INSET_STROKE } from '../../src/report/charts/theme.js';
import { texts } from './svg.js';

/** WCAG 2 relative luminance of a #rrggbb colour. */
function luminance(hex: string): number {
  const h = hex.length === 4 ? hex.replace(/^#(.)(.)(.)$/, '#$1$1$2$2$3$3') : hex;
  const [r, g, b] = [1, 3, 5]
    .map((i) => parseInt(h.slice(i, i + 2), 16) / 255)
    .map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
/** WCAG contrast ratio between two colours (1 … 21). */
function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** Subpaths of an SVG path's d attribute as point lists. */
function subpaths(d: string): [number, number][][] {
  return d
    .split('M')
    .filter((s) => s.trim())
    .map((s) =>
      [...s.matchAll(/(-?[\d.]+)[ ,](-?[\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])] as [number, number]),
    );
}

/** The stroked paths of a rendered map with their stroke colour and width. */
function strokedPaths(svg: string): { d: string; stroke: string; width: number }[] {
  return [...svg.matchAll(/<path d="([^"]*)"([^>]*)>/g)].flatMap((m) => {
    const stroke = /stroke="([^"]*)"/.exec(m[2])?.[1];
    if (!stroke || stroke === 'none') return [];
    const width = Number(/stroke-width="([^"]*)"/.exec(m[2])?.[1] ?? '1');
    return [{ d: m[1], stroke, width }];
  });
}

describe('China map: South China Sea islands inset (南海诸岛)', () => {
  for (const lang of ['zh', 'en'] as const) {
    it(`draws a visible frame and dashed boundary (${lang})`, () => {
      const svg = chinaMap({ lang, values: { 北京: 1, 广东: 2, 海南: 3 } });
      const background = /<rect[^>]*fill="(#[0-9a-fA-F]{3,6})"/.exec(svg)?.[1] ?? '#ffffff';
      expect(background.toLowerCase()).toBe('#ffffff');
      const inset = strokedPaths(svg).filter((p) => p.stroke.toLowerCase() === INSET_STROKE.toLowerCase());
      expect(inset).toHaveLength(1);
      expect(inset[0].width).toBeGreaterThan(0);
      expect(contrast(inset[0].stroke, background)).toBeGreaterThanOrEqual(4.5);
      // The province borders are white: the inset must not share their stroke.
      expect(INSET_STROKE.toLowerCase()).not.toBe('#ffffff');
      const parts = subpaths(inset[0].d);
      const box = (pts: [number, number][]) => {
        const xs = pts.map((p) => p[0]);
        const ys = pts.map((p) => p[1]);
        return { x0: Math.min(...xs), x1: Math.max(...xs), y0: Math.min(...ys), y1: Math.max(...ys) };
      };
      const all = box(parts.flat());
      // Frame: four straight edges spanning the inset's width or height.
      const w = all.x1 - all.x0;
      const h = all.y1 - all.y0;
      const edges = parts.filter((p) => {
        const b = box(p);
        return (b.x1 - b.x0 > 0.95 * w && b.y1 - b.y0 < 1) || (b.y1 - b.y0 > 0.95 * h && b.x1 - b.x0 < 1);
      });
      expect(edges).toHaveLength(4);
      expect(w).toBeGreaterThan(60);
      expect(h).toBeGreaterThan(80);
      // The dashed boundary: at least nine separate short segments (2 points + closing) inside the frame.
      const dashes = parts.filter((p) => {
        const b = box(p);
        const len = Math.hypot(b.x1 - b.x0, b.y1 - b.y0);
        return (
          new Set(p.map((q) => q.join(','))).size === 2 &&
          len > 2 &&
          len < 0.2 * h &&
          b.x0 > all.x0 + 1 &&
          b.x1 < all.x1 - 1
        );
      });
      expect(dashes.length).toBeGreaterThanOrEqual(9);
      // The whole inset lies inside the drawing.
      const size = /<svg[^>]*width="(\d+)" height="(\d+)"/.exec(svg)!;
      expect(all.x0).toBeGreaterThan(0);
      expect(all.x1).toBeLessThan(Number(size[1]));
      expect(all.y1).toBeLessThan(Number(size[2]));
      expect(texts(svg)).toContain(lang === 'zh' ? '南海诸岛' : 'South China Sea Islands');
    });
  }
  it('notes missing data for Taiwan, Hong Kong and Macao as Chinese publications write it', () => {
    const svg = chinaMap({ lang: 'zh', values: { 北京: 1, 香港: 2 } });
    expect(texts(svg)).toContain('台湾省、澳门特别行政区数据暂缺。');
    expect(chinaAvailabilityNote(new Map())!.en).toBe(
      'Data for Taiwan Province, Hong Kong SAR and Macao SAR are not available.',
    );
    expect(
      chinaAvailabilityNote(
        new Map([
          ['台湾', 1],
          ['香港', 1],
          ['澳门', 1],
        ]),
      ),
    ).toBeUndefined();
    expect(texts(chinaMap({ values: { Beijing: 1 }, note: '' })).join(' ')).not.toContain('not available');
  });
});

describe('World map: Taiwan is part of China', () => {
  const polygons = (numericId: string): number => {
    const g = (
      worldTopo as unknown as {
        objects: { countries: { geometries: { id: string; type: string; arcs: unknown[] }[] } };
      }
    ).objects.countries.geometries.find((x) => x.id === numericId)!;
    return g.type === 'Polygon' ? 1 : g.arcs.length;
  };
  it("draws Taiwan's polygon inside China's region with China's colour, and no Taiwan region", () => {
    expect(worldMapCodes()).toContain('CHN');
    expect(worldMapCodes()).not.toContain('TWN');
    const svg = worldMap({ values: { CHN: 0.5, USA: 0.9 } });
    // China holds the scale's minimum: the first colour of the sequential scale (#eff3ff).
    const coloured = [...svg.matchAll(/<path d="([^"]*)"[^>]*fill="rgb\(239,243,255\)"/g)];
    expect(coloured).toHaveLength(1);
    // China's polygons plus Taiwan's, in one region (numeric ids: 156 China, 158 Taiwan).
    expect(subpaths(coloured[0][1])).toHaveLength(polygons('156') + polygons('158'));
  });
  it('does not colour Taiwan with a separate value and says why', () => {
    const join = joinWorld({ CHN: 1, TWN: 2, HKG: 3, USA: 4 });
    expect([...join.matched.keys()]).toEqual(['CHN', 'USA']);
    expect(join.partOfChina).toEqual(['TWN', 'HKG']);
    const zh = worldMap({ lang: 'zh', values: { CHN: 1, TWN: 2 } });
    expect(texts(zh)).toContain(WORLD_CHINA_NOTE.zh);
    expect(WORLD_CHINA_NOTE.zh).toContain('中国数据不包括香港特别行政区、澳门特别行政区和台湾省');
    expect(texts(worldMap({ values: { USA: 1 } }))).not.toContain(WORLD_CHINA_NOTE.en);
  });
});

describe('entity maps of countries', () => {
  it('say that Taiwan is part of China instead of "not on the map"', async () => {
    const { entityMapFigure } = await import('../../src/report/sections/entity-map.js');
    const entities = [
      { id: 'CHN', iso3: 'CHN', name: 'China', nameZh: '中国' },
      { id: 'TWN', iso3: 'TWN', name: 'Taiwan', nameZh: '中国台湾省' },
      { id: 'USA', iso3: 'USA', name: 'United States', nameZh: '美国' },
    ];
    const [fig] = entityMapFigure(
      entities,
      new Map([
        ['CHN', 1],
        ['TWN', 2],
        ['USA', 3],
      ]),
      { lang: 'zh', caption: 'x' },
    );
    const note = (fig as { note?: string }).note ?? '';
    expect(note).toContain('中国台湾省是中国领土的一部分，地图上与中国一并显示，不单独着色。');
    expect(note).not.toContain('未能在地图上显示');
  });
});
