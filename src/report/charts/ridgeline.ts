import { FONT_FAMILY, INK, PALETTE, axisOption, chartOption, svgOf, titleOption, topSpace, txt, type ChartBase, type ChartOption, type Text } from './theme.js';

/** Spec of {@link ridgelineChart}. */
export interface RidgelineSpec extends ChartBase {
  /** The evaluation grid shared by all densities. */
  readonly x: ArrayLike<number>;
  /** One density per period (or group), values on the grid `x`; drawn first at the top. */
  readonly densities: readonly { readonly name: Text | number; readonly y: ArrayLike<number> }[];
  readonly xName?: Text;
  /** Height of the tallest ridge in rows (default 1.6: ridges overlap their upper neighbour). */
  readonly overlap?: number;
}

/**
 * Ridgeline (joy) plot of densities per period, e.g. kernel densities of the index by year.
 * Densities are only scaled for display: the tallest peak over all ridges is `overlap` rows high.
 */
export function ridgelineChart(spec: RidgelineSpec): string {
  return svgOf(ridgelineOption(spec));
}

/** The ECharts option of {@link ridgelineChart} (rendered to SVG in reports, interactively in the workbench). */
export function ridgelineOption(spec: RidgelineSpec): ChartOption {
  const lang = spec.lang ?? 'en';
  const n = spec.densities.length;
  const x = Array.from(spec.x);
  let peak = 0;
  for (const d of spec.densities) {
    if (d.y.length !== x.length) throw new RangeError(`ridgelineChart: density "${txt(typeof d.name === 'number' ? String(d.name) : d.name)}" has ${d.y.length} points, x has ${x.length}`);
    for (const v of Array.from(d.y)) if (Number.isFinite(v) && v > peak) peak = v;
  }
  const scale = peak > 0 ? (spec.overlap ?? 1.6) / peak : 1;
  const names = spec.densities.map((d) => (typeof d.name === 'number' ? String(d.name) : txt(d.name, lang)));
  // Row k (from the top) sits at baseline n-1-k; later series are drawn over earlier ones.
  const series = spec.densities.map((d, k) => {
    const base = n - 1 - k;
    const color = PALETTE[k % 6];
    return {
      type: 'line',
      name: names[k],
      data: x.map((xi, i) => [xi, base + (Number.isFinite(d.y[i]) ? d.y[i] * scale : 0)]),
      showSymbol: false,
      smooth: false,
      z: 2 + k,
      lineStyle: { width: 1.2, color: '#333333' },
      areaStyle: { origin: base, color, opacity: 0.55 },
    };
  });
  const rowHeight = 34;
  return chartOption(
    {
      title: titleOption(spec),
      grid: { left: 12, right: 24, top: topSpace(spec, 10), bottom: 34, containLabel: true },
      xAxis: axisOption('value', txt(spec.xName, lang), { nameLocation: 'middle', nameGap: 26, splitLine: { show: false }, axisLine: { show: true, lineStyle: { color: '#999999' } }, axisTick: { show: true } }),
      yAxis: {
        type: 'value',
        min: 0,
        max: n - 1 + (spec.overlap ?? 1.6),
        interval: 1,
        splitLine: { show: true, lineStyle: { color: '#eeeeee' } },
        axisLine: { show: false },
        axisTick: { show: false },
        axisLabel: {
          color: INK,
          fontSize: 11,
          fontFamily: FONT_FAMILY,
          verticalAlign: 'bottom',
          formatter: (v: number) => (v >= 0 && v < n && Number.isInteger(v) ? names[n - 1 - v] : ''),
        },
      },
      series,
    },
    spec.width ?? 640,
    spec.height ?? topSpace(spec, 80) + rowHeight * (n - 1 + (spec.overlap ?? 1.6)),
  );
}
