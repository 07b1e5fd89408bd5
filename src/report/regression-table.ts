import { InputError } from '../core/errors.js';
import { labelText, type Label, type Lang } from '../core/label.js';
import { STAR_LEVELS, starLegend, starsFor } from '../core/significance.js';
import { formatCsv } from '../data/csv.js';
import type { TableModel } from '../explain/table-model.js';
import { esttabNumber, fixedNumber } from './number-format.js';

export type { TableModel } from '../explain/table-model.js';

/** Options of {@link regressionTable}. */
export interface TableOptions {
  /**
   * Precision of coefficients and standard errors, esttab's `a#` format ({@link esttabNumber}): `digits`
   * significant decimals below 1 (never `0.000` for a nonzero value), at least `digits` + 1 significant
   * digits above; R² rows get `digits` fixed decimals. Default 3 (esttab's `a3`, `r2(%9.3f)`).
   */
  readonly digits?: number;
  /** Star thresholds, most lenient first (default {@link STAR_LEVELS}: *, **, *** at 0.1, 0.05, 0.01). */
  readonly stars?: readonly number[];
  /** Terms to show, in this order (default: every term in order of first appearance). */
  readonly keep?: readonly string[];
  /** Terms to hide (e.g. controls summarised by an extra row). */
  readonly drop?: readonly string[];
  /** Display labels of terms and FE names. */
  readonly labels?: Readonly<Record<string, string>>;
  /** Show R² and within R² rows (default true when any model has them). */
  readonly r2?: boolean;
  /** Language of the row labels (FE, Yes/No, N, R²) and of the note; default English. */
  readonly lang?: Lang;
  /** Column titles, one per model (overrides each model's `title`); an empty string leaves a column untitled. */
  readonly titles?: readonly string[];
  /** Further sentences of the note (e.g. a test of the difference between groups), in `lang`. */
  readonly notes?: readonly string[];
}

/** What a row of a {@link RegressionTable} holds (renderers rule a line above the first non-coefficient row). */
export type RegressionRowKind = 'coef' | 'se' | 'fe' | 'stat' | 'extra';

/** What a header row of a {@link RegressionTable} holds. */
export type RegressionHeaderKind = 'number' | 'title' | 'depvar';

/**
 * A regression table as a grid of text cells with the kind of each row: the data structure every
 * renderer (Markdown, LaTeX, CSV/XLSX grid, the HTML report, Word) draws without computing anything.
 * Every row (header and body) has the same number of cells: the label column, then one per model.
 */
export interface RegressionTable {
  /**
   * Header rows, in order: the model numbers `(1)`, `(2)`, …; the column titles (only when a model
   * has one: `--titles`, the `--by` group's value); the dependent variables (first cell `Dep. var.` /
   * `被解释变量`). `headerKinds` names each.
   */
  readonly header: readonly (readonly string[])[];
  readonly headerKinds: readonly RegressionHeaderKind[];
  readonly rows: readonly {
    readonly kind: RegressionRowKind;
    readonly cells: readonly string[];
  }[];
  /** Footnote: what is in parentheses, the star legend and any further sentences (`notes`), in `lang`. */
  readonly note: string;
  readonly lang: Lang;
}

/**
 * Stars for a p-value: one per threshold it falls below (esttab `star(* 0.10 ** 0.05 *** 0.01)`). The
 * one star rule of nqpf lives in src/core/significance.ts; re-exported here for table renderers.
 */
export { starsFor, STAR_LEVELS } from '../core/significance.js';

const WORDS = {
  depVar: { en: 'Dep. var.', zh: '被解释变量' },
  fe: { en: '{name} FE', zh: '{name}固定效应' },
  yes: { en: 'Yes', zh: '是' },
  no: { en: 'No', zh: '否' },
  n: { en: 'N', zh: '观测值' },
  r2: { en: 'R²', zh: 'R²' },
  r2Within: { en: 'Within R²', zh: '组内 R²' },
  slopes: { en: 'Varying slopes: {name}', zh: '变斜率：{name}' },
} as const satisfies Record<string, Label>;

const word = (k: keyof typeof WORDS, lang: Lang) => labelText(WORDS[k], lang);

/** The note's first sentence: what the parentheses hold. */
function seSentence(vcovs: readonly (string | Label)[], lang: Lang): string {
  const distinct = [...new Map(vcovs.map((v) => [labelText(v, 'en'), v])).values()];
  if (distinct.length === 1) {
    const v = distinct[0];
    return lang === 'zh'
      ? `括号内为${labelText(v, 'zh')}标准误。`
      : `${labelText(v, 'en')} standard errors in parentheses.`;
  }
  return lang === 'zh' ? '括号内为标准误。' : 'Standard errors in parentheses.';
}

/** The star legend as Chinese journals write it (`*、**、*** 分别表示在 10%、5%、1% 的水平上显著`) or esttab's line. */
function legendSentence(stars: readonly number[], lang: Lang): string {
  if (lang !== 'zh') return `${starLegend('en', stars)}.`;
  const marks = stars.map((_, i) => '*'.repeat(i + 1)).join('、');
  const levels = stars.map((s) => `${+(s * 100).toPrecision(6)}%`).join('、');
  return `${marks} 分别表示在 ${levels} 的水平上显著。`;
}

/**
 * Models side by side as Chinese journals and Stata's `esttab` print them: coefficient with stars
 * (* p < 0.1, ** p < 0.05, *** p < 0.01, the esttab `star(* 0.10 ** 0.05 *** 0.01)` convention most
 * Chinese economics journals use), standard error in parentheses below (both in esttab's `a3` format:
 * never `0.000` for a nonzero value), then a Yes/No row per fixed effect, N, R² and within R². Terms
 * missing from a model leave empty cells. With `lang: 'zh'` every label and the note are Chinese
 * (是/否, 观测值, 组内 R², 括号内为按省份聚类的稳健标准误).
 */
export function regressionTable(models: readonly TableModel[], options: TableOptions = {}): RegressionTable {
  const digits = options.digits ?? 3;
  if (!(Number.isInteger(digits) && digits >= 1 && digits <= 9))
    throw new InputError(`{{digits}} must be a whole number from 1 to 9 (got ${digits})`, {
      hint: "e.g. {{digits=3}} (esttab's a3: three significant decimals)",
    });
  const lang = options.lang ?? 'en';
  const stars = options.stars ?? STAR_LEVELS;
  if (options.titles && options.titles.length !== models.length)
    throw new InputError(`${options.titles.length} column title(s) for ${models.length} model(s)`, {
      hint: 'give one title per column, in order, e.g. {{titles=Baseline,Controls}}',
    });
  const label = (k: string) => options.labels?.[k] ?? k;
  // A combined fixed effect a^b reads "a × b" in a table, as papers write it (行业 × 年份固定效应).
  const feLabel = (k: string) => options.labels?.[k] ?? k.split('^').map(label).join(' × ');
  const drop = new Set(options.drop ?? []);
  const terms: string[] = [];
  if (options.keep) terms.push(...options.keep);
  else
    for (const m of models)
      for (const c of m.coefficients) if (!terms.includes(c.term) && !drop.has(c.term)) terms.push(c.term);
  const titles = models.map((m, j) => options.titles?.[j] ?? m.title ?? '');
  const header: string[][] = [['', ...models.map((_, j) => `(${j + 1})`)]];
  const headerKinds: RegressionHeaderKind[] = ['number'];
  if (titles.some((t) => t !== '' && !/^\(\d+\)$/.test(t))) {
    header.push(['', ...titles]);
    headerKinds.push('title');
  }
  header.push([word('depVar', lang), ...models.map((m) => label(m.depVar))]);
  headerKinds.push('depvar');
  const rows: { kind: RegressionRowKind; cells: string[] }[] = [];
  for (const t of terms) {
    const coef: string[] = [label(t)];
    const se: string[] = [''];
    for (const m of models) {
      const c = m.coefficients.find((r) => r.term === t);
      coef.push(c && Number.isFinite(c.estimate) ? esttabNumber(c.estimate, digits) + starsFor(c.pValue, stars) : '');
      se.push(c && Number.isFinite(c.stdError) ? `(${esttabNumber(c.stdError, digits)})` : '');
    }
    rows.push({ kind: 'coef', cells: coef }, { kind: 'se', cells: se });
  }
  const extraKeys: string[] = [];
  for (const m of models) for (const k of Object.keys(m.extra ?? {})) if (!extraKeys.includes(k)) extraKeys.push(k);
  for (const k of extraKeys) rows.push({ kind: 'extra', cells: [k, ...models.map((m) => m.extra?.[k] ?? '')] });
  const fes: string[] = [];
  for (const m of models) for (const f of m.fixedEffects) if (!fes.includes(f)) fes.push(f);
  for (const f of fes)
    rows.push({
      kind: 'fe',
      cells: [
        word('fe', lang).replace('{name}', feLabel(f)),
        ...models.map((m) => word(m.fixedEffects.includes(f) ? 'yes' : 'no', lang)),
      ],
    });
  const slopes: string[] = [];
  for (const m of models) for (const v of m.varyingSlopes ?? []) if (!slopes.includes(v)) slopes.push(v);
  for (const v of slopes)
    rows.push({
      kind: 'fe',
      cells: [
        word('slopes', lang).replace('{name}', v),
        ...models.map((m) => word(m.varyingSlopes?.includes(v) ? 'yes' : 'no', lang)),
      ],
    });
  rows.push({ kind: 'stat', cells: [word('n', lang), ...models.map((m) => String(m.nobs))] });
  const showR2 = options.r2 ?? models.some((m) => Number.isFinite(m.r2));
  if (showR2) {
    rows.push({ kind: 'stat', cells: [word('r2', lang), ...models.map((m) => fixedNumber(m.r2 ?? NaN, digits))] });
    if (models.some((m) => Number.isFinite(m.r2Within)))
      rows.push({
        kind: 'stat',
        cells: [word('r2Within', lang), ...models.map((m) => fixedNumber(m.r2Within ?? NaN, digits))],
      });
  }
  const vcovs = models.map((m) => m.vcov).filter((v): v is string | Label => v !== undefined && v !== '');
  const sentences = [seSentence(vcovs, lang), legendSentence(stars, lang), ...(options.notes ?? [])];
  return { header, headerKinds, rows, note: sentences.join(lang === 'zh' ? '' : ' '), lang };
}

/** All cells as one grid: header rows, body rows, then the note in the first column (for CSV and XLSX). */
export function tableGrid(table: RegressionTable): string[][] {
  const width = table.header[0].length;
  const noteRow = [table.note, ...Array(width - 1).fill('')];
  return [...table.header.map((r) => [...r]), ...table.rows.map((r) => [...r.cells]), noteRow];
}

/** GitHub-flavoured Markdown; the note follows the table as a paragraph. */
export function tableMarkdown(table: RegressionTable): string {
  const esc = (s: string) => s.replace(/\|/g, '\\|');
  const line = (cells: readonly string[]) => `| ${cells.map(esc).join(' | ')} |`;
  const width = table.header[0].length;
  const out = [
    line(table.header[0]),
    `|${Array(width)
      .fill('---')
      .map((d, j) => (j === 0 ? ':--' : `:${d}:`))
      .join('|')}|`,
    ...table.header.slice(1).map(line),
  ];
  for (const r of table.rows) out.push(line(r.cells));
  return `${out.join('\n')}\n\n${table.note}\n`;
}

/** Text escaped for LaTeX (specials, `<`/`>` and `²` in math mode). */
export function latexEscape(s: string): string {
  return s
    .replace(/\\/g, '\\textbackslash{}')
    .replace(/([&%$#_{}])/g, '\\$1')
    .replace(/~/g, '\\textasciitilde{}')
    .replace(/\^/g, '\\textasciicircum{}')
    .replace(/</g, '$<$')
    .replace(/>/g, '$>$')
    .replace(/²/g, '$^2$');
}

function latexCell(s: string): string {
  const m = /^(-?)([\d.]+)(\**)$/.exec(s);
  if (m) return `${m[1] ? '$-$' : ''}${m[2]}${m[3] ? `$^{${m[3]}}$` : ''}`;
  const se = /^\((-?)([\d.]+)\)$/.exec(s);
  if (se) return `(${se[1] ? '$-$' : ''}${se[2]})`;
  return latexEscape(s);
}

/** LaTeX `tabular` with booktabs rules (\toprule, \midrule, \bottomrule), as esttab's `booktabs` option. */
export function tableLatex(table: RegressionTable): string {
  const width = table.header[0].length;
  const row = (cells: readonly string[]) => `${cells.map(latexCell).join(' & ')} \\\\`;
  const out = [`\\begin{tabular}{l${'c'.repeat(width - 1)}}`, '\\toprule', ...table.header.map(row), '\\midrule'];
  let prev: string | undefined;
  for (const r of table.rows) {
    if ((r.kind === 'fe' || r.kind === 'stat' || r.kind === 'extra') && (prev === 'coef' || prev === 'se'))
      out.push('\\midrule');
    out.push(row(r.cells));
    prev = r.kind;
  }
  out.push(
    '\\bottomrule',
    `\\multicolumn{${width}}{l}{\\footnotesize ${latexCell(table.note)}} \\\\`,
    '\\end{tabular}',
  );
  return out.join('\n') + '\n';
}

/** CSV (RFC 4180 quoting) of {@link tableGrid}. */
export function tableCsv(table: RegressionTable): string {
  // The project's RFC 4180 writer (quotes commas, quotes, line breaks and edge spaces); LF line ends.
  return formatCsv(tableGrid(table), { eol: '\n' });
}
