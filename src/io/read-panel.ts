/**
 * Reading a panel from a file: the file system part. Everything else (decoding, table finding, XLSX,
 * layouts) is in src/data/read-table.ts, which the browser workbench uses on the bytes of a file.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { access, readFile } from 'node:fs/promises';
import { InputError } from '../core/errors.js';
import { NotUtf8Error, readCsvTableBlocks } from '../data/csv.js';
import type { Panel } from '../data/panel.js';
import { PARALLEL_MIN_BYTES, readCsvParallel } from './csv-parallel.js';
import { defaultThreads } from './replicate-pool.js';
import {
  csvTableOptions,
  fileFormat,
  finishLayout,
  panelFromRaw,
  readPanelFromBytes,
  type RawRead,
  type ReadPanelOptions,
} from '../data/read-table.js';

export type { ReadPanelOptions } from '../data/read-table.js';

/** Bytes read at the head of a CSV file to find its table. */
const HEAD_BYTES = 256 * 1024;

/**
 * Read a panel from `path` (see {@link readPanelFromBytes}). A CSV in UTF-8 is parsed block by block
 * from the file, never held whole: a 1-million-row file then costs its columns and a 1 MiB block
 * instead of a 68 MB buffer as well. Input files are only read, never written.
 *
 * @throws InputError for a missing file, an unknown extension, and everything the reader checks.
 */
export async function readPanel(path: string, options: ReadPanelOptions = {}): Promise<Panel> {
  const format = fileFormat(path);
  await checkReadable(path);
  if (format === 'csv') {
    const panel = await readCsvInBlocks(path, options);
    if (panel) return panel;
  }
  return readPanelFromBytes(await readFile(path), { ...options, fileName: path });
}

/** A UTF-8 CSV read in blocks; undefined when the file is not plain UTF-8 (then it is read whole). */
async function readCsvInBlocks(path: string, options: ReadPanelOptions): Promise<Panel | undefined> {
  const fd = openSync(path, 'r');
  let raw: RawRead;
  try {
    const size = fstatSync(fd).size;
    const head = new Uint8Array(Math.min(HEAD_BYTES, size));
    readSync(fd, head, 0, head.length, 0);
    // UTF-16 or a forced encoding: decoded whole by the bytes reader.
    const utf16 = (head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff);
    if (utf16 || (options.encoding !== undefined && !/^utf-?8$/i.test(options.encoding.trim()))) return undefined;
    const { layout, csv } = csvTableOptions(head, size <= HEAD_BYTES, { ...options, fileName: path });
    let at = 0;
    const read = (into: Uint8Array, offset: number): number => {
      const k = readSync(fd, into, offset, into.length - offset, at);
      at += k;
      return k;
    };
    // A large file on two threads when more than one is allowed (NQPF_THREADS; see csv-parallel.ts).
    const table =
      (size >= PARALLEL_MIN_BYTES && defaultThreads() > 1 ? await readCsvParallel(path, size, csv) : undefined) ??
      readCsvTableBlocks(read, { ...csv, size });
    const fin = finishLayout(table, layout);
    raw = {
      format: 'csv',
      table: fin.table,
      layout,
      encoding: 'utf-8',
      notes: [...layout.notes, ...fin.notes],
      roles: { layout: 'long' },
      preview: [],
    };
  } catch (e) {
    if (e instanceof NotUtf8Error && options.encoding === undefined) return undefined;
    if (e instanceof NotUtf8Error) {
      throw new InputError(`the file is not valid ${options.encoding}`, {
        file: path,
        row: e.row,
        hint: 'files saved by Chinese Excel are GBK: use --encoding gb18030, or leave --encoding out to detect it',
      });
    }
    throw e;
  } finally {
    closeSync(fd);
  }
  return panelFromRaw(raw, options, () => Promise.resolve(undefined));
}

async function checkReadable(path: string): Promise<void> {
  try {
    await access(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError(
      code === 'ENOENT' ? 'file not found' : `cannot read the file (${code ?? (e as Error).message})`,
      {
        file: path,
        hint:
          code === 'ENOENT'
            ? 'check the path, or use a built-in dataset: world-pwt, china-sim'
            : 'check that the file is readable',
      },
    );
  }
}
