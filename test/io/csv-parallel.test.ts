import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Rng } from '../../src/core/rng.js';
import { readCsvTable, type CsvReadOptions } from '../../src/data/csv-table.js';
import { readCsvParallel } from '../../src/io/csv-parallel.js';

const dir = mkdtempSync(path.join(tmpdir(), 'nqpf-csv-parallel-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A file of integer ids (some not plain), years, numbers, empty and text cells, CRLF and blank lines. */
function file(name: string, quote: boolean): string {
  const rng = new Rng(4);
  const lines = ['id,year,x,label'];
  for (let i = 0; i < 3000; i++) {
    const id = i % 97 === 0 ? `0${i}` : String(1 + Math.floor(i / 3));
    const x = i % 13 === 0 ? '' : i % 29 === 0 ? 'n.a.' : rng.normal().toFixed(rng.int(17));
    lines.push(`${id},${2000 + (i % 3)},${x},${i % 7 === 0 ? 'east' : ''}`);
    if (i % 500 === 0) lines.push('');
  }
  if (quote) lines[2500] = '"9",2001,1.5,"a, b"';
  const p = path.join(dir, name);
  writeFileSync(p, lines.join(rng.uniform() < 2 ? '\r\n' : '\n') + '\r\n');
  return p;
}

const csv: CsvReadOptions = { delimiter: ',', keepText: () => [0] };

describe('readCsvParallel', () => {
  it('joins the two halves into the table one thread reads: values, text, holes and row numbers', async () => {
    const p = file('plain.csv', false);
    const bytes = readFileSync(p);
    const two = await readCsvParallel(p, bytes.length, { ...csv, file: p });
    const one = readCsvTable(bytes, { ...csv, file: p });
    expect(two).toBeDefined();
    expect(two!.header).toEqual(one.header);
    expect(two!.nRows).toBe(one.nRows);
    expect(Array.from(two!.rowNumber)).toEqual(Array.from(one.rowNumber));
    one.columns.forEach((c, k) => {
      expect(Array.from(two!.columns[k].num)).toEqual(Array.from(c.num));
      expect(two!.columns[k].str === null).toBe(c.str === null);
      if (c.str) for (let i = 0; i < one.nRows; i++) expect(two!.columns[k].str![i]).toBe(c.str[i]);
    });
  }, 60_000);
  it('declines a file with a quote (a line feed could sit inside a quoted cell)', async () => {
    const p = file('quoted.csv', true);
    expect(await readCsvParallel(p, readFileSync(p).length, { ...csv, file: p })).toBeUndefined();
  }, 60_000);
});
