import { formatCsv } from '../data/csv.js';
import type { TableModel } from '../explain/table-model.js';

export type { TableModel } from '../explain/table-model.js';

/** Options of {@link regressionTable}. */
export interface TableOptions {
  /** Decimals of coefficients and SEs (default 3). */
  readonly digits?: number;
  /** Star thresholds, most lenient first (default [0.1, 0.05, 0.01] → *, **, ***). */
  readonly stars?: readonly number[];
  /** Terms to show, in this order (default: every term in order of first appearance). */
  readonly keep?: readonly string[];
  /** Terms to hide (e.g. controls summarised by an extra row). */
  readonly drop?: readonly string[];
  /** Display labels of terms and FE names. */
  readonly labels?: Readonly<Record<string, string>>;
  /** Show R² and within R² rows (default true when any model has them). */
  readonly r2?: boolean;
}

/** A regression table as a grid of text cells with the kind of each row (for renderers). */
export interface RegressionTable {
  /** Two header rows: titles and dependent variables (first cell empty). */
  readonly header: readonly (readonly string[])[];
  readonly rows: readonly {
    readonly kind: 'coef' | 'se' | 'fe' | 'stat' | 'extra';
    readonly cells: readonly string[];
  }[];
  /** Footnote: what is in parentheses and the star legend. */
  readonly note: string;
}

/** Stars for a p-value: one per threshold it falls below (Stata esttab `star(* 0.10 ** 0.05 *** 0.01)`). */
export function starsFor(p: number, thresholds: readonly number[] = [0.1, 0.05, 0.01]): string {
  if (!Number.isFinite(p)) return '';
  return '*'.repeat(thresholds.filter((t) => p < t).length);
}

function fmt(x: number, digits: number): string {
  if (!Number.isFinite(x)) return '';
  const s = x.toFixed(digits);
  return /^-0\.?0*$/.test(s) ? s.slice(1) : s;
}

/**
 * Models side by side as Chinese journals and Stata's `esttab` print them: coefficient with stars
 * (* p < 0.1, ** p < 0.05, *** p < 0.01, the esttab `star(* 0.10 ** 0.05 *** 0.01)` convention most
 * Chinese economics journals use), standard error in parentheses below, then a Yes/No row per fixed
 * effect, N, R² and within R². Terms missing from a model leave empty cells.
 */
export function regressionTable(models: readonly TableModel[], options: TableOptions = {}): RegressionTable {
  const digits = options.digits ?? 3;
  const stars = options.stars ?? [0.1, 0.05, 0.01];
  const label = (k: string) => options.labels?.[k] ?? k;
  const drop = new Set(options.drop ?? []);
  const terms: string[] = [];
  if (options.keep) terms.push(...options.keep);
  else
    for (const m of models)
      for (const c of m.coefficients) if (!terms.includes(c.term) && !drop.has(c.term)) terms.push(c.term);
  const header = [
    ['', ...models.map((m, j) => m.title ?? `(${j + 1})`)],
    ['', ...models.map((m) => label(m.depVar))],
  ];
  const rows: { kind: RegressionTable['rows'][number]['kind']; cells: string[] }[] = [];
  for (const t of terms) {
    const coef: string[] = [label(t)];
    const se: string[] = [''];
    for (const m of models) {
      const c = m.coefficients.find((r) => r.term === t);
      coef.push(c ? fmt(c.estimate, digits) + starsFor(c.pValue, stars) : '');
      se.push(c && Number.isFinite(c.stdError) ? `(${fmt(c.stdError, digits)})` : '');
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
      cells: [`${label(f)} FE`, ...models.map((m) => (m.fixedEffects.includes(f) ? 'Yes' : 'No'))],
    });
  rows.push({ kind: 'stat', cells: ['N', ...models.map((m) => String(m.nobs))] });
  const showR2 = options.r2 ?? models.some((m) => Number.isFinite(m.r2));
  if (showR2) {
    rows.push({ kind: 'stat', cells: ['R²', ...models.map((m) => fmt(m.r2 ?? NaN, digits))] });
    if (models.some((m) => Number.isFinite(m.r2Within)))
      rows.push({ kind: 'stat', cells: ['Within R²', ...models.map((m) => fmt(m.r2Within ?? NaN, digits))] });
  }
  const vcovs = [...new Set(models.map((m) => m.vcov).filter((v): v is string => !!v))];
  const legend = stars.map((s, i) => `${'*'.repeat(i + 1)} p<${s}`).join(', ');
  const note = `${vcovs.length === 1 ? `${vcovs[0]} standard errors` : 'Standard errors'} in parentheses. ${legend}.`;
  return { header, rows, note };
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
    line(table.header[1]),
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
  const out = [
    `\\begin{tabular}{l${'c'.repeat(width - 1)}}`,
    '\\toprule',
    row(table.header[0]),
    row(table.header[1]),
    '\\midrule',
  ];
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
