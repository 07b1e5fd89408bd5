import { InputError } from '../core/errors.js';
import type { Note } from '../core/notes.js';
import { column, type EntityInfo, type Panel } from '../data/panel.js';

/** One period of a panel column: entities with a value, in panel entity order. */
export interface CrossSection {
  readonly period: number;
  readonly ids: string[];
  readonly values: Float64Array;
  readonly entities: EntityInfo[];
  /** Entities of the panel left out because the value is missing in this period. */
  readonly missing: string[];
  readonly notes: Note[];
}

/**
 * The values of `valueColumn` in one period (default: the last period with any value), for spatial
 * statistics that work on a cross-section. Missing values are left out and recorded as a note
 * (spdep would stop with na.fail; subsetting the weights is the documented alternative).
 *
 * @throws InputError for an unknown column or a period not in the panel.
 */
export function crossSection(panel: Panel, valueColumn: string, period?: number): CrossSection {
  const col = column(panel, valueColumn);
  let p = period;
  if (p === undefined) {
    for (let r = 0; r < col.length; r++)
      if (Number.isFinite(col[r]) && (p === undefined || panel.period[r] > p)) p = panel.period[r];
    if (p === undefined) throw new InputError(`column "${valueColumn}" has no values`, { column: valueColumn });
  } else if (!panel.periods.includes(p)) {
    throw new InputError(
      `period ${p} is not in the data (${panel.periods[0]}–${panel.periods[panel.periods.length - 1]})`,
      {
        hint: 'choose one of the periods of the data',
      },
    );
  }
  const byEntity = new Map<number, number>();
  for (let r = 0; r < col.length; r++) if (panel.period[r] === p) byEntity.set(panel.entityIndex[r], col[r]);
  const ids: string[] = [];
  const values: number[] = [];
  const entities: EntityInfo[] = [];
  const missing: string[] = [];
  panel.entities.forEach((e, i) => {
    const v = byEntity.get(i);
    if (v !== undefined && Number.isFinite(v)) {
      ids.push(e.id);
      values.push(v);
      entities.push(e);
    } else missing.push(e.id);
  });
  const notes: Note[] = [];
  if (missing.length > 0) {
    notes.push({
      level: 'warning',
      code: 'missing-in-period',
      message: `${missing.length} ${missing.length === 1 ? 'entity has' : 'entities have'} no ${valueColumn} in ${p} and ${missing.length === 1 ? 'is' : 'are'} left out: ${missing.slice(0, 10).join(', ')}${missing.length > 10 ? ', …' : ''}`,
      detail: { missing },
    });
  }
  return { period: p, ids, values: Float64Array.from(values), entities, missing, notes };
}
