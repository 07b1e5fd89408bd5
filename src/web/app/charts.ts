/**
 * The interactive renderer of nqpf's chart module: the same ECharts options the report renders to
 * SVG (src/report/charts), drawn live with tooltips, plus SVG and PNG downloads of each chart.
 */
import * as echarts from '../echarts-lite.js';
import { baseOption, type ChartOption } from '../../report/charts/theme.js';
import { download } from './dom.js';

const live = new Set<echarts.ECharts>();

/** Draw `chart` into `box` (or update `existing`), with tooltips; fits the box's width once laid out. */
export function drawChart(
  box: HTMLElement,
  chart: ChartOption,
  tooltip: Record<string, unknown> = { trigger: 'item' },
  existing?: echarts.ECharts,
): echarts.ECharts {
  const instance =
    existing && !existing.isDisposed()
      ? existing
      : echarts.init(box, undefined, { renderer: 'svg', width: chart.width, height: chart.height });
  instance.setOption({ ...baseOption(chart.option), tooltip: { confine: true, ...tooltip } }, { notMerge: true });
  live.add(instance);
  requestAnimationFrame(() => fit(instance, chart));
  return instance;
}

function fit(c: echarts.ECharts, chart: ChartOption): void {
  if (c.isDisposed()) return;
  const box = c.getDom();
  if (!box?.isConnected) return;
  const w = Math.min(box.clientWidth || chart.width, chart.width);
  if (w !== c.getWidth()) c.resize({ width: w, height: chart.height });
}

/** Resize the live charts with the window (disposed ones are forgotten). */
export function resizeAll(): void {
  for (const c of live) {
    if (c.isDisposed()) {
      live.delete(c);
      continue;
    }
    const dom = c.getDom();
    if (dom?.isConnected)
      c.resize({
        width: Math.min(dom.clientWidth, Number.parseFloat(dom.style.maxWidth) || Infinity),
        height: c.getHeight(),
      });
  }
}

function svgText(c: echarts.ECharts): string {
  const url = c.getDataURL({ type: 'svg' });
  const comma = url.indexOf(',');
  const body = url.slice(comma + 1);
  return url.slice(0, comma).endsWith(';base64') ? atob(body) : decodeURIComponent(body);
}

export function saveSvg(c: echarts.ECharts, name: string): void {
  download(`${name}.svg`, svgText(c), 'image/svg+xml;charset=utf-8');
}

export async function savePng(c: echarts.ECharts, name: string, chart: ChartOption): Promise<void> {
  const scale = 2;
  const img = new Image();
  const w = c.getWidth();
  const hgt = c.getHeight() || chart.height;
  img.src = 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(svgText(c));
  await img.decode();
  const canvas = document.createElement('canvas');
  canvas.width = w * scale;
  canvas.height = hgt * scale;
  const ctx = canvas.getContext('2d')!;
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
  canvas.toBlob((b) => b && download(`${name}.png`, b), 'image/png');
}
