import { unzipSync } from 'fflate';

/** The XML parts of a .docx file (a zip): word/document.xml, word/styles.xml, … by path. */
export function docxParts(bytes: Uint8Array): Record<string, string> {
  const files = unzipSync(bytes);
  return Object.fromEntries(Object.entries(files).map(([k, v]) => [k, new TextDecoder().decode(v)]));
}

/** One table of a document: its borders and its rows of cells (text, borders, decimal tab). */
export interface DocxTable {
  /** `<w:tblBorders>`: side → `val:size` (e.g. `single:12`, `none:0`). */
  readonly borders: Record<string, string>;
  readonly rows: {
    readonly header: boolean;
    readonly cells: { text: string; top: string; bottom: string; decimalTab: boolean }[];
  }[];
}

/** XML character entities back to text. */
const unescape = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

const border = (xml: string, side: string) => {
  const m = new RegExp(`<w:${side} w:val="(\\w+)"[^>]*?w:sz="(\\d+)"`).exec(xml);
  return m ? `${m[1]}:${m[2]}` : '';
};

/** The tables of word/document.xml, parsed with regular expressions (the XML docx writes is regular). */
export function docxTables(documentXml: string): DocxTable[] {
  return [...documentXml.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map(([, tbl]) => {
    const tblBorders = /<w:tblBorders>([\s\S]*?)<\/w:tblBorders>/.exec(tbl)?.[1] ?? '';
    const borders = Object.fromEntries(
      ['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map((s) => [s, border(tblBorders, s)]),
    );
    const rows = [...tbl.matchAll(/<w:tr>([\s\S]*?)<\/w:tr>/g)].map(([, tr]) => ({
      header: tr.includes('<w:tblHeader/>'),
      cells: [...tr.matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map(([, tc]) => {
        const b = /<w:tcBorders>([\s\S]*?)<\/w:tcBorders>/.exec(tc)?.[1] ?? '';
        return {
          text: [...tc.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => unescape(m[1])).join(''),
          top: border(b, 'top'),
          bottom: border(b, 'bottom'),
          decimalTab: tc.includes('w:val="decimal"'),
        };
      }),
    }));
    return { borders, rows };
  });
}

/** The text of the paragraphs outside tables (titles, notes), in order. */
export function docxParagraphs(documentXml: string): string[] {
  const body = documentXml.replace(/<w:tbl>[\s\S]*?<\/w:tbl>/g, '');
  return [...body.matchAll(/<w:p>([\s\S]*?)<\/w:p>/g)]
    .map(([, p]) => [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => unescape(m[1])).join(''))
    .filter((t) => t !== '');
}

/** Check the three-line rules of a table: 1.5 pt above the header and under the body, 0.75 pt under the header, nothing else. */
export function threeLineRules(t: DocxTable): string[] {
  const problems: string[] = [];
  const want = {
    top: 'single:12',
    bottom: 'single:12',
    left: 'none:0',
    right: 'none:0',
    insideH: 'none:0',
    insideV: 'none:0',
  };
  for (const [k, v] of Object.entries(want)) if (t.borders[k] !== v) problems.push(`table ${k} ${t.borders[k]} ≠ ${v}`);
  const nh = t.rows.filter((r) => r.header).length;
  t.rows.forEach((r, i) =>
    r.cells.forEach((c, j) => {
      const top = i === 0 ? 'single:12' : 'none:0';
      const bottom = i === nh - 1 ? 'single:6' : i === t.rows.length - 1 ? 'single:12' : 'none:0';
      if (c.top !== top) problems.push(`row ${i} cell ${j} top ${c.top} ≠ ${top}`);
      if (c.bottom !== bottom) problems.push(`row ${i} cell ${j} bottom ${c.bottom} ≠ ${bottom}`);
    }),
  );
  return problems;
}
