/** Reading framework files (Node only); the parsing and checks are in src/framework (browser-safe). */
import { readFile } from 'node:fs/promises';
import { InputError } from '../core/errors.js';
import type { Note } from '../core/notes.js';
import { decodeText } from '../data/encoding.js';
import { getBuiltinFramework, isBuiltinFramework } from '../framework/builtin.js';
import { flatFrameworkSpec } from '../framework/flat.js';
import { loadFramework } from '../framework/load.js';
import type { Framework } from '../framework/types.js';

/**
 * Read and validate a YAML or JSON framework file. The text is decoded like a CSV (BOM, UTF-8, else
 * GB18030/GBK with a note): a framework saved by Chinese Notepad or WPS keeps its Chinese names.
 */
export async function readFrameworkFile(file: string): Promise<Framework> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EISDIR' || code === 'EACCES') {
      throw new InputError(`cannot read framework file "${file}" (${code === 'ENOENT' ? 'not found' : code})`, {
        file,
        hint: 'give the path of a .yaml/.json framework, or a built-in framework: seed, pwt (run "nqpf frameworks")',
      });
    }
    throw e;
  }
  const dec = decodeText(bytes, undefined, file);
  const notes: Note[] = [...dec.notes];
  if (dec.text.includes('\uFFFD')) {
    notes.push({
      level: 'warning',
      code: 'framework-encoding',
      message: `${file} has bytes that are neither UTF-8 nor GBK: names may be garbled; save the file as UTF-8`,
    });
  }
  const fw = loadFramework(dec.text.replace(/^\uFEFF/, ''), file);
  return notes.length ? { ...fw, notes: [...notes, ...(fw.notes ?? [])] } : fw;
}

/**
 * `--framework` argument: a built-in id (`seed`, `pwt`) or a file path; or, with `indicators`
 * (`--indicators rd,patents,-energy`), a one-dimension framework made on the fly.
 */
export async function resolveFramework(spec: string | undefined, indicators?: readonly string[]): Promise<Framework> {
  if (indicators && indicators.length) {
    if (spec !== undefined)
      throw new InputError('give either --framework or --indicators, not both', {
        hint: '--indicators rd,patents,-energy builds a one-dimension index',
      });
    return loadFramework(flatFrameworkSpec(indicators), '--indicators');
  }
  if (spec === undefined) {
    throw new InputError('no framework: give --framework FILE|seed|pwt, or --indicators COL,COL,-COL', {
      hint: 'e.g. nqpf measure --data china-sim --indicators rd_intensity,invention_patents_per10k,-energy_intensity',
    });
  }
  if (isBuiltinFramework(spec)) return getBuiltinFramework(spec);
  return readFrameworkFile(spec);
}
