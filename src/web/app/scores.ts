/**
 * The measure result on the page: the worker sends the scores by column (handlers.ts,
 * {@link ScoreColumns}); here they become the rows of `nqpf measure --json` again, once per result.
 */
import type { MeasureJson, MeasureTransfer, ScoreColumns } from '../worker/protocol.js';

/** The measure result as the page shows it: `nqpf measure --json` (with its score rows) plus look-ups. */
export type MeasureView = Omit<MeasureTransfer, 'json' | 'scores'> & { json: MeasureJson };

/** The `--json` score rows of the columns (in the worker's order). */
export function scoreRows(c: ScoreColumns): MeasureJson['scores'] {
  const rows: MeasureJson['scores'] = new Array(c.index.length);
  for (let i = 0; i < rows.length; i++) {
    const system = c.systems[c.system[i]];
    const dimensions: Record<string, number> = {};
    for (const d of c.systemDimensions[system] ?? []) dimensions[d] = c.dimensions[d][i];
    rows[i] = {
      entity: c.entities[c.entity[i]],
      period: c.period[i],
      index: c.index[i],
      system,
      dimensions,
      rank: c.rank[i],
    };
  }
  return rows;
}

/** The page's view of what the worker's `measure` returned. */
export function measureView(t: MeasureTransfer): MeasureView {
  const { scores, json, ...rest } = t;
  return { ...rest, json: { ...json, scores: scoreRows(scores) } };
}
