/**
 * Reading a large CSV on two threads: the calling thread reads the first half of the file while a
 * worker (src/io/csv-worker.ts) reads the second, both with the same block reader
 * ({@link readCsvTableBlocks}); the halves are joined into one table equal to the one-thread read.
 * fread does the same with its jump points.
 *
 * The cut is put after a line feed near the middle. A line feed inside a quoted cell would make
 * that cut a wrong record boundary, so the parallel read is used only when the file holds no quote
 * byte (both halves check theirs as they read; with a quote anywhere, or any failure of the worker,
 * the file is read again on one thread). Without quotes every line is one record, so the worker's
 * spreadsheet row numbers are its own plus the lines before the cut.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { parseCsv } from '../data/csv-parse.js';
import { decodeUtf8 } from '../data/csv-scan.js';
import { readCsvTableBlocks, type CsvReadOptions } from '../data/csv-table.js';
import type { RawColumn, RawTable } from '../data/raw-table.js';

/** Files smaller than this are read on one thread (a worker costs tens of milliseconds to start). */
export const PARALLEL_MIN_BYTES = 16 << 20;

/** Worker's answer. */
interface Part {
  ok: boolean;
  message?: string;
  quote: boolean;
  nRows: number;
  rowNumber: Int32Array;
  columns: { num: Float64Array; hasText: boolean; textRows: Int32Array; texts: string[] }[];
}

/**
 * Read the CSV at `path` (UTF-8, no table finding: the header is the first non-blank line) on two
 * threads, or undefined when it cannot be (no line feed near the middle, a quote byte in the file, a
 * header this reader does not see the same way, the worker failed): then read it on one thread.
 */
export async function readCsvParallel(path: string, size: number, csv: CsvReadOptions): Promise<RawTable | undefined> {
  if (csv.header || !csv.delimiter) return undefined;
  const fd = openSync(path, 'r');
  try {
    const headerNames = firstLine(fd, size, csv.delimiter);
    const mid = cutAfterLineFeed(fd, size);
    if (!headerNames || mid === undefined) return undefined;
    const keep = [...(csv.keepText?.(headerNames) ?? [])];
    const worker = startWorker({ path, from: mid, to: size, delimiter: csv.delimiter, names: headerNames, keep });
    const part = new Promise<Part>((resolve) => {
      worker.once('message', (m: Part) => resolve(m));
      worker.once('error', (e) => resolve({ ok: false, message: e.message } as Part));
    });
    let at = 0;
    let quote = false;
    let lines = 0;
    const first = readCsvTableBlocks(
      (into, offset) => {
        const k = readSync(fd, into, offset, Math.min(into.length - offset, mid - at), at);
        const got = into.subarray(offset, offset + k);
        if (!quote && got.indexOf(34) >= 0) quote = true;
        for (let p = got.indexOf(10); p >= 0; p = got.indexOf(10, p + 1)) lines++;
        at += k;
        return k;
      },
      { ...csv, size: mid },
    );
    const second = await part;
    void worker.terminate();
    if (!second.ok || second.quote || quote) return undefined;
    if (first.header.length !== headerNames.length || first.header.some((h, k) => h !== headerNames[k]))
      return undefined;
    return join(first, second, lines, new Set(keep));
  } finally {
    closeSync(fd);
  }
}

/** The header as the block reader reads it: the first non-blank line, parsed. */
function firstLine(fd: number, size: number, delimiter: string): string[] | undefined {
  const head = new Uint8Array(Math.min(size, 1 << 16));
  readSync(fd, head, 0, head.length, 0);
  let pos = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
  for (;;) {
    const lf = head.indexOf(10, pos);
    if (lf < 0) return undefined;
    const line = decodeUtf8(head.subarray(pos, lf), 1).replace(/\r$/, '');
    if (line.trim() !== '') return parseCsv(line, { delimiter })[0];
    pos = lf + 1;
  }
}

/** The byte after the first line feed at or after the middle of the file (undefined: none within 1 MiB). */
function cutAfterLineFeed(fd: number, size: number): number | undefined {
  const start = Math.floor(size / 2);
  const buf = new Uint8Array(Math.min(1 << 20, size - start));
  const k = readSync(fd, buf, 0, buf.length, start);
  const lf = buf.subarray(0, k).indexOf(10);
  if (lf < 0 || start + lf + 1 >= size) return undefined;
  return start + lf + 1;
}

function startWorker(workerData: unknown): Worker {
  const ts = import.meta.url.endsWith('.ts');
  const url = new URL(`./csv-worker.${ts ? 'ts' : 'js'}`, import.meta.url);
  const worker = ts
    ? new Worker(`import('tsx/esm/api').then((t) => { t.register(); return import(${JSON.stringify(url.href)}); });`, {
        eval: true,
        workerData,
      })
    : new Worker(url, { workerData });
  worker.unref();
  return worker;
}

/** The two halves as one table. */
function join(a: RawTable, b: Part, linesBefore: number, keep: ReadonlySet<number>): RawTable {
  const n1 = a.nRows;
  const n = n1 + b.nRows;
  const columns: RawColumn[] = a.columns.map((c, k) => {
    const pb = b.columns[k];
    const num = new Float64Array(n);
    num.set(c.num.subarray(0, n1));
    num.set(pb.num, n1);
    let str: (string | undefined)[] | null = null;
    if (c.str || pb.hasText) {
      str = new Array(n);
      if (c.str) for (let i = 0; i < n1; i++) str[i] = c.str[i];
      if (keep.has(k)) {
        const small: string[] = [];
        for (let i = 0; i < pb.num.length; i++) {
          const v = pb.num[i];
          if (v >= 0) str[n1 + i] = v < 1 << 22 ? (small[v] ??= String(v)) : String(v);
        }
      }
      for (let j = 0; j < pb.textRows.length; j++) str[n1 + pb.textRows[j]] = pb.texts[j];
    }
    return { num, str };
  });
  const rowNumber = new Int32Array(n);
  rowNumber.set(a.rowNumber.subarray(0, n1));
  for (let i = 0; i < b.nRows; i++) rowNumber[n1 + i] = b.rowNumber[i] + linesBefore;
  return { ...a, columns, nRows: n, rowNumber };
}
