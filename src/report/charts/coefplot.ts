import { PALETTE } from './theme.js';
import { axisOption, legendOption, renderSvg, titleOption, topSpace, txt, type ChartBase, type Text } from './theme.js';

/** One coefficient of a {@link CoefPlotSpec}: the estimate and its confidence interval. */
export interface CoefPoint {
  readonly estimate: number;
  readonly ciLow: number;
  readonly ciHigh: number;
}

/** Spec of {@link coefPlotChart}: models side by side, terms top to bottom. */
export interface CoefPlotSpec extends ChartBase {
  /** Terms in display order (top first); the intercept is usually left out. */
  readonly terms: readonly string[];
  /** One entry per model: its legend name and a point per term (undefined where the model lacks the term). */
  readonly models: readonly { readonly name: string; readonly points: readonly (CoefPoint | undefined)[] }[];
  /** Name of the value axis, e.g. "Estimate and 95% CI". */
  readonly valueName?: Text;
}

/**
 * The ECharts option of a coefficient plot (Stata's `coefplot`, R's `fixest::coefplot`): one row per
 * term, the estimate as a dot and its confidence interval as a horizontal line, a dashed line at zero.
 * Several models are dodged vertically within each term's row, one colour each. The y axis is a
 * value axis (term k at k, models offset around it) so the intervals can be drawn as line segments.
 */
export function coefPlotOption(spec: CoefPlotSpec): Record<string, unknown> {
  const lang = spec.lang ?? 'en';
  const M = spec.models.length;
  const T = spec.terms.length;
  const band = M > 1 ? Math.min(0.7, 0.18 * M) : 0;
  const offset = (j: number) => (M > 1 ? -band / 2 + (band * j) / (M - 1) : 0);
  const series: Record<string, unknown>[] = [];
  spec.models.forEach((m, j) => {
    const color = PALETTE[j % PALETTE.length];
    const segments: (number[] | string)[] = [];
    const dots: number[][] = [];
    m.points.forEach((p, k) => {
      if (!p || !Number.isFinite(p.estimate)) return;
      const y = k + offset(j);
      if (Number.isFinite(p.ciLow) && Number.isFinite(p.ciHigh)) segments.push([p.ciLow, y], [p.ciHigh, y], '-');
      dots.push([p.estimate, y]);
    });
    series.push(
      {
        type: 'line',
        name: m.name,
        data: segments,
        connectNulls: false,
        symbol: 'none',
        lineStyle: { color, width: 2 },
        silent: true,
        z: 2,
      },
      {
        type: 'scatter',
        name: m.name,
        data: dots,
        symbol: 'circle',
        symbolSize: 7,
        itemStyle: { color },
        z: 3,
        ...(j === 0
          ? {
              markLine: {
                silent: true,
                symbol: 'none',
                label: { show: false },
                lineStyle: { color: '#888888', type: 'dashed', width: 1 },
                data: [{ xAxis: 0 }],
              },
            }
          : {}),
      },
    );
  });
  return {
    title: titleOption(spec),
    legend: legendOption(
      spec.models.map((m) => m.name),
      { data: spec.models.map((m) => ({ name: m.name, icon: 'circle' })), itemGap: 28 },
    ),
    grid: { left: 16, right: 24, top: topSpace(spec, 10), bottom: M > 1 ? 56 : 36, containLabel: true },
    xAxis: axisOption('value', txt(spec.valueName, lang), {
      nameLocation: 'middle',
      nameGap: 26,
      scale: true,
    }),
    yAxis: axisOption('value', undefined, {
      inverse: true,
      min: -0.5,
      max: T - 0.5,
      scale: false,
      splitLine: { show: false },
      axisLine: { show: true, lineStyle: { color: '#999999' } },
      // One label and tick at each term's row (ECharts ≥ 5.5 customValues), not at the axis' own steps.
      axisTick: { show: true, customValues: spec.terms.map((_, k) => k), lineStyle: { color: '#999999' } },
      axisLabel: {
        fontSize: 11,
        color: '#222222',
        customValues: spec.terms.map((_, k) => k),
        formatter: (v: number) => spec.terms[Math.round(v)] ?? '',
      },
    }),
    series,
  };
}

/** {@link coefPlotOption} rendered as an SVG string. */
export function coefPlotChart(spec: CoefPlotSpec): string {
  const rows = spec.terms.length;
  const perRow = 26 + 10 * Math.max(0, spec.models.length - 1);
  return renderSvg(coefPlotOption(spec), spec.width ?? 680, spec.height ?? Math.max(200, 90 + rows * perRow));
}
