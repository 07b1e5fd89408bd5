import { isInputError } from '../core/errors.js';
import type { NoteLog } from '../core/notes.js';
import type { System } from '../framework/types.js';
import type { MeasureSetting } from './factors.js';
import { dimensionMembers, runIndex, runRanks, type MeasureModel, type SystemModel } from './model.js';

/** Rank change of the entities when one indicator or one top-level dimension is left out. */
export interface Removal {
  readonly level: 'indicator' | 'dimension';
  readonly id: string;
  /** Top-level dimension of a removed indicator. */
  readonly dimension?: string;
  /** (1/n) Σ_e |r_e − r⁰_e|: COINr `remove_elements`'s MeanAbsDiff. */
  readonly meanAbsRankChange: number;
  readonly maxAbsRankChange: number;
  /** Per entity (nominal order): the rank without the element and the change r − r⁰ (positive = falls). */
  readonly changes: readonly { readonly entity: string; readonly rank: number; readonly change: number }[];
}

/**
 * Leave-one-out (COINr `remove_elements`): for each indicator, and each top-level dimension of the
 * system, rebuild the index with the nominal choices and the element removed — weights recomputed
 * by the method on the remaining indicators, as `measure` does on the reduced framework — and
 * compare the ranks of the ranked period with the nominal ones. A system with one indicator (or
 * one dimension) has nothing to remove at that level.
 */
export function leaveOneOut(
  model: MeasureModel,
  nominal: MeasureSetting,
  k: number,
  entities: readonly string[],
  nominalRanks: ArrayLike<number>,
  log?: NoteLog,
): Removal[] {
  const system: System = model.framework.systems[k];
  const dims = dimensionMembers(system);
  const out: Removal[] = [];
  const compare = (level: Removal['level'], id: string, removed: string[], dimension?: string) => {
    let m;
    try {
      m = model.system(nominal, k, removed);
    } catch (e) {
      // e.g. CRITIC weights of a single remaining indicator are 0: measure could not build that index either.
      if (!isInputError(e)) throw e;
      log?.warn(
        'removal-skipped',
        `leave-one-out: the index without ${level} "${id}" cannot be computed (${e.message})`,
      );
      return;
    }
    const ranks = alignRanks(m, runRanks(runIndex(m, nominal.aggregate, null)), entities);
    const changes = entities.map((entity, e) => ({ entity, rank: ranks[e], change: ranks[e] - nominalRanks[e] }));
    const abs = changes.map((c) => Math.abs(c.change)).filter(Number.isFinite);
    out.push({
      level,
      id,
      ...(dimension ? { dimension } : {}),
      meanAbsRankChange: abs.reduce((s, x) => s + x, 0) / abs.length,
      maxAbsRankChange: Math.max(...abs),
      changes,
    });
  };
  const all = dims.flatMap((d) => d.indicators);
  if (all.length > 1) for (const d of dims) for (const id of d.indicators) compare('indicator', id, [id], d.id);
  if (dims.length > 1) for (const d of dims) compare('dimension', d.id, d.indicators);
  return out;
}

const positions = new WeakMap<SystemModel, Int32Array>();

/** Ranks of a run in the order of `entities` (NaN for an entity the run did not rank). */
export function alignRanks(m: SystemModel, ranks: Float64Array, entities: readonly string[]): Float64Array {
  const at = new Map(m.yearEntities.map((e, i) => [e, i]));
  return Float64Array.from(entities, (e) => ranks[at.get(e) ?? -1] ?? NaN);
}

/** Position in `entities` of each row of `m`'s ranked period (−1 when absent); cached per model. */
export function entityPositions(m: SystemModel, entities: readonly string[]): Int32Array {
  let pos = positions.get(m);
  if (!pos) {
    const at = new Map(entities.map((e, i) => [e, i]));
    pos = Int32Array.from(m.yearEntities, (e) => at.get(e) ?? -1);
    positions.set(m, pos);
  }
  return pos;
}
