import type { Lang } from '../core/label.js';
import { datasetText, type Block, type FigureBlock, type GridBlock, type ReportDataset, type ReportSection, type TableBlock, type TreeBlock, type TreeNode } from './blocks.js';
import { txt, type Text } from './charts/theme.js';
import { texToHtml, textWithMath } from './formula.js';
import { escapeHtml, formatNumber } from './html.js';
import { noteLevelText, noteText, t } from './i18n.js';

/** Input of {@link renderReport}. */
export interface ReportInput {
  readonly title: Text;
  readonly subtitle?: Text;
  /** Language of built-in words and of {@link Label} texts (default English). */
  readonly lang?: Lang;
  /** Every dataset a section refers to; cited in the sources section. */
  readonly datasets: readonly ReportDataset[];
  readonly sections: readonly ReportSection[];
  /** Free text for the footer, e.g. the nqpf version and the command that produced the report. */
  readonly footer?: Text;
}

const SECTION_ID = /^[A-Za-z][A-Za-z0-9_-]*$/;

/**
 * One self-contained HTML document: inline CSS and inline SVG, no scripts, fonts or URLs to fetch,
 * so it opens offline and prints cleanly. It has a table of contents, a red SIMULATED DATA banner on
 * every section that shows a simulated dataset, the dataset citation under each figure and table
 * of a section, and a sources section. All text is escaped; SVG figures are inserted as they are
 * (they must come from the chart functions) with their ids made unique per figure.
 *
 * @throws RangeError on a bad or duplicate section id, a section naming an unknown dataset, or a
 * figure that is not an `<svg>` element.
 */
export function renderReport(input: ReportInput): string {
  const lang = input.lang ?? 'en';
  const datasets = new Map(input.datasets.map((d) => [d.name, d]));
  const ids = new Set<string>(['sources', 'contents']);
  for (const s of input.sections) {
    if (!SECTION_ID.test(s.id)) throw new RangeError(`renderReport: section id "${s.id}" must start with a letter and use only letters, digits, "-" and "_"`);
    if (ids.has(s.id)) throw new RangeError(`renderReport: duplicate section id "${s.id}"`);
    ids.add(s.id);
    if (s.datasetName !== undefined && !datasets.has(s.datasetName)) {
      throw new RangeError(`renderReport: section "${s.id}" names dataset "${s.datasetName}", which is not in datasets (${[...datasets.keys()].join(', ')})`);
    }
  }
  const ctx: Context = { lang, figure: 0, table: 0 };
  const title = txt(input.title, lang);
  const toc = [
    ...input.sections.map((s, i) => `<li><a href="#${s.id}">${i + 1}. ${escapeHtml(txt(s.title, lang))}</a>${isSimulated(s, datasets) ? ` <span class="badge sim">${escapeHtml(t('simulatedBadge', lang))}</span>` : ''}</li>`),
    `<li><a href="#sources">${input.sections.length + 1}. ${escapeHtml(t('sources', lang))}</a></li>`,
  ].join('\n');
  const body = input.sections.map((s, i) => renderSection(s, i + 1, datasets.get(s.datasetName ?? ''), isSimulated(s, datasets), ctx)).join('\n');
  const datasetBadges = input.datasets
    .map((d) => `<li>${escapeHtml(datasetText(d, 'title', lang)!)} <code>${escapeHtml(d.name)}</code> <span class="badge ${d.simulated ? 'sim' : 'real'}">${escapeHtml(t(d.simulated ? 'simulatedBadge' : 'realBadge', lang))}</span></li>`)
    .join('\n');
  return `<!DOCTYPE html>
<html lang="${lang === 'zh' ? 'zh-CN' : 'en'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${CSS}</style>
</head>
<body>
<header>
<h1>${escapeHtml(title)}</h1>
${input.subtitle !== undefined ? `<p class="subtitle">${escapeHtml(txt(input.subtitle, lang))}</p>` : ''}
<p class="datasets-head">${escapeHtml(t('datasets', lang))}:</p>
<ul class="datasets">${datasetBadges}</ul>
</header>
<nav id="contents">
<h2>${escapeHtml(t('contents', lang))}</h2>
<ol>
${toc}
</ol>
</nav>
<main>
${body}
${renderSources(input.datasets, input.sections.length + 1, lang)}
</main>
<footer>${escapeHtml(input.footer !== undefined ? txt(input.footer, lang) : t('generatedBy', lang))}</footer>
</body>
</html>
`;
}

interface Context {
  readonly lang: Lang;
  figure: number;
  table: number;
}

function isSimulated(s: ReportSection, datasets: ReadonlyMap<string, ReportDataset>): boolean {
  return s.simulated ?? (s.datasetName !== undefined && datasets.get(s.datasetName)!.simulated);
}

function renderSection(s: ReportSection, n: number, dataset: ReportDataset | undefined, simulated: boolean, ctx: Context): string {
  const banner = simulated ? `<div class="sim-banner" role="note"><strong>SIMULATED DATA</strong>${ctx.lang === 'zh' ? '（模拟数据）' : ''} — ${escapeHtml(t('simulatedBanner', ctx.lang))}</div>` : '';
  const blocks = s.blocks.map((b) => renderBlock(b, dataset, simulated, ctx)).join('\n');
  return `<section id="${s.id}"${simulated ? ' class="simulated"' : ''}>
<h2>${n}. ${escapeHtml(txt(s.title, ctx.lang))}</h2>
${banner}
${blocks}
</section>`;
}

function sourceLine(dataset: ReportDataset | undefined, simulated: boolean, lang: Lang): string {
  if (!dataset) return '';
  const text = datasetText(dataset, 'citation', lang) ?? (simulated ? t('simulatedSource', lang) : datasetText(dataset, 'title', lang)!);
  const sim = simulated ? ` <span class="badge sim">${escapeHtml(t('simulatedBadge', lang))}</span>` : '';
  return `<p class="source">${escapeHtml(t('source', lang))}: ${escapeHtml(text)}${sim}</p>`;
}

function renderBlock(b: Block, dataset: ReportDataset | undefined, simulated: boolean, ctx: Context): string {
  const { lang } = ctx;
  switch (b.kind) {
    case 'heading': {
      const level = b.level ?? 3;
      return `<h${level}>${escapeHtml(txt(b.text, lang))}</h${level}>`;
    }
    case 'paragraph':
      return `<p>${b.math ? textWithMath(txt(b.text, lang)) : escapeHtml(txt(b.text, lang))}</p>`;
    case 'list':
      return `<ul>${b.items.map((i) => `<li>${b.math ? textWithMath(txt(i, lang)) : escapeHtml(txt(i, lang))}</li>`).join('')}</ul>`;
    case 'figure':
      return renderFigure(b, dataset, simulated, ctx);
    case 'table':
      return renderTable(b, dataset, simulated, ctx);
    case 'grid':
      return renderGrid(b, dataset, simulated, ctx);
    case 'formula':
      return `<div class="formula">${b.label !== undefined ? `<p class="formula-label">${escapeHtml(txt(b.label, lang))}</p>` : ''}<div class="display">${texToHtml(b.tex)}</div>${
        b.where !== undefined ? `<p class="where">${textWithMath(txt(b.where, lang))}</p>` : ''
      }</div>`;
    case 'tree':
      return renderTree(b, ctx);
    case 'notes': {
      if (b.notes.length === 0) return '';
      const items = b.notes.map((n) => `<li class="${n.level}"><span class="note-level">${escapeHtml(noteLevelText(n.level, lang))}</span> <code>${escapeHtml(n.code)}</code> ${escapeHtml(noteText(n, lang))}</li>`).join('');
      return `<div class="notes"><p class="notes-title">${escapeHtml(b.title !== undefined ? txt(b.title, lang) : t('warnings', lang))}</p><ul>${items}</ul></div>`;
    }
  }
}

function renderFigure(b: FigureBlock, dataset: ReportDataset | undefined, simulated: boolean, ctx: Context): string {
  const svg = b.svg.trim();
  if (!svg.startsWith('<svg') || !svg.endsWith('</svg>') || /<script|<foreignObject|\son[a-z]+\s*=|href\s*=\s*["']?(?!#)/i.test(svg)) {
    throw new RangeError('renderReport: a figure must be a plain <svg> element without scripts, event handlers or external links');
  }
  ctx.figure++;
  // ECharts names ids and classes after a process-wide renderer counter (zr0-, zr1-, …). Inline SVGs
  // share one document, so name them after the figure number instead: unique and reproducible.
  // ECharts' interaction metadata (ecmeta_*, pointer-events) does nothing in a static report: drop it.
  const unique = svg
    .replace(/\bzr\d+-/g, `fig${ctx.figure}-`)
    .replace(/ ecmeta_[a-z_]+="[^"]*"/g, '')
    .replace(/ pointer-events="visible"/g, '');
  const note = b.note !== undefined ? `<p class="fig-note">${escapeHtml(t('note', ctx.lang))}: ${escapeHtml(txt(b.note, ctx.lang))}</p>` : '';
  const source = b.citation === false ? '' : sourceLine(dataset, simulated, ctx.lang);
  return `<figure>
<figcaption>${escapeHtml(t('figure', ctx.lang))} ${ctx.figure}. ${escapeHtml(txt(b.caption, ctx.lang))}</figcaption>
<div class="chart">${unique}</div>
${note}${source}
</figure>`;
}

function cellText(v: unknown, lang: Lang): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object') return txt(v as Text, lang);
  return String(v);
}

function renderTable(b: TableBlock, dataset: ReportDataset | undefined, simulated: boolean, ctx: Context): string {
  const { lang } = ctx;
  ctx.table++;
  const head = b.columns.map((c) => `<th class="${alignOf(c.align, c.format !== undefined)}">${escapeHtml(txt(c.label, lang))}</th>`).join('');
  const rows = b.rows
    .map((r) => {
      const cells = b.columns.map((c) => {
        const v = r[c.key];
        const numeric = typeof v === 'number' || (v === null && c.format !== undefined);
        const text = numeric ? formatNumber(v as number | null, c.format) : cellText(v, lang);
        return `<td class="${alignOf(c.align, numeric)}">${escapeHtml(text)}</td>`;
      });
      return `<tr>${cells.join('')}</tr>`;
    })
    .join('\n');
  const caption = b.caption !== undefined ? `<caption>${escapeHtml(t('table', lang))} ${ctx.table}. ${escapeHtml(txt(b.caption, lang))}</caption>` : '';
  const note = b.note !== undefined ? `<p class="fig-note">${escapeHtml(t('note', lang))}: ${escapeHtml(txt(b.note, lang))}</p>` : '';
  const source = b.citation === false ? '' : sourceLine(dataset, simulated, lang);
  return `<div class="table-wrap"><table class="data">${caption}<thead><tr>${head}</tr></thead><tbody>
${rows}
</tbody></table>${note}${source}</div>`;
}

function renderGrid(b: GridBlock, dataset: ReportDataset | undefined, simulated: boolean, ctx: Context): string {
  const { lang } = ctx;
  ctx.table++;
  const row = (cells: readonly Text[], tag: 'th' | 'td') => cells.map((c, j) => `<${tag} class="${j === 0 ? 'al-left' : 'al-center'}">${escapeHtml(txt(c, lang))}</${tag}>`).join('');
  const head = b.header.map((r) => `<tr>${row(r, 'th')}</tr>`).join('');
  const body = b.rows.map((r) => `<tr${r.style ? ` class="${r.style}"` : ''}>${row(r.cells, 'td')}</tr>`).join('\n');
  const caption = b.caption !== undefined ? `<caption>${escapeHtml(t('table', lang))} ${ctx.table}. ${escapeHtml(txt(b.caption, lang))}</caption>` : '';
  const note = b.note !== undefined ? `<p class="fig-note">${escapeHtml(t('note', lang))}: ${escapeHtml(txt(b.note, lang))}</p>` : '';
  const source = b.citation === false ? '' : sourceLine(dataset, simulated, lang);
  return `<div class="table-wrap"><table class="data grid">${caption}<thead>${head}</thead><tbody>
${body}
</tbody></table>${note}${source}</div>`;
}

function alignOf(align: 'left' | 'right' | 'center' | undefined, numeric: boolean): string {
  return `al-${align ?? (numeric ? 'right' : 'left')}`;
}

function renderTree(b: TreeBlock, ctx: Context): string {
  const { lang } = ctx;
  const digits = b.digits ?? 3;
  const rows: string[] = [];
  const walk = (nodes: readonly TreeNode[], depth: number) => {
    for (const n of nodes) {
      const w = n.weight;
      const bar =
        w !== undefined && Number.isFinite(w)
          ? `<span class="wbar"><span class="wfill" style="width:${Math.max(0, Math.min(1, w)) * 100}%"></span></span><span class="wnum">${escapeHtml(formatNumber(w, { digits }))}</span>`
          : '';
      rows.push(
        `<tr class="depth${Math.min(depth, 3)}"><td style="padding-left:${0.4 + depth * 1.4}em">${escapeHtml(txt(n.label, lang))}</td><td class="al-left">${bar}</td><td>${escapeHtml(txt(n.detail, lang))}</td></tr>`,
      );
      if (n.children) walk(n.children, depth + 1);
    }
  };
  walk(b.nodes, 0);
  const headers = b.headers ? `<thead><tr>${b.headers.map((h) => `<th class="al-left">${escapeHtml(txt(h, lang))}</th>`).join('')}</tr></thead>` : '';
  ctx.table++;
  const caption = b.caption !== undefined ? `<caption>${escapeHtml(t('table', lang))} ${ctx.table}. ${escapeHtml(txt(b.caption, lang))}</caption>` : '';
  return `<div class="table-wrap"><table class="tree">${caption}${headers}<tbody>
${rows.join('\n')}
</tbody></table></div>`;
}

function renderSources(datasets: readonly ReportDataset[], n: number, lang: Lang): string {
  const items = datasets
    .map((d) => {
      const cite = datasetText(d, 'citation', lang) ?? (d.simulated ? t('simulatedSource', lang) : '');
      const lic = datasetText(d, 'licence', lang);
      const licence = lic ? ` ${escapeHtml(t('licence', lang))}${lang === 'zh' ? '：' : ': '}${escapeHtml(lic)}${lang === 'zh' ? '。' : '.'}` : '';
      const sim = d.simulated ? ` <span class="badge sim">${escapeHtml(t('simulatedBadge', lang))}</span>` : '';
      return `<li><strong>${escapeHtml(datasetText(d, 'title', lang)!)}</strong> (<code>${escapeHtml(d.name)}</code>)${sim}. ${escapeHtml(cite)}${licence}</li>`;
    })
    .join('\n');
  return `<section id="sources">
<h2>${n}. ${escapeHtml(t('sources', lang))}</h2>
<ul class="sources">
${items}
</ul>
</section>`;
}

const CSS = `
:root{--ink:#222;--muted:#666;--rule:#d0d0d0;--accent:#0072B2;--sim:#b00020}
*{box-sizing:border-box}
body{margin:0 auto;max-width:1000px;padding:24px 28px 48px;color:var(--ink);background:#fff;
font:15px/1.55 Helvetica,Arial,'Noto Sans CJK SC','Source Han Sans SC','PingFang SC','Microsoft YaHei','Droid Sans Fallback',sans-serif}
h1{font-size:1.7em;margin:.2em 0 .1em}
h2{font-size:1.3em;margin:1.8em 0 .5em;padding-bottom:.2em;border-bottom:2px solid var(--ink)}
h3{font-size:1.08em;margin:1.4em 0 .4em}
h4{font-size:1em;margin:1.2em 0 .3em}
.subtitle{color:var(--muted);margin:0 0 .6em}
.datasets-head{margin:.6em 0 .2em;font-weight:bold}
ul.datasets{margin:0;padding-left:1.2em}
code{font-family:Menlo,Consolas,'DejaVu Sans Mono',monospace;font-size:.88em;background:#f4f4f4;padding:0 .25em;border-radius:2px}
nav{border:1px solid var(--rule);background:#fafafa;padding:.4em 1.2em .8em;margin:1.2em 0}
nav h2{border:0;margin:.4em 0;font-size:1.1em}
nav ol{margin:0;padding-left:1.2em;list-style:none}
nav a{color:var(--accent);text-decoration:none}
.badge{display:inline-block;font-size:.75em;font-weight:bold;padding:0 .45em;border-radius:3px;vertical-align:.1em}
.badge.sim{background:var(--sim);color:#fff}
.badge.real{background:#e8f1f8;color:#004a75}
.sim-banner{background:var(--sim);color:#fff;padding:.55em .9em;margin:.4em 0 1em;border-radius:3px;font-size:.95em}
section.simulated{border-left:4px solid var(--sim);padding-left:14px}
figure{margin:1.2em 0 1.6em;break-inside:avoid;page-break-inside:avoid}
figcaption{font-weight:bold;margin-bottom:.3em}
.chart svg{max-width:100%;height:auto;display:block}
.fig-note,.source{font-size:.85em;color:var(--muted);margin:.3em 0}
.table-wrap{overflow-x:auto;margin:1em 0 1.4em}
table{border-collapse:collapse;font-size:.9em;font-variant-numeric:tabular-nums}
caption{caption-side:top;text-align:left;font-weight:bold;padding-bottom:.4em}
table.data thead th{border-top:1.5px solid var(--ink);border-bottom:1px solid var(--ink);padding:.3em .6em;font-weight:bold}
table.data td{padding:.2em .6em;border-bottom:1px solid #eee}
table.data tbody tr:last-child td{border-bottom:1.5px solid var(--ink)}
table.grid thead tr:first-child th{border-bottom:none}
table.grid thead tr+tr th{font-weight:normal;font-style:italic}
table.grid td{border-bottom:none;padding:.1em .8em}
table.grid tr.muted td{color:#555;font-size:.92em;padding-bottom:.35em}
table.grid tr.rule td{border-top:1px solid var(--ink)}
table.tree th{border-bottom:1px solid var(--ink);padding:.3em .6em;text-align:left}
table.tree td{padding:.15em .6em;vertical-align:middle}
table.tree tr.depth0 td{font-weight:bold;border-top:1px solid var(--rule);padding-top:.4em}
table.tree tr.depth1 td:first-child{font-weight:600}
.wbar{display:inline-block;width:110px;height:.7em;background:#eef2f6;vertical-align:middle;margin-right:.5em}
.wfill{display:block;height:100%;background:var(--accent);-webkit-print-color-adjust:exact;print-color-adjust:exact}
.wnum{font-variant-numeric:tabular-nums}
.al-left{text-align:left}.al-right{text-align:right}.al-center{text-align:center}
.formula{margin:.8em 0 1.1em}
.formula-label{margin:0 0 .2em;font-weight:600}
.formula .display{text-align:center;margin:.3em 0;font-size:1.12em}
.where{font-size:.9em;color:#333;margin:.2em 0}
.math{font-family:'Times New Roman',Times,'DejaVu Serif','Noto Serif CJK SC',serif;white-space:nowrap}
.math i{font-style:italic}
.math .fn{font-style:normal;margin-right:.12em}
.math .op{margin:0 .22em}
.math .bigop{font-size:1.35em;vertical-align:-.12em;margin-right:.05em}
.math sub,.math sup{font-size:.72em;line-height:0}
.math .scripts{display:inline-flex;flex-direction:column;vertical-align:-.45em;font-size:.72em;line-height:1.05;margin-left:.05em}
.math .scripts sup,.math .scripts sub{font-size:1em;vertical-align:baseline;line-height:1.05}
.math .frac{display:inline-flex;flex-direction:column;vertical-align:middle;text-align:center;margin:0 .15em}
.math .frac .num{border-bottom:1px solid currentColor;padding:0 .2em}
.math .frac .den{padding:0 .2em}
.math .sqrt{border-top:1px solid currentColor;padding-top:.05em}
.math .bar{text-decoration:overline}
.notes{font-size:.88em;border:1px solid #e0c060;background:#fffbe8;padding:.4em .9em;margin:1em 0}
.notes-title{font-weight:bold;margin:.2em 0}
.notes ul{margin:.2em 0;padding-left:1.2em}
.note-level{font-size:.8em;text-transform:uppercase;color:#8a6d00;font-weight:bold}
ul.sources li{margin:.4em 0}
footer{margin-top:3em;border-top:1px solid var(--rule);padding-top:.6em;font-size:.85em;color:var(--muted)}
@media print{
body{max-width:none;padding:0;font-size:11pt}
nav{break-after:page;background:none}
nav a{color:var(--ink)}
h2{break-after:avoid}
.sim-banner,.badge.sim{-webkit-print-color-adjust:exact;print-color-adjust:exact}
section.simulated{border-left:none;padding-left:0}
.table-wrap{overflow:visible}
}
`;
