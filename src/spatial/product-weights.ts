import { InputError } from '../core/errors.js';
import { makeWeights, type SpatialWeights, type WeightsOptions } from './weights.js';

/**
 * Product of two spatial weights ("geographic × economic" nested weights of Chinese regional studies,
 * e.g. the W_geo ∘ W_econ matrices in 邵帅 et al. 2016, 经济研究 51(9)): general weights g_ij = g^a_ij · g^b_ij
 * on the pairs that are neighbours in both, then styled (default row-standardised). Both weights must
 * cover the same entities in the same order.
 */
export function productWeights(a: SpatialWeights, b: SpatialWeights, options: WeightsOptions = {}): SpatialWeights {
  if (a.ids.length !== b.ids.length || a.ids.some((id, i) => id !== b.ids[i])) {
    throw new InputError('the two spatial weights of a product must cover the same entities in the same order');
  }
  const nb: number[][] = [];
  const g: number[][] = [];
  for (let i = 0; i < a.ids.length; i++) {
    const js: number[] = [];
    const gs: number[] = [];
    const bj = new Map<number, number>();
    b.neighbours[i].forEach((j, k) => bj.set(j, b.general[i][k]));
    a.neighbours[i].forEach((j, k) => {
      const gb = bj.get(j);
      if (gb === undefined) return;
      js.push(j);
      gs.push(a.general[i][k] * gb);
    });
    nb.push(js);
    g.push(gs);
  }
  const w = makeWeights(a.ids, nb, g, 'custom', { style: options.style ?? 'W', file: options.file });
  return {
    ...w,
    notes: [
      ...a.notes.filter((n) => n.code !== 'no-neighbours'),
      ...b.notes.filter((n) => n.code !== 'no-neighbours'),
      ...w.notes,
    ],
  };
}
