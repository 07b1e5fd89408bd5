import type { Panel } from './panel.js';
import { column } from './panel.js';

/** Observed cells out of all cells, for one indicator, one entity, or the whole table. */
export interface CoverageCell {
  readonly observed: number;
  readonly total: number;
  /** observed / total (NaN when total = 0). */
  readonly share: number;
}

/**
 * How much of a panel is usable — the seed paper's "data dormancy" made measurable. Counts are over
 * the panel's rows (entity-periods present in the data); `missingRows` counts the entity-periods of
 * the full entities × periods grid that have no row at all, which no imputation here creates.
 */
export interface Coverage {
  readonly columns: readonly string[];
  readonly overall: CoverageCell;
  readonly byColumn: readonly (CoverageCell & { readonly column: string })[];
  readonly byEntity: readonly (CoverageCell & { readonly entity: string })[];
  readonly byPeriod: readonly (CoverageCell & { readonly period: number })[];
  /** observed[entity][column]: count of finite values of `column` for the entity. */
  readonly byEntityColumn: readonly { readonly entity: string; readonly column: string; readonly observed: number; readonly total: number }[];
  readonly rows: number;
  readonly missingRows: number;
}

const cell = (observed: number, total: number): CoverageCell => ({ observed, total, share: total > 0 ? observed / total : NaN });

/**
 * Share of observed (finite) cells per indicator, per entity, per period and overall, for `columns` (default:
 * every numeric column). The JRC COIN Tool's rule of thumb asks for at least 65% per unit and per
 * indicator (JRC-COIN user guide, EUR 29899 EN, doi:10.2760/523877).
 */
export function coverage(panel: Panel, columns: readonly string[] = Object.keys(panel.columns)): Coverage {
  const n = panel.entity.length;
  const E = panel.entities.length;
  const perEntityColumn = columns.map(() => new Float64Array(E));
  const T = panel.periods.length;
  const rowsOfEntity = new Float64Array(E);
  const rowsOfPeriod = new Float64Array(T);
  const observedOfPeriod = new Float64Array(T);
  for (let i = 0; i < n; i++) {
    rowsOfEntity[panel.entityIndex[i]]++;
    rowsOfPeriod[panel.periodIndex[i]]++;
  }
  const byColumn = columns.map((name, j) => {
    const x = column(panel, name, 'coverage');
    let k = 0;
    for (let i = 0; i < n; i++) {
      if (Number.isFinite(x[i])) {
        k++;
        perEntityColumn[j][panel.entityIndex[i]]++;
        observedOfPeriod[panel.periodIndex[i]]++;
      }
    }
    return { column: name, ...cell(k, n) };
  });
  const byEntity = panel.entities.map((e, ei) => {
    let k = 0;
    for (let j = 0; j < columns.length; j++) k += perEntityColumn[j][ei];
    return { entity: e.id, ...cell(k, rowsOfEntity[ei] * columns.length) };
  });
  const byPeriod = panel.periods.map((period, t) => ({ period, ...cell(observedOfPeriod[t], rowsOfPeriod[t] * columns.length) }));
  const byEntityColumn = panel.entities.flatMap((e, ei) =>
    columns.map((name, j) => ({ entity: e.id, column: name, observed: perEntityColumn[j][ei], total: rowsOfEntity[ei] })),
  );
  const observed = byColumn.reduce((s, c) => s + c.observed, 0);
  return {
    columns,
    overall: cell(observed, n * columns.length),
    byColumn,
    byEntity,
    byPeriod,
    byEntityColumn,
    rows: n,
    missingRows: E * panel.periods.length - n,
  };
}
