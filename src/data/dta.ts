/**
 * Stata .dta files, formats 113–119, read from Stata's published specification (`help dta`; formats
 * 113–115 of Stata 8–12 and the tagged formats 117 of Stata 13, 118 of Stata 14–18 and 119 for more
 * than 32,767 variables). Pure TypeScript on the file's bytes: runs in the browser workbench.
 *
 * - Numeric types byte, int, long, float, double; Stata's missing values `.` and `.a`–`.z` (the
 *   values above each type's largest non-missing value) become NaN.
 * - Strings str1–str2045 and strL (format 117+; binary strLs are left empty). Formats 118–119 hold
 *   UTF-8; for 113–117, whose encoding is the writer's code page, UTF-8 is tried first, then GB18030
 *   (the GBK of Chinese Stata), or `encoding`.
 * - Variable labels; value labels read as text (or the codes with `codes`).
 * - Dates: `%td` days, `%tc`/`%tC` milliseconds, `%tm` months and `%tq` quarters since 1960 become
 *   the text "2016-12-31", "2016-12", "2016Q4" that the period parser reads.
 */
import { InputError } from '../core/errors.js';
import { ByteCursor, NotUtf8Text, textDecoder, untilNul } from './binary.js';
import { isoDate, labelledTable, type LabelledVariable, type StatFileOptions, type StatFileTable } from './labelled.js';

/** Milliseconds from 1970-01-01 to Stata's epoch 1960-01-01. */
const STATA_EPOCH_MS = Date.UTC(1960, 0, 1);
const DAY_MS = 86_400_000;

/** A variable's storage: a string of `width` bytes, a strL, or a numeric type. */
type Storage = { kind: 'str'; width: number } | { kind: 'strl' } | { kind: 'byte' | 'int' | 'long' | 'float' | 'double' };

const WIDTH = { byte: 1, int: 2, long: 4, float: 4, double: 8 } as const;

/** The layout facts that differ between formats. */
interface Layout {
  readonly release: number;
  readonly nameLen: number;
  readonly formatLen: number;
  readonly labelLen: number;
}

function layoutOf(release: number): Layout {
  if (release >= 118) return { release, nameLen: 129, formatLen: 57, labelLen: 321 };
  if (release === 117) return { release, nameLen: 33, formatLen: 49, labelLen: 81 };
  return { release, nameLen: 33, formatLen: release === 113 ? 12 : 49, labelLen: 81 };
}

function oldType(code: number, file: string): Storage {
  if (code >= 1 && code <= 244) return { kind: 'str', width: code };
  const k = ({ 251: 'byte', 252: 'int', 253: 'long', 254: 'float', 255: 'double' } as const)[code as 251];
  if (!k) throw new InputError(`not a valid Stata file: unknown variable type ${code}`, { file });
  return { kind: k };
}

function newType(code: number, file: string): Storage {
  if (code >= 1 && code <= 2045) return { kind: 'str', width: code };
  if (code === 32768) return { kind: 'strl' };
  const k = ({ 65526: 'double', 65527: 'float', 65528: 'long', 65529: 'int', 65530: 'byte' } as const)[code as 65526];
  if (!k) throw new InputError(`not a valid Stata file: unknown variable type ${code}`, { file });
  return { kind: k };
}

function storageWidth(s: Storage): number {
  return s.kind === 'str' ? s.width : s.kind === 'strl' ? 8 : WIDTH[s.kind];
}

/**
 * Stata's missing values: for each numeric type the values above its largest non-missing value
 * (byte 100, int 32,740, long 2,147,483,620, float and double just below 2¹²⁷ and 2¹⁰²³) are `.`,
 * `.a`, …, `.z`.
 */
function readNumber(c: ByteCursor, at: number, kind: 'byte' | 'int' | 'long' | 'float' | 'double'): number {
  const v = c.view;
  const le = c.littleEndian;
  switch (kind) {
    case 'byte': {
      const x = v.getInt8(at);
      return x > 100 ? NaN : x;
    }
    case 'int': {
      const x = v.getInt16(at, le);
      return x > 32740 ? NaN : x;
    }
    case 'long': {
      const x = v.getInt32(at, le);
      return x > 2147483620 ? NaN : x;
    }
    case 'float': {
      const x = v.getFloat32(at, le);
      return x >= 2 ** 127 || Number.isNaN(x) ? NaN : x;
    }
    case 'double': {
      const x = v.getFloat64(at, le);
      return x >= 2 ** 1023 || Number.isNaN(x) ? NaN : x;
    }
  }
}

/** The date text of a Stata date value by its display format, or undefined when it is not a date format. */
function dateConverter(format: string): ((x: number) => string) | undefined {
  const f = format.replace(/^%-?/, '%');
  if (/^%t?d/.test(f) && !/^%tc|^%tC/.test(f)) return (x) => isoDate(STATA_EPOCH_MS + x * DAY_MS);
  if (/^%t[cC]/.test(f)) return (x) => isoDate(STATA_EPOCH_MS + x);
  if (/^%tm/.test(f))
    return (x) => {
      const y = 1960 + Math.floor(x / 12);
      return `${y}-${String((((x % 12) + 12) % 12) + 1).padStart(2, '0')}`;
    };
  if (/^%tq/.test(f)) return (x) => `${1960 + Math.floor(x / 4)}Q${(((x % 4) + 4) % 4) + 1}`;
  return undefined;
}

/** Value-label tables: name → (value → label). */
function readLabelTable(c: ByteCursor, decode: (b: Uint8Array) => string): Map<number, string> {
  const n = c.u32();
  const txtlen = c.u32();
  c.need(8 * n + txtlen, 'value labels');
  const off = Array.from({ length: n }, () => c.u32());
  const val = Array.from({ length: n }, () => c.i32());
  const txt = c.take(txtlen, 'value labels');
  const m = new Map<number, string>();
  for (let k = 0; k < n; k++) m.set(val[k], decode(untilNul(txt.subarray(off[k]))));
  return m;
}

interface Dictionary {
  readonly nvar: number;
  readonly nobs: number;
  readonly types: Storage[];
  readonly names: string[];
  readonly formats: string[];
  readonly labelNames: string[];
  readonly varLabels: string[];
}

/** Parse the file with one text decoder (throws NotUtf8Text when strict UTF-8 fails). */
function parse(bytes: Uint8Array, options: StatFileOptions, decode: (b: Uint8Array) => string): LabelledVariable[] & { nobs?: number } {
  const file = options.fileName;
  const tagged = bytes[0] === 0x3c; // '<stata_dta>'
  let c: ByteCursor;
  let layout: Layout;
  let dict: Dictionary;
  let dataStart: number;
  let strlStart = -1;
  let labelsStart = -1;
  let labelsEnd = bytes.length;
  const str = (n: number) => decode(untilNul(c.take(n)));
  if (tagged) {
    c = new ByteCursor(bytes, true, file);
    c.expect('<stata_dta><header><release>');
    const release = Number(c.ascii(3));
    if (!(release >= 117 && release <= 119))
      throw new InputError(`Stata format ${release} is not supported (formats 113–119 are)`, {
        file,
        hint: 'save the file again from Stata 13 or later, or export it as CSV',
      });
    layout = layoutOf(release);
    c.expect('</release><byteorder>');
    const order = c.ascii(3);
    c.littleEndian = order === 'LSF';
    c.expect('</byteorder><K>');
    const nvar = release === 119 ? c.u32() : c.u16();
    c.expect('</K><N>');
    const nobs = release === 117 ? c.u32() : c.u64();
    c.expect('</N><label>');
    c.skip(release === 117 ? c.u8() : c.u16());
    c.expect('</label><timestamp>');
    c.skip(c.u8());
    c.expect('</timestamp></header><map>');
    const map = Array.from({ length: 14 }, () => c.u64());
    const at = (k: number, tag: string) => {
      c.pos = map[k];
      c.expect(tag);
    };
    at(2, '<variable_types>');
    const types = Array.from({ length: nvar }, () => newType(c.u16(), file));
    at(3, '<varnames>');
    const names = Array.from({ length: nvar }, () => str(layout.nameLen));
    at(5, '<formats>');
    const formats = Array.from({ length: nvar }, () => str(layout.formatLen));
    at(6, '<value_label_names>');
    const labelNames = Array.from({ length: nvar }, () => str(layout.nameLen));
    at(7, '<variable_labels>');
    const varLabels = Array.from({ length: nvar }, () => str(layout.labelLen));
    at(9, '<data>');
    dataStart = c.pos;
    strlStart = map[10];
    labelsStart = map[11];
    labelsEnd = map[12];
    dict = { nvar, nobs, types, names, formats, labelNames, varLabels };
  } else {
    const release = bytes[0];
    if (!(release >= 113 && release <= 115))
      throw new InputError(
        release >= 102 && release <= 112
          ? `Stata format ${release} (Stata 7 or earlier) is not supported (formats 113–119 are)`
          : 'not a Stata .dta file (the first byte names no Stata format)',
        { file, hint: 'save the file again from Stata, or export it as CSV' },
      );
    layout = layoutOf(release);
    c = new ByteCursor(bytes, bytes[1] === 2, file);
    c.skip(4);
    const nvar = c.u16();
    const nobs = c.u32();
    c.skip(81 + 18, 'header');
    const types = Array.from(c.take(nvar, 'variable types'), (t) => oldType(t, file));
    const names = Array.from({ length: nvar }, () => str(33));
    c.skip(2 * (nvar + 1), 'sort list');
    const formats = Array.from({ length: nvar }, () => str(layout.formatLen));
    const labelNames = Array.from({ length: nvar }, () => str(33));
    const varLabels = Array.from({ length: nvar }, () => str(81));
    for (;;) {
      const type = c.u8();
      const len = c.u32();
      if (type === 0 && len === 0) break;
      c.skip(len, 'expansion fields');
    }
    dataStart = c.pos;
    dict = { nvar, nobs, types, names, formats, labelNames, varLabels };
  }
  const { nvar, nobs, types } = dict;
  const widths = types.map(storageWidth);
  const offsets: number[] = [];
  let rowWidth = 0;
  for (const w of widths) {
    offsets.push(rowWidth);
    rowWidth += w;
  }
  c.pos = dataStart;
  c.need(rowWidth * nobs, 'data');
  // strLs (format 117+): GSO blocks keyed by (variable, observation).
  const strls = new Map<string, string>();
  if (tagged && types.some((t) => t.kind === 'strl')) {
    c.pos = strlStart;
    c.expect('<strls>');
    for (;;) {
      if (c.bytes[c.pos] !== 0x47) break; // 'G' of GSO; else '</strls>'
      c.expect('GSO');
      const v = c.u32();
      const o = layout.release === 117 ? c.u32() : c.u64();
      const t = c.u8();
      const len = c.u32();
      const data = c.take(len, 'strLs');
      strls.set(`${v}:${o}`, t === 130 ? decode(untilNul(data)) : '');
    }
  }
  const vs = layout.release === 118 ? 2 : layout.release === 119 ? 3 : 4;
  const vars: LabelledVariable[] = [];
  for (let j = 0; j < nvar; j++) {
    const t = types[j];
    const base = dataStart + offsets[j];
    const name = dict.names[j];
    const label = dict.varLabels[j] || undefined;
    if (t.kind === 'str' || t.kind === 'strl') {
      const out: string[] = new Array(nobs);
      for (let i = 0; i < nobs; i++) {
        const at = base + i * rowWidth;
        if (t.kind === 'str') out[i] = decode(untilNul(bytes.subarray(at, at + t.width))).trim();
        else {
          c.pos = at;
          const v = c.uint(vs);
          const o = c.uint(8 - vs);
          out[i] = v === 0 && o === 0 ? '' : (strls.get(`${v}:${o}`) ?? '').trim();
        }
      }
      vars.push({ name, label, str: out });
      continue;
    }
    const num = new Float64Array(nobs);
    for (let i = 0; i < nobs; i++) num[i] = readNumber(c, base + i * rowWidth, t.kind);
    const toDate = dateConverter(dict.formats[j]);
    if (toDate) {
      vars.push({ name, label, str: Array.from(num, (x) => (Number.isFinite(x) ? toDate(x) : '')) });
      continue;
    }
    vars.push({ name, label, num, valueLabels: undefined });
  }
  // Value labels: after the data (113–115), or in <value_labels> (117+).
  const tables = new Map<string, Map<number, string>>();
  c.pos = tagged ? labelsStart : dataStart + rowWidth * nobs;
  if (tagged) c.expect('<value_labels>');
  for (;;) {
    if (tagged) {
      if (c.pos + 5 > labelsEnd || c.ascii(5) !== '<lbl>') break;
    } else if (c.pos + 4 > bytes.length) break;
    const len = c.u32();
    const name = str(layout.nameLen);
    c.skip(3);
    const end = c.pos + len;
    tables.set(name, readLabelTable(c, decode));
    c.pos = end;
    if (tagged) c.expect('</lbl>');
  }
  const out = vars.map((v, j) => {
    const table = dict.labelNames[j] ? tables.get(dict.labelNames[j]) : undefined;
    return table && v.num ? { ...v, valueLabels: table } : v;
  });
  return Object.assign(out, { nobs });
}

/** Is this the start of a .dta file (a tagged `<stata_dta>` file or an old format's first byte)? */
export function isDta(bytes: Uint8Array): boolean {
  if (bytes.length < 11) return false;
  if (String.fromCharCode(...bytes.subarray(0, 11)) === '<stata_dta>') return true;
  return bytes[0] >= 113 && bytes[0] <= 115 && (bytes[1] === 1 || bytes[1] === 2) && bytes[2] === 1;
}

/**
 * Read a Stata .dta file (formats 113–119) into a raw table, its variable labels and notes (see the
 * module comment for what is read and how).
 *
 * @throws InputError for a format outside 113–119 or a file that is truncated or not a .dta file.
 */
export function readDta(bytes: Uint8Array, options: StatFileOptions): StatFileTable {
  let encoding = options.encoding ?? 'utf-8';
  let vars: LabelledVariable[] & { nobs?: number };
  try {
    vars = parse(bytes, options, textDecoder(options.encoding, options.fileName));
  } catch (e) {
    if (!(e instanceof NotUtf8Text)) throw e;
    encoding = 'gb18030';
    vars = parse(bytes, options, textDecoder('gb18030', options.fileName));
  }
  const out = labelledTable(vars, vars.nobs ?? 0, options);
  const release = bytes[0] === 0x3c ? String.fromCharCode(...bytes.subarray(28, 31)) : String(bytes[0]);
  out.notes.unshift({
    level: 'info',
    code: encoding === 'gb18030' && !options.encoding ? 'encoding-gb18030' : 'stat-file',
    message: `${options.fileName}: Stata .dta format ${release}, ${vars.length} variables, ${vars.nobs} observations${encoding === 'gb18030' && !options.encoding ? '; its text is not UTF-8: read as GB18030 (GBK); use --encoding to choose another' : ''}`,
  });
  return { ...out, encoding };
}
