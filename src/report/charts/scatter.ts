import { axisOption, legendOption, chartOption, svgOf, titleOption, topSpace, txt, type ChartBase, type ChartOption, type Text } from './theme.js';

/** Spec of {@link scatterChart}. */
export interface ScatterSpec extends ChartBase {
  readonly x: ArrayLike<number>;
  readonly y: ArrayLike<number>;
  /** Optional point labels (e.g. entity names), printed beside points when `showLabels`. */
  readonly labels?: readonly Text[];
  readonly showLabels?: boolean;
  /** A fitted line y = intercept + slope·x, computed elsewhere (e.g. by a β-convergence regression). */
  readonly fit?: { readonly intercept: number; readonly slope: number; readonly name?: Text };
  readonly xName?: Text;
  readonly yName?: Text;
  readonly pointName?: Text;
}

/**
 * Scatter plot with an optional fitted line. The line is drawn across the range of x from the
 * coefficients given; the chart never estimates it.
 */
export function scatterChart(spec: ScatterSpec): string {
  return svgOf(scatterOption(spec));
}

/** The ECharts option of {@link scatterChart} (rendered to SVG in reports, interactively in the workbench). */
export function scatterOption(spec: ScatterSpec): ChartOption {
  const lang = spec.lang ?? 'en';
  if (spec.x.length !== spec.y.length) throw new RangeError(`scatterChart: x has ${spec.x.length} values, y has ${spec.y.length}`);
  const points: { value: [number, number]; name: string }[] = [];
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < spec.x.length; i++) {
    const x = spec.x[i];
    const y = spec.y[i];
    if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
    points.push({ value: [x, y], name: spec.labels ? txt(spec.labels[i], lang) : '' });
    if (x < lo) lo = x;
    if (x > hi) hi = x;
  }
  const pointName = txt(spec.pointName ?? { en: 'Observations', zh: '观测值' }, lang);
  const fitName = txt(spec.fit?.name ?? { en: 'Fitted line', zh: '拟合线' }, lang);
  const series: Record<string, unknown>[] = [
    {
      type: 'scatter',
      name: pointName,
      data: points,
      symbolSize: 6,
      itemStyle: { opacity: 0.75 },
      label: { show: spec.showLabels ?? false, position: 'right', fontSize: 9, formatter: '{b}' },
    },
  ];
  if (spec.fit && Number.isFinite(lo)) {
    const { intercept, slope } = spec.fit;
    series.push({
      type: 'line',
      name: fitName,
      data: [
        [lo, intercept + slope * lo],
        [hi, intercept + slope * hi],
      ],
      showSymbol: false,
      lineStyle: { width: 2, color: '#D55E00' },
      itemStyle: { color: '#D55E00' },
    });
  }
  return chartOption(
    {
      title: titleOption(spec),
      legend: legendOption(spec.fit ? [pointName, fitName] : [pointName]),
      grid: { left: 12, right: 24, top: topSpace(spec, 18), bottom: (spec.fit ? 30 : 12) + (spec.xName !== undefined ? 22 : 0), containLabel: true },
      xAxis: axisOption('value', txt(spec.xName, lang), { nameLocation: 'middle', nameGap: 26 }),
      yAxis: axisOption('value', txt(spec.yName, lang), { nameLocation: 'end' }),
      series,
    },
    spec.width ?? 640,
    spec.height ?? 420,
  );
}
