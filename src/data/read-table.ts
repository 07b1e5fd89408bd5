/**
 * Reading a panel from the bytes of a file — CSV/TSV/TXT, XLSX or JSON — in a browser or in Node: text
 * decoding, table finding, the raw table a workbench can preview, then the panel. No file system here;
 * src/io/read-panel.ts adds it for the CLI.
 */
import { InputError } from '../core/errors.js';
import type { Note } from '../core/notes.js';
import { tableToPanel } from './build-panel.js';
import { detectRoles, textColumns } from './column-roles.js';
import { detectDelimiterLines, parseCsv } from './csv-parse.js';
import { NotUtf8Error, decodeUtf8 } from './csv-scan.js';
import { readCsvTable, type CsvReadOptions } from './csv-table.js';
import { decodeText, utf8Bytes } from './encoding.js';
import { cellString, findTable, type TableLayout } from './find-table.js';
import { hasHtmlTable, htmlTableRows } from './html-table.js';
import { jsonToRawTable } from './json-table.js';
import type { Panel } from './panel.js';
import { parsePeriodValue, type Frequency } from './period.js';
import { cellText, distinctTexts, rawRowsWhere, rawTableFromRows, type RawTable } from './raw-table.js';

/** Options for reading a panel file (CSV, XLSX, JSON; long or wide-by-year layout). */
export interface ReadPanelOptions {
  /** Entity column; default: auto-detected (one named id/entity/region/country/province/code/地区/省份…, else the first text column). */
  entity?: string;
  /** Period column; default: auto-detected (year/period/time/年份/统计年度/Accper…). */
  period?: string;
  /** Text encoding of CSV files: `utf-8`, `gb18030` (GBK); default: detected. */
  encoding?: string;
  /** XLSX sheet name (or 1-based number); default: the first. */
  sheet?: string;
  /** `long` (entity, period, variables…), `wide` (entity, variable, one column per year), or `auto`. */
  layout?: 'long' | 'wide' | 'auto';
  /** CSV delimiter; default: detected among ',', ';' and tab (tab for .tsv). */
  delimiter?: string;
  /** Wide layout: the column naming each row's variable (default: detected: variable/indicator/指标…). */
  variable?: string;
  /** Wide layout without a variable column: the variable's name (default: an NBS export's 指标, else the file name). */
  valueName?: string;
  /** Text column with each entity's group (region, continent); default: detected. */
  group?: string;
  /** Rows above the header to skip (titles, notes); default: found by {@link findTable}. */
  skipRows?: number;
  /** Number of header rows, combined into column names; default: found by {@link findTable}. */
  headerRows?: number;
  /** Periods: `year`, `quarter`, `month`, or `auto` (default: detected from the period cells). */
  frequency?: Frequency | 'auto';
  /** Keep only the rows of this system (the `system` column of nqpf's scores.csv). */
  system?: string;
  /** Stata and SPSS files: keep the numeric codes of labelled variables instead of their value labels. */
  codes?: boolean;
}

/**
 * nqpf's long scores.csv has one row per entity, period and system. With `system`, keep that
 * system's rows; without it, a scores file holding several systems is an error that names them
 * (instead of "duplicate entity-period").
 */
export function selectSystem(table: RawTable, system: string | undefined): RawTable {
  const file = table.file;
  const systems = distinctTexts(table, 'system');
  if (system !== undefined) {
    if (!systems) throw new InputError('--system: the file has no "system" column', { file, hint: 'use --system with a scores.csv written by nqpf measure --out' });
    if (!systems.includes(system)) throw new InputError(`--system ${system}: no such system in the file (systems: ${systems.join(', ')})`, { file, column: 'system', hint: `choose one of ${systems.join(', ')}` });
    return rawRowsWhere(table, 'system', system)!;
  }
  const isScores = systems && systems.length > 1 && ['index', 'rank'].every((h) => table.header.some((x) => x.trim().toLowerCase() === h));
  if (isScores) {
    throw new InputError(`the file holds the scores of ${systems.length} systems (${systems.join(', ')}), one row per entity, period and system`, {
      file,
      column: 'system',
      hint: `choose one with --system ${systems[0]}`,
    });
  }
  return table;
}

/** What {@link readRawTable} read: the table before it becomes a panel, with what was found. */
export interface RawRead {
  /** The table after table finding (header rows combined, a variables × years header reshaped). */
  readonly table: RawTable;
  /** The file kind. */
  readonly format: 'csv' | 'xlsx' | 'json' | 'html' | 'dta' | 'sav';
  /** Variable labels by column name (Stata and SPSS files). */
  readonly variableLabels?: Readonly<Record<string, string>>;
  /** Where the header was found (CSV and XLSX). */
  readonly layout?: TableLayout;
  /** Text encoding used (CSV and JSON). */
  readonly encoding?: string;
  /** The XLSX sheet read (undefined: the first). */
  readonly sheet?: string;
  /** Roles detected for the columns (names; undefined when none or not determinable). */
  readonly roles: { readonly entity?: string; readonly period?: string; readonly layout: 'long' | 'wide' | 'cross-section'; readonly group?: string; readonly variable?: string };
  /** The first rows as text, for a preview (up to 50). */
  readonly preview: readonly (readonly string[])[];
  /** Encoding, table finding and reshaping notes. */
  readonly notes: readonly Note[];
}

type FileOptions = ReadPanelOptions & { fileName: string };

/**
 * The kind of a file from its extension; an InputError for extensions nqpf does not read. `xls` is
 * decided by the bytes ({@link sniffXls}): web exports saved as .xls are usually HTML or text.
 */
export function fileFormat(fileName: string): 'csv' | 'xlsx' | 'json' | 'xls' | 'html' | 'dta' | 'sav' {
  const ext = /\.[^./\\]+$/.exec(fileName.toLowerCase())?.[0] ?? '';
  if (ext === '.csv' || ext === '.tsv' || ext === '.txt') return 'csv';
  if (ext === '.xlsx' || ext === '.xlsm') return 'xlsx';
  if (ext === '.json') return 'json';
  if (ext === '.xls' || ext === '.et') return 'xls';
  if (ext === '.htm' || ext === '.html') return 'html';
  if (ext === '.dta') return 'dta';
  if (ext === '.sav' || ext === '.zsav') return 'sav';
  throw new InputError(`cannot read "${ext || 'no extension'}" files`, {
    file: fileName,
    hint: 'give a .csv, .tsv, .txt, .xlsx, .xls (HTML or text exports), .json, Stata .dta or SPSS .sav file',
  });
}

/**
 * What an .xls file really is: an XLSX (a zip, "PK"), an old binary workbook (OLE2, which nqpf does
 * not read: an InputError saying how to convert it), an HTML table (what web systems export as
 * "Excel"), or delimited text.
 */
export function sniffXls(bytes: Uint8Array, fileName: string): 'xlsx' | 'html' | 'csv' {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) return 'xlsx';
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    throw new InputError('this is an old binary Excel workbook (.xls), which nqpf does not read', {
      file: fileName,
      hint: 'open it in Excel or WPS and save it as .xlsx (or export the sheet as CSV)',
    });
  }
  const head = decodeText(bytes.subarray(0, Math.min(bytes.length, 4096)), undefined, fileName).text;
  return /<(html|table|meta|!doctype)\b/i.test(head) ? 'html' : 'csv';
}

/**
 * A text file has no NUL bytes and few control characters; anything else (an image, a zip, a
 * workbook renamed .csv) is refused instead of being read as a table of garbage. UTF-16 text (BOM)
 * is left to the decoder.
 */
export function refuseBinary(bytes: Uint8Array, fileName: string): void {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return;
  const n = Math.min(bytes.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b === 0) control += n; // one NUL is enough
    else if (b < 8 || (b > 13 && b < 32 && b !== 27)) control++;
  }
  if (control > n * 0.01) {
    const zip = bytes[0] === 0x50 && bytes[1] === 0x4b;
    throw new InputError(zip ? 'this file is a zip archive or a workbook, not text' : 'this file is not text (it holds binary data)', {
      file: fileName,
      hint: zip ? 'if it is an Excel workbook, give it the .xlsx extension' : 'give a CSV, TSV, XLSX or JSON file; save the table from Excel or WPS as CSV or XLSX',
    });
  }
}

/**
 * Read the bytes of a file into a raw table (before the panel): decode the text (BOM, UTF-8, else
 * GB18030 with a note; `encoding` forces one), find the header (titles, NBS lines, two-row and CSMAR
 * headers; `skipRows`/`headerRows` override), and report the detected column roles and a preview.
 */
export async function readRawTable(bytes: Uint8Array, options: FileOptions): Promise<RawRead> {
  let format = fileFormat(options.fileName);
  if (format === 'xls') format = sniffXls(bytes, options.fileName);
  if (format === 'csv' || format === 'json') refuseBinary(bytes, options.fileName);
  let r: Omit<RawRead, 'roles' | 'preview'>;
  if (format === 'csv') r = readCsvBytes(bytes, options);
  else if (format === 'xlsx') r = await readXlsxBytes(bytes, options);
  else if (format === 'html') r = readHtmlBytes(bytes, options);
  else if (format === 'dta' || format === 'sav') r = await readStatBytes(bytes, format, options);
  else r = readJsonBytes(bytes, options);
  return { ...r, roles: rolesOf(r.table, options), preview: previewRows(r.table, 50) };
}

/**
 * Read a panel from the bytes of a file ({@link readRawTable}, then {@link tableToPanel}). An NBS
 * export's 指标 line names the variable of a wide table; its 时间 line gives a cross-section's year.
 *
 * @throws InputError naming the file, row and column, with what table finding saw (the header row,
 *   the sheets of a workbook) when the table cannot be a panel.
 */
export async function readPanelFromBytes(bytes: Uint8Array, options: FileOptions & { tableOwned?: boolean }): Promise<Panel> {
  const raw = await readRawTable(bytes, options);
  return panelFromRaw(raw, options, async () => (raw.format === 'xlsx' ? (await import('./xlsx-read.js')).listSheets(bytes, options.fileName) : undefined));
}

/** The panel of a raw read (shared by {@link readPanelFromBytes} and the Node reader). */
export async function panelFromRaw(raw: RawRead, options: ReadPanelOptions & { tableOwned?: boolean }, sheets: () => Promise<string[] | undefined>): Promise<Panel> {
  const nbs = raw.layout?.nbs;
  const nbsYear = nbs?.time ? parsePeriodValue(nbs.time.replace(/^.*?(\d{4}\s*年?).*$/u, '$1')) : undefined;
  let panel: Panel;
  try {
    panel = tableToPanel(selectSystem(raw.table, options.system), {
      entity: options.entity,
      period: options.period,
      layout: options.layout,
      variable: options.variable,
      valueName: options.valueName ?? nbs?.indicator,
      group: options.group,
      frequency: options.frequency,
      crossSectionPeriod: nbsYear?.year,
      tableOwned: options.tableOwned ?? true,
    });
    if (Object.keys(panel.columns).length === 0) {
      throw new InputError(`no numeric column in ${raw.sheet ? `sheet "${raw.sheet}"` : raw.format === 'xlsx' ? 'the first sheet' : 'the table'}: columns ${raw.table.header.slice(0, 8).join(', ')}`, {
        file: raw.table.file,
        row: raw.table.headerRow ?? 1,
        hint: 'point nqpf at the table of numbers (--sheet, --skip-rows N)',
      });
    }
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    throw await withTableContext(e, raw, await sheets().catch(() => undefined));
  }
  const notes = [...raw.notes, ...panel.notes];
  const labels = raw.variableLabels && Object.keys(raw.variableLabels).length ? { labels: raw.variableLabels } : {};
  return { ...panel, meta: { ...panel.meta, ...labels }, notes };
}

/** The error with what table finding saw added to its hint: the header row and the workbook's sheets. */
async function withTableContext(e: InputError, raw: RawRead, sheets: string[] | undefined): Promise<InputError> {
  const seen: string[] = [];
  const l = raw.layout;
  if (l && l.header.length) {
    const rows = l.headerRows > 1 ? `rows ${l.headerStart + 1}–${l.headerStart + l.headerRows}` : `row ${l.headerStart + 1}`;
    seen.push(`the header seems to be on ${rows} (${l.header.slice(0, 6).join(', ')}${l.header.length > 6 ? ', …' : ''}); if not, use --skip-rows N and --header-rows N`);
  }
  if (sheets && sheets.length) seen.push(`sheets in the workbook: ${sheets.join(', ')}${raw.sheet ? ` (read: ${raw.sheet})` : ` (read: ${sheets[0]})`}`);
  if (!seen.length) return e;
  return new InputError(e.message, { file: e.file, row: e.row, column: e.column, hint: [e.hint, ...seen].filter(Boolean).join('; ') });
}

/** The first `n` rows of a table as text. */
export function previewRows(table: RawTable, n: number): string[][] {
  const out: string[][] = [];
  for (let i = 0; i < Math.min(n, table.nRows); i++) out.push(table.columns.map((c) => cellText(c, i)));
  return out;
}

function rolesOf(table: RawTable, options: ReadPanelOptions): RawRead['roles'] {
  try {
    if (table.nRows === 0 || table.header.length === 0) return { layout: 'long' };
    const names = table.header.map((h, k) => h.trim() || `column${k + 1}`);
    const r = detectRoles(table, names, options);
    const name = (k: number) => (k >= 0 ? names[k] : undefined);
    return {
      entity: name(r.entity),
      period: name(r.period),
      layout: r.wide ? 'wide' : r.crossSection ? 'cross-section' : 'long',
      group: name(r.group),
      variable: name(r.variable),
    };
  } catch {
    return { layout: 'long' };
  }
}

// ---- CSV ----

/** Bytes read at the head of a CSV to find its table. */
const HEAD_BYTES = 256 * 1024;

/**
 * The table finding of a CSV from its first bytes (UTF-8: throws NotUtf8Error otherwise): the
 * delimiter, the layout, and the reader options that skip to the data.
 */
export function csvTableOptions(head: Uint8Array, final: boolean, options: ReadPanelOptions & { fileName: string }): { layout: TableLayout; csv: CsvReadOptions } {
  const cut = final ? head.length : head.lastIndexOf(10) + 1 || head.length;
  let text = decodeUtf8(head.subarray(0, cut), 1);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const delimiter = options.delimiter ?? (/\.tsv$/i.test(options.fileName) ? '\t' : detectDelimiterLines(text));
  const rows = parseCsv(text, { delimiter, keepBlank: true, maxRows: 300, file: options.fileName });
  // A head cut inside a quoted cell ends in a partial record: leave it out.
  if (!final && rows.length > 1) rows.pop();
  const layout = findTable(rows, options);
  let firstFilled = 0;
  while (firstFilled < rows.length && rows[firstFilled]!.every((c) => cellString(c) === '')) firstFilled++;
  const plain = layout.headerStart === firstFilled && layout.headerRows === 1 && !layout.pairs;
  const csv: CsvReadOptions = {
    file: options.fileName,
    delimiter,
    keepText: (header) => textColumns(header, options),
    ...(plain ? {} : { header: { skip: layout.headerStart + layout.headerRows, names: layout.header } }),
  };
  return { layout, csv };
}

function readCsvBytes(bytes: Uint8Array, options: FileOptions): Omit<RawRead, 'roles' | 'preview'> {
  const dec = utf8Bytes(bytes, options.encoding, options.fileName);
  const read = (b: Uint8Array) => {
    const { layout, csv } = csvTableOptions(b.subarray(0, Math.min(b.length, HEAD_BYTES)), b.length <= HEAD_BYTES, options);
    return { layout, table: readCsvTable(b, csv) };
  };
  try {
    const { layout, table } = read(dec.bytes);
    const fin = finishLayout(table, layout);
    return { format: 'csv', table: fin.table, layout, encoding: dec.encoding, notes: [...dec.notes, ...layout.notes, ...fin.notes] };
  } catch (e) {
    if (!(e instanceof NotUtf8Error)) throw e;
    if (options.encoding !== undefined) {
      throw new InputError(`the file is not valid ${options.encoding}`, {
        file: options.fileName,
        row: e.row,
        hint: 'files saved by Chinese Excel are GBK: use --encoding gb18030, or leave --encoding out to detect it',
      });
    }
    // Not UTF-8 after all: read it as GB18030 (decodeText's fallback), with its note.
    const gb = decodeText(bytes, 'gb18030', options.fileName);
    const { layout, table } = read(new TextEncoder().encode(gb.text));
    const note: Note = { level: 'info', code: 'encoding-gb18030', message: `${options.fileName} is not UTF-8: read as GB18030 (GBK); use --encoding to choose another` };
    const fin = finishLayout(table, layout);
    return { format: 'csv', table: fin.table, layout, encoding: 'gb18030', notes: [note, ...layout.notes, ...fin.notes] };
  }
}

/**
 * The table with the header row set from table finding: the header row's spreadsheet row recorded for
 * error messages, and a variables × years header reshaped to the long layout ({@link reshapePairs}).
 */
export function finishLayout(table: RawTable, layout: TableLayout): { table: RawTable; layout: TableLayout; notes: Note[] } {
  const headerRow = layout.headerStart + layout.headerRows;
  const t: RawTable = headerRow > 1 ? { ...table, headerRow } : table;
  if (!layout.pairs) return { table: t, layout, notes: [] };
  return { ...reshapePairs(t, layout), layout };
}

/**
 * A yearbook table whose two-row header pairs variables with years (地区生产总值 over 2021, 2022; 第一产业
 * over 2021, 2022) as a long table: the other columns (entity, region), a 年份 column, one column per
 * variable. Each source row becomes one row per year, with the source row's number.
 */
export function reshapePairs(table: RawTable, layout: TableLayout): { table: RawTable; notes: Note[] } {
  const pairs = layout.pairs!;
  const keepCols = pairs.map((p, k) => (p ? -1 : k)).filter((k) => k >= 0);
  const variables = [...new Set(pairs.filter(Boolean).map((p) => p!.variable))];
  const years = [...new Set(pairs.filter(Boolean).map((p) => p!.year))].sort((a, b) => a - b);
  const at = new Map(pairs.map((p, k) => (p ? [`${p.variable}\u0000${p.year}`, k] : null)).filter(Boolean) as [string, number][]);
  const header = [...keepCols.map((k) => layout.header[k]!.split('_')[0]!), '年份', ...variables];
  const rows: unknown[][] = [];
  const rowNumber: number[] = [];
  for (let i = 0; i < table.nRows; i++) {
    // A row without any value in the block (a footnote, a blank entity) stays one row, without a year.
    if ([...at.values()].every((k) => cellValue(table, k, i) === null)) {
      rows.push([...keepCols.map((k) => cellValue(table, k, i)), null, ...variables.map(() => null)]);
      rowNumber.push(table.rowNumber[i]!);
      continue;
    }
    for (const y of years) {
      const row: unknown[] = keepCols.map((k) => cellValue(table, k, i));
      row.push(y);
      for (const v of variables) {
        const k = at.get(`${v}\u0000${y}`);
        row.push(k === undefined ? null : cellValue(table, k, i));
      }
      rows.push(row);
      rowNumber.push(table.rowNumber[i]!);
    }
  }
  const out = rawTableFromRows(header, rows, table.file);
  return {
    table: { ...out, rowNumber: Int32Array.from(rowNumber), headerRow: table.headerRow },
    notes: [
      {
        level: 'info',
        code: 'header-variables-years',
        message: `the two header rows pair ${variables.length} variable${variables.length > 1 ? 's' : ''} (${variables.slice(0, 4).join(', ')}${variables.length > 4 ? ', …' : ''}) with ${years.length} years (${years[0]}–${years[years.length - 1]}): read as one row per entity and year`,
      },
    ],
  };
}

function cellValue(table: RawTable, k: number, i: number): unknown {
  const c = table.columns[k]!;
  const s = c.str?.[i];
  if (s !== undefined) return s;
  const v = c.num[i]!;
  return Number.isNaN(v) ? null : v;
}

// ---- XLSX ----

async function readXlsxBytes(bytes: Uint8Array, options: FileOptions): Promise<Omit<RawRead, 'roles' | 'preview'>> {
  // Loaded on demand: the XLSX reader costs ~0.1 s of start-up that CSV reading does not need.
  const { readXlsxRows } = await import('./xlsx-read.js');
  const { sheet, rows } = await readXlsxRows(bytes, options.sheet, options.fileName);
  return { ...tableFromRows(rows, options), format: 'xlsx', sheet };
}

/** The table of rows of cells (a sheet, an HTML table) after table finding. */
function tableFromRows(rows: readonly (readonly unknown[])[], options: FileOptions): Omit<RawRead, 'roles' | 'preview' | 'format'> {
  const layout = findTable(rows, options);
  const dataStart = layout.headerStart + layout.headerRows;
  const data: (readonly unknown[])[] = [];
  const rowNumber: number[] = [];
  for (let i = dataStart; i < rows.length; i++) {
    const r = rows[i]!;
    if (r.every((v) => v === null || v === undefined || (typeof v === 'string' && v.trim() === ''))) continue;
    data.push(r);
    rowNumber.push(i + 1);
  }
  const table = { ...rawTableFromRows(layout.header, data, options.fileName), rowNumber: Int32Array.from(rowNumber) };
  const fin = finishLayout(table, layout);
  return { table: fin.table, layout, notes: [...layout.notes, ...fin.notes] };
}

// ---- HTML tables (web exports saved as .xls) ----

function readHtmlBytes(bytes: Uint8Array, options: FileOptions): Omit<RawRead, 'roles' | 'preview'> {
  const dec = decodeText(bytes, options.encoding, options.fileName);
  if (!hasHtmlTable(dec.text)) {
    throw new InputError('no table in this HTML file', { file: options.fileName, hint: 'save the table as .xlsx or CSV' });
  }
  const r = tableFromRows(htmlTableRows(dec.text), options);
  const note: Note = { level: 'info', code: 'html-table', message: `${options.fileName} is a web page (HTML) table: read its largest table` };
  return { ...r, format: 'html', encoding: dec.encoding, notes: [note, ...dec.notes, ...r.notes] };
}

// ---- Stata and SPSS ----

async function readStatBytes(bytes: Uint8Array, format: 'dta' | 'sav', options: FileOptions): Promise<Omit<RawRead, 'roles' | 'preview'>> {
  const opts = { fileName: options.fileName, codes: options.codes, encoding: options.encoding };
  // Loaded on demand, as the XLSX reader: most runs read CSV.
  const r = format === 'dta' ? (await import('./dta.js')).readDta(bytes, opts) : (await import('./sav.js')).readSav(bytes, opts);
  return { format, table: r.table, encoding: r.encoding, variableLabels: r.variableLabels, notes: r.notes };
}

// ---- JSON ----

function readJsonBytes(bytes: Uint8Array, options: FileOptions): Omit<RawRead, 'roles' | 'preview'> {
  const dec = decodeText(bytes, options.encoding, options.fileName);
  let value: unknown;
  try {
    value = JSON.parse(dec.text);
  } catch (e) {
    throw new InputError(`not valid JSON: ${(e as Error).message}`, { file: options.fileName, hint: 'check the file with a JSON validator' });
  }
  return { format: 'json', table: jsonToRawTable(value, options.fileName), encoding: dec.encoding, notes: dec.notes };
}
