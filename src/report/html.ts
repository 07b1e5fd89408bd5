/** Escape text for HTML element content and double-quoted attribute values. */
export function escapeHtml(s: unknown): string {
  return String(s ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** How a table cell number is written. */
export interface NumberFormat {
  /** Digits after the decimal point (default 3). */
  readonly digits?: number;
  /** Multiply by 100 and append "%". */
  readonly percent?: boolean;
  /** Prefix "+" to positive numbers (e.g. changes in rank). */
  readonly signed?: boolean;
  /** Group thousands with commas (default true for |x| ≥ 10,000). */
  readonly thousands?: boolean;
}

/** Text written for a missing value. */
export const MISSING = '—';

/**
 * A number as a table shows it: fixed digits, optional percent, sign and thousands grouping, and
 * "—" for NaN/null/undefined. A minus is written as U+2212 as typeset tables do.
 */
export function formatNumber(x: number | null | undefined, format: NumberFormat = {}): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return MISSING;
  const digits = format.digits ?? 3;
  const v = format.percent ? x * 100 : x;
  const grouped = format.thousands ?? Math.abs(v) >= 10_000;
  let s = grouped
    ? Math.abs(v).toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })
    : Math.abs(v).toFixed(digits);
  if (/^[0.]*$/.test(s)) return format.percent ? `${s}%` : s; // "−0.000" reads as a sign error
  if (v < 0) s = `\u2212${s}`;
  else if (format.signed && v > 0) s = `+${s}`;
  return format.percent ? `${s}%` : s;
}
