import { Option, type Command } from 'commander';
import type { Panel } from '../data/panel.js';
import { loadChinaProvinceBorders } from '../io/builtin.js';
import { readNeighbourFile } from '../io/neighbours.js';
import type { CrossSection } from '../spatial/cross-section.js';
import type { SpatialWeights, WeightsStyle } from '../spatial/weights.js';
import { spatialWeightsFor, type SpatialWeightsOptions } from '../api/spatial-weights.js';
import { intOption, numberOption } from './common.js';

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

/**
 * Add the spatial weights flags (--neighbors, --distance, --power, --cutoff, --economic, --knn, --style)
 * to a command: one definition for `moran`, `spatial-regress` and `scenario`. `economic` and `style`
 * are the help texts that differ between them.
 */
export function withWeightsFlags(cmd: Command, help: { economic: string; style: string }): Command {
  return cmd
    .option(
      '--neighbors <file>',
      'contiguity: a CSV of neighbour pairs with columns a,b (each pair once; any province spelling); default for Chinese provinces: the built-in province borders',
    )
    .option(
      '--distance <lat,lon>',
      'inverse-distance weights from coordinates: two column names, or lat,lon for the entity coordinates of a built-in dataset',
    )
    .option('--power <p>', 'distance decay power in 1/d^p', numberOption('--power'), 1)
    .option('--cutoff <km>', 'only neighbours within this great-circle distance (km)', numberOption('--cutoff'))
    .option('--economic <column>', help.economic)
    .option('--knn <k>', 'with --distance: k nearest neighbours instead of inverse distance', intOption('--knn'))
    .addOption(new Option('--style <style>', help.style).choices(['W', 'B', 'raw']).default('W'));
}
