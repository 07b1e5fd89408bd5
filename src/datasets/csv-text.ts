/**
 * CSV text helpers for nqpf's own shipped files (the generators and the small side files of the
 * built-in datasets: entity tables, neighbour pairs, latent values). Parsing and quoting are the
 * RFC 4180 routines of `src/data/csv.ts`; user data goes through `readPanel`.
 */
import { csvField, parseCsv } from '../data/csv.js';

/** Rows of a comma-separated text as records keyed by the header row (blank lines skipped). */
export function csvRecords(text: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(text, { delimiter: ',' });
  if (!header) return [];
  return rows.map((r) => Object.fromEntries(header.map((h, j) => [h, r[j] ?? ''])));
}

/** One CSV line (RFC 4180 quoting); numbers through {@link formatNumber}. */
export function csvLine(fields: readonly (string | number)[]): string {
  return fields.map((f) => csvField(typeof f === 'number' ? formatNumber(f) : f)).join(',');
}

/**
 * A number as CSV text rounded to `digits` significant digits (default 10), shortest round-trip
 * form; NaN as an empty cell. Rounding keeps shipped files compact and byte-stable across platforms.
 */
export function formatNumber(x: number, digits = 10): string {
  if (!Number.isFinite(x)) return '';
  return String(Number(x.toPrecision(digits)));
}
