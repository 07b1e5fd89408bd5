/**
 * HTML of the report's blocks (headings, paragraphs, figures, tables, grids, formulas, trees, notes),
 * each with its number and source line.
 */
import type { Lang } from '../core/label.js';
import {
  datasetText,
  type Block,
  type FigureBlock,
  type GridBlock,
  type ReportDataset,
  type TableBlock,
  type TreeBlock,
  type TreeNode,
} from './blocks.js';
import { txt, type Text } from './charts/theme.js';
import { texToHtml, textWithMath } from './formula.js';
import { escapeHtml, formatNumber } from './html.js';
import { noteLevelText, noteText, t } from './i18n.js';
import { NOTE_LABELS } from './note-labels.js';
import { checkSvg, embedSvg } from './svg-embed.js';

/** Running state of one document: language and the figure and table counters. */
export interface Context {
  readonly lang: Lang;
  figure: number;
  table: number;
}

/** The "Source: …" line under a figure or table (empty without a dataset). */
export function sourceLine(dataset: ReportDataset | undefined, simulated: boolean, lang: Lang): string {
  if (!dataset) return '';
  const text =
    datasetText(dataset, 'citation', lang) ??
    (simulated ? t('simulatedSource', lang) : datasetText(dataset, 'title', lang)!);
  const sim = simulated ? ` <span class="badge sim">${escapeHtml(t('simulatedBadge', lang))}</span>` : '';
  return `<p class="source">${escapeHtml(t('source', lang))}: ${escapeHtml(text)}${sim}</p>`;
}

/** HTML of one block of a section; numbers figures and tables through `ctx`. */
export function renderBlock(b: Block, dataset: ReportDataset | undefined, simulated: boolean, ctx: Context): string {
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
      const items = b.notes
        .map(
          (n) =>
            `<li class="${n.level}"><span class="note-level">${escapeHtml(noteLevelText(n.level, lang))}</span> <strong>${escapeHtml(txt(NOTE_LABELS[n.code] ?? n.code, lang))}</strong> <code>${escapeHtml(n.code)}</code> ${escapeHtml(noteText(n, lang))}</li>`,
        )
        .join('');
      return `<div class="notes"><p class="notes-title">${escapeHtml(b.title !== undefined ? txt(b.title, lang) : t('warnings', lang))}</p><ul>${items}</ul></div>`;
    }
  }
}

function renderFigure(b: FigureBlock, dataset: ReportDataset | undefined, simulated: boolean, ctx: Context): string {
  checkSvg(b.svg);
  ctx.figure++;
  const unique = embedSvg(b.svg, `fig${ctx.figure}`);
  const note =
    b.note !== undefined
      ? `<p class="fig-note">${escapeHtml(t('note', ctx.lang))}: ${escapeHtml(txt(b.note, ctx.lang))}</p>`
      : '';
  const source = b.citation === false ? '' : sourceLine(dataset, simulated, ctx.lang);
  return `<figure>
<figcaption>${escapeHtml(t('figure', ctx.lang))} ${ctx.figure}. ${escapeHtml(txt(b.caption, ctx.lang))}</figcaption>
<div class="chart">${unique}</div>
${note}${source}
</figure>`;
}

/** The text of a table cell: a label in `lang`, a string, '' for null/undefined. */
export function cellText(v: unknown, lang: Lang): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object') return txt(v as Text, lang);
  return String(v);
}

/** The numbered `<caption>` of a table (empty without a caption); `ctx.table` already counts it. */
function tableCaption(caption: Text | undefined, ctx: Context): string {
  return caption !== undefined
    ? `<caption>${escapeHtml(t('table', ctx.lang))} ${ctx.table}. ${escapeHtml(txt(caption, ctx.lang))}</caption>`
    : '';
}

/** The note and source line under a table or grid. */
function tableFooter(
  b: { readonly note?: Text; readonly citation?: boolean },
  dataset: ReportDataset | undefined,
  simulated: boolean,
  lang: Lang,
): string {
  const note =
    b.note !== undefined
      ? `<p class="fig-note">${escapeHtml(t('note', lang))}: ${escapeHtml(txt(b.note, lang))}</p>`
      : '';
  const source = b.citation === false ? '' : sourceLine(dataset, simulated, lang);
  return `${note}${source}`;
}

function renderTable(b: TableBlock, dataset: ReportDataset | undefined, simulated: boolean, ctx: Context): string {
  const { lang } = ctx;
  ctx.table++;
  const head = b.columns
    .map((c) => `<th class="${alignOf(c.align, c.format !== undefined)}">${escapeHtml(txt(c.label, lang))}</th>`)
    .join('');
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
  const caption = tableCaption(b.caption, ctx);
  const footer = tableFooter(b, dataset, simulated, lang);
  return `<div class="table-wrap"><table class="data">${caption}<thead><tr>${head}</tr></thead><tbody>
${rows}
</tbody></table>${footer}</div>`;
}

function renderGrid(b: GridBlock, dataset: ReportDataset | undefined, simulated: boolean, ctx: Context): string {
  const { lang } = ctx;
  ctx.table++;
  const row = (cells: readonly Text[], tag: 'th' | 'td') =>
    cells
      .map((c, j) => `<${tag} class="${j === 0 ? 'al-left' : 'al-center'}">${escapeHtml(txt(c, lang))}</${tag}>`)
      .join('');
  const head = b.header.map((r) => `<tr>${row(r, 'th')}</tr>`).join('');
  const body = b.rows.map((r) => `<tr${r.style ? ` class="${r.style}"` : ''}>${row(r.cells, 'td')}</tr>`).join('\n');
  const caption = tableCaption(b.caption, ctx);
  const footer = tableFooter(b, dataset, simulated, lang);
  return `<div class="table-wrap"><table class="data grid">${caption}<thead>${head}</thead><tbody>
${body}
</tbody></table>${footer}</div>`;
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
  const headers = b.headers
    ? `<thead><tr>${b.headers.map((h) => `<th class="al-left">${escapeHtml(txt(h, lang))}</th>`).join('')}</tr></thead>`
    : '';
  ctx.table++;
  const caption = tableCaption(b.caption, ctx);
  return `<div class="table-wrap"><table class="tree">${caption}${headers}<tbody>
${rows.join('\n')}
</tbody></table></div>`;
}
