import { InputError } from '../core/errors.js';
import { makePanel, withColumns, type Panel } from '../data/panel.js';
import type { MeasureResult } from './types.js';

/**
 * Scores of a measure result as a panel: one column per system index, and one per dimension score
 * named `system.dimension` (also plain `dimension` when that id is used by one system only), so that
 * dimensions can be coupled too (e.g. the three NQPF dimensions).
 */
export function scoresPanel(panel: Panel, result: MeasureResult): Panel {
  const keys = new Map<string, number>();
  const entity: string[] = [];
  const period: number[] = [];
  const dimOwners = new Map<string, Set<string>>();
  for (const s of result.scores)
    for (const d of Object.keys(s.dimensions)) (dimOwners.get(d) ?? dimOwners.set(d, new Set()).get(d)!).add(s.system);
  const names = (s: { system: string }, d: string) => [
    `${s.system}.${d}`,
    ...(dimOwners.get(d)!.size === 1 && !dimOwners.has(s.system) ? [d] : []),
  ];
  const cols: Record<string, number[]> = {};
  const put = (name: string, r: number, v: number) => {
    const c = (cols[name] ??= []);
    while (c.length < r) c.push(NaN);
    c[r] = v;
  };
  for (const s of result.scores) {
    const key = `${s.entity}\u0000${s.period}`;
    let r = keys.get(key);
    if (r === undefined) {
      r = entity.length;
      keys.set(key, r);
      entity.push(s.entity);
      period.push(s.period);
    }
    put(s.system, r, s.index);
    for (const [d, v] of Object.entries(s.dimensions)) for (const n of names(s, d)) put(n, r, v);
  }
  for (const c of Object.values(cols)) while (c.length < entity.length) c.push(NaN);
  return makePanel({
    entityColumn: panel.entityColumn,
    periodColumn: panel.periodColumn,
    entity,
    period,
    columns: cols,
    entities: panel.entities,
    meta: panel.meta,
  });
}

/** What {@link scoreColumns} reads: a `MeasureResult`, or the object `measure()` / `nqpf measure --json` returns. */
export interface ScoresLike {
  readonly scores: readonly {
    readonly entity: string;
    readonly period: number;
    readonly system: string;
    readonly index: number;
    readonly dimensions: Readonly<Record<string, number>>;
  }[];
}

/**
 * The index of each system as a column aligned with the panel's rows, named `<system>_index`, and with
 * `dimensions` each dimension score as `<system>_<dimension>`; rows without a score are NaN. The
 * columns are matched on (entity, period), so they join onto the panel the scores were measured on
 * (or any panel of the same entities and periods).
 */
export function scoreColumns(
  panel: Panel,
  result: ScoresLike,
  options: { readonly dimensions?: boolean } = {},
): Record<string, Float64Array> {
  const row = new Map<string, number>();
  for (let i = 0; i < panel.entity.length; i++) row.set(`${panel.entity[i]}\u0000${panel.period[i]}`, i);
  const n = panel.entity.length;
  const out: Record<string, Float64Array> = {};
  const col = (name: string) => (out[name] ??= new Float64Array(n).fill(NaN));
  for (const s of result.scores) {
    const i = row.get(`${s.entity}\u0000${s.period}`);
    const index = col(`${s.system}_index`);
    if (options.dimensions) for (const d of Object.keys(s.dimensions)) col(`${s.system}_${d}`);
    if (i === undefined) continue;
    index[i] = s.index;
    if (options.dimensions) for (const [d, v] of Object.entries(s.dimensions)) out[`${s.system}_${d}`][i] = v;
  }
  return out;
}

/**
 * The panel with the measured index (and with `dimensions` the dimension scores) as columns
 * `<system>_index`, `<system>_<dimension>` ({@link scoreColumns}): what regressions, mediation and
 * thresholds then read (`nqpf regress --formula "nqpf_index ~ …"`). A name the panel already has is
 * an InputError: the user's own column is never replaced.
 */
export function joinScores(panel: Panel, result: ScoresLike, options: { readonly dimensions?: boolean } = {}): Panel {
  const added = scoreColumns(panel, result, options);
  for (const name of Object.keys(added))
    if (name in panel.columns || name in panel.text || name === panel.entityColumn || name === panel.periodColumn)
      throw new InputError(`the data already has a column "${name}"`, {
        file: panel.meta.file,
        column: name,
        hint: 'rename that column (or the system) so that the index can be added without replacing it',
      });
  return withColumns(panel, added);
}
