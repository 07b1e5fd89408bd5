/** RFC 4180 CSV writing to strings. Pure; runs in a browser. */

/** One CSV field, quoted when it holds the delimiter, a quote, a newline or edge spaces (RFC 4180). */
export function csvField(value: unknown, delimiter = ','): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isNaN(value) ? '' : String(value);
  const s = value instanceof Date ? value.toISOString() : String(value);
  if (s.includes(delimiter) || s.includes('"') || s.includes('\n') || s.includes('\r') || /^\s|\s$/.test(s)) {
    return `"${s.replace(/"/g, '""')}"`;
  }
  return s;
}

/** A table to write: rows (the first is the header), or columns keyed by name. */
export type CsvData = readonly (readonly unknown[])[] | Readonly<Record<string, ArrayLike<unknown>>>;

/**
 * Format rows or named columns as CSV text (RFC 4180 quoting, CRLF line ends as the RFC and Excel
 * use; NaN, null and undefined as empty cells; numbers in shortest round-trip form so they read back
 * exactly).
 */
export function formatCsv(data: CsvData, options: { delimiter?: string; eol?: string } = {}): string {
  const delim = options.delimiter ?? ',';
  const eol = options.eol ?? '\r\n';
  const lines: string[] = [];
  if (Array.isArray(data)) {
    for (const r of data as readonly (readonly unknown[])[]) lines.push(r.map((v) => csvField(v, delim)).join(delim));
  } else {
    const cols = data as Readonly<Record<string, ArrayLike<unknown>>>;
    const names = Object.keys(cols);
    lines.push(names.map((v) => csvField(v, delim)).join(delim));
    const n = names.length ? Math.max(...names.map((k) => cols[k].length)) : 0;
    for (let i = 0; i < n; i++) lines.push(names.map((k) => csvField(cols[k][i], delim)).join(delim));
  }
  return lines.length ? lines.join(eol) + eol : '';
}
