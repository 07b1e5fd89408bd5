/**
 * Worker thread of the parallel CSV reader (src/io/csv-parallel.ts): reads bytes [from, to) of the
 * file (whole records, no header line) with the same block reader as the calling thread and sends
 * back the columns (numbers transferred, text as (row, text) pairs; plain integer ids as their values
 * only), the spreadsheet rows counted from the part's start, and whether a quote byte occurs.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { readCsvTableBlocks } from '../data/csv-table.js';

const { path, from, to, delimiter, names, keep } = workerData as {
  path: string;
  from: number;
  to: number;
  delimiter: string;
  names: string[];
  keep: number[];
};
try {
  const fd = openSync(path, 'r');
  let at = from;
  let quote = false;
  try {
    const table = readCsvTableBlocks(
      (into, offset) => {
        const k = readSync(fd, into, offset, Math.min(into.length - offset, to - at), at);
        if (!quote && into.subarray(offset, offset + k).indexOf(34) >= 0) quote = true;
        at += k;
        return k;
      },
      { file: path, delimiter, header: { skip: 0, names }, keepText: () => keep, size: to - from },
    );
    const keepSet = new Set(keep);
    const columns = table.columns.map((c, k) => {
      const num = c.num.slice();
      const rows: number[] = [];
      const texts: string[] = [];
      if (c.str)
        for (let i = 0; i < table.nRows; i++) {
          const s = c.str[i];
          // A kept id that is a plain integer is rebuilt from its value by the calling thread.
          if (s !== undefined && !(keepSet.has(k) && num[i] >= 0)) {
            rows.push(i);
            texts.push(s);
          }
        }
      return { num, hasText: c.str !== null, textRows: Int32Array.from(rows), texts };
    });
    const rowNumber = table.rowNumber.slice();
    parentPort!.postMessage({ ok: true, quote, nRows: table.nRows, rowNumber, columns }, [
      rowNumber.buffer,
      ...columns.flatMap((c) => [c.num.buffer, c.textRows.buffer]),
    ]);
  } finally {
    closeSync(fd);
  }
} catch (e) {
  parentPort!.postMessage({ ok: false, message: (e as Error).message });
}
