import { describe, expect, it } from 'vitest';
import { detectDelimiter, formatCsv, parseCsv, readCsvTable, readCsvTableBlocks } from '../../src/data/csv.js';
import { cellText } from '../../src/data/raw-table.js';
import { InputError } from '../../src/core/errors.js';
import { Rng } from '../../src/core/rng.js';

const texts = (t: ReturnType<typeof readCsvTable>, k: number) => Array.from({ length: t.nRows }, (_, i) => cellText(t.columns[k], i));

describe('parseCsv (RFC 4180)', () => {
  it('reads quoted fields with embedded delimiters, quotes and newlines, CRLF and a BOM', () => {
    const text = '\uFEFFa,b,c\r\n"x, y","say ""hi""","line1\nline2"\r\n1,,3\r\n';
    expect(parseCsv(text)).toEqual([
      ['a', 'b', 'c'],
      ['x, y', 'say "hi"', 'line1\nline2'],
      ['1', '', '3'],
    ]);
  });
  it('keeps an empty last field and skips blank lines', () => {
    expect(parseCsv('a,b\n1,\n\n2,3')).toEqual([['a', 'b'], ['1', ''], ['2', '3']]);
  });
  it('detects ; and tab delimiters from the header line, ignoring quoted ones', () => {
    expect(detectDelimiter('a;b;c\n1,5;2;3')).toBe(';');
    expect(detectDelimiter('a\tb\n1\t2')).toBe('\t');
    expect(detectDelimiter('"x;y;z",b\n')).toBe(',');
    expect(parseCsv('a;b\n"1;2";3')).toEqual([['a', 'b'], ['1;2', '3']]);
  });
  it('throws an InputError naming the row of a quote that is never closed', () => {
    try {
      parseCsv('a,b\n1,2\n3,"oops\n', { file: 'f.csv' });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(InputError);
      expect((e as InputError).file).toBe('f.csv');
      expect((e as InputError).row).toBe(3);
    }
  });
});

describe('readCsvTable', () => {
  it('parses plain numbers into Float64Array and keeps other cells as text', () => {
    const t = readCsvTable('id,x,y\r\nA,1.5,"2"\r\nB,-3e2,abc\r\nC,,0.1\r\n');
    expect(t.header).toEqual(['id', 'x', 'y']);
    expect(t.nRows).toBe(3);
    expect(Array.from(t.columns[1].num)).toEqual([1.5, -300, NaN]);
    expect(t.columns[1].str).toBeNull();
    expect(t.columns[2].num[0]).toBe(2);
    expect(t.columns[2].str?.[1]).toBe('abc');
    expect(t.columns[2].num[2]).toBe(0.1);
    expect(texts(t, 0)).toEqual(['A', 'B', 'C']);
    expect(Array.from(t.rowNumber)).toEqual([2, 3, 4]);
  });
  it('parses numbers exactly as Number() does (fast path and long mantissas)', () => {
    const rng = new Rng(7);
    const cells: string[] = ['0', '-0', '+5', '.5', '5.', '1e-7', '2.5E+10', '123456789012345678', '0.1', '9007199254740993', '1.7976931348623157e308', '4.9e-324', '0.30000000000000004', '-0.208978082311709', '0.000012345678901234567', '0.9007199254740993', '900719925474099.25', '0.00000000000000000000012345'];
    for (let i = 0; i < 3000; i++) {
      const v = (rng.uniform() - 0.5) * 10 ** rng.int(12);
      cells.push(v.toFixed(rng.int(10)), String(v), v.toExponential(rng.int(16)));
      // fwrite's 15 significant digits and the 16–17 of a shortest round trip, below 1 in magnitude (leading zeros).
      const w = (rng.uniform() - 0.5) / 10 ** rng.int(6);
      cells.push(w.toPrecision(15), w.toPrecision(16), w.toPrecision(17));
    }
    const t = readCsvTable('x\n' + cells.join('\n') + '\n');
    expect(t.nRows).toBe(cells.length);
    cells.forEach((c, i) => expect(Object.is(t.columns[0].num[i], Number(c)) || t.columns[0].num[i] === Number(c)).toBe(true));
  });
  it('keeps codes with leading zeros as text', () => {
    const t = readCsvTable('code,x\n000001,1\n600519,2\n');
    expect(texts(t, 0)).toEqual(['000001', '600519']);
  });
  it('keeps the value of plain integer ids in keepText columns beside their text', () => {
    const t = readCsvTable('id,x\n12,1\n007,2\n12,3\n5,4\n"9",5\n12,6\n', { keepText: () => [0] });
    expect(texts(t, 0)).toEqual(['12', '007', '12', '5', '9', '12']);
    expect(Array.from(t.columns[0].num)).toEqual([12, NaN, 12, 5, NaN, 12]);
  });
  it('keeps every cell of keepText columns as text', () => {
    const t = readCsvTable('id,x\n1.50,1\n2,2\n', { keepText: () => [0] });
    expect(t.columns[0].str).toEqual(['1.50', '2']);
  });
  it('pads short rows with empty cells and skips lines of empty cells, counting spreadsheet rows', () => {
    const t = readCsvTable('a,b,c\n1\n,,\n\n4,5,6\n');
    expect(t.nRows).toBe(2);
    expect(Array.from(t.columns[1].num)).toEqual([NaN, 5]);
    expect(Array.from(t.rowNumber)).toEqual([2, 5]);
  });
  it('counts a record with a quoted newline as one spreadsheet row', () => {
    const t = readCsvTable('a,b\n"x\ny",1\nz,2\n');
    expect(Array.from(t.rowNumber)).toEqual([2, 3]);
    expect(t.columns[0].str?.[0]).toBe('x\ny');
  });
  it('throws an InputError for a row with more cells than the header', () => {
    expect(() => readCsvTable('a,b\n1,2\n3,4,5\n', { file: 'f.csv' })).toThrow(/more cells than the header/);
    try {
      readCsvTable('a,b\n1,2\n3,4,5\n', { file: 'f.csv' });
    } catch (e) {
      expect((e as InputError).row).toBe(3);
    }
    // Trailing empty cells are harmless.
    expect(readCsvTable('a,b\n1,2,,\n').nRows).toBe(1);
  });
});

describe('readCsvTableBlocks', () => {
  /** Read `text` through readCsvTableBlocks in blocks of `block` bytes, delivered `step` bytes per call. */
  const blocks = (text: string, block: number, step: number, options: Parameters<typeof readCsvTable>[1] = {}) => {
    const bytes = new TextEncoder().encode(text);
    let at = 0;
    const read = (into: Uint8Array, offset: number) => {
      const k = Math.min(step, into.length - offset, bytes.length - at);
      into.set(bytes.subarray(at, at + k), offset);
      at += k;
      return k;
    };
    return readCsvTableBlocks(read, { ...options, size: bytes.length, blockSize: block });
  };
  const outcome = (f: () => unknown) => {
    try {
      return { value: f() };
    } catch (e) {
      return { error: (e as Error).message, row: (e as InputError).row };
    }
  };
  // Quoted cells with line breaks and quotes, CRLF and bare CR line ends, a BOM, blank lines before
  // the header, short and over-long rows, repeated ids, an unclosed quote, text in numeric columns.
  const cases = [
    'id,x,y\r\nA,1.5,"2"\r\nB,-3e2,abc\r\nC,,0.1\r\n',
    '\uFEFF\n\na,b,c\n1\n,,\n\n4,5,6',
    'a,b\n"x\ny",1\nz,2\n"p ""q""\r\n\nr",3\n',
    'a;b\r1;2\r3;4\r',
    'code,name,v\n000001,"Ping An, Bank",1\n000001,"Ping An, Bank",2\n600519,茅台,"3"\n600519,茅台,4e1\n',
    'a,b\n1,2\n3,4,5\n',
    'a,b\n1,2,,\n"3",x"y\n',
    'a,b\n1,"open\n2,3\n',
    '"h\n1",h2\n1,2\n',
    '',
    '\n\n',
  ];
  it('gives the same table (or error) as readCsvTable for every cut of the input', () => {
    for (const text of cases) {
      const whole = outcome(() => readCsvTable(text, { file: 'f.csv', keepText: () => [0] }));
      for (let block = 1; block <= text.length + 2; block++) {
        for (const step of [1, 3, block]) {
          expect(outcome(() => blocks(text, block, step, { file: 'f.csv', keepText: () => [0] }))).toEqual(whole);
        }
      }
    }
  });
  it('grows the columns when the size estimate is short, and reads a large file exactly', () => {
    const rng = new Rng(11);
    let text = 'id,year,x\n';
    const expected: number[] = [];
    for (let i = 0; i < 20000; i++) {
      // Long lines first, then short ones: the first block under-estimates the row count.
      const v = i < 500 ? rng.normal() * 1e6 : rng.int(10);
      expected.push(v);
      text += `${i < 500 ? 'entity-with-a-long-name' : 'e'}${i},${2000 + (i % 10)},${v}\n`;
    }
    const t = blocks(text, 4096, 4096);
    expect(t.nRows).toBe(20000);
    expect(Array.from(t.columns[2].num)).toEqual(expected);
    expect(t).toEqual(readCsvTable(text));
    // A wrong size (a pipe reports 0) only loses the estimate.
    for (const size of [0, 10, text.length * 100]) {
      const bytes = new TextEncoder().encode(text);
      let at = 0;
      const read = (into: Uint8Array, offset: number) => {
        const k = Math.min(into.length - offset, bytes.length - at);
        into.set(bytes.subarray(at, at + k), offset);
        at += k;
        return k;
      };
      expect(readCsvTableBlocks(read, { size, blockSize: 4096 })).toEqual(t);
    }
  });
});

describe('formatCsv', () => {
  it('quotes what needs quoting and writes NaN as empty', () => {
    expect(formatCsv([['a', 'b'], ['x,y', 'say "hi"'], [1.5, NaN], [' pad', 'two\nlines']])).toBe(
      'a,b\r\n"x,y","say ""hi"""\r\n1.5,\r\n" pad","two\nlines"\r\n',
    );
  });
  it('writes named columns and reads them back exactly', () => {
    const x = Float64Array.of(0.1, 1 / 3, -2e-12, NaN);
    const text = formatCsv({ id: ['a', 'b', 'c', 'd'], x });
    const t = readCsvTable(text);
    expect(Array.from(t.columns[1].num)).toEqual(Array.from(x));
  });
});

describe('line ends', () => {
  it('reads files with bare CR line ends (old Mac Excel)', () => {
    const t = readCsvTable('a,b\r1,2\r3,4\r5,6');
    expect(t.nRows).toBe(3);
    expect(Array.from(t.columns[1].num)).toEqual([2, 4, 6]);
    expect(Array.from(t.rowNumber)).toEqual([2, 3, 4]);
  });
});

describe('quoted numbers', () => {
  it('reads a quoted plain number as a number, and keeps quoted codes and separators as text', () => {
    const t = readCsvTable('a,b,c,d\n"1.5","007","1,234.5","2"x\n');
    expect(t.columns[0].num[0]).toBe(1.5);
    expect(t.columns[0].str).toBeNull();
    expect(t.columns[1].str?.[0]).toBe('007');
    expect(t.columns[2].str?.[0]).toBe('1,234.5');
    expect(t.columns[3].str?.[0]).toBe('2x');
  });
});
