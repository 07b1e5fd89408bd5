import { InputError } from '../core/errors.js';
import type { Panel } from '../data/panel.js';
import { modelFrame } from '../explain/model-frame.js';
import { parseFormula } from '../explain/formula.js';
import type { SpatialPanelData } from './fit.js';

/**
 * The balanced panel of a formula `y ~ x1 + x2` (fixest expressions: log(), l(), interactions), stacked
 * by period blocks in the entity order of the weights (`ids`). Spatial panel ML needs every entity in
 * every period: a missing cell is an error naming it (xsmle and splm also require a balanced panel).
 */
export function spatialPanelData(panel: Panel, formula: string, ids: readonly string[]): SpatialPanelData {
  const f = parseFormula(formula);
  if (f.fixedEffects.length || f.iv) {
    throw new InputError(
      `spatial-regress takes "y ~ x1 + x2" without "| fixed effects" or IV parts (got "${formula}")`,
      { hint: 'give the fixed effects with --fe entity|period|both|none' },
    );
  }
  if (f.terms.length === 0)
    throw new InputError(`the formula "${formula}" has no regressors`, { hint: 'e.g. "nqpf ~ innovation + openness"' });
  const mf = modelFrame(panel, f, { keepSingletons: true });
  const N = ids.length;
  const T = panel.periods.length;
  const pos = new Map(ids.map((id, i) => [id, i]));
  const present = new Uint8Array(N * T);
  const y = new Float64Array(N * T).fill(NaN);
  const x = mf.x.filter((_, j) => mf.xNames[j] !== '(Intercept)').map(() => new Float64Array(N * T).fill(NaN));
  const xNames = mf.xNames.filter((nm) => nm !== '(Intercept)');
  const xCols = mf.x.filter((_, j) => mf.xNames[j] !== '(Intercept)');
  for (let r = 0; r < mf.n; r++) {
    const row = mf.rows[r];
    const i = pos.get(panel.entity[row]);
    if (i === undefined) continue;
    const k = panel.periodIndex[row] * N + i;
    present[k] = 1;
    y[k] = mf.y[r];
    xCols.forEach((c, j) => (x[j][k] = c[r]));
  }
  const missing: string[] = [];
  for (let t = 0; t < T; t++)
    for (let i = 0; i < N; i++) if (!present[t * N + i]) missing.push(`${ids[i]} ${panel.periods[t]}`);
  if (missing.length) {
    throw new InputError(
      `spatial panel models need a balanced panel: ${missing.length} entity-period cell(s) have a missing model variable, e.g. ${missing.slice(0, 5).join(', ')}`,
      {
        file: panel.meta.file,
        hint: 'impute the cells (--impute) or drop those entities and periods from the data; a lag l(x, 1) is missing in the first period',
      },
    );
  }
  return { ids, periods: panel.periods, y, yName: mf.yName, x, xNames };
}
