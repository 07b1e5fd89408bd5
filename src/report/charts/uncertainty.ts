import { axisOption, legendOption, renderSvg, titleOption, topSpace, txt, type ChartBase, type Text } from './theme.js';

/** One entity of a {@link rankUncertaintyChart}: its label and rank statistics. */
export interface RankInterval {
  readonly label: string;
  readonly nominal: number;
  readonly median: number;
  readonly lo: number;
  readonly hi: number;
}

/** Spec of {@link rankUncertaintyChart}. */
export interface RankUncertaintySpec extends ChartBase {
  /** Entities in nominal order (best first). */
  readonly entities: readonly RankInterval[];
  readonly rankName?: Text;
  /** Legend names of the interval, the median and the nominal rank. */
  readonly names: readonly [Text, Text, Text];
}

/**
 * The ECharts option of the rank-uncertainty chart (COINr `plot_uncertainty`): entities along the
 * horizontal axis in nominal order, rank downwards (1 at the top), a bar from the 5th to the 95th
 * percentile of the rank over the runs, the median as a tick and the nominal rank as a dot. The
 * interval bar is a transparent bar up to the 5th percentile with the visible one stacked on it.
 */
export function rankUncertaintyOption(spec: RankUncertaintySpec): Record<string, unknown> {
  const lang = spec.lang ?? 'en';
  const [band, median, nominal] = spec.names.map((n) => txt(n, lang));
  const n = spec.entities.length;
  return {
    title: titleOption(spec),
    legend: legendOption([band, median, nominal]),
    grid: { left: 34, right: 16, top: topSpace(spec, 14), bottom: 40, containLabel: true },
    xAxis: axisOption('category', undefined, {
      data: spec.entities.map((e) => e.label),
      axisLabel: { interval: 0, rotate: n > 12 ? 60 : 0, fontSize: 10, color: '#222222' },
    }),
    yAxis: axisOption('value', txt(spec.rankName, lang), {
      inverse: true,
      min: 0,
      max: n + 1,
      interval: n > 20 ? 5 : n > 10 ? 2 : 1,
      scale: false,
      nameLocation: 'middle',
      nameGap: 32,
      axisLabel: { formatter: (v: number) => (v >= 1 && v <= n ? String(v) : '') },
    }),
    series: [
      {
        type: 'bar',
        stack: 'band',
        silent: true,
        itemStyle: { color: 'transparent' },
        data: spec.entities.map((e) => e.lo - 0.25),
        barMaxWidth: 10,
        tooltip: { show: false },
      },
      {
        type: 'bar',
        stack: 'band',
        name: band,
        itemStyle: { color: '#9ecae1' },
        data: spec.entities.map((e) => e.hi - e.lo + 0.5),
        barMaxWidth: 10,
      },
      {
        type: 'scatter',
        name: median,
        symbol: 'rect',
        symbolSize: [12, 3],
        itemStyle: { color: '#08519c' },
        data: spec.entities.map((e) => e.median),
        z: 3,
      },
      {
        type: 'scatter',
        name: nominal,
        symbol: 'circle',
        symbolSize: 6,
        itemStyle: { color: '#D55E00' },
        data: spec.entities.map((e) => e.nominal),
        z: 4,
      },
    ],
  };
}

/** {@link rankUncertaintyOption} rendered as an SVG string. */
export function rankUncertaintyChart(spec: RankUncertaintySpec): string {
  return renderSvg(rankUncertaintyOption(spec), spec.width ?? 760, spec.height ?? 380);
}
