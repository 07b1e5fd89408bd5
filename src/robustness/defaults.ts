import type { ImputeMethod } from '../data/impute.js';
import type { MeasureOptions } from '../measure/options.js';
import type { SensitivityOptions } from './sensitivity.js';

/**
 * The analysis `measure --robustness` and the demo report run: around the chosen measurement, the
 * weights vary over the chosen method, entropy, equal and CRITIC; when the normalised values are
 * positive, the aggregation over arithmetic and geometric; each weight is perturbed by ±25%; and one
 * indicator may be left out. N = 500 (500(d + 2) runs), seed 1, 500 bootstrap replicates.
 */
export function defaultRobustness(
  measure: Partial<MeasureOptions> & { readonly impute?: ImputeMethod },
  year?: number,
): SensitivityOptions {
  const weights = measure.weights ?? 'entropy';
  const normalize = measure.normalize ?? 'minmax';
  const aggregate = measure.aggregate ?? 'arithmetic';
  const positive = normalize === 'minmax-shift' || normalize === 'minmax-range';
  return {
    measure,
    vary: [
      { flag: 'weights', levels: [...new Set([weights, 'entropy', 'equal', 'critic'])] },
      ...(positive && aggregate !== 'topsis'
        ? [{ flag: 'aggregate' as const, levels: [...new Set([aggregate, 'arithmetic', 'geometric'])] }]
        : []),
    ],
    perturbWeights: 0.25,
    dropIndicators: true,
    runs: 500,
    seed: 1,
    bootstrap: 500,
    ...(year === undefined ? {} : { year }),
  };
}
