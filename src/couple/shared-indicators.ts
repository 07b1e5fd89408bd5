/**
 * Check for indicators shared between coupled systems. When the same column (say R&D intensity) sits
 * in both the innovation and the NQPF index, their coupling or correlation is partly mechanical
 * (methods.md §4.6).
 */
import type { Dimension, Framework } from '../framework/types.js';
import type { Note } from '../core/notes.js';
import { InputError } from '../core/errors.js';

function columnsOf(dims: readonly Dimension[], out: Set<string>): Set<string> {
  for (const d of dims) {
    for (const ind of d.indicators ?? []) out.add(ind.column);
    if (d.dimensions) columnsOf(d.dimensions, out);
  }
  return out;
}

/**
 * Warning notes (code `shared-indicators`), one per pair of `systems` that read a common data column;
 * empty when the systems are disjoint.
 *
 * @throws InputError when a system id is not in the framework.
 */
export function checkSharedIndicators(framework: Framework, systems: readonly string[]): Note[] {
  const cols = systems.map((id) => {
    const s = framework.systems.find((x) => x.id === id);
    if (!s) {
      throw new InputError(`system "${id}" is not in framework "${framework.id}"`, {
        hint: `systems: ${framework.systems.map((x) => x.id).join(', ')}`,
      });
    }
    return columnsOf(s.dimensions, new Set());
  });
  const notes: Note[] = [];
  for (let i = 0; i < systems.length; i++) {
    for (let j = i + 1; j < systems.length; j++) {
      const shared = [...cols[i]].filter((c) => cols[j].has(c));
      if (shared.length) {
        notes.push({
          level: 'warning',
          code: 'shared-indicators',
          message: `systems "${systems[i]}" and "${systems[j]}" share ${shared.length} indicator column(s) (${shared.join(', ')}): their coupling is partly mechanical`,
          detail: { systems: [systems[i], systems[j]], columns: shared },
        });
      }
    }
  }
  return notes;
}
