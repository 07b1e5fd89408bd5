/**
 * SPSS system files (.sav, and .zsav), read from the documented format (the PSPP developers' guide,
 * "System File Format"). Pure TypeScript on the file's bytes: runs in the browser workbench. (The npm
 * `sav-reader` 2.0.8 was evaluated: CommonJS only, Node `Buffer` streams, no zlib files — not usable
 * in the browser, hence this reader.)
 *
 * - Uncompressed, bytecode-compressed and zlib-compressed (ZSAV) data, either byte order.
 * - Numeric variables: system-missing and the user-missing values declared for a variable (discrete
 *   values and ranges) become NaN, as haven's `read_sav` does by default.
 * - Strings, long strings (> 8 bytes) and very long strings (> 255 bytes, split into segments).
 * - Long variable names, variable labels, value labels (read as text, or the codes with `codes`).
 * - The encoding named in the file (record 7.20, else the code page of record 7.3); `encoding` overrides.
 * - Date formats (DATE, ADATE, EDATE, SDATE, JDATE, DATETIME, MOYR, QYR) become "2016-12-31",
 *   "2016-12", "2016Q4" text, which the period parser reads.
 */
import { unzlibSync } from 'fflate';
import { InputError } from '../core/errors.js';
import { ByteCursor, NotUtf8Text, textDecoder } from './binary.js';
import { isoDate, labelledTable, type LabelledVariable, type StatFileOptions, type StatFileTable } from './labelled.js';

/** Milliseconds from SPSS's epoch 1582-10-14 to 1970-01-01. */
const SPSS_EPOCH_MS = Date.UTC(1582, 9, 14);

/** One variable record of the dictionary. */
interface VarRecord {
  /** 0 numeric, else the string width in bytes. */
  width: number;
  shortName: string;
  name: string;
  label?: string;
  /** 8-byte slots the variable occupies in a case. */
  slots: number;
  /** Index of its first slot (0-based). */
  slot: number;
  /** Print format type (5 = F, 20 = DATE, …). */
  formatType: number;
  missing: { values: number[]; low?: number; high?: number; strings: Uint8Array[] };
  valueLabels?: Map<number, string>;
}

/** Date text of a value by its SPSS print format, or undefined when the format is not a date. */
function spssDate(formatType: number): ((x: number) => string) | undefined {
  const ms = (x: number) => SPSS_EPOCH_MS + x * 1000;
  // DATE, ADATE, JDATE, EDATE, SDATE; DATETIME, YMDHMS; MOYR; QYR (PSPP's format type codes).
  if ([20, 23, 24, 38, 39].includes(formatType)) return (x) => isoDate(ms(Math.round(x / 86400) * 86400));
  if (formatType === 22 || formatType === 41) return (x) => isoDate(ms(x));
  if (formatType === 28) return (x) => isoDate(ms(x)).slice(0, 7);
  if (formatType === 29)
    return (x) => {
      const d = new Date(ms(x));
      return `${d.getUTCFullYear()}Q${Math.floor(d.getUTCMonth() / 3) + 1}`;
    };
  return undefined;
}

/** The TextDecoder label of an SPSS code page (record 7.3). */
function codePageEncoding(cp: number): string | undefined {
  if (cp === 65001) return 'utf-8';
  if (cp === 936 || cp === 54936) return 'gb18030';
  if (cp === 950) return 'big5';
  if (cp === 1252 || cp === 1250 || cp === 1251) return `windows-${cp}`;
  if (cp === 2 || cp === 3) return undefined; // "compatibility" codes: unknown
  return undefined;
}

/** The bytecode-compressed case data as plain 8-byte slots (`bias` added to the small integers). */
function decompress(
  c: ByteCursor,
  end: number,
  bias: number,
  sysmis: Uint8Array,
  casesSlots: number,
  ncases: number,
): Uint8Array {
  const src = c.bytes;
  let out = new Uint8Array(ncases >= 0 ? ncases * casesSlots * 8 : Math.max(1024, (end - c.pos) * 8));
  let view = new DataView(out.buffer);
  let n = 0;
  let p = c.pos;
  const le = c.littleEndian;
  outer: while (p + 8 <= end) {
    const block = p;
    p += 8;
    for (let k = 0; k < 8; k++) {
      const code = src[block + k];
      if (code === 0) continue;
      if (code === 252) break outer;
      if (n + 8 > out.length) {
        const grown = new Uint8Array(out.length * 2);
        grown.set(out);
        out = grown;
        view = new DataView(out.buffer);
      }
      if (code === 253) {
        if (p + 8 > end) break outer;
        for (let b = 0; b < 8; b++) out[n + b] = src[p + b];
        p += 8;
      } else if (code === 254) out.fill(0x20, n, n + 8);
      else if (code === 255) out.set(sysmis, n);
      else view.setFloat64(n, code - bias, le);
      n += 8;
    }
  }
  c.pos = p;
  return out.subarray(0, n - (n % (casesSlots * 8)));
}

function parse(bytes: Uint8Array, options: StatFileOptions, forced: ((b: Uint8Array) => string) | undefined) {
  const file = options.fileName;
  const magic = String.fromCharCode(...bytes.subarray(0, 4));
  if (magic !== '$FL2' && magic !== '$FL3')
    throw new InputError('not an SPSS .sav file (it does not start with $FL2)', {
      file,
      hint: 'save it again from SPSS (File > Save As > .sav), or export it as CSV',
    });
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const layoutLE = view.getInt32(64, true);
  const le = layoutLE === 2 || layoutLE === 3;
  const c = new ByteCursor(bytes, le, file);
  c.pos = 64;
  c.i32(); // layout code
  c.i32(); // nominal case size
  const compression = c.i32();
  c.i32(); // weight index
  const ncases = c.i32();
  const bias = c.f64();
  c.skip(9 + 8 + 64 + 3, 'header');
  const vars: VarRecord[] = [];
  const slotOwner: number[] = []; // slot → variable index (continuations included)
  const rawLabels: { pairs: [Uint8Array, Uint8Array][]; slots: number[] }[] = [];
  const longNames: string[] = [];
  const veryLong = new Map<string, number>();
  let encodingName: string | undefined;
  let codePage: number | undefined;
  let sysmisBytes = new Uint8Array(8);
  new DataView(sysmisBytes.buffer).setFloat64(0, -Number.MAX_VALUE, le);
  const rawNames: Uint8Array[] = [];
  const rawVarLabels: (Uint8Array | undefined)[] = [];
  for (;;) {
    const rec = c.i32();
    if (rec === 2) {
      const type = c.i32();
      const hasLabel = c.i32();
      const nMissing = c.i32();
      const print = c.i32();
      c.i32(); // write format
      const name = c.take(8, 'variable record');
      let label: Uint8Array | undefined;
      if (hasLabel === 1) {
        const len = c.i32();
        label = c.take(len, 'variable label');
        c.skip((4 - (len % 4)) % 4);
      }
      const missing: VarRecord['missing'] = { values: [], strings: [] };
      const m = Math.abs(nMissing);
      for (let k = 0; k < m; k++) {
        if (type === 0) {
          const x = c.f64();
          if (nMissing < 0 && k === 0) missing.low = x;
          else if (nMissing < 0 && k === 1) missing.high = x;
          else missing.values.push(x);
        } else missing.strings.push(c.take(8, 'missing values'));
      }
      if (type === -1) {
        slotOwner.push(vars.length - 1);
        vars[vars.length - 1].slots++;
        continue;
      }
      slotOwner.push(vars.length);
      vars.push({
        width: type,
        shortName: '',
        name: '',
        slots: 1,
        slot: slotOwner.length - 1,
        formatType: (print >> 16) & 0xff,
        missing,
      });
      rawNames.push(name);
      rawVarLabels.push(label);
    } else if (rec === 3) {
      const count = c.i32();
      const pairs: [Uint8Array, Uint8Array][] = [];
      for (let k = 0; k < count; k++) {
        const value = c.take(8, 'value labels');
        const len = c.u8();
        const text = c.take(len, 'value labels');
        c.skip((8 - ((len + 1) % 8)) % 8);
        pairs.push([value, text]);
      }
      if (c.i32() !== 4) throw new InputError('not a valid SPSS file: value labels without their variables', { file });
      const nv = c.i32();
      const slots = Array.from({ length: nv }, () => c.i32() - 1);
      rawLabels.push({ pairs, slots });
    } else if (rec === 6) {
      c.skip(80 * c.i32(), 'documents');
    } else if (rec === 7) {
      const subtype = c.i32();
      const size = c.i32();
      const count = c.i32();
      const start = c.pos;
      c.need(size * count, 'extension record');
      if (subtype === 3 && size === 4 && count >= 8) {
        c.pos = start + 28;
        codePage = c.i32();
      } else if (subtype === 4 && size === 8 && count >= 1) {
        sysmisBytes = bytes.slice(start, start + 8);
      } else if (subtype === 13) {
        longNames.push(String.fromCharCode(...c.take(size * count)));
      } else if (subtype === 14) {
        // "SHORTNAME=00300\0\t…": the true width of very long strings.
        const text = String.fromCharCode(...c.take(size * count));
        for (const part of text.split(/[\t\0]+/)) {
          const m = /^([^=]+)=0*(\d+)$/.exec(part);
          if (m) veryLong.set(m[1], Number(m[2]));
        }
      } else if (subtype === 20) {
        encodingName = String.fromCharCode(...c.take(size * count)).trim();
      }
      c.pos = start + size * count;
    } else if (rec === 999) {
      c.i32();
      break;
    } else {
      throw new InputError(`not a valid SPSS file: unknown record type ${rec} at byte ${c.pos - 4}`, { file });
    }
  }
  // Text: the file's encoding unless one is forced; strict UTF-8 (then GB18030) when it names none.
  const named = encodingName ?? (codePage !== undefined ? codePageEncoding(codePage) : undefined);
  let decode: (b: Uint8Array) => string;
  let encoding: string;
  if (forced) {
    decode = forced;
    encoding = options.encoding!;
  } else if (named && !/^utf-?8$/i.test(named)) {
    decode = textDecoder(named, file);
    encoding = named.toLowerCase();
  } else {
    decode = textDecoder(undefined, file);
    encoding = 'utf-8';
  }
  const trimmed = (b: Uint8Array) => decode(b).replace(/[\s\0]+$/u, '');
  vars.forEach((v, k) => {
    v.shortName = trimmed(rawNames[k]);
    v.name = v.shortName;
    const l = rawVarLabels[k];
    if (l) v.label = trimmed(l) || undefined;
  });
  // Long names: "SHORT=Long name\tSHORT2=…" in the file's encoding.
  const longText = longNames.length ? decode(Uint8Array.from(longNames.join('\t'), (ch) => ch.charCodeAt(0))) : '';
  const longOf = new Map<string, string>();
  for (const part of longText.split('\t')) {
    const k = part.indexOf('=');
    if (k > 0) longOf.set(part.slice(0, k).toUpperCase(), part.slice(k + 1).replace(/\0+$/, ''));
  }
  for (const v of vars) v.name = longOf.get(v.shortName.toUpperCase()) ?? v.shortName;
  // Value labels (numeric variables; string labels are left out, as strings stay text anyway).
  for (const { pairs, slots } of rawLabels) {
    for (const s of slots) {
      const v = vars[slotOwner[s]];
      if (!v || v.width !== 0) continue;
      v.valueLabels ??= new Map();
      for (const [value, text] of pairs) {
        const x = new DataView(value.buffer, value.byteOffset, 8).getFloat64(0, le);
        v.valueLabels.set(x, trimmed(text));
      }
    }
  }
  // The case data: slots of 8 bytes.
  const casesSlots = slotOwner.length;
  let data: Uint8Array;
  if (compression === 0) {
    const n = ncases >= 0 ? ncases : Math.floor((bytes.length - c.pos) / (8 * casesSlots));
    data = c.take(n * casesSlots * 8, 'data');
  } else if (compression === 1) {
    data = decompress(c, bytes.length, bias, sysmisBytes, casesSlots, ncases);
  } else if (compression === 2) {
    const zheader = c.pos;
    c.i64(); // zheader offset
    const ztrailer = c.i64();
    c.i64(); // ztrailer length
    c.pos = ztrailer;
    c.i64(); // bias
    c.i64(); // zero
    c.i32(); // block size
    const nBlocks = c.i32();
    const parts: Uint8Array[] = [];
    for (let k = 0; k < nBlocks; k++) {
      c.i64(); // uncompressed offset
      const at = c.i64();
      c.i32(); // uncompressed size
      const size = c.i32();
      if (at < zheader || at + size > bytes.length) throw new InputError('not a valid SPSS file: a zlib block lies outside the file', { file });
      parts.push(unzlibSync(bytes.subarray(at, at + size)));
    }
    const total = parts.reduce((s, p) => s + p.length, 0);
    const joined = new Uint8Array(total);
    let o = 0;
    for (const p of parts) {
      joined.set(p, o);
      o += p.length;
    }
    data = decompress(new ByteCursor(joined, le, file), joined.length, bias, sysmisBytes, casesSlots, ncases);
  } else {
    throw new InputError(`SPSS compression ${compression} is not supported`, { file, hint: 'save the file uncompressed or export it as CSV' });
  }
  const nRows = Math.floor(data.length / (casesSlots * 8));
  const dv = new DataView(data.buffer, data.byteOffset, data.byteLength);
  // Little-endian data on an aligned buffer (decompressed data always are) is read as a Float64Array.
  const f64 = le && data.byteOffset % 8 === 0 ? new Float64Array(data.buffer, data.byteOffset, data.byteLength >> 3) : undefined;
  const sysmis = new DataView(sysmisBytes.buffer, sysmisBytes.byteOffset, 8).getFloat64(0, le);
  // Very long strings: the first segment names the variable; later segments (each 252 bytes of text) follow.
  const out: LabelledVariable[] = [];
  for (let k = 0; k < vars.length; k++) {
    const v = vars[k];
    if (v.width === 0) {
      const num = new Float64Array(nRows);
      const { values, low, high } = v.missing;
      for (let i = 0; i < nRows; i++) {
        let x = f64 ? f64[i * casesSlots + v.slot] : dv.getFloat64((i * casesSlots + v.slot) * 8, le);
        if (x === sysmis || x <= -Number.MAX_VALUE || Number.isNaN(x)) x = NaN;
        else if (values.includes(x) || (low !== undefined && high !== undefined && x >= low && x <= high)) x = NaN;
        num[i] = x;
      }
      const toDate = spssDate(v.formatType);
      if (toDate) out.push({ name: v.name, label: v.label, str: Array.from(num, (x) => (Number.isFinite(x) ? toDate(x) : '')) });
      else out.push({ name: v.name, label: v.label, num, valueLabels: v.valueLabels });
      continue;
    }
    const width = veryLong.get(v.shortName);
    const segments: VarRecord[] = [v];
    if (width !== undefined && width > 255) {
      const nseg = Math.ceil(width / 252);
      for (let s = 1; s < nseg && k + 1 < vars.length; s++) segments.push(vars[++k]);
    }
    const strs: string[] = new Array(nRows);
    const missingTexts = v.missing.strings.map((b) => trimmed(b));
    for (let i = 0; i < nRows; i++) {
      const pieces: Uint8Array[] = segments.map((s, si) => {
        const at = (i * casesSlots + s.slot) * 8;
        const len = Math.min(s.width, si < segments.length - 1 ? 252 : s.width);
        return data.subarray(at, at + len);
      });
      const joined = pieces.length === 1 ? pieces[0] : Uint8Array.from(pieces.flatMap((p) => Array.from(p)));
      const s = trimmed(joined);
      strs[i] = missingTexts.includes(s) ? '' : s;
    }
    out.push({ name: v.name, label: v.label, str: strs });
  }
  return { vars: out, nRows, encoding };
}

/** Is this the start of an SPSS system file? */
export function isSav(bytes: Uint8Array): boolean {
  const m = String.fromCharCode(...bytes.subarray(0, 4));
  return m === '$FL2' || m === '$FL3';
}

/**
 * Read an SPSS .sav/.zsav file into a raw table, its variable labels and notes (see the module
 * comment for what is read and how).
 *
 * @throws InputError for a file that is not a system file, truncated, or compressed another way.
 */
export function readSav(bytes: Uint8Array, options: StatFileOptions): StatFileTable {
  const forced = options.encoding !== undefined ? textDecoder(options.encoding, options.fileName) : undefined;
  let r: ReturnType<typeof parse>;
  let fallback = false;
  try {
    r = parse(bytes, options, forced);
  } catch (e) {
    if (!(e instanceof NotUtf8Text)) throw e;
    fallback = true;
    r = parse(bytes, { ...options, encoding: 'gb18030' }, textDecoder('gb18030', options.fileName));
  }
  const out = labelledTable(r.vars, r.nRows, options);
  out.notes.unshift({
    level: 'info',
    code: fallback ? 'encoding-gb18030' : 'stat-file',
    message: `${options.fileName}: SPSS system file, ${r.vars.length} variables, ${r.nRows} cases${fallback ? '; its text is not UTF-8: read as GB18030 (GBK); use --encoding to choose another' : ''}`,
  });
  return { ...out, encoding: fallback ? 'gb18030' : r.encoding };
}
