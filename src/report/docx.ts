/**
 * Word (.docx) documents of publication tables, as Chinese journals and theses set them: three-line
 * tables (三线表) — a 1.5 pt rule above the header, a 0.75 pt rule under it, a 1.5 pt rule under the
 * body, no vertical lines — with the numbered title above ("Table 1 …" / "表 1 …"), the notes below
 * (stars, standard errors, fixed effects, source), numbers aligned on their decimal point, in
 * Times New Roman for Latin text and SimSun (宋体) for Chinese, 10.5 pt (五号). Built with the `docx`
 * package (no Node API: the same code writes the file in the workbench).
 *
 * Any table that can be given as a {@link PaperTable} can be written: see src/report/paper-table.ts.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Packer,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TabStopType,
  TextRun,
  VerticalAlign,
  WidthType,
  type IBorderOptions,
  type ISectionOptions,
} from 'docx';
import type { Lang } from '../core/label.js';
import { columnAlign, displayWidth, paperTableWidth, type PaperTable } from './paper-table.js';

/** Fonts and sizes of the tables (half-points for sizes, as Word stores them). */
export const DOCX_STYLE = {
  /** Latin text and digits. */
  latinFont: 'Times New Roman',
  /** Chinese text (宋体). */
  eastAsiaFont: 'SimSun',
  /** 10.5 pt (五号), the body size of Chinese journals' tables. */
  size: 21,
  /** 9 pt (小五) for the notes under a table. */
  noteSize: 18,
  /** Rule widths in eighths of a point: top and bottom 1.5 pt, the header rule 0.75 pt. */
  outerRule: 12,
  headerRule: 6,
} as const;

/** Options of {@link docxTables}. */
export interface DocxOptions {
  readonly lang?: Lang;
  /** A heading printed above the first table (e.g. "nqpf describe: china-sim"). */
  readonly heading?: string;
  /** Number of the first table (default 1). */
  readonly firstNumber?: number;
}

// A4 with 2.54 cm margins, in twentieths of a point (twips).
const PAGE = { width: 11906, height: 16838, margin: 1440 };
const CELL_MARGIN = 80;
/** Approximate advance of one display column (half an em of 10.5 pt) in twips. */
const CHAR = 105;

const font = {
  ascii: DOCX_STYLE.latinFont,
  hAnsi: DOCX_STYLE.latinFont,
  cs: DOCX_STYLE.latinFont,
  eastAsia: DOCX_STYLE.eastAsiaFont,
};
const rule = (size: number): IBorderOptions => ({ style: BorderStyle.SINGLE, size, color: '000000' });
const none: IBorderOptions = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };

/** "Table 3" / "表3" before a title. */
export function tableLabel(k: number, lang: Lang): string {
  return lang === 'zh' ? `表${k}` : `Table ${k}`;
}

/**
 * Does a cell start with a decimal number (possibly signed, in parentheses or brackets)? Those are
 * aligned on their decimal point; whole numbers (N, a diagonal 1) and words (Yes/No) are centred.
 */
function isNumberCell(s: string): boolean {
  return /^[([]?[-\u2212+]?(\d[\d,]*)?\.\d/.test(s.trim());
}

/** The widths (display columns) left and right of the decimal point of a number cell. */
function decimalParts(s: string): [number, number] {
  const t = s.trim();
  const m = /^[([]?[-\u2212+]?[\d,]*/.exec(t)!;
  const left = m[0].length;
  return [displayWidth(t.slice(0, left)), displayWidth(t.slice(left))];
}

/** Width (twips) column `j` needs, its text wrapping after `wrap` display columns. */
function columnNeed(t: PaperTable, j: number, wrap: number): number {
  const widest = Math.max(...[...t.header, ...t.rows.map((r) => r.cells)].map((r) => displayWidth(r[j] ?? '')), 1);
  return Math.min(wrap, widest) * CHAR + 2 * CELL_MARGIN;
}

/** Column widths in twips filling `textWidth`, in proportion to what each column needs (long text wraps). */
function columnWidths(t: PaperTable, width: number, textWidth: number): number[] {
  const need = Array.from({ length: width }, (_, j) => columnNeed(t, j, WRAP));
  const total = need.reduce((a, b) => a + b, 0);
  const widths = need.map((w) => Math.floor((w * textWidth) / total));
  widths[0] += textWidth - widths.reduce((a, b) => a + b, 0);
  return widths;
}

/** Width a table needs (twips): more than the portrait page's text width (with 10% to spare) → landscape. */
function naturalWidth(t: PaperTable, width: number): number {
  let w = 0;
  for (let j = 0; j < width; j++) w += columnNeed(t, j, WRAP);
  return w;
}

/** Display columns after which a cell's text wraps (8 Chinese characters). */
const WRAP = 16;

function run(text: string, size: number = DOCX_STYLE.size, bold = false): TextRun {
  return new TextRun({ text, font, size, bold });
}

function cellParagraph(text: string, align: 'left' | 'center' | 'number', tab: number | undefined): Paragraph {
  const spacing = { before: 0, after: 0, line: 240 };
  // A decimal tab stop in a table cell aligns the cell's text on its decimal point by itself (Word,
  // WPS and LibreOffice alike); a tab character before the text would make LibreOffice align it left.
  if (align === 'number' && tab !== undefined && isNumberCell(text))
    return new Paragraph({
      children: [run(text.trim())],
      tabStops: [{ type: TabStopType.DECIMAL, position: tab }],
      alignment: AlignmentType.LEFT,
      spacing,
    });
  return new Paragraph({
    children: [run(text)],
    alignment: align === 'left' ? AlignmentType.LEFT : AlignmentType.CENTER,
    spacing,
  });
}

function tableOf(t: PaperTable, textWidth: number): Table {
  const width = paperTableWidth(t);
  const widths = columnWidths(t, width, textWidth);
  // Decimal tab per number column: the widest integer and fractional parts centred in the cell.
  const tabs = widths.map((w, j) => {
    if (columnAlign(t, j) !== 'number') return undefined;
    let L = 0;
    let R = 0;
    for (const r of t.rows) {
      const s = r.cells[j] ?? '';
      if (!isNumberCell(s)) continue;
      const [l, rr] = decimalParts(s);
      L = Math.max(L, l);
      R = Math.max(R, rr);
    }
    const inner = w - 2 * CELL_MARGIN;
    return Math.max(0, Math.round((inner - (L + R) * CHAR) / 2 + L * CHAR));
  });
  const nh = t.header.length;
  const rows: TableRow[] = [];
  const lastBody = t.rows.length - 1;
  const mk = (cells: readonly string[], k: number, header: boolean) =>
    new TableRow({
      tableHeader: header,
      cantSplit: true,
      children: Array.from({ length: width }, (_, j) => {
        const text = cells[j] ?? '';
        const align = header ? (j === 0 ? 'left' : 'center') : columnAlign(t, j);
        return new TableCell({
          width: { size: widths[j], type: WidthType.DXA },
          verticalAlign: VerticalAlign.CENTER,
          margins: { left: CELL_MARGIN, right: CELL_MARGIN, top: 20, bottom: 20 },
          borders: {
            top: header && k === 0 ? rule(DOCX_STYLE.outerRule) : none,
            bottom:
              header && k === nh - 1
                ? rule(DOCX_STYLE.headerRule)
                : !header && k === lastBody
                  ? rule(DOCX_STYLE.outerRule)
                  : none,
            left: none,
            right: none,
          },
          children: [cellParagraph(text, align, header ? undefined : tabs[j])],
        });
      }),
    });
  t.header.forEach((r, k) => rows.push(mk(r, k, true)));
  t.rows.forEach((r, k) => rows.push(mk(r.cells, k, false)));
  return new Table({
    rows,
    width: { size: textWidth, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    alignment: AlignmentType.CENTER,
    borders: {
      top: rule(DOCX_STYLE.outerRule),
      bottom: rule(DOCX_STYLE.outerRule),
      left: none,
      right: none,
      insideHorizontal: none,
      insideVertical: none,
    },
  });
}

/** The paragraphs and table of one paper table: numbered title, the table, its notes. */
function tableBlock(t: PaperTable, k: number, lang: Lang, textWidth: number): (Paragraph | Table)[] {
  const title = `${tableLabel(k, lang)}${lang === 'zh' ? '\u3000' : '  '}${t.title}`.trim();
  const out: (Paragraph | Table)[] = [
    new Paragraph({
      children: [run(title, DOCX_STYLE.size, true)],
      alignment: AlignmentType.CENTER,
      keepNext: true,
      spacing: { before: 240, after: 120 },
    }),
    tableOf(t, textWidth),
  ];
  t.notes.forEach((n, i) => {
    const prefix = i === 0 ? (lang === 'zh' ? '注：' : 'Note: ') : '';
    out.push(
      new Paragraph({
        children: [run(`${prefix}${n}`, DOCX_STYLE.noteSize)],
        alignment: AlignmentType.LEFT,
        spacing: { before: i === 0 ? 60 : 0, after: 0 },
      }),
    );
  });
  out.push(new Paragraph({ children: [], spacing: { after: 240 } }));
  return out;
}

/**
 * A Word document of `tables`, numbered from `firstNumber`, as the bytes of a .docx file. Tables too
 * wide for a portrait A4 page go to a landscape section. Runs in Node and in a browser.
 */
export async function docxTables(tables: readonly PaperTable[], options: DocxOptions = {}): Promise<Uint8Array> {
  const lang = options.lang ?? 'en';
  const portraitText = PAGE.width - 2 * PAGE.margin;
  const landscapeText = PAGE.height - 2 * PAGE.margin;
  const sections: ISectionOptions[] = [];
  let current: { landscape: boolean; children: (Paragraph | Table)[] } | undefined;
  const flush = () => {
    if (!current) return;
    sections.push({
      properties: {
        page: {
          // Portrait dimensions in both cases: docx swaps them for a landscape section.
          size: {
            width: PAGE.width,
            height: PAGE.height,
            orientation: current.landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
          },
          margin: { top: PAGE.margin, bottom: PAGE.margin, left: PAGE.margin, right: PAGE.margin },
        },
      },
      children: current.children,
    });
  };
  const head: Paragraph[] = options.heading
    ? [
        new Paragraph({
          children: [run(options.heading, 24, true)],
          alignment: AlignmentType.CENTER,
          spacing: { after: 240 },
        }),
      ]
    : [];
  let k = options.firstNumber ?? 1;
  for (const t of tables) {
    const landscape = naturalWidth(t, paperTableWidth(t)) > portraitText * 1.1;
    if (!current || current.landscape !== landscape) {
      flush();
      current = { landscape, children: [] };
    }
    current.children.push(...tableBlock(t, k++, lang, landscape ? landscapeText : portraitText));
  }
  if (!current) current = { landscape: false, children: [] };
  current.children.unshift(...(sections.length === 0 ? head : []));
  if (sections.length > 0 && head.length)
    sections[0] = { ...sections[0], children: [...head, ...sections[0].children] };
  flush();
  const doc = new Document({
    creator: 'nqpf',
    title: options.heading ?? (lang === 'zh' ? '表格' : 'Tables'),
    styles: {
      default: {
        document: {
          run: { font, size: DOCX_STYLE.size },
          paragraph: { spacing: { before: 0, after: 0 } },
        },
      },
    },
    sections,
  });
  return new Uint8Array(await Packer.toArrayBuffer(doc));
}
