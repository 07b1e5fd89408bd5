/**
 * `measure --append FILE`: the user's data with columns added (the index of each system, its
 * dimensions), written to a new file. The input is read again as a table and every row and column of
 * it is kept, in its order; the added columns are matched row by row through the panel's `sourceRow`.
 * Written atomically; the input file is never the output.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { InputError } from '../core/errors.js';
import { appendColumns, panelWithColumns } from '../data/append-columns.js';
import type { Panel } from '../data/panel.js';
import { readRawTable, selectSystem, type ReadPanelOptions } from '../data/read-table.js';
import { writeCsv } from './write.js';

/** What {@link writeAppended} wrote: the table's size and whether it kept the file's own layout. */
export interface AppendedFile {
  readonly file: string;
  readonly rows: number;
  readonly columns: readonly string[];
  /** The columns added (at the right). */
  readonly added: readonly string[];
  /** `file`: the input's own rows and columns; `long`: the panel in long layout (built-in or wide data). */
  readonly layout: 'file' | 'long';
}

/**
 * Write `panel`'s source table with `added` (columns aligned with the panel's rows) appended, to
 * `out`: `.csv` (UTF-8 with a byte-order mark, so Excel shows Chinese text; CRLF line ends) or
 * `.xlsx`. `source` is the file the panel was read from (undefined for a built-in dataset), with the
 * options it was read with; data that did not come from a long-layout file is written in long layout.
 *
 * @throws InputError when `out` is the input file or has another extension.
 */
export async function writeAppended(
  out: string,
  panel: Panel,
  added: Readonly<Record<string, Float64Array>>,
  source?: { readonly file: string; readonly options: ReadPanelOptions },
): Promise<AppendedFile> {
  const ext = path.extname(out).toLowerCase();
  if (ext !== '.csv' && ext !== '.xlsx')
    throw new InputError(`{{append}} writes a .csv or .xlsx file (got "${out}")`, {
      hint: 'e.g. {{append=data-with-index.csv}}',
    });
  if (source && path.resolve(out) === path.resolve(source.file))
    throw new InputError('{{append}} would overwrite the input file', {
      file: source.file,
      hint: 'write the data with the index to a new file, e.g. {{append=data-with-index.csv}}',
    });
  let grid: (string | number)[][];
  let layout: AppendedFile['layout'] = 'long';
  if (source && panel.sourceRow) {
    const raw = await readRawTable(await readFile(source.file), { ...source.options, fileName: source.file });
    grid = appendColumns(selectSystem(raw.table, source.options.system), panel, added);
    layout = 'file';
  } else grid = panelWithColumns(panel, added);
  if (ext === '.csv') await writeCsv(out, grid, { bom: true });
  else {
    const { writeXlsx } = await import('./xlsx.js');
    await writeXlsx(out, [{ name: 'data', rows: grid }]);
  }
  return { file: out, rows: grid.length - 1, columns: grid[0].map(String), added: Object.keys(added), layout };
}
