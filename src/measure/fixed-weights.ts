import { InputError } from '../core/errors.js';
import { fsum } from '../core/numeric.js';
import type { PlacedIndicator } from '../framework/tree.js';
import type { Dimension, System } from '../framework/types.js';

/**
 * Fixed weights from the framework (`weight:` entries), as shares of the system. Every indicator
 * needs a weight. Weights are relative to siblings: at each level where the dimensions carry
 * weights (all siblings must, or none), a dimension's share is its weight over its siblings';
 * where they carry none, each dimension's share is the sum of the indicator weights below it, so a
 * framework with indicator weights only is flat: w_j = weight_j / Σ_system weight. Within a
 * dimension, indicators share its mass in proportion to their weights.
 *
 * @throws InputError naming the indicator or dimension entry whose weight is missing.
 */
export function fixedWeights(system: System, placed: readonly PlacedIndicator[]): Float64Array {
  for (const p of placed) {
    if (p.indicator.weight === undefined) {
      throw new InputError(
        `--weights fixed: indicator ${system.id}/${p.path.join('/')}/${p.indicator.id} has no weight`,
        {
          hint: 'give every indicator a "weight:" in the framework file, or use --weights entropy',
        },
      );
    }
  }
  const byId = new Map(placed.map((p, i) => [p.indicator, i]));
  const out = new Float64Array(placed.length);
  const below = (d: Dimension): number =>
    d.indicators ? fsum(d.indicators.map((i) => i.weight!)) : fsum((d.dimensions ?? []).map(below));
  const allocate = (dims: readonly Dimension[], mass: number, where: string) => {
    const withW = dims.filter((d) => d.weight !== undefined).length;
    if (withW > 0 && withW < dims.length) {
      throw new InputError(`--weights fixed: some dimensions under ${where} have a weight and some do not`, {
        hint: 'give every sibling dimension a weight, or none (then the indicator weights decide)',
      });
    }
    const share = dims.map((d) => (withW ? d.weight! : below(d)));
    const total = fsum(share);
    dims.forEach((d, k) => {
      const m = total > 0 ? (mass * share[k]) / total : 0;
      if (d.dimensions) allocate(d.dimensions, m, `${where}/${d.id}`);
      else {
        const inds = d.indicators ?? [];
        const t = fsum(inds.map((i) => i.weight!));
        for (const i of inds) out[byId.get(i)!] = t > 0 ? (m * i.weight!) / t : 0;
      }
    });
  };
  allocate(system.dimensions, 1, system.id);
  return out;
}
