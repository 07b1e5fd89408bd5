import type { Note } from '../core/notes.js';
import { coverage, type Coverage } from '../data/coverage.js';
import { impute, type ImputeMethod, type ImputeResult } from '../data/impute.js';
import type { Panel } from '../data/panel.js';
import { frameworkColumns } from '../framework/tree.js';
import type { Framework } from '../framework/types.js';
import { validateAgainstPanel } from '../framework/validate-panel.js';
import { measure } from './measure.js';
import type { MeasureOptions } from './options.js';
import type { MeasureResult } from './types.js';

/** Result of {@link measurePanel}: what was measured and every record of how. */
export interface MeasuredPanel {
  /** The panel after imputation: the rows `result` refers to. */
  readonly panel: Panel;
  /** Coverage of the indicator columns before imputation (the seed paper's "data dormancy"). */
  readonly coverage: Coverage;
  readonly imputation: ImputeResult;
  readonly result: MeasureResult;
  /** Reading, imputation and measurement notes, in that order. */
  readonly notes: readonly Note[];
}

/**
 * The measurement step of the pipeline as every command runs it: check the framework against the
 * panel (unknown columns are an InputError), record coverage, treat missing indicator values with
 * `impute` (`none` leaves rows with a missing indicator out of the index, recorded by `measure`),
 * then {@link measure}.
 */
export function measurePanel(
  panel: Panel,
  framework: Framework,
  options: Partial<MeasureOptions> & { readonly impute?: ImputeMethod } = {},
): MeasuredPanel {
  const { impute: method = 'none', ...measureOptions } = options;
  validateAgainstPanel(framework, panel);
  const columns = frameworkColumns(framework);
  const cov = coverage(panel, columns);
  const imputation = impute(panel, { method, columns });
  const result = measure(imputation.panel, framework, measureOptions);
  return {
    panel: imputation.panel,
    coverage: cov,
    imputation,
    result,
    notes: [...imputation.panel.notes, ...result.notes],
  };
}
