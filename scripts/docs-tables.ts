/**
 * The method tables of docs/measure.md, generated from the registry (src/measure/registry.ts):
 *
 *   npx tsx scripts/docs-tables.ts          rewrite the block between the markers in docs/measure.md
 *
 * test/measure/registry.test.ts fails when the docs and the registry disagree.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AGGREGATIONS, NORMALIZATIONS, WEIGHTINGS, type MethodRecord } from '../src/measure/registry.js';

export const START = '<!-- generated from src/measure/registry.ts by scripts/docs-tables.ts: do not edit by hand -->';
export const END = '<!-- end of generated tables -->';

const cell = (s: string) => s.replace(/\|/g, '\\|');
const names = (r: MethodRecord<string, unknown>) =>
  `\`${r.name}\`${r.aliases.length ? ` (${r.aliases.map((a) => `\`${a}\``).join(', ')})` : ''}`;
const tex = (lines: readonly string[]) => lines.map((l) => `$${cell(l)}$`).join('<br>');

/** The three tables (normalisation, weights, aggregation) as markdown, between the markers. */
export function measureMethodsMarkdown(): string {
  const out = [
    START,
    '',
    '| Normalisation (`--normalize`) | Benefit (+) | Cost (−) | Range | Reference |',
    '|---|---|---|---|---|',
  ];
  for (const r of NORMALIZATIONS)
    out.push(
      `| ${names(r)} ${cell(r.label.en.replace(/\$/g, ''))} | ${tex([r.benefit])} | ${tex([r.cost])} | ${r.range} | ${cell(r.reference)} |`,
    );
  out.push('', '| Weights (`--weights`) | Formula | Reference |', '|---|---|---|');
  for (const r of WEIGHTINGS)
    out.push(`| ${names(r)} ${cell(r.label.en)} | ${tex(r.formula)} | ${cell(r.reference)} |`);
  out.push('', '| Aggregation (`--aggregate`) | Formula | Reference |', '|---|---|---|');
  for (const r of AGGREGATIONS)
    out.push(`| ${names(r)} ${cell(r.label.en)} | ${tex(r.formula)} | ${cell(r.reference)} |`);
  out.push('', END);
  return out.join('\n');
}

/** `text` with its generated block replaced by the current one. */
export function withTables(text: string): string {
  const a = text.indexOf(START);
  const b = text.indexOf(END);
  if (a < 0 || b < a) throw new Error(`docs/measure.md has no generated block (${START})`);
  return text.slice(0, a) + measureMethodsMarkdown() + text.slice(b + END.length);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const file = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../docs/measure.md');
  writeFileSync(file, withTables(readFileSync(file, 'utf8')));
}
