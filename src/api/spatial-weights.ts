/** Spatial weights from a small options record: the `--neighbors/--distance/--economic/--knn` flags of the CLI. */
import { InputError } from '../core/errors.js';
import { column, type Panel } from '../data/panel.js';
import type { CrossSection } from '../spatial/cross-section.js';
import { entityCoordinates, resolveContiguity } from '../spatial/resolve-weights.js';
import {
  economicDistanceWeights,
  inverseDistanceWeights,
  knnWeights,
  type LatLon,
  type NeighbourPair,
  type SpatialWeights,
  type WeightsStyle,
} from '../spatial/weights.js';
import { listOf } from './common.js';

/** Which spatial weights to build; give one kind (neighbours, distance or economic). */
export interface SpatialWeightsOptions {
  /** Contiguity: neighbour pairs (each pair once), e.g. read from a CSV with columns a,b. */
  readonly neighbours?: readonly NeighbourPair[];
  /** Where `neighbours` came from, for the notes (a file name). */
  readonly neighboursFile?: string;
  /** Inverse-distance weights from coordinates: two column names `LAT,LON`, or `lat,lon` for the entity coordinates. */
  readonly distance?: string | readonly [string, string];
  /** Distance decay power in 1/d^p; default 1. */
  readonly power?: number;
  /** Only neighbours within this great-circle distance (km). */
  readonly cutoff?: number;
  /** With `distance`: k nearest neighbours instead of inverse distance. */
  readonly knn?: number;
  /** Economic-distance weights 1/|x̄_i − x̄_j| on the entity means of this column over all periods. */
  readonly economic?: string;
  /** W row-standardised (default), B binary, raw (spdep styles). */
  readonly style?: WeightsStyle;
  /**
   * nqpf's province borders (data/builtin/china-province-borders.csv), used when no other weights
   * are given and every entity is a Chinese province (see {@link resolveContiguity}).
   */
  readonly builtinBorders?: readonly NeighbourPair[];
}

/** Coordinates per entity: EntityInfo lat/lon for `lat,lon`, else two numeric columns (first value per entity). */
function coordinates(panel: Panel, section: CrossSection, spec: string | readonly [string, string]): LatLon[] {
  const [latCol, lonCol] = listOf(spec);
  if (!latCol || !lonCol) throw new InputError(`--distance takes two column names LAT,LON (got "${listOf(spec).join(',')}")`, { hint: 'e.g. --distance lat,lon' });
  if (latCol === 'lat' && lonCol === 'lon' && !panel.columns.lat) {
    // entity coordinates: a built-in dataset's, or the capitals of Chinese provinces
    const coords = entityCoordinates(section.entities);
    if (coords.every((c) => Number.isFinite(c.lat) && Number.isFinite(c.lon))) return coords;
  }
  for (const c of [latCol, lonCol]) {
    if (!panel.columns[c]) {
      throw new InputError(`--distance: unknown coordinate column "${c}"`, {
        file: panel.meta.file,
        hint: `give latitude and longitude columns of the data, or lat,lon for the entity coordinates of a built-in dataset`,
      });
    }
  }
  const first = new Map<string, LatLon>();
  for (let r = 0; r < panel.entity.length; r++) {
    const lat = panel.columns[latCol][r];
    const lon = panel.columns[lonCol][r];
    if (!first.has(panel.entity[r]) && Number.isFinite(lat) && Number.isFinite(lon)) first.set(panel.entity[r], { lat, lon });
  }
  return section.ids.map((id) => first.get(id) ?? { lat: NaN, lon: NaN });
}

/**
 * Build the weights `options` ask for, over the entities of `section`. Contiguity is built over all
 * entities of the panel (so a pair naming an unknown entity is an error) and then restricted to the
 * entities with a value.
 */
export function spatialWeightsFor(panel: Panel, section: CrossSection, options: SpatialWeightsOptions): SpatialWeights {
  const style = options.style ?? 'W';
  const given = [options.neighbours && '--neighbors', options.distance && '--distance', options.economic && '--economic'].filter(Boolean);
  if (given.length > 1) throw new InputError(`give one kind of spatial weights, not ${given.join(' and ')}`);
  if (options.economic) {
    // economic distance on the entity's mean of the variable over all periods (missing periods skipped)
    const x = column(panel, options.economic);
    const sum = new Map<string, [number, number]>();
    for (let r = 0; r < x.length; r++) {
      if (!Number.isFinite(x[r])) continue;
      const acc = sum.get(panel.entity[r]) ?? [0, 0];
      sum.set(panel.entity[r], [acc[0] + x[r], acc[1] + 1]);
    }
    const means = section.ids.map((id) => {
      const acc = sum.get(id);
      return acc ? acc[0] / acc[1] : NaN;
    });
    return economicDistanceWeights(section.ids, means, { style });
  }
  if (options.distance) {
    const coords = coordinates(panel, section, options.distance);
    if (options.knn !== undefined) return knnWeights(section.ids, coords, options.knn, { style });
    return inverseDistanceWeights(section.ids, coords, { power: options.power ?? 1, cutoffKm: options.cutoff, style });
  }
  return resolveContiguity({ entities: panel.entities, keep: section.ids, pairs: options.neighbours, file: options.neighboursFile, builtinBorders: options.builtinBorders, style });
}
