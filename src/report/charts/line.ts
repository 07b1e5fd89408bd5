import {
  axisOption,
  gap,
  legendOption,
  chartOption,
  svgOf,
  titleOption,
  topSpace,
  txt,
  type ChartBase,
  type ChartOption,
  type Text,
} from './theme.js';

/** One line of a {@link lineChart}: values aligned with the chart's periods (NaN = gap). */
export interface LineSeries {
  readonly name: Text;
  readonly values: ArrayLike<number>;
  /** Dashed line, e.g. for a reference or an average. */
  readonly dashed?: boolean;
  /** A colour of its own (e.g. a forecast drawn in its entity's colour); default: the palette's next. */
  readonly color?: string;
}

/** Spec of {@link lineChart}. */
export interface LineChartSpec extends ChartBase {
  /** The x positions (years), shared by all series. */
  readonly periods: readonly number[];
  readonly series: readonly LineSeries[];
  /** Axis names with units, e.g. "Year" and "NQPF index (0–1)". */
  readonly xName?: Text;
  readonly yName?: Text;
  /** Show point markers (default when there are at most 15 periods). */
  readonly symbols?: boolean;
}

/**
 * Lines over periods for several series (e.g. the index of chosen entities by year).
 * Missing values leave gaps. Returns an SVG string.
 */
export function lineChart(spec: LineChartSpec): string {
  return svgOf(lineOption(spec));
}

/** The ECharts option of {@link lineChart} (rendered to SVG in reports, interactively in the workbench). */
export function lineOption(spec: LineChartSpec): ChartOption {
  const lang = spec.lang ?? 'en';
  const names = spec.series.map((s) => txt(s.name, lang));
  const symbols = spec.symbols ?? spec.periods.length <= 15;
  const legendRows = Math.ceil(names.length / 6);
  return chartOption(
    {
      title: titleOption(spec),
      legend: legendOption(names),
      grid: {
        left: 12,
        right: 24,
        top: topSpace(spec, 18),
        bottom: (names.length > 1 ? 30 + 18 * legendRows : 12) + (spec.xName !== undefined ? 22 : 0),
        containLabel: true,
      },
      xAxis: axisOption('category', txt(spec.xName, lang), {
        data: spec.periods.map(String),
        boundaryGap: false,
        nameLocation: 'middle',
        nameGap: 26,
      }),
      yAxis: axisOption('value', txt(spec.yName, lang), { nameLocation: 'end', nameGap: 10 }),
      series: spec.series.map((s, i) => ({
        type: 'line',
        name: names[i],
        data: Array.from(s.values, gap),
        connectNulls: false,
        showSymbol: symbols,
        symbolSize: 5,
        lineStyle: { width: 1.8, type: s.dashed ? 'dashed' : 'solid', ...(s.color ? { color: s.color } : {}) },
        ...(s.color ? { itemStyle: { color: s.color } } : {}),
      })),
    },
    spec.width ?? 760,
    spec.height ?? 380,
  );
}
