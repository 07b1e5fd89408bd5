/**
 * The pure logic the views use: rankings, sorting, searching, entity names (tested without a DOM
 * in test/web/state.test.ts).
 */
import type { EntityInfo } from '../../data/panel.js';
import type { MeasureView } from './scores.js';
import type { Lang } from './i18n.js';

/** One row of the `--json` scores array. */
export type ScoreJson = MeasureView['json']['scores'][number];
/** How the ranking is sorted. */
export interface RankingSort {
  key: 'rank' | 'entity' | 'index';
  desc: boolean;
}

/** A row of the ranking table. */
export interface RankingRow {
  entity: string;
  label: string;
  rank: number;
  index: number;
}

/** Display name of an entity in `lang` (Chinese name when there is one). */
export function entityName(e: EntityInfo | undefined, id: string, lang: Lang): string {
  if (!e) return id;
  if (lang === 'zh' && e.nameZh) return e.nameZh;
  return e.name ?? id;
}

/**
 * The ranking of `system` in `period` (default: the latest period with scores), filtered by
 * `query` (matched against id and names, case-insensitive) and sorted.
 */
export function rankingRows(
  scores: readonly ScoreJson[],
  entities: readonly EntityInfo[],
  opts: { system: string; period?: number; query?: string; sort?: RankingSort; lang: Lang },
): { period: number; rows: RankingRow[] } {
  const ofSystem = scores.filter((s) => s.system === opts.system);
  const period = opts.period ?? latestPeriod(ofSystem);
  const info = new Map(entities.map((e) => [e.id, e]));
  const q = (opts.query ?? '').trim().toLowerCase();
  const rows = ofSystem
    .filter((s) => s.period === period)
    .map((s) => {
      const e = info.get(s.entity);
      return {
        entity: s.entity,
        label: entityName(e, s.entity, opts.lang),
        rank: s.rank,
        index: s.index,
        search: [s.entity, e?.name, e?.nameZh].filter(Boolean).join(' ').toLowerCase(),
      };
    })
    .filter((r) => !q || r.search.includes(q))
    .map(({ search: _s, ...r }) => r);
  const sort = opts.sort ?? { key: 'rank', desc: false };
  const dir = sort.desc ? -1 : 1;
  rows.sort((a, b) => {
    const c =
      sort.key === 'entity'
        ? a.label.localeCompare(b.label, opts.lang === 'zh' ? 'zh' : 'en')
        : a[sort.key] - b[sort.key];
    return dir * (c || a.rank - b.rank);
  });
  return { period, rows };
}

/** The latest period with a score. */
export function latestPeriod(scores: readonly ScoreJson[]): number {
  let p = -Infinity;
  for (const s of scores) if (s.period > p) p = s.period;
  return p;
}

/** The top `n` entities of the latest period of `system` (ids), for default line and radar charts. */
export function topEntities(
  scores: readonly ScoreJson[],
  system: string,
  n: number,
  from: 'top' | 'bottom' = 'top',
): string[] {
  const ofSystem = scores.filter((r) => r.system === system);
  const p = latestPeriod(ofSystem);
  const sorted = ofSystem.filter((r) => r.period === p).sort((a, b) => a.rank - b.rank);
  return (from === 'top' ? sorted.slice(0, n) : sorted.slice(-n).reverse()).map((r) => r.entity);
}
