import { Option, type Command } from 'commander';
import type { Panel } from '../data/panel.js';
import type { CrossSection } from '../spatial/cross-section.js';
import type { SpatialWeights } from '../spatial/weights.js';
import { imputeColumns, intOption, loadData, withImputeOption, type DataOptions } from './common.js';
import { weightsFromOptions, withWeightsFlags, type WeightsCliOptions } from './weights-flags.js';
import { productWeights } from '../spatial/product-weights.js';

/** Flags shared by `spatial-regress` and `scenario`: the model, and the weights with `moran`'s flags. */
export interface SpatialModelCliOptions extends WeightsCliOptions, DataOptions {
  formula: string;
  model: 'sar' | 'sem' | 'sdm' | 'slx' | 'sdem';
  fe: 'entity' | 'period' | 'both' | 'none';
  leeYu?: boolean;
  draws: number;
  seed: number;
  logdet: 'auto' | 'eigen' | 'sparse-lu';
}

/** Add the model and weights flags (weights flags identical to `nqpf moran`). */
export function withSpatialModelOptions(cmd: Command): Command {
  withImputeOption(cmd, 'none')
    .requiredOption(
      '--formula <formula>',
      'y ~ x1 + x2 (fixest expressions such as log(x) allowed; fixed effects go in --fe)',
    )
    .addOption(
      new Option('--model <m>', 'sdm (spatial Durbin), sar (lag), sem (error), slx (WX only), sdem (error + WX)')
        .choices(['sdm', 'sar', 'sem', 'slx', 'sdem'])
        .default('sdm'),
    )
    .addOption(new Option('--fe <fe>', 'fixed effects').choices(['entity', 'period', 'both', 'none']).default('both'))
    .option(
      '--lee-yu',
      'Lee–Yu (2010) bias correction (transformation approach; default off, as xsmle without leeyu and spatialreg)',
    )
    .option('--draws <n>', 'parameter draws for the effects and scenario intervals', intOption('--draws'), 1000)
    .option('--seed <n>', 'seed of the draws', intOption('--seed'), 1)
    .addOption(
      new Option(
        '--logdet <method>',
        'log-determinant: eigen (exact, W similar to symmetric), sparse-lu (exact band LU), auto',
      )
        .choices(['auto', 'eigen', 'sparse-lu'])
        .default('auto'),
    );
  return withWeightsFlags(cmd, {
    economic:
      'economic-distance weights 1/|x̄_i − x̄_j| on the entity means of this column; with --neighbors or --distance, their product (geographic × economic)',
    style: 'weights style; spatial panel models need W (row-standardised)',
  });
}

/**
 * The weights over all entities of the panel, through `moran`'s resolution path (weightsFromOptions).
 * Helper "out" is writing one shared resolution function for spatial commands: switch this call to it.
 */
export async function spatialModelWeights(
  panel: Panel,
  opts: SpatialModelCliOptions & { data: string; encoding?: string },
): Promise<SpatialWeights> {
  const section: CrossSection = {
    period: panel.periods[panel.periods.length - 1],
    ids: panel.entities.map((e) => e.id),
    values: new Float64Array(panel.entities.length),
    entities: [...panel.entities],
    missing: [],
    notes: [],
  };
  // --economic with --neighbors or --distance: the product weights (geographic × economic)
  if (opts.economic && (opts.neighbors || opts.distance)) {
    const geo = await weightsFromOptions(panel, section, { ...opts, economic: undefined, style: 'raw' });
    const econ = await weightsFromOptions(panel, section, {
      ...opts,
      neighbors: undefined,
      distance: undefined,
      style: 'raw',
    });
    return productWeights(geo, econ, { style: opts.style });
  }
  return weightsFromOptions(panel, section, opts);
}

/** The model options `spatial-regress` and `scenario` both pass on: the flags of withSpatialModelOptions and the weights. */
export function spatialModelOptions(opts: SpatialModelCliOptions, weights: SpatialWeights) {
  return {
    formula: opts.formula,
    model: opts.model,
    fe: opts.fe,
    weights,
    leeYu: opts.leeYu,
    draws: opts.draws,
    seed: opts.seed,
    logdet: { method: opts.logdet },
  };
}

/** Load --data and treat missing values of the formula's variables by --impute (spatial ML needs a balanced panel). */
export async function loadSpatialPanel(opts: SpatialModelCliOptions): Promise<Panel> {
  const panel = await loadData(opts);
  const words = new Set(opts.formula.match(/[\p{L}_][\p{L}\p{N}_.]*/gu) ?? []);
  return imputeColumns(
    panel,
    opts.impute,
    Object.keys(panel.columns).filter((c) => words.has(c)),
  );
}
