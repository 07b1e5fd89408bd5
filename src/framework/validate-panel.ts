import { InputError } from '../core/errors.js';
import type { Panel } from '../data/panel.js';
import { systemIndicators } from './tree.js';
import type { Framework } from './types.js';

/**
 * Check that every indicator's column exists (as a numeric column) in the panel.
 *
 * @throws InputError naming the indicator entry (`system/dimension/indicator`), the column and the
 * available numeric columns.
 */
export function validateAgainstPanel(framework: Framework, panel: Panel): void {
  const available = Object.keys(panel.columns);
  for (const s of framework.systems) {
    for (const { indicator, path } of systemIndicators(s)) {
      if (panel.columns[indicator.column]) continue;
      const isText = indicator.column in panel.text;
      throw new InputError(
        `framework "${framework.id}", indicator ${s.id}/${path.join('/')}/${indicator.id}: column "${indicator.column}" ${
          isText ? 'holds text, not numbers' : 'is not in the data'
        }`,
        {
          file: panel.meta.file,
          column: indicator.column,
          hint: `available numeric columns: ${available.slice(0, 40).join(', ')}${available.length > 40 ? ', …' : ''}; fix the "column" of the indicator or the data`,
        },
      );
    }
  }
}
