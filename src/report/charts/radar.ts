import { FONT_FAMILY, INK, legendOption, chartOption, svgOf, titleOption, topSpace, txt, type ChartBase, type ChartOption, type Text } from './theme.js';

/** Spec of {@link radarChart}. */
export interface RadarSpec extends ChartBase {
  /** The axes (dimensions); `max` defaults to the largest value shown on any axis. */
  readonly axes: readonly { readonly name: Text; readonly min?: number; readonly max?: number }[];
  /** One polygon per entity, values aligned with `axes`. */
  readonly series: readonly { readonly name: Text; readonly values: ArrayLike<number> }[];
}

/**
 * Radar (spider) chart of dimension profiles of several entities. All axes share one scale from 0
 * (or the given min) to the largest value shown, unless the axes give their own.
 */
export function radarChart(spec: RadarSpec): string {
  return svgOf(radarOption(spec));
}

/** The ECharts option of {@link radarChart} (rendered to SVG in reports, interactively in the workbench). */
export function radarOption(spec: RadarSpec): ChartOption {
  const lang = spec.lang ?? 'en';
  const names = spec.series.map((s) => txt(s.name, lang));
  let top = 0;
  for (const s of spec.series) for (const v of Array.from(s.values)) if (Number.isFinite(v) && v > top) top = v;
  const niceTop = top > 0 ? niceCeil(top) : 1;
  const legendRows = Math.ceil(names.length / 4);
  const height = spec.height ?? 400;
  return chartOption(
    {
      title: titleOption(spec),
      legend: legendOption(names),
      radar: {
        center: ['50%', `${50 + ((topSpace(spec) - 12 - legendRows * 18) / height) * 50}%`],
        radius: '64%',
        shape: 'circle',
        splitNumber: 4,
        indicator: spec.axes.map((a) => ({ name: txt(a.name, lang), min: a.min ?? 0, max: a.max ?? niceTop })),
        axisName: { color: INK, fontSize: 11, fontFamily: FONT_FAMILY },
        splitLine: { lineStyle: { color: '#d0d0d0' } },
        splitArea: { show: false },
        axisLine: { lineStyle: { color: '#c0c0c0' } },
      },
      series: [
        {
          type: 'radar',
          symbolSize: 4,
          data: spec.series.map((s, i) => ({
            name: names[i],
            value: Array.from(s.values, (v) => (Number.isFinite(v) ? v : 0)),
            lineStyle: { width: 1.8 },
            areaStyle: { opacity: 0.08 },
          })),
        },
      ],
    },
    spec.width ?? 560,
    height,
  );
}

/** Round up to 1, 2, 2.5 or 5 times a power of ten (axis maximum only; no statistics). */
export function niceCeil(x: number): number {
  const p = 10 ** Math.floor(Math.log10(x));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * p >= x * (1 - 1e-12)) return m * p;
  return 10 * p;
}
