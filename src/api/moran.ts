/** `moran`: global and local Moran's I and Geary's C of one variable in one period, as `nqpf moran --json`. */
import type { Note } from '../core/notes.js';
import type { Panel } from '../data/panel.js';
import { crossSection, type CrossSection } from '../spatial/cross-section.js';
import { gearyTest, type GearyResult } from '../spatial/geary.js';
import { localMoran, type LocalMoranResult } from '../spatial/local-moran.js';
import { moranTest, type MoranResult } from '../spatial/moran.js';
import type { Alternative } from '../spatial/pvalue.js';
import type { SpatialWeights } from '../spatial/weights.js';
import { notesFor } from './common.js';
import { spatialWeightsFor, type SpatialWeightsOptions } from './spatial-weights.js';

/** Options of {@link moran}: the variable, the period, the weights and the tests' settings. */
export interface MoranStageOptions extends SpatialWeightsOptions {
  /** The variable to test. */
  readonly value: string;
  /** The period; default the last period with values. */
  readonly year?: number;
  /** Random permutations for pseudo p-values; default 999 (0 = none). */
  readonly permutations?: number;
  /** Seed of the permutations; default 1. */
  readonly seed?: number;
  /** Alternative of the global test; default `greater` (spdep). */
  readonly alternative?: Alternative;
  /** Significance level of the LISA cluster map; default 0.05. */
  readonly alpha?: number;
}

/** What {@link runMoran} computed. */
export interface MoranRun {
  readonly panel: Panel;
  readonly value: string;
  readonly section: CrossSection;
  readonly weights: SpatialWeights;
  readonly global: MoranResult;
  readonly geary: GearyResult;
  readonly local: LocalMoranResult;
  readonly permutations: number;
  readonly seed: number;
  readonly notes: readonly Note[];
}

export function runMoran(panel: Panel, options: MoranStageOptions): MoranRun {
  const permutations = options.permutations ?? 999;
  const seed = options.seed ?? 1;
  const alternative = options.alternative ?? 'greater';
  const section = crossSection(panel, options.value, options.year);
  const w = spatialWeightsFor(panel, section, options);
  const g = moranTest(section.values, w, { alternative, permutations, seed });
  const geary = gearyTest(section.values, w, { alternative });
  const local = localMoran(section.values, w, { permutations, seed, alpha: options.alpha ?? 0.05 });
  const notes: Note[] = [...notesFor(panel.notes, [options.value]), ...section.notes, ...g.notes];
  return { panel, value: options.value, section, weights: w, global: g, geary, local, permutations, seed, notes };
}

/** The `--json` object of `nqpf moran`. */
export function moranJson(r: MoranRun) {
  const { global: g, geary, local, weights: w, section } = r;
  return {
    value: r.value,
    period: section.period,
    n: section.ids.length,
    weights: { kind: w.kind, style: w.style, isolates: w.isolates.map((i) => w.ids[i]) },
    I: g.I,
    expected: g.expected,
    variance: g.randomisation.variance,
    z: g.randomisation.z,
    pValue: g.randomisation.pValue,
    pPermutation: g.permutation?.pValue ?? null,
    alternative: g.alternative,
    normality: g.normality,
    permutations: r.permutations,
    seed: r.seed,
    geary: { C: geary.C, expected: geary.expected, variance: geary.variance, z: geary.z, pValue: geary.pValue },
    local: local.rows.map((x) => ({
      entity: x.entity,
      Ii: x.Ii,
      expected: x.expected,
      variance: x.variance,
      z: x.z,
      pValue: x.pValue,
      pPermutation: x.pPermutation,
      quadrant: x.quadrant,
      cluster: x.cluster,
    })),
    clusterBy: local.clusterBy,
    alpha: local.alpha,
    simulated: r.panel.meta.simulated,
    notes: r.notes,
  };
}

/**
 * Global Moran's I (normality, randomisation and permutation inference, as spdep's moran.test and
 * moran.mc), Geary's C and local Moran (LISA) clusters; as `nqpf moran --json`.
 * Formulas: docs/spatial-forecast.md.
 */
export function moran(panel: Panel, options: MoranStageOptions) {
  return moranJson(runMoran(panel, options));
}
