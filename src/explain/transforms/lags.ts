import { InputError } from '../../core/errors.js';
import { withColumns, column, type Panel } from '../../data/panel.js';

/**
 * Add lagged copies `${name}_lag${k}` of `columns`: the value of the same entity in period t − k (by
 * period value, so a gap gives NaN rather than the previous row), as fixest's `l(x, k)` and Stata's
 * `L.x` on an `xtset` panel.
 */
export function withLags(panel: Panel, columns: readonly string[], k = 1): { panel: Panel; names: string[] } {
  if (!(Number.isInteger(k) && k >= 1)) throw new InputError(`lag must be a whole number ≥ 1 (got ${k})`);
  const index = new Map<string, number>();
  for (let i = 0; i < panel.entity.length; i++) index.set(`${panel.entity[i]}\u0000${panel.period[i]}`, i);
  const added: Record<string, Float64Array> = {};
  const names: string[] = [];
  for (const name of columns) {
    const src = column(panel, name, 'lagged regressors');
    const out = new Float64Array(src.length).fill(NaN);
    for (let i = 0; i < src.length; i++) {
      const j = index.get(`${panel.entity[i]}\u0000${panel.period[i] - k}`);
      if (j !== undefined) out[i] = src[j];
    }
    const nm = `${name}_lag${k}`;
    added[nm] = out;
    names.push(nm);
  }
  return { panel: withColumns(panel, added), names };
}
