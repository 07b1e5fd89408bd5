/**
 * The one shape every publication table of nqpf takes before it is written: a title, header rows,
 * body rows of text cells (already formatted: digits, stars, parentheses) and the notes printed
 * below. The writers — plain text, Markdown, LaTeX (booktabs), CSV and Word (`docx.ts`, three-line
 * tables) — read only this shape, so a stage that can describe its table as a {@link PaperTable}
 * (or as a report `table`/`grid` block, converted by {@link paperTableFromBlock}) gets every format.
 *
 * To add a table of a new stage (DiD, efficiency, …): build a `PaperTable` in the stage's renderer
 * in src/report (never computing statistics there), or put a `table`/`grid` block in its report
 * section: `writeCommandOutputs` (src/cli/outputs.ts) turns every such block of `--out` into
 * `tables.docx`, and `docxTables` (src/report/docx.ts) writes any list of them, in Node or a browser.
 */
import type { Lang } from '../core/label.js';
import { formatCsv } from '../data/csv.js';
import {
  datasetText,
  type Block,
  type GridBlock,
  type ReportDataset,
  type TableBlock,
  type TreeBlock,
  type TreeNode,
} from './blocks.js';
import { txt } from './charts/theme.js';
import { formatNumber } from './html.js';
import { cellText } from './render-blocks.js';
import { t as term } from './i18n.js';
import { latexEscape, type RegressionTable } from './regression-table.js';

/** One body row of a {@link PaperTable}. */
export interface PaperRow {
  readonly cells: readonly string[];
  /** A secondary row (standard errors in parentheses): written smaller where the format allows. */
  readonly muted?: boolean;
}

/** A publication table: title above, header rows, body, notes below (see the module comment). */
export interface PaperTable {
  /** Title without its number ("Descriptive statistics"); writers add "Table k" / "表 k". */
  readonly title: string;
  /** Header rows (at least one), each as wide as the body rows. */
  readonly header: readonly (readonly string[])[];
  readonly rows: readonly PaperRow[];
  /** Notes printed under the table, one paragraph each (star legend, SE type, FE, source). */
  readonly notes: readonly string[];
  /** Alignment of each column; default: the first left, the others numbers (decimal-aligned in Word). */
  readonly align?: readonly ('left' | 'center' | 'number')[];
}

/** Width (columns) of a table: the widest of its header and body rows. */
export function paperTableWidth(t: PaperTable): number {
  return Math.max(...t.header.map((r) => r.length), ...t.rows.map((r) => r.cells.length), 1);
}

/** The alignment of column `j` of `t`. */
export function columnAlign(t: PaperTable, j: number): 'left' | 'center' | 'number' {
  return t.align?.[j] ?? (j === 0 ? 'left' : 'number');
}

/** A regression table ({@link RegressionTable}, the regress stage's model) as a paper table. */
export function paperTableFromRegression(
  table: RegressionTable,
  title: string,
  notes: readonly string[] = [],
): PaperTable {
  return {
    title,
    header: table.header,
    rows: table.rows.map((r) => ({ cells: r.cells, muted: r.kind === 'se' })),
    notes: [table.note, ...notes].filter((n) => n !== ''),
  };
}

/**
 * A report `table` block (columns with number formats) or `grid` block (text cells, e.g. a
 * regression table) as a paper table in `lang`, formatted as the HTML report formats it. Other
 * blocks give undefined.
 */
export function paperTableFromBlock(b: Block, lang: Lang): PaperTable | undefined {
  if (b.kind === 'table') return fromTableBlock(b, lang);
  if (b.kind === 'grid') return fromGridBlock(b, lang);
  if (b.kind === 'tree') return fromTreeBlock(b, lang);
  return undefined;
}

/** A tree (an indicator framework with weights) as a table: names indented by depth, weight, detail. */
function fromTreeBlock(b: TreeBlock, lang: Lang): PaperTable {
  const digits = b.digits ?? 3;
  const rows: PaperRow[] = [];
  const walk = (nodes: readonly TreeNode[], depth: number) => {
    for (const n of nodes) {
      rows.push({
        cells: [
          '\u3000'.repeat(depth) + txt(n.label, lang),
          n.weight !== undefined && Number.isFinite(n.weight) ? formatNumber(n.weight, { digits }) : '',
          n.detail !== undefined ? txt(n.detail, lang) : '',
        ],
      });
      if (n.children) walk(n.children, depth + 1);
    }
  };
  walk(b.nodes, 0);
  const head = b.headers
    ? [txt(b.headers[0], lang), txt(b.headers[1], lang), b.headers[2] !== undefined ? txt(b.headers[2], lang) : '']
    : lang === 'zh'
      ? ['名称', '权重', '说明']
      : ['Name', 'Weight', 'Detail'];
  return {
    title: b.caption !== undefined ? txt(b.caption, lang) : '',
    header: [head],
    rows,
    notes: [],
    align: ['left', 'number', 'left'],
  };
}

/**
 * A table given as rows of values (first row = header), as the CSV/XLSX writers take them, as a paper
 * table: numbers with `digits` decimals, text as it is, empty cells empty.
 */
export function paperTableFromRows(
  title: string,
  rows: readonly (readonly unknown[])[],
  options: { readonly digits?: number; readonly notes?: readonly string[] } = {},
): PaperTable {
  const cell = (v: unknown) =>
    typeof v === 'number'
      ? formatNumber(v, { digits: options.digits ?? 3 })
      : v === null || v === undefined
        ? ''
        : String(v);
  return {
    title,
    header: [rows[0]?.map((v) => String(v ?? '')) ?? []],
    rows: rows.slice(1).map((r) => ({ cells: r.map(cell) })),
    notes: options.notes ?? [],
  };
}

function fromTableBlock(b: TableBlock, lang: Lang): PaperTable {
  const numeric = b.columns.map((c) => c.format !== undefined || b.rows.some((r) => typeof r[c.key] === 'number'));
  return {
    title: b.caption !== undefined ? txt(b.caption, lang) : '',
    header: [b.columns.map((c) => txt(c.label, lang))],
    rows: b.rows.map((r) => ({
      cells: b.columns.map((c, j) => {
        const v = r[c.key];
        return typeof v === 'number' || (v === null && numeric[j])
          ? formatNumber(v as number | null, c.format)
          : cellText(v, lang);
      }),
    })),
    notes: b.note !== undefined ? [txt(b.note, lang)] : [],
    align: b.columns.map((c, j) =>
      c.align === 'center' ? 'center' : numeric[j] && c.align !== 'left' ? 'number' : j === 0 ? 'left' : 'center',
    ),
  };
}

function fromGridBlock(b: GridBlock, lang: Lang): PaperTable {
  return {
    title: b.caption !== undefined ? txt(b.caption, lang) : '',
    header: b.header.map((r) => r.map((c) => txt(c, lang))),
    rows: b.rows.map((r) => ({ cells: r.cells.map((c) => txt(c, lang)), muted: r.style === 'muted' })),
    notes: b.note !== undefined ? [txt(b.note, lang)] : [],
  };
}

/** A paper table as a report `grid` block (the HTML report shows it as the other tables). */
export function paperTableBlock(t: PaperTable): GridBlock {
  return {
    kind: 'grid',
    header: t.header,
    rows: t.rows.map((r) => ({ cells: r.cells, ...(r.muted ? { style: 'muted' as const } : {}) })),
    caption: t.title || undefined,
    note: t.notes.length ? t.notes.join(' ') : undefined,
  };
}

/** Display width of a string in a monospace terminal (CJK and full-width characters count 2). */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    w +=
      (c >= 0x1100 && c <= 0x115f) ||
      (c >= 0x2e80 && c <= 0xa4cf) ||
      (c >= 0xac00 && c <= 0xd7a3) ||
      (c >= 0xf900 && c <= 0xfaff) ||
      (c >= 0xfe30 && c <= 0xfe4f) ||
      (c >= 0xff00 && c <= 0xff60) ||
      (c >= 0xffe0 && c <= 0xffe6) ||
      c >= 0x20000
        ? 2
        : 1;
  }
  return w;
}

/** Plain text for the console: columns padded (labels left, numbers right), rules of dashes, notes below. */
export function paperTableText(t: PaperTable): string {
  const width = paperTableWidth(t);
  const all = [...t.header, ...t.rows.map((r) => r.cells)];
  const w = Array.from({ length: width }, (_, j) => Math.max(...all.map((r) => displayWidth(r[j] ?? ''))));
  const pad = (s: string, j: number) => {
    const gap = ' '.repeat(w[j] - displayWidth(s));
    return columnAlign(t, j) === 'left' ? s + gap : gap + s;
  };
  const line = (cells: readonly string[]) =>
    Array.from({ length: width }, (_, j) => pad(cells[j] ?? '', j))
      .join('  ')
      .trimEnd();
  const total = w.reduce((a, b) => a + b, 0) + 2 * (width - 1);
  const rule = '-'.repeat(total);
  const out = [
    t.title,
    rule,
    ...t.header.map(line),
    rule,
    ...t.rows.map((r) => line(r.cells)),
    rule,
    ...t.notes,
  ].filter((s, k) => k > 0 || s !== '');
  return out.join('\n') + '\n';
}

/** GitHub-flavoured Markdown: the title in bold above, the header rows, the notes as paragraphs below. */
export function paperTableMarkdown(t: PaperTable): string {
  const width = paperTableWidth(t);
  const esc = (s: string) => s.replace(/\|/g, '\\|');
  const line = (cells: readonly string[]) =>
    `| ${Array.from({ length: width }, (_, j) => esc(cells[j] ?? '')).join(' | ')} |`;
  const sep = `|${Array.from({ length: width }, (_, j) => (columnAlign(t, j) === 'left' ? ':--' : ':-:')).join('|')}|`;
  const [first, ...rest] = t.header;
  const out = [line(first ?? []), sep, ...rest.map(line), ...t.rows.map((r) => line(r.cells))];
  return `${t.title ? `**${esc(t.title)}**\n\n` : ''}${out.join('\n')}\n${t.notes.length ? `\n${t.notes.join('\n\n')}\n` : ''}`;
}

/** {@link latexEscape} of the regression tables, with the typeset minus U+2212 as a math minus. */
function texText(s: string): string {
  return latexEscape(s).replace(/\u2212/g, '$-$');
}

function latexCell(s: string): string {
  const m = /^([-\u2212]?)([\d.,]+)(\**)$/.exec(s);
  if (m) return `${m[1] ? '$-$' : ''}${m[2]}${m[3] ? `$^{${m[3]}}$` : ''}`;
  return texText(s);
}

/** LaTeX `table` with a `tabular` and booktabs rules (the three-line table of LaTeX), title as caption. */
export function paperTableLatex(t: PaperTable): string {
  const width = paperTableWidth(t);
  const row = (cells: readonly string[]) =>
    `${Array.from({ length: width }, (_, j) => latexCell(cells[j] ?? '')).join(' & ')} \\\\`;
  const spec = Array.from({ length: width }, (_, j) => (columnAlign(t, j) === 'left' ? 'l' : 'c')).join('');
  return [
    '\\begin{table}[htbp]',
    '\\centering',
    ...(t.title ? [`\\caption{${texText(t.title)}}`] : []),
    `\\begin{tabular}{${spec}}`,
    '\\toprule',
    ...t.header.map(row),
    '\\midrule',
    ...t.rows.map((r) => row(r.cells)),
    '\\bottomrule',
    '\\end{tabular}',
    ...t.notes.map((n) => `\\par\\footnotesize ${texText(n)}`),
    '\\end{table}',
    '',
  ].join('\n');
}

/** All cells as one grid (title row, header rows, body, one row per note) for CSV and XLSX. */
export function paperTableGrid(t: PaperTable): string[][] {
  const width = paperTableWidth(t);
  const full = (cells: readonly string[]) => Array.from({ length: width }, (_, j) => cells[j] ?? '');
  return [
    ...(t.title ? [full([t.title])] : []),
    ...t.header.map(full),
    ...t.rows.map((r) => full(r.cells)),
    ...t.notes.map((n) => full([n])),
  ];
}

/** CSV (RFC 4180 quoting, LF line ends) of {@link paperTableGrid}. */
export function paperTableCsv(t: PaperTable): string {
  return formatCsv(paperTableGrid(t), { eol: '\n' });
}

/**
 * The source line printed under a table: the dataset's citation, or for simulated data the sentence
 * saying so, marked "simulated" (simulated data are labelled wherever they appear). Undefined for a
 * user's file without a citation.
 */
export function sourceNote(d: ReportDataset, lang: Lang): string | undefined {
  const cite = datasetText(d, 'citation', lang);
  if (!cite && !d.simulated) return undefined;
  const text = cite ?? term('simulatedSource', lang);
  const sim = d.simulated
    ? lang === 'zh'
      ? `（${term('simulatedBadge', lang)}）`
      : ` (${term('simulatedBadge', lang)})`
    : '';
  return `${term('source', lang)}${lang === 'zh' ? '：' : ': '}${text}${sim}`;
}
