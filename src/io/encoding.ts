/** Text decoding lives in src/data/encoding.ts (browser-safe); re-exported here for Node callers. */
export { decodeText, utf8Bytes, type DecodedText } from '../data/encoding.js';
