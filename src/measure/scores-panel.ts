import { makePanel, type Panel } from '../data/panel.js';
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
