import { axisOption, gap, legendOption, chartOption, svgOf, titleOption, topSpace, txt, type ChartBase, type ChartOption, type Text } from './theme.js';

/** One series of a {@link barChart}. */
export interface BarSeries {
  readonly name: Text;
  /** One value per category (NaN = no bar). */
  readonly values: ArrayLike<number>;
}

/** Spec of {@link barChart}. */
export interface BarChartSpec extends ChartBase {
  readonly categories: readonly Text[];
  readonly series: readonly BarSeries[];
  /** `horizontal` (default): categories down the left, bars to the right. */
  readonly orientation?: 'horizontal' | 'vertical';
  /** `grouped` (default) bars side by side, or `stacked` (e.g. contributions adding to a total). */
  readonly mode?: 'grouped' | 'stacked';
  /** Name of the value axis with its unit, e.g. "Weight" or "Contribution (%)". */
  readonly valueName?: Text;
  readonly categoryName?: Text;
  /** Print the value at the end of each bar (single series, grouped only). */
  readonly labels?: boolean;
  /** Digits for bar labels. */
  readonly digits?: number;
}

/**
 * Bar chart: horizontal bars of one series (e.g. weights), grouped bars of several, or stacked bars
 * (e.g. the within/between/transvariation contributions of a Dagum decomposition per period).
 * Horizontal charts list the first category at the top.
 */
export function barChart(spec: BarChartSpec): string {
  return svgOf(barOption(spec));
}

/** The ECharts option of {@link barChart} (rendered to SVG in reports, interactively in the workbench). */
export function barOption(spec: BarChartSpec): ChartOption {
  const lang = spec.lang ?? 'en';
  const horizontal = (spec.orientation ?? 'horizontal') === 'horizontal';
  const stacked = spec.mode === 'stacked';
  const names = spec.series.map((s) => txt(s.name, lang));
  const cats = spec.categories.map((c) => txt(c, lang));
  const digits = spec.digits ?? 3;
  const showLabels = spec.labels ?? (!stacked && spec.series.length === 1);
  const categoryAxis = axisOption('category', txt(spec.categoryName, lang), {
    data: cats,
    inverse: horizontal,
    axisLabel: { interval: 0, fontSize: 11, color: '#222222', hideOverlap: false },
  });
  const valueAxis = axisOption('value', txt(spec.valueName, lang), {
    scale: false,
    nameLocation: horizontal ? 'middle' : 'end',
    nameGap: horizontal ? 26 : 10,
  });
  const autoHeight = horizontal ? Math.max(200, 60 + cats.length * Math.max(16, 8 * spec.series.length + 8)) : 380;
  return chartOption(
    {
      title: titleOption(spec),
      legend: legendOption(names),
      grid: { left: 12, right: showLabels ? 56 : 24, top: topSpace(spec, 12), bottom: names.length > 1 ? 48 : horizontal ? 36 : 16, containLabel: true },
      xAxis: horizontal ? valueAxis : categoryAxis,
      yAxis: horizontal ? categoryAxis : valueAxis,
      series: spec.series.map((s, i) => ({
        type: 'bar',
        name: names[i],
        stack: stacked ? 'total' : undefined,
        data: Array.from(s.values, gap),
        barMaxWidth: 28,
        label: {
          show: showLabels,
          position: horizontal ? 'right' : 'top',
          fontSize: 10,
          color: '#444444',
          formatter: (p: { value: number | null }) => (p.value == null ? '' : p.value.toFixed(digits)),
        },
      })),
    },
    spec.width ?? 760,
    spec.height ?? autoHeight,
  );
}
