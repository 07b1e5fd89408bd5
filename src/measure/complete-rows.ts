import { InputError } from '../core/errors.js';
import type { NoteLog } from '../core/notes.js';
import type { Panel } from '../data/panel.js';

/**
 * Positions of the rows where every one of `columns` is a finite number. The composite index needs
 * complete data: a row missing any indicator is left out of normalisation, weighting and scoring
 * (listwise deletion), and a warning lists the rows left out. Impute first (`--impute linear|mean`)
 * to keep them.
 *
 * @throws InputError when fewer than two rows remain.
 */
export function completeRows(panel: Panel, columns: readonly string[], log: NoteLog): Int32Array {
  const keep: number[] = [];
  const dropped: { entity: string; period: number; missing: string[] }[] = [];
  for (let i = 0; i < panel.entity.length; i++) {
    const missing = columns.filter((c) => !Number.isFinite(panel.columns[c][i]));
    if (missing.length) dropped.push({ entity: panel.entity[i], period: panel.period[i], missing });
    else keep.push(i);
  }
  if (dropped.length) {
    const show = dropped
      .slice(0, 5)
      .map((d) => `${d.entity} ${d.period} (${d.missing.join(', ')})`)
      .join('; ');
    log.warn(
      'dropped-rows',
      `${dropped.length} of ${panel.entity.length} rows have a missing indicator and are left out of the index (impute first to keep them, e.g. --impute linear): ${show}${dropped.length > 5 ? '; …' : ''}`,
      { rows: dropped },
    );
  }
  if (keep.length < 2) {
    throw new InputError(
      `only ${keep.length} row(s) have every indicator of the framework; the index needs at least 2`,
      {
        file: panel.meta.file,
        hint: 'impute missing values (--impute linear or mean) or drop indicators with little data from the framework',
      },
    );
  }
  return Int32Array.from(keep);
}
