import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeText } from '../../src/io/encoding.js';
import { readPanel } from '../../src/io/read-panel.js';
import { writeCsv } from '../../src/io/write.js';
import { writeXlsx } from '../../src/io/xlsx.js';
import { writeFileAtomic } from '../../src/io/atomic.js';
import { readCsvTable } from '../../src/data/csv.js';
import { tableToPanel } from '../../src/data/build-panel.js';
import { Rng } from '../../src/core/rng.js';
import { inputError } from '../helpers/expect.js';

const dir = mkdtempSync(join(tmpdir(), 'nqpf-io-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const fixture = (name: string) => new URL(`../fixtures/data/${name}`, import.meta.url).pathname;

describe('readPanel CSV encodings', () => {
  it('reads a GBK file with Chinese names, detecting GB18030', async () => {
    const p = await readPanel(fixture('provinces-gbk.csv'));
    expect(p.entityColumn).toBe('省份');
    expect(p.periodColumn).toBe('年份');
    expect(p.entities.map((e) => [e.id, e.group])).toEqual([
      ['北京', '东部'],
      ['广东', '东部'],
      ['河南', '中部'],
    ]);
    expect(Array.from(p.columns['研发经费'])).toEqual([1384.5, 1484.6, 1798.2, 2035, 494.2, NaN]);
    expect(Array.from(p.columns['发明专利'])).toEqual([3530, NaN, 3347, 3862, NaN, 681]);
    expect(p.notes.find((n) => n.code === 'encoding-gb18030')?.message).toMatch(/read as GB18030/);
    expect(p.notes.find((n) => n.code === 'placeholders-missing' && n.message.includes('发明专利'))?.message).toBe(
      'column "发明专利": 2 placeholder cells ("—" ×1, ".." ×1) read as missing',
    );
  });
  it('falls back to GB18030 when the first non-UTF-8 bytes come late in the file', async () => {
    const f = join(dir, 'late-gbk.csv');
    // ASCII header and rows, then "—" (GBK A1 AA) as a placeholder and a GBK province name.
    writeFileSync(
      f,
      Buffer.concat([
        Buffer.from('id,year,x\nA,2015,1\nA,2016,'),
        Buffer.from([0xa1, 0xaa]),
        Buffer.from('\n'),
        Buffer.from([0xb1, 0xb1, 0xbe, 0xa9]),
        Buffer.from(',2015,3\n'),
      ]),
    );
    const p = await readPanel(f);
    expect(p.entity).toEqual(['A', 'A', '北京']);
    expect(Array.from(p.columns.x)).toEqual([1, NaN, 3]);
    expect(p.notes[0].code).toBe('encoding-gb18030');
  });
  it('reads the same text as UTF-8 with a BOM, and as UTF-16 with a BOM', async () => {
    const gbk = readFileSync(fixture('provinces-gbk.csv'));
    const text = new TextDecoder('gb18030').decode(gbk);
    const a = join(dir, 'utf8bom.csv');
    writeFileSync(a, '\uFEFF' + text);
    const b = join(dir, 'utf16.csv');
    writeFileSync(b, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    for (const f of [a, b]) {
      const p = await readPanel(f);
      expect(p.entity[0]).toBe('北京');
      expect(p.columns['研发经费'][1]).toBe(1484.6);
      expect(p.notes.some((n) => n.code === 'encoding-gb18030')).toBe(false);
    }
  });
  it('--encoding forces a decoder; unknown encodings are an InputError', async () => {
    const p = await readPanel(fixture('provinces-gbk.csv'), { encoding: 'GBK' });
    expect(p.entity[0]).toBe('北京');
    const e = await inputError(readPanel(fixture('provinces-gbk.csv'), { encoding: 'ebcdic' }));
    expect(e.message).toMatch(/unknown encoding/);
    const u = await inputError(readPanel(fixture('provinces-gbk.csv'), { encoding: 'utf-8' }));
    expect([u.message, u.row]).toEqual(['the file is not valid utf-8', 1]);
    expect(u.hint).toMatch(/gb18030/);
    expect(decodeText(Uint8Array.from([0x61]), undefined).encoding).toBe('utf-8');
  });
});

describe('readPanel files', () => {
  it('reads TSV and JSON (records and columns) the same way', async () => {
    const tsv = join(dir, 'a.tsv');
    writeFileSync(tsv, 'id\tyear\tx\nB\t2015\t2\nA\t2015\t1\n');
    const rec = join(dir, 'a.json');
    writeFileSync(
      rec,
      JSON.stringify([
        { id: 'B', year: 2015, x: 2 },
        { id: 'A', year: 2015, x: '1' },
      ]),
    );
    const cols = join(dir, 'b.json');
    writeFileSync(cols, JSON.stringify({ columns: { id: ['B', 'A'], year: [2015, 2015], x: [2, 1] } }));
    for (const f of [tsv, rec, cols]) {
      const p = await readPanel(f);
      expect(p.entity).toEqual(['A', 'B']);
      expect(Array.from(p.columns.x)).toEqual([1, 2]);
    }
  });
  it('rejects unknown extensions and missing files with InputErrors naming the file', async () => {
    const e = await inputError(readPanel(join(dir, 'data.sas7bdat')));
    expect(e.file).toBe(join(dir, 'data.sas7bdat'));
    expect(e.message).toMatch(/cannot read ".sas7bdat" files/);
    const m = await inputError(readPanel(join(dir, 'missing.csv')));
    expect(m.message).toBe('file not found');
  });
  it('errors from the table carry the file name and spreadsheet row', async () => {
    const f = join(dir, 'dup.csv');
    writeFileSync(f, 'province,year,x\r\nA,2015,1\r\nA,2015,2\r\n');
    const e = await inputError(readPanel(f));
    expect([e.file, e.row, e.column]).toEqual([f, 3, 'province']);
    const empty = join(dir, 'empty.csv');
    writeFileSync(empty, '');
    expect((await inputError(readPanel(empty))).message).toMatch(/empty/);
  });
  it('keeps entity ids with leading zeros', async () => {
    const f = join(dir, 'stocks.csv');
    writeFileSync(f, 'stkcd,year,roa\n000001,2020,0.1\n600519,2020,0.3\n');
    const p = await readPanel(f);
    expect(p.entity).toEqual(['000001', '600519']);
  });
});

describe('readPanel on a file of several blocks', () => {
  it('reads a CSV of several 1 MiB blocks exactly as the whole text parsed at once', async () => {
    const rng = new Rng(3);
    const lines = ['firm,year,region,"note, quoted",x'];
    for (let e = 0; e < 10000; e++) {
      for (let t = 0; t < 8; t++) {
        // Quoted cells with line breaks and quotes land across block boundaries somewhere.
        const note = rng.int(50) === 0 ? `"line ${e}\nsays ""${t}"""` : `n${rng.int(5)}`;
        lines.push(`${String(100000 + e)},${2010 + t},${['East', 'West'][e % 2]},${note},${rng.normal().toFixed(9)}`);
      }
    }
    const text = lines.join('\r\n') + '\r\n';
    expect(text.length).toBeGreaterThan(2 << 20);
    const f = join(dir, 'big.csv');
    writeFileSync(f, text);
    const p = await readPanel(f);
    const ref = tableToPanel(readCsvTable(text, { file: f, keepText: () => [0] }), {
      entity: 'firm',
      tableOwned: true,
    });
    expect(p.entity.length).toBe(80000);
    expect(p.entity).toEqual(ref.entity);
    expect(Array.from(p.columns.x)).toEqual(Array.from(ref.columns.x));
    expect(p.text).toEqual(ref.text);
    expect(p.entities).toEqual(ref.entities);
    expect(p.notes).toEqual(ref.notes);
  });
});

describe('XLSX', () => {
  it('round-trips a long table through writeXlsx and readPanel, on a named sheet', async () => {
    const f = join(dir, 'book.xlsx');
    await writeXlsx(f, [
      { name: 'notes', rows: [['about'], ['illustrative values']] },
      {
        name: '数据',
        rows: [
          ['地区', '年份', 'gdp', 'rd'],
          ['北京', 2015, 2300.5, 5.9],
          ['北京', 2016, NaN, '—'],
          ['河北', 2015, 3000, 1 / 3],
        ],
      },
    ]);
    const p = await readPanel(f, { sheet: '数据' });
    expect(p.entity).toEqual(['北京', '北京', '河北']);
    expect(Array.from(p.period)).toEqual([2015, 2016, 2015]);
    expect(Array.from(p.columns.gdp)).toEqual([2300.5, NaN, 3000]);
    expect(Array.from(p.columns.rd)).toEqual([5.9, NaN, 1 / 3]);
    const first = await inputError(readPanel(f));
    expect(first.message).toBe('no numeric column in the first sheet: columns about');
    expect(first.hint).toContain('sheets in the workbook: notes, 数据 (read: notes)');
    const e = await inputError(readPanel(f, { sheet: 'Sheet9' }));
    expect(e.message).toBe('no sheet called "Sheet9" in the workbook');
    expect(e.hint).toContain('notes, 数据');
  });
  it('reads the wide layout from XLSX with row numbers of the sheet', async () => {
    const f = join(dir, 'wide.xlsx');
    await writeXlsx(f, [
      {
        name: 'S',
        rows: [
          ['province', '2015', '2016'],
          ['A', 1, 2],
          ['B', 3, 'x'],
        ],
      },
    ]);
    const e = await inputError(readPanel(f, { valueName: 'gdp' }));
    expect([e.row, e.column]).toEqual([3, '2016']);
  });
});

describe('writers', () => {
  it('writeCsv writes RFC 4180 CSV with an optional BOM that readPanel reads back', async () => {
    const f = join(dir, 'out.csv');
    await writeCsv(f, { province: ['北京', 'A, B'], year: [2015, 2015], x: Float64Array.of(0.1, NaN) }, { bom: true });
    const bytes = readFileSync(f);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8').slice(1)).toBe('province,year,x\r\n北京,2015,0.1\r\n"A, B",2015,\r\n');
    const p = await readPanel(f);
    expect(p.entity).toEqual(['A, B', '北京']);
  });
  it('writeFileAtomic replaces the file and leaves no temporary file', async () => {
    const f = join(dir, 'atomic.txt');
    await writeFileAtomic(f, 'one');
    await writeFileAtomic(f, 'two');
    expect(readFileSync(f, 'utf8')).toBe('two');
    expect(readdirSync(dir).filter((n) => n.includes('atomic.txt.'))).toEqual([]);
  });
});
