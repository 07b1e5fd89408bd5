import { InputError } from '../core/errors.js';
import { pwtFramework } from './builtin/pwt.js';
import { seedFramework } from './builtin/seed.js';
import type { Framework } from './types.js';

const BUILTIN: Readonly<Record<string, Framework>> = { seed: seedFramework, pwt: pwtFramework };

/** Ids of the built-in frameworks (`seed`, `pwt`). */
export function builtinFrameworkIds(): string[] {
  return Object.keys(BUILTIN);
}

/** True when `id` names a built-in framework. */
export function isBuiltinFramework(id: string): boolean {
  return Object.hasOwn(BUILTIN, id);
}

/** The built-in framework `id`, or an InputError listing the built-ins. */
export function getBuiltinFramework(id: string): Framework {
  const f = BUILTIN[id];
  if (f && Object.hasOwn(BUILTIN, id)) return f;
  throw new InputError(`unknown built-in framework "${id}"`, {
    hint: `built-in frameworks: ${builtinFrameworkIds().join(', ')}; or give a YAML/JSON file`,
  });
}
