import type { Panel } from '../data/panel.js';
import { loadChinaProvinceBorders } from '../io/builtin.js';
import { readNeighbourFile } from '../io/neighbours.js';
import type { CrossSection } from '../spatial/cross-section.js';
import type { SpatialWeights, WeightsStyle } from '../spatial/weights.js';
import { spatialWeightsFor, type SpatialWeightsOptions } from '../api/spatial-weights.js';

/** The spatial weights flags of `nqpf moran`, `spatial-regress` and `scenario` (--neighbors, --distance, --economic, --knn, ...). */
export interface WeightsCliOptions {
  neighbors?: string;
  distance?: string;
  power: number;
  cutoff?: number;
  knn?: number;
  economic?: string;
  style: WeightsStyle;
}

/** The neighbour pairs the flags ask for: --neighbors FILE, else nqpf's province borders (used when the entities are Chinese provinces, see resolveContiguity). */
async function neighboursFromOptions(
  opts: WeightsCliOptions & { encoding?: string; data: string },
): Promise<Pick<SpatialWeightsOptions, 'neighbours' | 'neighboursFile' | 'builtinBorders'>> {
  const other = Boolean(opts.distance || opts.economic);
  // Two kinds of weights at once are refused by spatialWeightsFor before any file is read.
  if (opts.neighbors)
    return other
      ? { neighbours: [], neighboursFile: opts.neighbors }
      : { neighbours: await readNeighbourFile(opts.neighbors, opts.encoding), neighboursFile: opts.neighbors };
  if (!other) return { builtinBorders: await loadChinaProvinceBorders() };
  return {};
}

/** The weights options of the flags (files read here; see {@link spatialWeightsFor}). */
export async function weightsOptions(
  opts: WeightsCliOptions & { encoding?: string; data: string },
): Promise<SpatialWeightsOptions> {
  return {
    distance: opts.distance,
    power: opts.power,
    cutoff: opts.cutoff,
    knn: opts.knn,
    economic: opts.economic,
    style: opts.style,
    ...(await neighboursFromOptions(opts)),
  };
}

/** Build the weights the flags ask for, over the entities of `section` (see {@link spatialWeightsFor}). */
export async function weightsFromOptions(
  panel: Panel,
  section: CrossSection,
  opts: WeightsCliOptions & { encoding?: string; data: string },
): Promise<SpatialWeights> {
  return spatialWeightsFor(panel, section, await weightsOptions(opts));
}
