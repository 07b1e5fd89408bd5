import { axisOption, gap, legendOption, chartOption, svgOf, titleOption, topSpace, txt, type ChartBase, type ChartOption, type Text } from './theme.js';

/** A forecast interval: lower and upper bounds aligned with the forecast periods. */
export interface FanBand {
  readonly name: Text;
  readonly lower: ArrayLike<number>;
  readonly upper: ArrayLike<number>;
}

/** Spec of {@link fanChart}. */
export interface FanChartSpec extends ChartBase {
  readonly history: { readonly periods: readonly number[]; readonly values: ArrayLike<number> };
  /** Fitted values over the history periods (e.g. GM(1,1) in-sample), optional. */
  readonly fitted?: ArrayLike<number>;
  readonly forecast: { readonly periods: readonly number[]; readonly values: ArrayLike<number> };
  /** Bands from the widest to the narrowest; each is shaded lighter the wider it is. */
  readonly bands?: readonly FanBand[];
  readonly xName?: Text;
  readonly yName?: Text;
}

/**
 * Fan chart: the observed history, the fitted path, the point forecast and shaded forecast bands.
 * The forecast line starts at the last observed point so the two join.
 */
export function fanChart(spec: FanChartSpec): string {
  return svgOf(fanOption(spec));
}

/** The ECharts option of {@link fanChart} (rendered to SVG in reports, interactively in the workbench). */
export function fanOption(spec: FanChartSpec): ChartOption {
  const lang = spec.lang ?? 'en';
  const periods = [...spec.history.periods, ...spec.forecast.periods];
  const nh = spec.history.periods.length;
  const nf = spec.forecast.periods.length;
  const blank = (n: number) => new Array<number | null>(n).fill(null);
  const histName = txt({ en: 'Observed', zh: '实际值' }, lang);
  const fitName = txt({ en: 'Fitted', zh: '拟合值' }, lang);
  const fcName = txt({ en: 'Forecast', zh: '预测值' }, lang);
  const lastObserved = nh > 0 ? gap(spec.history.values[nh - 1]) : null;
  const series: Record<string, unknown>[] = [];
  const bands = spec.bands ?? [];
  bands.forEach((b, k) => {
    const stack = `band${k}`;
    const opacity = 0.15 + (0.25 * (k + 1)) / bands.length;
    const lower = [...blank(nh - 1), lastObserved, ...Array.from(b.lower, gap)];
    const width = [...blank(nh - 1), 0, ...Array.from({ length: nf }, (_, i) => gap(b.upper[i] - b.lower[i]))];
    series.push(
      { type: 'line', name: `${stack}-base`, stack, data: lower, showSymbol: false, lineStyle: { opacity: 0 }, silent: true },
      {
        type: 'line',
        name: txt(b.name, lang),
        stack,
        data: width,
        showSymbol: false,
        lineStyle: { opacity: 0 },
        areaStyle: { color: '#0072B2', opacity },
        itemStyle: { color: '#0072B2', opacity },
      },
    );
  });
  series.push({
    type: 'line',
    name: histName,
    data: [...Array.from(spec.history.values, gap), ...blank(nf)],
    showSymbol: true,
    symbolSize: 5,
    lineStyle: { width: 2, color: '#222222' },
    itemStyle: { color: '#222222' },
  });
  if (spec.fitted) {
    series.push({
      type: 'line',
      name: fitName,
      data: [...Array.from(spec.fitted, gap), ...blank(nf)],
      showSymbol: false,
      lineStyle: { width: 1.5, type: 'dashed', color: '#E69F00' },
      itemStyle: { color: '#E69F00' },
    });
  }
  series.push({
    type: 'line',
    name: fcName,
    data: [...blank(nh - 1), lastObserved, ...Array.from(spec.forecast.values, gap)],
    showSymbol: true,
    symbolSize: 5,
    lineStyle: { width: 2, type: 'dashed', color: '#0072B2' },
    itemStyle: { color: '#0072B2' },
  });
  const legendNames = [histName, ...(spec.fitted ? [fitName] : []), fcName];
  const legendData = [...legendNames.map((name) => ({ name })), ...bands.map((b) => ({ name: txt(b.name, lang), icon: 'rect' }))];
  return chartOption(
    {
      title: titleOption(spec),
      legend: legendOption(legendNames, { data: legendData }),
      grid: { left: 12, right: 24, top: topSpace(spec, 18), bottom: 48, containLabel: true },
      xAxis: axisOption('category', txt(spec.xName, lang), { data: periods.map(String), boundaryGap: false, nameLocation: 'middle', nameGap: 26 }),
      yAxis: axisOption('value', txt(spec.yName, lang)),
      series,
    },
    spec.width ?? 720,
    spec.height ?? 380,
  );
}
