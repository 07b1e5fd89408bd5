/** `markov`: classical and spatial Markov chains of quantile classes, as `nqpf markov --json`. */
import type { Note } from '../core/notes.js';
import type { Panel } from '../data/panel.js';
import { markovChain, type MarkovResult, type TransitionMatrix } from '../dynamics/markov-chain.js';
import { spatialMarkov, type SpatialMarkovResult } from '../dynamics/spatial-markov.js';
import { resolveContiguity } from '../spatial/resolve-weights.js';
import type { NeighbourPair, SpatialWeights } from '../spatial/weights.js';
import { notesFor } from './common.js';

/** Options of {@link markov}. */
export interface MarkovStageOptions {
  readonly value: string;
  /** Number of quantile classes; default 4. */
  readonly classes?: number;
  /** Quantile breaks `pooled` over all periods (default; absolute levels) or `per-period` (relative positions). */
  readonly breaks?: 'pooled' | 'per-period';
  /** Spatial Markov chain (Rey 2001); implied by `knn` or `neighbours`. Needs one of them. */
  readonly spatial?: boolean;
  /** k nearest neighbours from the entities' latitude/longitude (takes precedence over `neighbours`). */
  readonly knn?: number;
  /** Neighbour pairs (contiguity, row-standardised). */
  readonly neighbours?: readonly NeighbourPair[];
  /** Where `neighbours` came from, for the notes. */
  readonly neighboursFile?: string;
  /** nqpf's province borders, used with `spatial` when no other weights are given and the entities are Chinese provinces. */
  readonly builtinBorders?: readonly NeighbourPair[];
}

/** What {@link runMarkov} computed: the classical chain, or the spatial one with its weights. */
export type MarkovRun =
  | {
      readonly kind: 'classical';
      readonly panel: Panel;
      readonly result: MarkovResult;
      readonly notes: readonly Note[];
    }
  | {
      readonly kind: 'spatial';
      readonly panel: Panel;
      readonly result: SpatialMarkovResult;
      readonly weights: SpatialWeights;
      readonly notes: readonly Note[];
    };

function markovWeights(panel: Panel, options: MarkovStageOptions): SpatialWeights {
  return resolveContiguity({
    entities: panel.entities,
    pairs: options.knn === undefined ? options.neighbours : undefined,
    file: options.neighboursFile,
    knn: options.knn,
    builtinBorders: options.builtinBorders,
  });
}

export function runMarkov(panel: Panel, options: MarkovStageOptions): MarkovRun {
  const chain = { k: options.classes ?? 4, classes: options.breaks ?? 'pooled' };
  if (options.spatial || options.neighbours || options.knn !== undefined) {
    const w = markovWeights(panel, options);
    const result = spatialMarkov(panel, options.value, w, chain);
    return {
      kind: 'spatial',
      panel,
      result,
      weights: w,
      notes: [...notesFor(panel.notes, [options.value]), ...w.notes, ...result.notes],
    };
  }
  const result = markovChain(panel, options.value, chain);
  return { kind: 'classical', panel, result, notes: [...notesFor(panel.notes, [options.value]), ...result.notes] };
}

/** JSON fields shared by the classical and the spatial chain (classes 1-based). */
function chainJson(
  r: { value: string; k: number; classes: string; breaks: readonly (readonly number[])[]; nTransitions: number },
  m: TransitionMatrix,
) {
  return {
    value: r.value,
    k: r.k,
    classes: r.classes,
    breaks: r.breaks,
    nTransitions: r.nTransitions,
    counts: m.counts,
    probabilities: m.probabilities,
    emptyRows: m.emptyRows.map((c) => c + 1),
  };
}

/** The `--json` object of `nqpf markov`. */
export function markovJson(run: MarkovRun) {
  const { panel, notes } = run;
  if (run.kind === 'spatial') {
    const r = run.result;
    return {
      ...chainJson(r, r.pooled),
      lagBreaks: r.lagBreaks,
      conditional: r.conditional.map((m, l) => ({
        lagClass: l + 1,
        counts: m.counts,
        probabilities: m.probabilities,
        emptyRows: m.emptyRows.map((c) => c + 1),
        ergodic: r.ergodic[l],
      })),
      test: r.test,
      simulated: panel.meta.simulated,
      notes,
    };
  }
  const r = run.result;
  return {
    ...chainJson(r, r.transitions),
    initial: r.initial,
    final: r.final,
    ergodic: r.ergodic,
    simulated: panel.meta.simulated,
    notes,
  };
}

/**
 * Markov transition matrix of quantile classes; with spatial weights, conditioned on the neighbours'
 * class (Rey 2001) with the homogeneity test; as `nqpf markov --json`.
 */
export function markov(panel: Panel, options: MarkovStageOptions) {
  return markovJson(runMarkov(panel, options));
}
