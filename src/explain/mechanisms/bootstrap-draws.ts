import { InputError } from '../../core/errors.js';
import type { Rng } from '../../core/rng.js';

/**
 * The draws of a cluster (block) bootstrap: each replicate lists, for each of the G clusters, the
 * 0-based position of the cluster that takes its place, drawn uniformly with replacement (Efron &
 * Tibshirani 1993, ch. 8; resampling whole clusters keeps the dependence within them, Cameron,
 * Gelbach & Miller 2008). Used by the mediation bootstrap (clusters of rows) and by the threshold
 * model's fixed-regressor bootstrap (entities' residual vectors, Hansen 1999 §3.3).
 *
 * The source is either a seeded {@link Rng} (G calls of `rng.int(G)` per replicate, in cluster order,
 * so a seed reproduces the same draws everywhere) or explicit draws (to check the machinery against a
 * reference such as R's `boot` on the same index sets), validated here once. The returned function
 * fills and returns one buffer: copy it to keep a replicate.
 */
export function clusterDraws(
  G: number,
  source: Rng | readonly ArrayLike<number>[],
  unit = 'clusters',
): (r: number) => Int32Array {
  const buf = new Int32Array(G);
  if (!Array.isArray(source)) {
    const rng = source as Rng;
    return () => {
      for (let g = 0; g < G; g++) buf[g] = rng.int(G);
      return buf;
    };
  }
  const draws = source as readonly ArrayLike<number>[];
  draws.forEach((d, r) => {
    if (d.length !== G)
      throw new InputError(`bootstrap draw ${r + 1} has ${d.length} ${unit}, the sample has ${G}`, {
        hint: `each draw lists one position (0 to ${G - 1}) per one of the ${G} ${unit}`,
      });
    for (let g = 0; g < G; g++) {
      const v = d[g];
      if (!(Number.isInteger(v) && v >= 0 && v < G))
        throw new InputError(`bootstrap draw ${r + 1} has position ${v} at ${g + 1}, outside 0…${G - 1}`, {
          hint: 'positions are 0-based',
        });
    }
  });
  return (r) => {
    const d = draws[r];
    for (let g = 0; g < G; g++) buf[g] = d[g];
    return buf;
  };
}
