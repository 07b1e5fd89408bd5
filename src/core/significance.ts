import type { Lang } from './label.js';

/**
 * The one star rule of nqpf: `*` p < 0.1, `**` p < 0.05, `***` p < 0.01 — Stata esttab's
 * `star(* 0.10 ** 0.05 *** 0.01)`, the convention of Chinese economics journals (经济研究, 管理世界, 中国工业经济).
 * Every face uses it: the console summaries (`regress`, `spatial-regress`), the regression tables
 * (Markdown, LaTeX, CSV, XLSX, Word, the report), correlation matrices and the workbench. Thresholds
 * are strict (p = 0.05 gets one star, as esttab's `p < level`).
 */
export const STAR_LEVELS: readonly number[] = [0.1, 0.05, 0.01];

/** Stars for a p-value: one per threshold it falls strictly below (none for NaN). */
export function starsFor(p: number, levels: readonly number[] = STAR_LEVELS): string {
  if (!Number.isFinite(p)) return '';
  return '*'.repeat(levels.filter((t) => p < t).length);
}

/** The legend under a table: `* p<0.1, ** p<0.05, *** p<0.01` (in Chinese with full-width separators). */
export function starLegend(lang: Lang = 'en', levels: readonly number[] = STAR_LEVELS): string {
  return levels.map((s, i) => `${'*'.repeat(i + 1)} p<${s}`).join(lang === 'zh' ? '，' : ', ');
}

/** The signif. line of a console coefficient table, in R's layout but with nqpf's rule: `0 '***' 0.01 '**' 0.05 '*' 0.1 ' ' 1`. */
export function signifCodes(levels: readonly number[] = STAR_LEVELS): string {
  const asc = [...levels].sort((a, b) => a - b);
  return `Signif. codes: 0 ${asc.map((s, i) => `'${'*'.repeat(asc.length - i)}' ${s}`).join(' ')} ' ' 1`;
}
