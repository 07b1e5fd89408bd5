/**
 * Reading cells straight from UTF-8 bytes: plain decimal numbers without creating a string (Clinger's
 * fast path, exact when the mantissa's digits fit in 2^53 and the power of ten in 10^22, else `Number()` on the
 * slice, which is correctly rounded too), and text cells decoded fatally so that a GBK file read as
 * UTF-8 is noticed. Pure; runs in a browser.
 */

const POW10 = Array.from({ length: 23 }, (_, i) => 10 ** i);

// Fatal: bytes that are not UTF-8 (a GBK file read without --encoding) throw NotUtf8Error, so the
// caller can decode the file another way. GBK trail bytes are ≥ 0x40, so they never look like a
// delimiter, quote or line break, and parsing the structure of GBK bytes is safe.
const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Thrown by the CSV table reader when a cell of its byte input is not valid UTF-8. */
export class NotUtf8Error extends Error {
  override readonly name = 'NotUtf8Error';
  constructor(readonly row: number) {
    super(`not valid UTF-8 (row ${row})`);
  }
}

/** Decode UTF-8 bytes fatally; `row` names the record in the error. */
export function decodeUtf8(b: Uint8Array, row: number): string {
  try {
    return utf8.decode(b);
  } catch {
    throw new NotUtf8Error(row);
  }
}

/** The text of bytes [s, e): ASCII built directly (short cells), anything else through TextDecoder. */
export function decodeBytes(b: Uint8Array, s: number, e: number, row: number): string {
  if (e - s <= 32) {
    let ascii = true;
    for (let k = s; k < e; k++) if (b[k]! >= 0x80) ascii = false;
    if (ascii) return String.fromCharCode.apply(null, b.subarray(s, e) as unknown as number[]);
  }
  return decodeUtf8(b.subarray(s, e), row);
}

/**
 * A number scanner with its result slots. One per table read (no module state, so two reads never
 * share them); its `value` field stays an unboxed double, where a double returned from a call that is
 * not inlined is boxed in a fresh heap number (7 million cells made over 100 MB of garbage).
 */
export class NumberScanner {
  /** The value of the last number scanned. */
  value = 0;
  /** The index just after the last number scanned. */
  end = 0;

  /**
   * Scan a plain decimal number in the UTF-8 bytes `b` starting at `i` (sign, digits, optional
   * fraction and exponent): true with its value in `value` and its end in `end`, false when there is
   * no number there. Integers with a leading zero ("007") are refused so codes keep their zeros.
   */
  scan(b: Uint8Array, i: number): boolean {
    let c = b[i]!;
    let neg = false;
    const first = i;
    if (c === 45 || c === 43) {
      neg = c === 45;
      c = b[++i]!;
    }
    const begin = i;
    let mant = 0;
    let digits = 0;
    let exp = 0;
    while (c >= 48 && c <= 57) {
      mant = mant * 10 + (c - 48);
      digits++;
      c = b[++i]!;
    }
    if (digits > 1 && b[begin] === 48) return false;
    if (c === 46) {
      c = b[++i]!;
      while (c >= 48 && c <= 57) {
        mant = mant * 10 + (c - 48);
        digits++;
        exp--;
        c = b[++i]!;
      }
    }
    if (digits === 0) return false;
    if (c === 101 || c === 69) {
      let j = i + 1;
      let e = 0;
      let eneg = false;
      let ec = b[j]!;
      if (ec === 45 || ec === 43) {
        eneg = ec === 45;
        ec = b[++j]!;
      }
      const eBegin = j;
      while (ec >= 48 && ec <= 57) {
        e = e * 10 + (ec - 48);
        ec = b[++j]!;
      }
      if (j === eBegin) return false;
      exp += eneg ? -e : e;
      i = j;
    }
    this.end = i;
    // The mantissa is exact when below 2^53 (every partial sum was smaller, so exact too); leading
    // zeros ("0.00123") add nothing to it, so fwrite's 15 significant digits take this path.
    if (mant < 9007199254740992 && exp >= -22 && exp <= 22) {
      const v = exp < 0 ? mant / POW10[-exp]! : mant * POW10[exp]!;
      this.value = neg ? -v : v;
      return true;
    }
    // Too many digits for the exact fast path: let the engine's correctly rounded parser do it (ASCII only here).
    const v = Number(String.fromCharCode.apply(null, b.subarray(first, i) as unknown as number[]));
    this.value = v;
    return v === v;
  }
}
