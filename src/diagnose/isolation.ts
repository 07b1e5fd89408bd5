import type { LisaCluster } from '../spatial/local-moran.js';

/** What ecological isolation needs from a LISA row (`LocalMoranRow` of src/spatial satisfies it). */
export interface IsolationInputRow {
  readonly entity: string;
  readonly cluster: LisaCluster;
  readonly quadrant: Exclude<LisaCluster, 'NS'>;
}

export type IsolationStatus = 'low-low' | 'island' | 'no-significant-tie' | 'tied';

export interface IsolationRow {
  readonly entity: string;
  readonly status: IsolationStatus;
  readonly cluster: LisaCluster;
}

/** The seed paper's "ecological isolation" (生态孤立) read from local spatial association. */
export interface IsolationResult {
  /** Significant Low-Low cluster members: low values surrounded by low values. */
  readonly lowLow: readonly string[];
  /** Entities with no neighbours in the weights. */
  readonly islands: readonly string[];
  /** Entities whose local association is not significant (NS), islands excluded. */
  readonly noSignificantTie: readonly string[];
  readonly rows: readonly IsolationRow[];
  /** Share of entities that are low-low or islands. */
  readonly isolatedShare: number;
}

/**
 * Diagnose ecological isolation from a local Moran (LISA) result: entities in significant low-low
 * clusters, islands without neighbours, and entities with no significant spatial tie (class NS).
 * `islands` are entity ids (e.g. `w.isolates.map((i) => w.ids[i])`).
 */
export function ecologicalIsolation(
  local: readonly IsolationInputRow[],
  islands: readonly string[] = [],
): IsolationResult {
  const island = new Set(islands);
  const rows = local.map((r): IsolationRow => {
    const status: IsolationStatus = island.has(r.entity)
      ? 'island'
      : r.cluster === 'LL'
        ? 'low-low'
        : r.cluster === 'NS'
          ? 'no-significant-tie'
          : 'tied';
    return { entity: r.entity, status, cluster: r.cluster };
  });
  const pick = (s: IsolationStatus) => rows.filter((r) => r.status === s).map((r) => r.entity);
  const lowLow = pick('low-low');
  const isl = pick('island');
  return {
    lowLow,
    islands: isl,
    noSignificantTie: pick('no-significant-tie'),
    rows,
    isolatedShare: rows.length ? (lowLow.length + isl.length) / rows.length : NaN,
  };
}
