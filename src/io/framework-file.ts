/** Reading framework files (Node only); the parsing and checks are in src/framework (browser-safe). */
import { readFile } from 'node:fs/promises';
import { InputError } from '../core/errors.js';
import { getBuiltinFramework, isBuiltinFramework } from '../framework/builtin.js';
import { loadFramework } from '../framework/load.js';
import type { Framework } from '../framework/types.js';

/** Read and validate a YAML or JSON framework file (UTF-8, with or without BOM). */
export async function readFrameworkFile(file: string): Promise<Framework> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
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
  return loadFramework(text.replace(/^\uFEFF/, ''), file);
}

/** `--framework` argument: a built-in id (`seed`, `pwt`) or a file path. */
export async function resolveFramework(spec: string): Promise<Framework> {
  if (isBuiltinFramework(spec)) return getBuiltinFramework(spec);
  return readFrameworkFile(spec);
}
