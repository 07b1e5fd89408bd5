/**
 * Reading one spreadsheet cell the way statistical yearbooks write it: thousands separators,
 * full-width digits, and placeholders for "not available". Pure; runs in a browser.
 */

/**
 * Cell texts read as missing (compared after trimming, case-insensitively). Yearbooks of the NBS
 * and provincial bureaus use dashes and ellipses; R/Stata exports use NA, ".", "NaN".
 */
export const MISSING_PLACEHOLDERS: readonly string[] = [
  '—', '——', '-', '--', '–', '－', '…', '……', '...', '..', '.',
  'na', 'n/a', '#n/a', 'null', 'nan', 'none',
];

const placeholderSet = new Set(MISSING_PLACEHOLDERS);

/** The result of reading one cell. */
export type CellValue =
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'empty' }
  | { readonly kind: 'placeholder'; readonly token: string }
  | { readonly kind: 'text'; readonly text: string };

const plainNumber = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const thousands = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d*)?$/;
// "40 000": a space, no-break space, thin space or narrow no-break space between groups of three (SI, ISO 31-0).
const spaced = /^[+-]?\d{1,3}(?:[ \u00a0\u2009\u202f]\d{3})+(?:\.\d*)?$/;
const fullWidth = /[\uFF01-\uFF5E]/;

/** Map full-width ASCII forms (U+FF01–FF5E: "１２３，４５６．７") to ASCII. */
export function toHalfWidth(s: string): string {
  if (!fullWidth.test(s)) return s;
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out += c >= 0xff01 && c <= 0xff5e ? String.fromCharCode(c - 0xfee0) : s[i];
  }
  return out;
}

/** Trim ASCII, no-break, thin and ideographic (U+3000) spaces. */
export function trimCell(s: string): string {
  return s.replace(/^[\s\u3000\u2009\u202f]+|[\s\u3000\u2009\u202f]+$/g, '');
}

/**
 * Read a cell: a number (plain, "1,234.5" with comma thousands separators, or full-width), empty,
 * a missing-value placeholder ({@link MISSING_PLACEHOLDERS}), or text.
 *
 * A comma is read as a thousands separator only in the strict pattern d{1,3}(,ddd)+ — "1,5" is text,
 * never 1.5, because decimal commas cannot be told apart from thousands separators. A space (also
 * no-break, thin or narrow no-break) between groups of three is a thousands separator too: "40 000".
 */
export function parseCell(raw: string): CellValue {
  const s = trimCell(raw);
  if (s === '') return { kind: 'empty' };
  const t = toHalfWidth(s);
  if (placeholderSet.has(t.toLowerCase()) || placeholderSet.has(s)) return { kind: 'placeholder', token: s };
  if (plainNumber.test(t)) return { kind: 'number', value: Number(t) };
  if (thousands.test(t)) return { kind: 'number', value: Number(t.replace(/,/g, '')) };
  if (spaced.test(t)) return { kind: 'number', value: Number(t.replace(/[ \u00a0\u2009\u202f]/g, '')) };
  return { kind: 'text', text: s };
}

const yearHeader = /^[A-Za-z]?(\d{4})(?:\.0+)?\s*(?:年|年度)?$/;

/**
 * The year in a column header of a wide-by-year table ("2015", "2015年", "2015年度", R's "X2015"),
 * or NaN.
 */
export function yearOfHeader(header: string): number {
  const m = yearHeader.exec(toHalfWidth(trimCell(header)));
  return m ? Number(m[1]) : NaN;
}

const periodText = /^(\d{4})(?:\.0+)?\s*(?:年|年度)?$/;

/** A period read from text ("2015", "2015年", "2015.0"), or NaN. */
export function parsePeriod(raw: string): number {
  const s = toHalfWidth(trimCell(raw));
  const m = periodText.exec(s);
  if (m) return Number(m[1]);
  return plainNumber.test(s) ? Number(s) : NaN;
}
