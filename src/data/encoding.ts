/**
 * Decoding the bytes of a text file: UTF-8 (with or without BOM), UTF-16 (with BOM), and GB18030, the
 * superset of GBK that Chinese Excel and statistical bureaus write. Browser-safe: TextDecoder only
 * (Node 20 and browsers both decode gb18030).
 */
import { InputError } from '../core/errors.js';
import type { Note } from '../core/notes.js';

/** Text decoded by {@link decodeText}, with the encoding used and a note when it was guessed. */
export interface DecodedText {
  readonly text: string;
  /** The encoding used: `utf-8`, `utf-16le`, `utf-16be` or `gb18030`. */
  readonly encoding: string;
  readonly notes: readonly Note[];
}

const ALIASES: Record<string, string> = {
  'utf-8': 'utf-8',
  utf8: 'utf-8',
  'utf-16': 'utf-16le',
  'utf-16le': 'utf-16le',
  'utf-16be': 'utf-16be',
  gb18030: 'gb18030',
  gbk: 'gb18030',
  gb2312: 'gb18030',
  cp936: 'gb18030',
  latin1: 'windows-1252',
  'iso-8859-1': 'windows-1252',
  'windows-1252': 'windows-1252',
};

/**
 * Decode `bytes`. With `encoding` given, use it (GBK and GB2312 are read as GB18030, their superset).
 * Otherwise: a byte-order mark decides (UTF-8, UTF-16 LE/BE); else strict UTF-8, and when that
 * fails, GB18030 with an info note "read as GB18030". The BOM is removed.
 */
export function decodeText(bytes: Uint8Array, encoding?: string, file?: string): DecodedText {
  if (encoding !== undefined) {
    const enc = ALIASES[encoding.trim().toLowerCase()];
    if (!enc) {
      throw new InputError(`unknown encoding "${encoding}"`, { file, hint: 'use utf-8, gb18030 (also for GBK/GB2312), utf-16le or latin1' });
    }
    return { text: new TextDecoder(enc, { ignoreBOM: false }).decode(bytes), encoding: enc, notes: [] };
  }
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes), encoding: 'utf-8', notes: [] };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes), encoding: 'utf-16le', notes: [] };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes), encoding: 'utf-16be', notes: [] };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8', notes: [] };
  } catch {
    // not UTF-8: GB18030 below
  }
  {
    const text = new TextDecoder('gb18030').decode(bytes);
    return {
      text,
      encoding: 'gb18030',
      notes: [
        {
          level: 'info',
          code: 'encoding-gb18030',
          message: `${file ?? 'the file'} is not UTF-8: read as GB18030 (GBK); use --encoding to choose another`,
        },
      ],
    };
  }
}

/**
 * The bytes of a text file for the CSV reader, which reads UTF-8 bytes: without a BOM or with a UTF-8
 * BOM (or `encoding` utf-8) the bytes are returned as they are, unchecked — the reader decodes only
 * text cells, fatally, and the caller falls back to GB18030 when one is not UTF-8 (cheaper than
 * validating a large numeric file up front). UTF-16 and forced encodings are decoded as
 * {@link decodeText} says and encoded to UTF-8.
 */
export function utf8Bytes(bytes: Uint8Array, encoding?: string, file?: string): { bytes: Uint8Array; encoding: string; notes: readonly Note[] } {
  const forced = encoding === undefined ? undefined : ALIASES[encoding.trim().toLowerCase()];
  const utf16Bom = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (forced === 'utf-8' || (encoding === undefined && !utf16Bom)) return { bytes, encoding: 'utf-8', notes: [] };
  const dec = decodeText(bytes, encoding, file);
  return { bytes: new TextEncoder().encode(dec.text), encoding: dec.encoding, notes: dec.notes };
}
