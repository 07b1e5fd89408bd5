/**
 * Group label per panel row, from a text column, a numeric column, or the entity attribute `group`
 * (continent, NBS region...).
 */
import type { Panel } from '../data/panel.js';
import { InputError } from '../core/errors.js';
import { entityProvinces } from '../spatial/resolve-weights.js';

/** Labels of the NBS regions as group names (the report translates them: 东部, 中部, 西部, 东北). */
export const REGION_LABELS: Readonly<Record<string, string>> = {
  east: 'East',
  central: 'Central',
  west: 'West',
  northeast: 'Northeast',
};

/**
 * NBS region of each row when every entity is a Chinese province: `region4` = 东部/中部/西部/东北
 * (NBS 2011), `region3` = 东部/中部/西部. Hong Kong, Macao and Taiwan, which the NBS groups do not
 * cover, get '' (dropped with a note by the caller). Undefined when the entities are not provinces.
 */
export function nbsRegionLabels(panel: Panel, by: 'region4' | 'region3'): string[] | undefined {
  const provinces = entityProvinces(panel.entities);
  if (!provinces) return undefined;
  return Array.from(panel.entityIndex, (e) => (provinces[e].mainland ? REGION_LABELS[provinces[e][by]] : ''));
}

/**
 * Labels aligned with the panel rows. `by` = 'group' (or 'entity.group') reads the entity attribute;
 * otherwise a text column, then a numeric column of that name. Missing labels are ''.
 */
export function groupLabels(panel: Panel, by: string): string[] {
  if (panel.text[by]) return panel.text[by].map((s) => s ?? '');
  if (panel.columns[by]) return Array.from(panel.columns[by], (x) => (Number.isFinite(x) ? String(x) : ''));
  if (by === 'region4' || by === 'region3') {
    const labels = nbsRegionLabels(panel, by);
    if (labels) return labels;
    throw new InputError(`--group ${by} needs Chinese provinces as entities`, {
      hint: 'region4/region3 are the NBS regions of provinces (北京, 北京市, Beijing or 110000 are all recognised); otherwise name a group column of the data',
    });
  }
  if (by === 'group' || by === 'entity.group') {
    const labels = Array.from(panel.entityIndex, (e) => panel.entities[e].group ?? '');
    if (labels.every((l) => l === '')) {
      throw new InputError('the entities have no group attribute', {
        hint: 'name a column of the data holding the groups, e.g. --group region',
      });
    }
    return labels;
  }
  throw new InputError(`unknown group column "${by}"`, {
    file: panel.meta.file,
    column: by,
    hint: `use a column of the data (${[...Object.keys(panel.text), ...Object.keys(panel.columns)].slice(0, 20).join(', ')}) or "group" for the entity attribute`,
  });
}
