import * as echarts from 'echarts';
import { labelText, type Label, type Lang } from '../../core/label.js';

/** Text given either as a plain string or as an English/Chinese {@link Label}. */
export type Text = string | Label;

/** Fields every chart spec accepts. */
export interface ChartBase {
  /** Chart title; omit it when the report's figure caption carries the title. */
  readonly title?: Text;
  readonly subtitle?: Text;
  /** Language of built-in words (legend entries such as "Forecast") and of {@link Label} texts. */
  readonly lang?: Lang;
  /** Pixel size of the SVG; defaults per chart type. */
  readonly width?: number;
  readonly height?: number;
}

/**
 * Okabe & Ito (2008) colour-blind-safe qualitative palette, reordered so that the low-contrast
 * yellow comes last. Reference: https://jfly.uni-koeln.de/color/ (Okabe & Ito, "Color Universal Design").
 */
export const PALETTE: readonly string[] = [
  '#0072B2',
  '#E69F00',
  '#009E73',
  '#D55E00',
  '#CC79A7',
  '#56B4E9',
  '#000000',
  '#F0E442',
];

/** Sequential scale (ColorBrewer "Blues", colour-blind safe), light = low, dark = high. */
export const SEQUENTIAL: readonly string[] = ['#eff3ff', '#bdd7e7', '#6baed6', '#3182bd', '#08519c'];

/** Fill for map regions without data. */
export const NO_DATA_FILL = '#d4d4d4';
/** Region borders on maps. */
export const BORDER = '#ffffff';
/** Frame and dashed boundary of the South China Sea islands inset: dark grey, contrast 7:1 on white. */
export const INSET_STROKE = '#555555';
/** Text and axis names. */
export const INK = '#222222';
/** Subtitles and secondary text. */
export const MUTED = '#666666';
/** Grid lines of value axes. */
export const GRID_LINE = '#e3e3e3';

/** System fonts only (reports must open offline); CJK fallbacks for Chinese labels. */
export const FONT_FAMILY =
  "Helvetica, Arial, 'Noto Sans CJK SC', 'Source Han Sans SC', 'PingFang SC', 'Microsoft YaHei', 'Droid Sans Fallback', sans-serif";

/** Resolve a {@link Text} in `lang`. */
export function txt(text: Text | undefined, lang: Lang = 'en'): string {
  return labelText(text, lang);
}

/** Number to an axis/label string with a fixed number of significant decimals, '' for NaN. */
export function fmt(x: number, digits = 3): string {
  if (!Number.isFinite(x)) return '';
  const a = Math.abs(x);
  if (a !== 0 && (a >= 1e6 || a < 1e-3)) return x.toExponential(2);
  return String(Number(x.toFixed(digits)));
}

/** NaN/±Infinity become null so that ECharts leaves a gap instead of drawing 0. */
export function gap(x: number): number | null {
  return Number.isFinite(x) ? x : null;
}

/** Title component of the house theme (left-aligned, no chart junk). */
export function titleOption(spec: ChartBase): Record<string, unknown> | undefined {
  if (spec.title === undefined && spec.subtitle === undefined) return undefined;
  return {
    text: txt(spec.title, spec.lang),
    subtext: txt(spec.subtitle, spec.lang),
    left: 8,
    top: 4,
    textStyle: { fontSize: 15, fontWeight: 'bold', color: INK, fontFamily: FONT_FAMILY },
    subtextStyle: { fontSize: 12, color: MUTED, fontFamily: FONT_FAMILY },
  };
}

/** Top offset of the plotting area, leaving room for a title when there is one. */
export function topSpace(spec: ChartBase, extra = 0): number {
  const t = spec.title !== undefined ? 34 : 12;
  return t + (spec.subtitle !== undefined ? 16 : 0) + extra;
}

/** A value or category axis in the house style; `name` should carry the unit, e.g. "Index (0–1)". */
export function axisOption(
  kind: 'value' | 'category',
  name: string | undefined,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    type: kind,
    name,
    // A name at the end of a vertical axis starts at the axis instead of centring on it, so it is not cut off.
    nameTextStyle: {
      color: INK,
      fontSize: 12,
      fontFamily: FONT_FAMILY,
      align: extra.nameLocation === 'middle' ? 'center' : 'left',
    },
    axisLine: { show: kind === 'category', lineStyle: { color: '#999999' } },
    axisTick: { show: kind === 'category', lineStyle: { color: '#999999' } },
    axisLabel: { color: INK, fontSize: 11, fontFamily: FONT_FAMILY },
    splitLine: { show: kind === 'value', lineStyle: { color: GRID_LINE } },
    scale: kind === 'value',
    ...extra,
  };
}

/** Legend at the bottom, shown only when there is more than one series. */
export function legendOption(names: readonly string[], extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    show: names.length > 1,
    data: [...names],
    bottom: 4,
    left: 'center',
    type: 'plain',
    itemWidth: 18,
    itemHeight: 10,
    textStyle: { color: INK, fontSize: 11, fontFamily: FONT_FAMILY },
    ...extra,
  };
}

/**
 * A chart as data: the ECharts option and its pixel size. One chart module, two renderers: reports
 * render it to SVG on the server ({@link svgOf}); the workbench hands it to an interactive ECharts
 * instance in the browser.
 */
export interface ChartOption {
  readonly option: Record<string, unknown>;
  readonly width: number;
  readonly height: number;
}

/** Pack an option with its size. */
export function chartOption(option: Record<string, unknown>, width: number, height: number): ChartOption {
  return { option, width, height };
}

/** The house defaults merged under every option (both renderers). */
export function baseOption(option: Record<string, unknown>): Record<string, unknown> {
  return {
    animation: false,
    color: [...PALETTE],
    backgroundColor: '#ffffff',
    textStyle: { fontFamily: FONT_FAMILY, color: INK },
    ...option,
  };
}

/** Render a {@link ChartOption} to an SVG string (reports). */
export function svgOf(chart: ChartOption): string {
  return renderSvg(chart.option, chart.width, chart.height);
}

/**
 * Render an ECharts option to an SVG string on the server (or in a browser without a DOM node):
 * SVG renderer in SSR mode, animation off, and the chart always disposed, since an undisposed
 * SSR chart keeps timers alive and the Node process never exits.
 */
export function renderSvg(option: Record<string, unknown>, width: number, height: number): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption(baseOption(option));
    // ECharts writes a hover rule for gradient fills as "fill:[object Object]": meaningless in a static
    // SVG, so it is left out.
    return chart.renderToSVGString().replace(/\s*\.[\w-]+:hover \{[^}]*\[object Object\][^}]*\}/g, '');
  } finally {
    chart.dispose();
  }
}
