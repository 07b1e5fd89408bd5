/**
 * Group label per panel row, from a text column, a numeric column, or the entity attribute `group`
 * (continent, NBS region...).
 */
import type { Panel } from '../data/panel.js';
import { InputError } from '../core/errors.js';

/**
 * Labels aligned with the panel rows. `by` = 'group' (or 'entity.group') reads the entity attribute;
 * otherwise a text column, then a numeric column of that name. Missing labels are ''.
 */
export function groupLabels(panel: Panel, by: string): string[] {
  if (panel.text[by]) return panel.text[by].map((s) => s ?? '');
  if (panel.columns[by]) return Array.from(panel.columns[by], (x) => (Number.isFinite(x) ? String(x) : ''));
  if (by === 'group' || by === 'entity.group') {
    const labels = Array.from(panel.entityIndex, (e) => panel.entities[e].group ?? '');
    if (labels.every((l) => l === '')) {
      throw new InputError('the entities have no group attribute', { hint: 'name a column of the data holding the groups, e.g. --group region' });
    }
    return labels;
  }
  throw new InputError(`unknown group column "${by}"`, {
    file: panel.meta.file,
    column: by,
    hint: `use a column of the data (${[...Object.keys(panel.text), ...Object.keys(panel.columns)].slice(0, 20).join(', ')}) or "group" for the entity attribute`,
  });
}
