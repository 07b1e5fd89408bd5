import { labelText, type Lang } from '../core/label.js';
import type { Note } from '../core/notes.js';
import type { DatasetMetaZh } from '../data/panel.js';
import type { Text } from './charts/theme.js';
import type { NumberFormat } from './html.js';

/** A heading inside a section (the section title is the h2). */
export interface HeadingBlock {
  readonly kind: 'heading';
  readonly text: Text;
  readonly level?: 3 | 4;
}

/** A paragraph of plain text; with `math: true`, `$…$` spans are rendered as formulas. */
export interface ParagraphBlock {
  readonly kind: 'paragraph';
  readonly text: Text;
  readonly math?: boolean;
}

/** A bulleted list; with `math: true`, `$…$` spans are rendered as formulas. */
export interface ListBlock {
  readonly kind: 'list';
  readonly items: readonly Text[];
  readonly math?: boolean;
}

/** An SVG chart from src/report/charts with its caption. */
export interface FigureBlock {
  readonly kind: 'figure';
  /** A complete `<svg>…</svg>` string as returned by a chart function. */
  readonly svg: string;
  readonly caption: Text;
  readonly note?: Text;
  /** Print the section's dataset citation under the figure (default true). */
  readonly citation?: boolean;
}

/** A column of a {@link TableBlock}. */
export interface TableColumn {
  /** Key of the cell in each row. */
  readonly key: string;
  readonly label: Text;
  /** Number format for numeric cells (text cells are printed as they are). */
  readonly format?: NumberFormat;
  readonly align?: 'left' | 'right' | 'center';
}

/** A table cell: text, a number (formatted by the column), a bilingual label, or empty. */
export type Cell = string | number | null | undefined | { readonly en: string; readonly zh?: string };

/** A table from a {columns, rows} spec. */
export interface TableBlock {
  readonly kind: 'table';
  readonly columns: readonly TableColumn[];
  readonly rows: readonly Readonly<Record<string, Cell>>[];
  readonly caption?: Text;
  readonly note?: Text;
  readonly citation?: boolean;
}

/** A displayed formula in the TeX subset of {@link texToHtml}. */
export interface FormulaBlock {
  readonly kind: 'formula';
  readonly tex: string;
  /** What the formula is, e.g. "Min-max normalisation (benefit indicator)". */
  readonly label?: Text;
  /** Explanation of the symbols; `$…$` spans are rendered as formulas. */
  readonly where?: Text;
}

/** A node of a {@link TreeBlock}. */
export interface TreeNode {
  readonly label: Text;
  /** A share in [0, 1], drawn as a bar and printed. */
  readonly weight?: number;
  /** Extra text such as direction and unit. */
  readonly detail?: Text;
  readonly children?: readonly TreeNode[];
}

/** An indented tree with weight bars, e.g. an indicator framework. */
export interface TreeBlock {
  readonly kind: 'tree';
  readonly nodes: readonly TreeNode[];
  readonly caption?: Text;
  /** Column headers: name, weight, detail. */
  readonly headers?: readonly [Text, Text, Text?];
  readonly digits?: number;
}

/** A row of a {@link GridBlock}. */
export interface GridRow {
  readonly cells: readonly Text[];
  /** `muted`: smaller grey text (standard errors); `rule`: a thin rule above (first FE or statistic row). */
  readonly style?: 'muted' | 'rule';
}

/**
 * A pre-formatted table of text cells (first column = row labels), e.g. a regression table with
 * coefficients, standard errors in parentheses, fixed-effect and statistic rows.
 */
export interface GridBlock {
  readonly kind: 'grid';
  readonly header: readonly (readonly Text[])[];
  readonly rows: readonly GridRow[];
  readonly caption?: Text;
  readonly note?: Text;
  readonly citation?: boolean;
}

/** Warnings and records attached to a result. */
export interface NotesBlock {
  readonly kind: 'notes';
  readonly notes: readonly Note[];
  readonly title?: Text;
}

/** Content of a report section. */
export type Block =
  | HeadingBlock
  | ParagraphBlock
  | ListBlock
  | FigureBlock
  | TableBlock
  | GridBlock
  | FormulaBlock
  | TreeBlock
  | NotesBlock;

/** One section of the report (an h2 with its blocks). */
export interface ReportSection {
  /** Anchor id; letters, digits, '-' and '_' only, unique within the report. */
  readonly id: string;
  readonly title: Text;
  /** The dataset the section shows: its citation is printed, and its `simulated` flag gives the banner. */
  readonly datasetName?: string;
  /** Force the SIMULATED banner (default: the dataset's flag). */
  readonly simulated?: boolean;
  readonly blocks: readonly Block[];
}

/** A dataset shown in the report. */
export interface ReportDataset {
  readonly name: string;
  readonly title?: Text;
  readonly simulated: boolean;
  readonly citation?: string;
  readonly licence?: string;
  /** Chinese title, citation and licence, used when the report is in Chinese. */
  readonly zh?: DatasetMetaZh;
}

/** A dataset's title, citation or licence in `lang` (the Chinese form where one is given). */
export function datasetText(
  d: {
    readonly name: string;
    readonly title?: Text;
    readonly citation?: string;
    readonly licence?: string;
    readonly zh?: DatasetMetaZh;
  },
  field: 'title' | 'citation' | 'licence',
  lang: Lang,
): string | undefined {
  const zh = lang === 'zh' ? d.zh?.[field] : undefined;
  if (zh) return zh;
  if (field === 'title') return labelText(d.title ?? d.name, lang);
  return d[field];
}
