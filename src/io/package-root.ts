/**
 * The nqpf package's root folder (where package.json, data/builtin and dist/ are), found by walking
 * up from this module's location: the same answer from src/ (tsx, vitest), from dist/ after the
 * build, from the bundled CLI (dist/nqpf/) and from an installed package.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | undefined;

/** Absolute path of the package root (cached). */
export function packageRoot(): string {
  if (root) return root;
  const here = path.dirname(fileURLToPath(import.meta.url));
  let dir = here;
  for (;;) {
    if (existsSync(path.join(dir, 'package.json')) && existsSync(path.join(dir, 'data', 'builtin')))
      return (root = dir);
    const up = path.dirname(dir);
    // Not found (files moved by hand): the layout of src/ and dist/, two levels below the root.
    if (up === dir) return (root = path.resolve(here, '../..'));
    dir = up;
  }
}
