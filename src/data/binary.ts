/**
 * A cursor over the bytes of a binary file (Stata .dta, SPSS .sav) with either byte order, and the
 * text decoding those formats need. Pure; runs in a browser.
 */
import { InputError } from '../core/errors.js';

/** Reads integers, floats and byte strings in the file's byte order, failing with an InputError past the end. */
export class ByteCursor {
  readonly view: DataView;
  pos = 0;
  constructor(
    readonly bytes: Uint8Array,
    public littleEndian: boolean,
    private readonly file: string,
  ) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  /** Throws the InputError of a file cut short (or a corrupted length) when `n` more bytes are not there. */
  need(n: number, what = 'data'): void {
    if (n < 0 || this.pos + n > this.bytes.length)
      throw new InputError(`the file ends inside its ${what} (truncated or not a valid file)`, {
        file: this.file,
        hint: 'save the file again from Stata or SPSS, or export it as CSV',
      });
  }
  u8(): number {
    this.need(1);
    return this.bytes[this.pos++];
  }
  u16(): number {
    this.need(2);
    const v = this.view.getUint16(this.pos, this.littleEndian);
    this.pos += 2;
    return v;
  }
  i32(): number {
    this.need(4);
    const v = this.view.getInt32(this.pos, this.littleEndian);
    this.pos += 4;
    return v;
  }
  u32(): number {
    this.need(4);
    const v = this.view.getUint32(this.pos, this.littleEndian);
    this.pos += 4;
    return v;
  }
  /** An unsigned integer of `n` ≤ 8 bytes (exact up to 2⁵³). */
  uint(n: number): number {
    this.need(n);
    let v = 0;
    for (let k = 0; k < n; k++) {
      const b = this.bytes[this.pos + (this.littleEndian ? n - 1 - k : k)];
      v = v * 256 + b;
    }
    this.pos += n;
    return v;
  }
  u64(): number {
    return this.uint(8);
  }
  i64(): number {
    this.need(8);
    const v = Number(this.view.getBigInt64(this.pos, this.littleEndian));
    this.pos += 8;
    return v;
  }
  f64(): number {
    this.need(8);
    const v = this.view.getFloat64(this.pos, this.littleEndian);
    this.pos += 8;
    return v;
  }
  take(n: number, what?: string): Uint8Array {
    this.need(n, what);
    const b = this.bytes.subarray(this.pos, this.pos + n);
    this.pos += n;
    return b;
  }
  skip(n: number, what?: string): void {
    this.need(n, what);
    this.pos += n;
  }
  /** Latin-1 text of the next `n` bytes (tags, record names). */
  ascii(n: number): string {
    return String.fromCharCode(...this.take(n));
  }
  /** Consume an expected tag such as `<header>`, or fail naming it. */
  expect(tag: string): void {
    const got = this.pos + tag.length <= this.bytes.length ? this.ascii(tag.length) : '';
    if (got !== tag)
      throw new InputError(`not a valid Stata file: expected ${tag} at byte ${this.pos - got.length}`, {
        file: this.file,
        hint: 'save the file again from Stata (File > Save as), or export it as CSV',
      });
  }
}

/** The bytes up to the first NUL (C strings of fixed width). */
export function untilNul(b: Uint8Array): Uint8Array {
  const k = b.indexOf(0);
  return k < 0 ? b : b.subarray(0, k);
}

/** Thrown inside a reader when a string is not valid UTF-8, so that the file can be decoded again as GB18030. */
export class NotUtf8Text extends Error {}

/**
 * A text decoder for the strings of a binary file: `encoding` when given; otherwise strict UTF-8,
 * which throws {@link NotUtf8Text} on invalid bytes (the reader then starts again with GB18030, what
 * Chinese Stata 13 and SPSS files written in a GBK locale hold).
 */
export function textDecoder(encoding: string | undefined, file: string): (b: Uint8Array) => string {
  if (encoding !== undefined) {
    let d: TextDecoder;
    try {
      d = new TextDecoder(encoding.trim().toLowerCase() === 'gbk' ? 'gb18030' : encoding);
    } catch {
      throw new InputError(`unknown text encoding "${encoding}"`, { file, hint: 'use utf-8, gb18030 (GBK) or windows-1252' });
    }
    return (b) => d.decode(b);
  }
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  return (b) => {
    try {
      return utf8.decode(b);
    } catch {
      throw new NotUtf8Text();
    }
  };
}
