import { CHINA_MAP, PART_OF_CHINA, WORLD_MAP, registerMaps } from './geodata.js';
import { chinaProvince } from './china-provinces.js';
import {
  BORDER,
  FONT_FAMILY,
  INK,
  INSET_STROKE,
  MUTED,
  NO_DATA_FILL,
  PALETTE,
  SEQUENTIAL,
  fmt,
  chartOption,
  svgOf,
  titleOption,
  topSpace,
  txt,
  type ChartBase,
  type ChartOption,
  type Text,
} from './theme.js';

/** A continuous colour scale from `min` to `max` (defaults: the data range). */
export interface ContinuousScale {
  readonly type: 'continuous';
  readonly min?: number;
  readonly max?: number;
  /** Colours from low to high (default: sequential blues). */
  readonly colors?: readonly string[];
}

/** Classes with their colours, e.g. the LISA clusters HH/LL/HL/LH/not significant. */
export interface CategoricalScale {
  readonly type: 'categorical';
  readonly categories: readonly { readonly value: string; readonly label: Text; readonly color?: string }[];
}

/** A closed polyline (e.g. a standard deviational ellipse) and its centre, in lon/lat. */
export interface EllipseOverlay {
  readonly kind: 'ellipse';
  readonly name: Text;
  /** Points along the outline, [lon, lat]; drawn closed. */
  readonly path: readonly (readonly [number, number])[];
  readonly center?: readonly [number, number];
  readonly color?: string;
}

/** Points in lon/lat, e.g. capitals or mean centres. */
export interface PointsOverlay {
  readonly kind: 'points';
  readonly name: Text;
  readonly points: readonly { readonly lon: number; readonly lat: number; readonly label?: Text }[];
  readonly color?: string;
}

/** Something drawn over a map in lon/lat. */
export type MapOverlay = EllipseOverlay | PointsOverlay;

/**
 * The classes of a LISA cluster map (Anselin 1995) with the usual colours: HH red, LL blue, HL light
 * red, LH light blue, not significant light grey. Values are `HH`, `LL`, `HL`, `LH`, `ns`.
 */
export const LISA_CATEGORIES: CategoricalScale = {
  type: 'categorical',
  categories: [
    { value: 'HH', label: { en: 'High-High', zh: '高-高' }, color: '#D55E00' },
    { value: 'LL', label: { en: 'Low-Low', zh: '低-低' }, color: '#0072B2' },
    { value: 'HL', label: { en: 'High-Low', zh: '高-低' }, color: '#F4A582' },
    { value: 'LH', label: { en: 'Low-High', zh: '低-高' }, color: '#92C5DE' },
    { value: 'ns', label: { en: 'Not significant', zh: '不显著' }, color: '#f2f2f2' },
  ],
};

/** Spec of {@link worldMap} and {@link chinaMap}. */
export interface MapSpec extends ChartBase {
  /**
   * Region values: numbers for a continuous scale, category values (strings) for a categorical
   * one. World maps are keyed by ISO 3166 alpha-3 code; China maps by province (English or
   * Chinese name, or GB/T 2260 code; see {@link chinaProvince}).
   */
  readonly values: Readonly<Record<string, number | string>>;
  readonly scale?: ContinuousScale | CategoricalScale;
  /** Name of the value with its unit, shown by the colour scale. */
  readonly valueName?: Text;
  readonly overlays?: readonly MapOverlay[];
  /** Print region names (China map only; default false). */
  readonly regionLabels?: boolean;
  /**
   * Data-availability note printed under the map. Default: on the China map, which of Taiwan,
   * Hong Kong and Macao have no value (台湾省、香港特别行政区、澳门特别行政区数据暂缺); on the world map,
   * when China has a value, that China's data exclude them (the wording of the China Statistical
   * Yearbook). Pass '' for none.
   */
  readonly note?: Text;
}

/** How a map spec's keys matched the map's regions. */
export interface MapJoin {
  /** Map region name → value. */
  readonly matched: ReadonlyMap<string, number | string>;
  /** Keys of `values` that name no region on the map. */
  readonly unmatched: readonly string[];
  /** World map only: keys TWN, HKG, MAC, which are drawn as part of China and get no colour of their own. */
  readonly partOfChina?: readonly string[];
}

/** Join `values` keyed by ISO3 code to the world map's regions. */
export function joinWorld(values: Readonly<Record<string, number | string>>): MapJoin {
  const matched = new Map<string, number | string>();
  const unmatched: string[] = [];
  const partOfChina: string[] = [];
  for (const [k, v] of Object.entries(values)) {
    if (PART_OF_CHINA.includes(k.toUpperCase())) partOfChina.push(k);
    else if (/^[A-Za-z]{3}$/.test(k)) matched.set(k.toUpperCase(), v);
    else unmatched.push(k);
  }
  return { matched, unmatched, partOfChina };
}

/** Join `values` keyed by province name or code to the China map's regions (short Chinese names). */
export function joinChina(values: Readonly<Record<string, number | string>>): MapJoin {
  const matched = new Map<string, number | string>();
  const unmatched: string[] = [];
  for (const [k, v] of Object.entries(values)) {
    const p = chinaProvince(k);
    if (p) matched.set(p.zh, v);
    else unmatched.push(k);
  }
  return { matched, unmatched };
}

/** Note of the world map when China has a value (China Statistical Yearbook wording). */
export const WORLD_CHINA_NOTE = {
  en: "Taiwan is shown as part of China. China's data exclude Hong Kong SAR, Macao SAR and Taiwan.",
  zh: '台湾是中国领土的一部分。中国数据不包括香港特别行政区、澳门特别行政区和台湾省。',
};

/**
 * World choropleth (Natural Earth 1:110m, equirectangular, Antarctica omitted). Taiwan is drawn as
 * part of China (one region with China's colour); values keyed TWN, HKG or MAC are not drawn on
 * their own. Countries without a value are grey. Returns an SVG string.
 */
export function worldMap(spec: MapSpec): string {
  return svgOf(worldMapOption(spec));
}

/** The ECharts option of {@link worldMap}. */
export function worldMapOption(spec: MapSpec): ChartOption {
  const join = joinWorld(spec.values);
  const note = spec.note ?? (join.matched.has('CHN') ? WORLD_CHINA_NOTE : undefined);
  return choropleth(WORLD_MAP, 'iso3', join.matched, { ...spec, note }, spec.width ?? 900, spec.height ?? 500);
}

const SAR_NAMES: Readonly<Record<string, { en: string; zh: string }>> = {
  台湾: { en: 'Taiwan Province', zh: '台湾省' },
  香港: { en: 'Hong Kong SAR', zh: '香港特别行政区' },
  澳门: { en: 'Macao SAR', zh: '澳门特别行政区' },
};

/** The China map's default note: which of Taiwan, Hong Kong and Macao have no value ('' when all have one). */
export function chinaAvailabilityNote(
  matched: ReadonlyMap<string, number | string>,
): { en: string; zh: string } | undefined {
  const absent = Object.keys(SAR_NAMES).filter((k) => !matched.has(k));
  if (absent.length === 0) return undefined;
  const en = absent.map((k) => SAR_NAMES[k].en);
  return {
    en: `Data for ${en.length > 1 ? `${en.slice(0, -1).join(', ')} and ${en[en.length - 1]}` : en[0]} are not available.`,
    zh: `${absent.map((k) => SAR_NAMES[k].zh).join('、')}数据暂缺。`,
  };
}

/** Name of the South China Sea islands inset feature in china-geojson. */
export const SOUTH_CHINA_SEA_INSET = '南海诸岛';

/**
 * Choropleth of Chinese provinces (china-geojson, antvis, MIT) with the South China Sea islands
 * (南海诸岛) inset: its frame and the dashed boundary are stroked in {@link INSET_STROKE}, dark on
 * the white background, and the inset is labelled. Provinces without a value (e.g. Taiwan, Hong
 * Kong, Macao when absent from the data) are grey and named in the map's note.
 */
export function chinaMap(spec: MapSpec): string {
  return svgOf(chinaMapOption(spec));
}

/** The ECharts option of {@link chinaMap}. */
export function chinaMapOption(spec: MapSpec): ChartOption {
  const join = joinChina(spec.values);
  const note = spec.note ?? chinaAvailabilityNote(join.matched);
  return choropleth(CHINA_MAP, 'name', join.matched, { ...spec, note }, spec.width ?? 680, spec.height ?? 560);
}

const NOT_SHOWN = { en: 'No data', zh: '无数据' };
const INSET_LABEL = { en: 'South China Sea Islands', zh: '南海诸岛' };

function choropleth(
  map: string,
  nameProperty: string,
  matched: ReadonlyMap<string, number | string>,
  spec: MapSpec,
  width: number,
  height: number,
): ChartOption {
  registerMaps();
  const lang = spec.lang ?? 'en';
  const scale = spec.scale ?? { type: 'continuous' };
  let visualMap: Record<string, unknown>;
  let data: { name: string; value: number }[];
  if (scale.type === 'categorical') {
    const index = new Map(scale.categories.map((c, i) => [c.value, i]));
    data = [];
    for (const [name, v] of matched) {
      const i = index.get(String(v));
      if (i === undefined)
        throw new RangeError(
          `map: value "${String(v)}" of region ${name} is not one of the categories ${scale.categories.map((c) => c.value).join(', ')}`,
        );
      data.push({ name, value: i });
    }
    visualMap = {
      type: 'piecewise',
      seriesIndex: 0,
      inverse: true,
      pieces: scale.categories.map((c, i) => ({
        value: i,
        label: txt(c.label, lang),
        color: c.color ?? PALETTE[i % PALETTE.length],
      })),
      orient: 'vertical',
      left: 8,
      bottom: 8,
      itemWidth: 14,
      itemHeight: 10,
      textStyle: { color: INK, fontSize: 11, fontFamily: FONT_FAMILY },
      outOfRange: { color: NO_DATA_FILL },
    };
  } else {
    data = [];
    let lo = Infinity;
    let hi = -Infinity;
    for (const [name, v] of matched) {
      if (typeof v !== 'number')
        throw new RangeError(`map: value of region ${name} is "${v}", a continuous scale needs numbers`);
      if (!Number.isFinite(v)) continue;
      data.push({ name, value: v });
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
    const min = scale.min ?? (Number.isFinite(lo) ? lo : 0);
    let max = scale.max ?? (Number.isFinite(hi) ? hi : 1);
    if (!(max > min)) max = min + 1;
    visualMap = {
      type: 'continuous',
      // A base map without values (e.g. under an ellipse overlay) needs no colour bar.
      show: data.length > 0,
      seriesIndex: 0,
      min,
      max,
      calculable: false,
      orient: 'horizontal',
      left: 8,
      bottom: 8,
      itemWidth: 12,
      itemHeight: 160,
      text: [fmt(max), fmt(min)],
      textGap: 6,
      textStyle: { color: INK, fontSize: 11, fontFamily: FONT_FAMILY },
      inRange: { color: [...(scale.colors ?? SEQUENTIAL)] },
    };
  }
  const series: Record<string, unknown>[] = [
    {
      type: 'map',
      map,
      geoIndex: 0,
      nameProperty,
      data,
    },
  ];
  const overlayNames: string[] = [];
  (spec.overlays ?? []).forEach((o, k) => {
    const color = o.color ?? ['#D55E00', '#000000', '#CC79A7', '#009E73'][k % 4];
    const name = txt(o.name, lang);
    overlayNames.push(name);
    if (o.kind === 'ellipse') {
      const coords = o.path.map((p) => [p[0], p[1]]);
      if (coords.length > 0) coords.push(coords[0]);
      series.push({
        type: 'lines',
        name,
        coordinateSystem: 'geo',
        polyline: true,
        data: [{ coords }],
        lineStyle: { color, width: 2, opacity: 1 },
        itemStyle: { color },
        z: 5,
      });
      if (o.center)
        series.push({
          type: 'scatter',
          name,
          coordinateSystem: 'geo',
          data: [[o.center[0], o.center[1]]],
          symbol: 'circle',
          symbolSize: 8,
          itemStyle: { color, opacity: 1, borderColor: '#ffffff', borderWidth: 1 },
          z: 6,
        });
    } else {
      series.push({
        type: 'scatter',
        name,
        coordinateSystem: 'geo',
        data: o.points.map((p) => ({ value: [p.lon, p.lat], name: txt(p.label, lang) })),
        symbolSize: 6,
        itemStyle: { color },
        label: { show: o.points.some((p) => p.label !== undefined), position: 'right', fontSize: 9, formatter: '{b}' },
        z: 6,
      });
    }
  });
  const isChina = map === CHINA_MAP;
  if (isChina) {
    // The label sits inside the inset's frame (lon 132.0–140.3, lat 18.5–28.5 in china-geojson).
    series.push({
      type: 'scatter',
      coordinateSystem: 'geo',
      silent: true,
      symbolSize: 0,
      itemStyle: { color: 'transparent', opacity: 0 },
      data: [{ value: [137.9, 19.1], name: txt(INSET_LABEL, lang) }],
      label: {
        show: true,
        position: 'inside',
        formatter: '{b}',
        fontSize: lang === 'zh' ? 9 : 7,
        color: INK,
        fontFamily: FONT_FAMILY,
      },
      z: 7,
    });
  }
  const note = txt(spec.note, lang);
  const noteSpace = note ? 16 : 0;
  const top = topSpace(spec, 4);
  return chartOption(
    {
      title: titleOption(spec),
      legend:
        overlayNames.length > 0
          ? {
              data: [...new Set(overlayNames)],
              right: 8,
              bottom: 8 + noteSpace,
              orient: 'vertical',
              textStyle: { color: INK, fontSize: 11, fontFamily: FONT_FAMILY },
            }
          : undefined,
      visualMap,
      graphic: [
        {
          type: 'text',
          left: 8,
          bottom: scale.type === 'categorical' ? 20 + 21 * scale.categories.length : 40,
          style: {
            text: txt(spec.valueName, lang),
            fontSize: 11,
            fill: INK,
            fontFamily: FONT_FAMILY,
            fontWeight: 'bold',
          },
        },
        {
          type: 'text',
          right: 8,
          top,
          style: {
            text: `{box|■} ${txt(NOT_SHOWN, lang)}`,
            fontSize: 11,
            fill: INK,
            fontFamily: FONT_FAMILY,
            rich: { box: { fill: NO_DATA_FILL, fontSize: 14 } },
          },
        },
        ...(note
          ? [
              {
                type: 'text',
                right: 16,
                bottom: 4,
                style: { text: note, fontSize: 10, fill: MUTED, fontFamily: FONT_FAMILY },
              },
            ]
          : []),
      ],
      geo: {
        map,
        nameProperty,
        roam: false,
        top,
        bottom: (scale.type === 'categorical' ? 12 : 56) + noteSpace,
        left: 8,
        right: 8,
        itemStyle: { areaColor: NO_DATA_FILL, borderColor: BORDER, borderWidth: 0.6 },
        // The inset's frame and dashes are zero-area rings: only their stroke shows, so it must not be the white border.
        regions: isChina
          ? [
              {
                name: SOUTH_CHINA_SEA_INSET,
                itemStyle: { areaColor: NO_DATA_FILL, borderColor: INSET_STROKE, borderWidth: 1 },
              },
            ]
          : undefined,
        label: { show: spec.regionLabels ?? false, fontSize: 8, color: INK },
        emphasis: { disabled: true },
        select: { disabled: true },
      },
      series,
    },
    width,
    height,
  );
}
