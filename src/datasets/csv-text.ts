/**
 * Minimal RFC 4180 CSV text handling for nqpf's own shipped files (generators and the small side files
 * of the built-in datasets: neighbour pairs, latent values). User data goes through `readPanel`, which
 * handles encodings, separators and yearbook habits; these files are plain UTF-8, comma-separated,
 * written by nqpf itself.
 */

/** Split CSV text into rows of fields: `"` quotes, `""` inside quotes, CRLF or LF line ends, a leading BOM dropped. */
export function parseCsvText(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** Rows of a CSV text as records keyed by the header row. */
export function csvRecords(text: string): Record<string, string>[] {
  const [header, ...rows] = parseCsvText(text);
  if (!header) return [];
  return rows
    .filter((r) => r.length > 1 || r[0] !== '')
    .map((r) => Object.fromEntries(header.map((h, j) => [h, r[j] ?? ''])));
}

/** One CSV line: fields containing a comma, quote or line break are quoted. */
export function csvLine(fields: readonly (string | number)[]): string {
  return fields
    .map((f) => {
      const s = typeof f === 'number' ? formatNumber(f) : f;
      return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
    })
    .join(',');
}

/**
 * A number as CSV text rounded to `digits` significant digits (default 10), shortest round-trip
 * form; NaN as an empty cell. Rounding keeps shipped files compact and byte-stable across platforms.
 */
export function formatNumber(x: number, digits = 10): string {
  if (!Number.isFinite(x)) return '';
  return String(Number(x.toPrecision(digits)));
}
