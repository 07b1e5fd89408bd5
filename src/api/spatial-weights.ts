/** Spatial weights from a small options record: the `--neighbors/--distance/--economic/--knn` flags of the CLI. */
import { InputError } from '../core/errors.js';
import { column, type Panel } from '../data/panel.js';
import { entityCoordinates } from '../spatial/coordinates.js';
import type { CrossSection } from '../spatial/cross-section.js';
import { resolveContiguity } from '../spatial/resolve-weights.js';
import {
  economicDistanceWeights,
  inverseDistanceWeights,
  knnWeights,
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

/**
 * Build the weights `options` ask for, over the entities of `section`. Contiguity is built over all
 * entities of the panel (so a pair naming an unknown entity is an error) and then restricted to the
 * entities with a value.
 */
export function spatialWeightsFor(panel: Panel, section: CrossSection, options: SpatialWeightsOptions): SpatialWeights {
  const style = options.style ?? 'W';
  const given = [
    options.neighbours && '--neighbors',
    options.distance && '--distance',
    options.economic && '--economic',
  ].filter(Boolean);
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
    const coords = entityCoordinates(panel, section, listOf(options.distance).join(','), '--distance');
    if (options.knn !== undefined) return knnWeights(section.ids, coords, options.knn, { style });
    return inverseDistanceWeights(section.ids, coords, { power: options.power ?? 1, cutoffKm: options.cutoff, style });
  }
  return resolveContiguity({
    entities: panel.entities,
    keep: section.ids,
    pairs: options.neighbours,
    file: options.neighboursFile,
    builtinBorders: options.builtinBorders,
    style,
  });
}
