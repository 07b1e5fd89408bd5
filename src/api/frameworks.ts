/** `frameworks`: the built-in indicator frameworks, as `nqpf frameworks --json`. */
import type { Lang } from '../core/label.js';
import { labelText } from '../core/label.js';
import { builtinFrameworkIds, getBuiltinFramework } from '../framework/builtin.js';
import { systemIndicators } from '../framework/tree.js';
import type { Dimension, Framework } from '../framework/types.js';

/** Summary of a framework: id, names, description and each system's indicator count. */
export function frameworkSummary(f: Framework) {
  return {
    id: f.id,
    name: f.name,
    description: f.description ?? '',
    systems: f.systems.map((s) => ({ id: s.id, name: s.name, indicators: systemIndicators(s).length })),
  };
}

/** The built-in frameworks (seed, pwt), as `nqpf frameworks --json`. */
export function frameworks() {
  return { frameworks: builtinFrameworkIds().map((id) => frameworkSummary(getBuiltinFramework(id))) };
}

/** The framework as an indented tree with directions and units (what `nqpf frameworks --show` prints). */
export function frameworkTree(f: Framework, lang: Lang = 'en'): string {
  const lines = [`${f.id}: ${labelText(f.name, lang)}`];
  if (f.description) lines.push(`  ${f.description}`);
  const dim = (d: Dimension, depth: number) => {
    const pad = '  '.repeat(depth);
    lines.push(`${pad}${d.id}: ${labelText(d.name, lang)}${d.weight !== undefined ? ` (weight ${d.weight})` : ''}`);
    for (const c of d.dimensions ?? []) dim(c, depth + 1);
    for (const i of d.indicators ?? []) {
      const col = i.column === i.id ? '' : ` ← ${i.column}`;
      const w = i.weight !== undefined ? `, weight ${i.weight}` : '';
      lines.push(`${pad}  ${i.direction} ${i.id}${col}: ${labelText(i.name, lang)}${i.unit ? ` [${i.unit}]` : ''}${w}`);
    }
  };
  for (const s of f.systems) {
    lines.push('', `  system ${s.id}: ${labelText(s.name, lang)} (${systemIndicators(s).length} indicators)`);
    for (const d of s.dimensions) dim(d, 2);
  }
  return lines.join('\n');
}
