/**
 * Stata .dta (formats 114–119) and SPSS .sav files go through the same panel detection as a CSV and
 * give the same panel: test/fixtures/tables/held-out.R wrote one data set as CSV, .dta by haven 2.5.1
 * (formats 114, 115, 117, 118) and .sav (uncompressed, bytecode, zlib). Format 119 (Stata's format for
 * more than 32,767 variables, which haven does not write) is made here from the 118 file by the
 * specification's differences; the numeric types haven never writes (byte, int, float) and Stata's
 * missing-value ranges are checked on a file assembled byte by byte, in both byte orders.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDta } from '../../src/data/dta.js';
import type { Panel } from '../../src/data/panel.js';
import { readPanelFromBytes } from '../../src/data/read-table.js';
import { readSav } from '../../src/data/sav.js';
import { readPanel } from '../../src/io/read-panel.js';
import { inputError } from '../helpers/expect.js';
import { ROOT } from '../helpers/root.js';

const DIR = path.join(ROOT, 'test/fixtures/tables');
const bytes = (name: string) => new Uint8Array(readFileSync(path.join(DIR, name)));

/** What must agree between two readings of the same data. */
function shape(p: Panel) {
  return {
    entityColumn: p.entityColumn,
    periodColumn: p.periodColumn,
    entities: p.entities.map((e) => [e.id, e.group]),
    periods: p.periods,
    period: Array.from(p.period),
    columns: Object.fromEntries(Object.entries(p.columns).map(([k, v]) => [k, Array.from(v)])),
    text: p.text,
  };
}

/** Format 118 → 119: K in 4 bytes, sort list entries in 4 bytes, strL references (v, o) as 3 + 5 bytes; map offsets shifted. */
function dta118to119(b: Uint8Array): Uint8Array {
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const text = new TextDecoder('latin1').decode(b);
  const K = dv.getUint16(text.indexOf('<K>') + 3, true);
  const mapAt = text.indexOf('<map>') + 5;
  const map = Array.from({ length: 14 }, (_, k) => Number(dv.getBigUint64(mapAt + 8 * k, true)));
  const types = Array.from({ length: K }, (_, j) => dv.getUint16(map[2] + 16 + 2 * j, true));
  const parts: Uint8Array[] = [];
  const kAt = text.indexOf('<K>') + 3;
  const head = new Uint8Array(b.subarray(0, kAt));
  head.set(new TextEncoder().encode('119'), text.indexOf('<release>') + 9);
  parts.push(head, new Uint8Array([K & 255, K >> 8, 0, 0]), b.subarray(kAt + 2, map[4] + 10));
  const sort = new Uint8Array(4 * (K + 1));
  for (let j = 0; j <= K; j++) sort.set(b.subarray(map[4] + 10 + 2 * j, map[4] + 12 + 2 * j), 4 * j);
  parts.push(sort, b.subarray(map[4] + 10 + 2 * (K + 1), map[9]));
  // Data: strL references (v: 2 bytes, o: 6 bytes) become (v: 3 bytes, o: 5 bytes).
  const data = new Uint8Array(b.subarray(map[9], map[10]));
  const widths = types.map((t) => (t <= 2045 ? t : t === 32768 ? 8 : ({ 65526: 8, 65527: 4, 65528: 4, 65529: 2, 65530: 1 } as Record<number, number>)[t]));
  const row = widths.reduce((a, c) => a + c, 0);
  const N = Number(dv.getBigUint64(text.indexOf('<N>') + 3, true));
  const start = 6; // '<data>'
  for (let i = 0; i < N; i++)
    for (let j = 0, off = 0; j < K; off += widths[j++])
      if (types[j] === 32768) {
        const at = start + i * row + off;
        const v = data[at] + 256 * data[at + 1];
        let o = 0;
        for (let k = 5; k >= 0; k--) o = o * 256 + data[at + 2 + k];
        const out = [v & 255, (v >> 8) & 255, v >> 16];
        for (let k = 0, x = o; k < 5; k++, x = Math.floor(x / 256)) out.push(x % 256);
        data.set(out, at);
      }
  parts.push(data, b.subarray(map[10]));
  const total = parts.reduce((a, p) => a + p.length, 0);
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  const shift = (k: number) => (k >= 4 ? 2 + 2 * (K + 1) : k >= 1 ? 2 : 0);
  const odv = new DataView(out.buffer);
  for (let k = 0; k < 14; k++) odv.setBigUint64(mapAt + 2 + 8 * k, BigInt(map[k] + (k >= 1 ? shift(k) : 0)), true);
  return out;
}

describe('Stata and SPSS files read as the same panel as the CSV', () => {
  it('every format gives the CSV’s panel: entities, groups from the value labels, periods, numbers, texts, dates', async () => {
    const csv = shape(await readPanel(path.join(DIR, 'held-out.csv')));
    expect(csv.entities[0]).toEqual(['1', 'East']);
    expect(Object.keys(csv.columns)).toEqual(['x1', 'x2', 'x3', 'nq']);
    for (const f of ['114', '115', '117', '118'].map((v) => `held-out-${v}.dta`).concat(['held-out.sav', 'held-out-byte.sav', 'held-out.zsav'])) {
      const p = await readPanel(path.join(DIR, f));
      expect(shape(p), f).toEqual(csv);
      expect(p.meta.labels?.x2, f).toBe('Patents granted');
    }
    const p119 = await readPanelFromBytes(dta118to119(bytes('held-out-118.dta')), { fileName: 'held-out-119.dta' });
    expect(shape(p119)).toEqual(csv);
    expect(p119.notes[0].message).toContain('format 119');
  });

  it('--codes keeps the numeric codes of labelled variables', async () => {
    for (const f of ['held-out-118.dta', 'held-out.sav']) {
      const p = await readPanel(path.join(DIR, f), { codes: true });
      expect(Array.from(new Set(p.columns.region)).sort(), f).toEqual([1, 2, 3]);
      expect(p.entities[0].group, f).toBeUndefined();
    }
  });

  it('strLs of formats 117, 118 and 119 (a 2,249-character Chinese text, a short one, an empty one)', () => {
    const long = '长文本 long text. '.repeat(150).trim();
    for (const [name, b] of [
      ['strl-117.dta', bytes('strl-117.dta')],
      ['strl-118.dta', bytes('strl-118.dta')],
      ['strl-119.dta', dta118to119(bytes('strl-118.dta'))],
    ] as const) {
      const r = readDta(b, { fileName: name });
      expect(r.table.header, name).toEqual(['id', 'year', 'memo', 'value']);
      expect(r.table.columns[2].str, name).toEqual([long, 'short', undefined]);
      expect(Array.from(r.table.columns[3].num), name).toEqual([1.5, NaN, 3]);
    }
  });

  it('SPSS user-missing values (-99 declared missing) and system-missing read as missing; labels kept', () => {
    const r = readSav(bytes('held-out.sav'), { fileName: 'held-out.sav' });
    const x2 = r.table.columns[r.table.header.indexOf('x2')].num;
    expect(Array.from(x2).some((x) => x === -99)).toBe(false);
    expect(r.variableLabels.nq).toBe('新质生产力');
    expect(r.encoding).toBe('utf-8');
  });
});

/** A format-114 file built from the specification: five numeric types, missing codes, a value label. */
function dta114(littleEndian: boolean): Uint8Array {
  const names = ['b', 'i', 'l', 'f', 'd'];
  const types = [251, 252, 253, 254, 255];
  const nobs = 4;
  const chunks: number[] = [];
  const push = (n: number, v: number, kind: 'i' | 'f' = 'i') => {
    const b = new DataView(new ArrayBuffer(n));
    if (kind === 'f' && n === 4) b.setFloat32(0, Number(v), littleEndian);
    else if (kind === 'f') b.setFloat64(0, Number(v), littleEndian);
    else if (n === 1) b.setInt8(0, Number(v));
    else if (n === 2) b.setInt16(0, Number(v), littleEndian);
    else b.setInt32(0, Number(v), littleEndian);
    chunks.push(...new Uint8Array(b.buffer));
  };
  const fixed = (s: string, n: number) => chunks.push(...Array.from({ length: n }, (_, k) => (k < s.length ? s.charCodeAt(k) : 0)));
  chunks.push(114, littleEndian ? 2 : 1, 1, 0);
  push(2, names.length);
  push(4, nobs);
  fixed('', 81);
  fixed('', 18);
  chunks.push(...types);
  for (const n of names) fixed(n, 33);
  fixed('', 2 * (names.length + 1));
  for (const _ of names) fixed('%9.0g', 49);
  for (const n of names) fixed(n === 'b' ? 'yesno' : '', 33);
  for (const n of names) fixed(`label of ${n}`, 81);
  chunks.push(0, 0, 0, 0, 0);
  // Rows: a value; the largest non-missing value; "." ; ".z".
  const rows: [number, number, number, number, number][] = [
    [1, -5, 123456, 1.5, -2.25],
    [100, 32740, 2147483620, 1.7014117e38, 8.98846567431157e307],
    [101, 32741, 2147483621, 2 ** 127, 2 ** 1023],
    [127, 32767, 2147483647, 2 ** 127 * 1.0000952, 2 ** 1023 * 1.0000000000000007],
  ];
  for (const r of rows) {
    push(1, r[0]);
    push(2, r[1]);
    push(4, r[2]);
    push(4, r[3], 'f');
    push(8, r[4], 'f');
  }
  // Value label "yesno": 1 → "yes".
  const table: number[] = [];
  const tv = (n: number) => {
    const b = new DataView(new ArrayBuffer(4));
    b.setInt32(0, n, littleEndian);
    table.push(...new Uint8Array(b.buffer));
  };
  tv(1);
  tv(4);
  tv(0);
  tv(1);
  table.push(...Array.from('yes\0', (c) => c.charCodeAt(0)));
  push(4, table.length);
  fixed('yesno', 33);
  fixed('', 3);
  chunks.push(...table);
  return Uint8Array.from(chunks);
}

describe('the .dta specification, byte by byte', () => {
  for (const le of [true, false]) {
    it(`format 114, ${le ? 'little' : 'big'}-endian: byte/int/long/float/double, "." and ".z" are missing, labels`, () => {
      const r = readDta(dta114(le), { fileName: 'spec.dta', codes: true });
      expect(r.table.header).toEqual(['b', 'i', 'l', 'f', 'd']);
      const col = (k: number) => Array.from(r.table.columns[k].num);
      expect(col(0)).toEqual([1, 100, NaN, NaN]);
      expect(col(1)).toEqual([-5, 32740, NaN, NaN]);
      expect(col(2)).toEqual([123456, 2147483620, NaN, NaN]);
      expect(col(3)[0]).toBe(1.5);
      expect(col(3)[1]).toBeCloseTo(1.7014117e38, -32);
      expect(col(3).slice(2)).toEqual([NaN, NaN]);
      expect(col(4)).toEqual([-2.25, 8.98846567431157e307, NaN, NaN]);
      expect(r.variableLabels.i).toBe('label of i');
      // Without --codes a variable with unlabelled values keeps its codes (with a note).
      const labelled = readDta(dta114(le), { fileName: 'spec.dta' });
      expect(labelled.table.columns[0].str).toBeNull();
      expect(labelled.notes.some((n) => n.code === 'value-labels' && /without a value label/.test(n.message))).toBe(true);
    });
  }

  it('clear errors: a truncated file, an old format, not a Stata or SPSS file', async () => {
    const b = bytes('held-out-118.dta');
    inputError(() => readDta(b.subarray(0, 2000), { fileName: 'cut.dta' }), /ends inside|expected/);
    const old = new Uint8Array(200);
    old[0] = 110;
    inputError(() => readDta(old, { fileName: 'old.dta' }), /format 110.*not supported/);
    inputError(() => readSav(b, { fileName: 'x.sav' }), /not an SPSS/);
    inputError(() => readSav(bytes('held-out.sav').subarray(0, 3000), { fileName: 'cut.sav' }), /ends inside/);
    await inputError(readPanelFromBytes(new TextEncoder().encode('a,b\n1,2\n'), { fileName: 'x.dta' }), /not a Stata/);
  });
});
