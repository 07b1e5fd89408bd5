/**
 * Tables of HTML files saved with an .xls extension — what many statistical portals and web systems
 * export as "Excel" — read as rows of cells, merged cells (colspan/rowspan) left empty after their
 * first cell as in a spreadsheet. Browser-safe (no DOM needed: the markup of such exports is plain).
 */

const ENTITIES: Record<string, string> = { nbsp: ' ', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", ensp: ' ', emsp: ' ', thinsp: ' ' };

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(code) ? String.fromCodePoint(code) : m;
    }
    return ENTITIES[e.toLowerCase()] ?? m;
  });
}

function cellText(html: string): string {
  return decodeEntities(html.replace(/<br\s*\/?>/gi, ' ').replace(/<[^>]*>/g, ''))
    .replace(/\s+/g, ' ')
    .trim();
}

function span(attrs: string, name: string): number {
  const m = new RegExp(`${name}\\s*=\\s*["']?(\\d+)`, 'i').exec(attrs);
  return m ? Math.max(1, Math.min(1000, Number(m[1]))) : 1;
}

/** True when the text holds an HTML table. */
export function hasHtmlTable(text: string): boolean {
  return /<table\b/i.test(text);
}

/**
 * The rows of the largest `<table>` in `html` (by rows): cell texts with tags removed and entities
 * decoded; a cell spanning several columns or rows is followed by nulls in the cells it covers.
 */
export function htmlTableRows(html: string): (string | null)[][] {
  const tables = [...html.matchAll(/<table\b[\s\S]*?<\/table>/gi)].map((m) => m[0]);
  if (!tables.length) return [];
  const count = (t: string) => (t.match(/<tr\b/gi) ?? []).length;
  const table = tables.reduce((a, b) => (count(b) > count(a) ? b : a));
  const rows: (string | null)[][] = [];
  // Columns still covered by a cell above (rowspan), with the rows left.
  const covered: number[] = [];
  for (const tr of table.split(/<tr\b[^>]*>/i).slice(1)) {
    const body = tr.split(/<\/tr>/i)[0]!;
    const row: (string | null)[] = [];
    let c = 0;
    const skipCovered = () => {
      while ((covered[c] ?? 0) > 0) {
        covered[c]!--;
        row.push(null);
        c++;
      }
    };
    for (const m of body.matchAll(/<(td|th)\b([^>]*)>([\s\S]*?)(?=<\/t[dh]>|<t[dh]\b|$)/gi)) {
      skipCovered();
      const cs = span(m[2]!, 'colspan');
      const rs = span(m[2]!, 'rowspan');
      for (let k = 0; k < cs; k++) {
        row.push(k === 0 ? cellText(m[3]!) : null);
        if (rs > 1) covered[c] = rs - 1;
        c++;
      }
    }
    skipCovered();
    for (let k = c; k < covered.length; k++) {
      if ((covered[k] ?? 0) > 0) {
        covered[k]!--;
        row[k] = null;
      }
    }
    rows.push(row);
  }
  return rows;
}
