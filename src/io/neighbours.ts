import { readFile } from 'node:fs/promises';
import { InputError } from '../core/errors.js';
import { parseCsv } from '../data/csv.js';
import { parseNeighbourRows, type NeighbourPair } from '../spatial/weights.js';
import { decodeText } from './encoding.js';

/**
 * Read a neighbour-pair CSV (columns a,b, each pair once) from disk, with the same encoding detection
 * as data files (UTF-8 with or without BOM, GB18030 fallback, or `encoding`).
 */
export async function readNeighbourFile(file: string, encoding?: string): Promise<NeighbourPair[]> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch {
    throw new InputError(`cannot read the neighbour list "${file}"`, {
      file,
      hint: 'check the path; the file is a CSV with columns a,b',
    });
  }
  const { text } = decodeText(bytes, encoding, file);
  return parseNeighbourRows(parseCsv(text, { file }), file);
}
