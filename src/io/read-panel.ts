/** Reading a panel from a file: CSV/TSV/TXT, XLSX or JSON; long or wide-by-year layout. Node only. */
import { closeSync, fstatSync, openSync, readFileSync, readSync } from 'node:fs';
import { access, readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { InputError } from '../core/errors.js';
import type { Note } from '../core/notes.js';
import type { Panel } from '../data/panel.js';
import { tableToPanel } from '../data/build-panel.js';
import type { CsvReadOptions } from '../data/csv.js';
import { NotUtf8Error, readCsvTable, readCsvTableBlocks } from '../data/csv.js';
import { ENTITY_NAMES, findColumn, normaliseHeader } from '../data/columns.js';
import { jsonToRawTable } from '../data/json-table.js';
import { distinctTexts, rawRowsWhere, type RawTable } from '../data/raw-table.js';
import { decodeText, utf8Bytes } from './encoding.js';
import { readXlsxTable } from './xlsx.js';

/** Options for reading a panel file (CSV, XLSX, JSON; long or wide-by-year layout). */
export interface ReadPanelOptions {
  /** Entity column; default: auto-detected (one named id/entity/region/country/province/code/地区/省份…, else the first text column). */
  entity?: string;
  /** Period column; default: auto-detected (year/period/time/年份/年). */
  period?: string;
  /** Text encoding of CSV files: `utf-8`, `gb18030` (GBK); default: detected. */
  encoding?: string;
  /** XLSX sheet name; default: the first. */
  sheet?: string;
  /** `long` (entity, period, variables…), `wide` (entity, variable, one column per year), or `auto`. */
  layout?: 'long' | 'wide' | 'auto';
  /** CSV delimiter; default: detected among ',', ';' and tab (tab for .tsv). */
  delimiter?: string;
  /** Wide layout: the column naming each row's variable (default: detected: variable/indicator/指标…). */
  variable?: string;
  /** Wide layout without a variable column: the variable's name (default: the file name without extension). */
  valueName?: string;
  /** Text column with each entity's group (region, continent); default: detected. */
  group?: string;
  /** Read a table without a period column as one cross-section (period 0) instead of failing. */
  crossSection?: boolean;
  /** Keep only the rows of this system (the `system` column of nqpf's scores.csv). */
  system?: string;
}

/**
 * nqpf's long scores.csv has one row per entity, period and system. With `system`, keep that
 * system's rows; without it, a scores file holding several systems is an error that names them
 * (instead of "duplicate entity-period").
 */
function selectSystem(table: RawTable, system: string | undefined, file: string): RawTable {
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

/**
 * Read a panel from `path`. CSV/TSV/TXT are decoded as {@link decodeText} says (BOM, UTF-8, else
 * GB18030 with a note; `encoding` forces one) and parsed as RFC 4180; XLSX is read with
 * read-excel-file (first sheet or `sheet`); JSON is an array of records or `{"columns": {...}}`. The
 * table becomes a panel by {@link tableToPanel}. Input files are only read, never written.
 *
 * @throws InputError for a missing file, an unknown extension, and everything {@link tableToPanel} checks.
 */
export async function readPanel(path: string, options: ReadPanelOptions = {}): Promise<Panel> {
  const ext = extname(path).toLowerCase();
  let table: RawTable;
  let notes: readonly Note[] = [];
  if (ext === '.csv' || ext === '.tsv' || ext === '.txt') {
    await checkReadable(path);
    const csvOptions = {
      file: path,
      delimiter: options.delimiter ?? (ext === '.tsv' ? '\t' : undefined),
      keepText: (header: readonly string[]) => textColumns(header, options),
    };
    try {
      const r = readCsvFile(path, options.encoding, csvOptions);
      table = r.table;
      notes = r.notes;
    } catch (e) {
      if (!(e instanceof NotUtf8Error)) throw e;
      if (options.encoding !== undefined) {
        throw new InputError(`the file is not valid ${options.encoding}`, {
          file: path,
          row: e.row,
          hint: 'files saved by Chinese Excel are GBK: use --encoding gb18030, or leave --encoding out to detect it',
        });
      }
      // Not UTF-8 after all: read it as GB18030 (decodeText's fallback), with its note.
      const gb = decodeText(readFileSync(path), 'gb18030', path);
      notes = [
        { level: 'info', code: 'encoding-gb18030', message: `${path} is not UTF-8: read as GB18030 (GBK); use --encoding to choose another` },
      ];
      table = readCsvTable(gb.text, csvOptions);
    }
  } else if (ext === '.xlsx' || ext === '.xlsm') {
    await checkReadable(path);
    table = await readXlsxTable(path, options.sheet);
  } else if (ext === '.json') {
    const text = decodeText(await readBytes(path), options.encoding, path).text;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (e) {
      throw new InputError(`not valid JSON: ${(e as Error).message}`, { file: path, hint: 'check the file with a JSON validator' });
    }
    table = jsonToRawTable(value, path);
  } else {
    throw new InputError(`cannot read "${ext || 'no extension'}" files`, {
      file: path,
      hint: 'give a .csv, .tsv, .txt, .xlsx or .json file (save .xls workbooks as .xlsx)',
    });
  }
  table = selectSystem(table, options.system, path);
  const panel = tableToPanel(table, {
    entity: options.entity,
    period: options.period,
    layout: options.layout,
    variable: options.variable,
    valueName: options.valueName,
    group: options.group,
    crossSection: options.crossSection,
    tableOwned: true,
  });
  return notes.length ? { ...panel, notes: [...notes, ...panel.notes] } : panel;
}

/**
 * Read a CSV file as UTF-8 bytes. Files {@link utf8Bytes} passes through unchanged (no BOM, a UTF-8
 * BOM, or `encoding` utf-8) are parsed block by block from the file, never held whole: a 1-million-row
 * file then costs its columns and a 1 MiB block instead of a 68 MB buffer as well. Other encodings
 * are decoded whole first. Throws NotUtf8Error (from the parser) when a text cell is not UTF-8.
 */
function readCsvFile(path: string, encoding: string | undefined, csvOptions: CsvReadOptions): { table: RawTable; notes: readonly Note[] } {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    const head = new Uint8Array(Math.min(4, size));
    readSync(fd, head, 0, head.length, 0);
    if (utf8Bytes(head, encoding, path).bytes === head) {
      let at = 0;
      const read = (into: Uint8Array, offset: number): number => {
        const k = readSync(fd, into, offset, into.length - offset, at);
        at += k;
        return k;
      };
      return { table: readCsvTableBlocks(read, { ...csvOptions, size }), notes: [] };
    }
    const dec = utf8Bytes(readFileSync(fd), encoding, path);
    return { table: readCsvTable(dec.bytes, csvOptions), notes: dec.notes };
  } finally {
    closeSync(fd);
  }
}

async function readBytes(path: string): Promise<Uint8Array> {
  await checkReadable(path);
  return readFile(path);
}

async function checkReadable(path: string): Promise<void> {
  try {
    await access(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError(code === 'ENOENT' ? 'file not found' : `cannot read the file (${code ?? (e as Error).message})`, {
      file: path,
      hint: code === 'ENOENT' ? 'check the path, or use a built-in dataset: world-pwt, china-sim' : 'check that the file is readable',
    });
  }
}

/**
 * Columns whose cells are kept as text while parsing a CSV: the entity column (ids such as "000001"
 * keep their zeros) and any column named like an entity, a variable or a name.
 */
function textColumns(header: readonly string[], options: ReadPanelOptions): number[] {
  const out: number[] = [];
  const norm = header.map(normaliseHeader);
  for (const name of [options.entity, options.variable, options.group]) {
    if (name !== undefined) {
      const k = norm.indexOf(normaliseHeader(name));
      if (k >= 0) out.push(k);
    }
  }
  if (options.entity === undefined) {
    const k = findColumn(header, ENTITY_NAMES);
    if (k >= 0) out.push(k);
  }
  return out;
}
