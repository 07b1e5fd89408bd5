/**
 * The interactive renderer of nqpf's chart module: the same ECharts options the report renders to
 * SVG (src/report/charts), drawn live with tooltips, plus SVG and PNG downloads of each chart.
 */
import * as echarts from '../echarts-lite.js';
import { baseOption, type ChartOption } from '../../report/charts/theme.js';
import { download, h } from './dom.js';

const live = new Set<echarts.ECharts>();

/** A figure: the chart, its caption and SVG/PNG download buttons. `name` is the file name stem. */
export function chartFigure(chart: ChartOption, name: string, caption: string, tooltip: Record<string, unknown> = { trigger: 'item' }): HTMLElement {
  const box = h('div', { class: 'chart', 'data-testid': 'chart', 'data-chart': name, style: `height:${chart.height}px;max-width:${chart.width}px` });
  const fig = h(
    'figure',
    {},
    h('figcaption', {}, caption, ' ', h('button', { class: 'small', onclick: () => saveSvg(instance, name) }, 'SVG'), h('button', { class: 'small', onclick: () => savePng(instance, name, chart) }, 'PNG')),
    box,
  );
  // The figure is not in the page yet, so its size cannot be measured: start at the chart's own size,
  // then fit the container's width once it is laid out.
  const instance = echarts.init(box, undefined, { renderer: 'svg', width: chart.width, height: chart.height });
  instance.setOption({ ...baseOption(chart.option), tooltip: { confine: true, ...tooltip } });
  live.add(instance);
  requestAnimationFrame(() => fit(instance, chart));
  return fig;
}

/** Dispose charts whose elements left the page (called after each render). */
export function disposeDetached(): void {
  for (const c of live) {
    if (c.isDisposed() || !c.getDom()?.isConnected) {
      c.dispose();
      live.delete(c);
    }
  }
}

function fit(c: echarts.ECharts, chart: ChartOption): void {
  if (c.isDisposed()) return;
  const box = c.getDom();
  if (!box?.isConnected) return;
  const w = Math.min(box.clientWidth || chart.width, chart.width);
  if (w !== c.getWidth()) c.resize({ width: w, height: chart.height });
}

/** Resize the live charts with the window. */
export function resizeAll(): void {
  for (const c of live) {
    const dom = c.isDisposed() ? undefined : c.getDom();
    if (dom?.isConnected) c.resize({ width: Math.min(dom.clientWidth, Number.parseFloat(dom.style.maxWidth) || Infinity), height: c.getHeight() });
  }
}

function svgText(c: echarts.ECharts): string {
  const url = c.getDataURL({ type: 'svg' });
  const comma = url.indexOf(',');
  const body = url.slice(comma + 1);
  return url.slice(0, comma).endsWith(';base64') ? atob(body) : decodeURIComponent(body);
}

function saveSvg(c: echarts.ECharts, name: string): void {
  download(`${name}.svg`, svgText(c), 'image/svg+xml;charset=utf-8');
}

async function savePng(c: echarts.ECharts, name: string, chart: ChartOption): Promise<void> {
  const scale = 2;
  const img = new Image();
  const w = c.getWidth();
  const hgt = c.getHeight() || chart.height;
  img.src = 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(svgText(c));
  await img.decode();
  const canvas = h('canvas', { width: w * scale, height: hgt * scale });
  const ctx = canvas.getContext('2d')!;
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
  canvas.toBlob((b) => b && download(`${name}.png`, b), 'image/png');
}
