/**
 * The option tables of docs/options.md, generated from the option catalog (src/options):
 *
 *   npx tsx scripts/options-docs.ts          rewrite the block between the markers in docs/options.md
 *
 * test/options/docs.test.ts fails when the docs and the catalog disagree.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { COMMAND_OPTIONS } from '../src/options/commands.js';
import { optionsTable } from '../src/options/describe.js';

export const START = '<!-- generated from src/options by scripts/options-docs.ts: do not edit by hand -->';
export const END = '<!-- end of generated option tables -->';

/** One table per command, in the catalog's order. */
export function optionsMarkdown(): string {
  const out = [START, ''];
  for (const [command, defs] of Object.entries(COMMAND_OPTIONS))
    out.push(`### \`nqpf ${command}\``, '', optionsTable(defs), '');
  out.push(END);
  return out.join('\n');
}

/** `text` with its generated block replaced by the current one. */
export function withOptionTables(text: string): string {
  const a = text.indexOf(START);
  const b = text.indexOf(END);
  if (a < 0 || b < a) throw new Error(`docs/options.md has no generated block (${START})`);
  return text.slice(0, a) + optionsMarkdown() + text.slice(b + END.length);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const file = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../docs/options.md');
  writeFileSync(file, withOptionTables(readFileSync(file, 'utf8')));
}
