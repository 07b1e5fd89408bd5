import { FONT_FAMILY, INK, SEQUENTIAL, axisOption, fmt, chartOption, svgOf, titleOption, topSpace, txt, type ChartBase, type ChartOption, type Text } from './theme.js';

/** Spec of {@link heatmapChart}. */
export interface HeatmapSpec extends ChartBase {
  /** Row labels (e.g. entities), listed top to bottom. */
  readonly rows: readonly Text[];
  /** Column labels (e.g. periods). */
  readonly columns: readonly (Text | number)[];
  /** values[r][c]; NaN = empty cell. */
  readonly values: readonly ArrayLike<number>[];
  /** Colour range; defaults to the data range. */
  readonly min?: number;
  readonly max?: number;
  /** Name of the value with its unit, shown over the colour bar, e.g. "D (0–1)". */
  readonly valueName?: Text;
  /** Print values in the cells (default when there are at most 200 cells). */
  readonly cellLabels?: boolean;
  readonly digits?: number;
}

/** Heatmap of a value over rows × columns, e.g. the coupling coordination degree by entity and year. */
export function heatmapChart(spec: HeatmapSpec): string {
  return svgOf(heatmapOption(spec));
}

/** The ECharts option of {@link heatmapChart} (rendered to SVG in reports, interactively in the workbench). */
export function heatmapOption(spec: HeatmapSpec): ChartOption {
  const lang = spec.lang ?? 'en';
  const rows = spec.rows.map((r) => txt(r, lang));
  const cols = spec.columns.map((c) => (typeof c === 'number' ? String(c) : txt(c, lang)));
  if (spec.values.length !== rows.length) throw new RangeError(`heatmapChart: ${spec.values.length} value rows for ${rows.length} row labels`);
  const data: [number, number, number | string][] = [];
  let lo = Infinity;
  let hi = -Infinity;
  spec.values.forEach((row, r) => {
    if (row.length !== cols.length) throw new RangeError(`heatmapChart: row ${r} has ${row.length} values for ${cols.length} columns`);
    for (let c = 0; c < cols.length; c++) {
      const v = row[c];
      if (!Number.isFinite(v)) continue;
      data.push([c, r, v]);
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  });
  const min = spec.min ?? (Number.isFinite(lo) ? lo : 0);
  const max = spec.max ?? (Number.isFinite(hi) ? hi : 1);
  const labels = spec.cellLabels ?? rows.length * cols.length <= 200;
  const digits = spec.digits ?? 2;
  const cell = rows.length > 40 ? 12 : 20;
  return chartOption(
    {
      title: titleOption(spec),
      grid: { left: 12, right: 90, top: topSpace(spec, 8), bottom: 12, containLabel: true },
      xAxis: axisOption('category', undefined, { data: cols, splitArea: { show: false }, axisLabel: { fontSize: 10, color: INK, fontFamily: FONT_FAMILY } }),
      yAxis: axisOption('category', undefined, {
        data: rows,
        inverse: true,
        axisLabel: { fontSize: rows.length > 40 ? 8 : 10, interval: 0, color: INK, fontFamily: FONT_FAMILY },
      }),
      visualMap: {
        type: 'continuous',
        min,
        max: max > min ? max : min + 1,
        calculable: false,
        orient: 'vertical',
        right: 8,
        top: 'middle',
        itemHeight: 140,
        text: [fmt(max), fmt(min)],
        textStyle: { color: INK, fontSize: 10, fontFamily: FONT_FAMILY },
        inRange: { color: [...SEQUENTIAL] },
      },
      graphic: spec.valueName
        ? [{ type: 'text', right: 8, top: topSpace(spec, 0), style: { text: txt(spec.valueName, lang), fontSize: 11, fill: INK, fontFamily: FONT_FAMILY } }]
        : undefined,
      series: [
        {
          type: 'heatmap',
          data,
          itemStyle: { borderColor: '#ffffff', borderWidth: 1 },
          label: {
            show: labels,
            fontSize: 9,
            formatter: (p: { value: [number, number, number] }) => p.value[2].toFixed(digits),
          },
        },
      ],
    },
    spec.width ?? Math.min(940, Math.max(480, 160 + cols.length * 44)),
    spec.height ?? Math.max(280, topSpace(spec, 60) + rows.length * cell),
  );
}
