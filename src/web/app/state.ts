/**
 * The workbench's state and the pure logic the views use (rankings, sorting, searching, the project
 * file). One object, the project, holds what the user chose; results are derived from it by the
 * engine and never edited by hand.
 */
import type { EntityInfo } from '../../data/panel.js';
import { defaultMeasureSettings, newProject, type Project } from '../../run/project-file.js';
import type { DataSummary, FrameworkInfo, MeasureView, ScoreJson } from '../worker/protocol.js';
import type { Lang } from './i18n.js';

export interface AppState {
  lang: Lang;
  step: 'data' | 'framework' | 'measure' | 'analyse' | 'export';
  data?: DataSummary;
  /** The bytes of the user's file (kept to read it again with other columns). */
  file?: { name: string; bytes: ArrayBuffer };
  framework?: FrameworkInfo;
  /** Built-in framework id when one is chosen. */
  frameworkBuiltin?: string;
  frameworkFile?: string;
  measure: Project['measure'];
  result?: MeasureView;
  couple?: Project['couple'];
  /** Ranking view settings. */
  view: { system?: string; period?: number; query: string; sort: { key: 'rank' | 'entity' | 'index'; desc: boolean } };
}

export function initialState(lang: Lang): AppState {
  return { lang, step: 'data', measure: defaultMeasureSettings(), view: { query: '', sort: { key: 'rank', desc: false } } };
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
  opts: { system: string; period?: number; query?: string; sort?: AppState['view']['sort']; lang: Lang },
): { period: number; rows: RankingRow[] } {
  const ofSystem = scores.filter((s) => s.system === opts.system);
  const period = opts.period ?? latestPeriod(ofSystem);
  const info = new Map(entities.map((e) => [e.id, e]));
  const q = (opts.query ?? '').trim().toLowerCase();
  const rows = ofSystem
    .filter((s) => s.period === period)
    .map((s) => {
      const e = info.get(s.entity);
      return { entity: s.entity, label: entityName(e, s.entity, opts.lang), rank: s.rank, index: s.index, search: [s.entity, e?.name, e?.nameZh].filter(Boolean).join(' ').toLowerCase() };
    })
    .filter((r) => !q || r.search.includes(q))
    .map(({ search: _s, ...r }) => r);
  const sort = opts.sort ?? { key: 'rank', desc: false };
  const dir = sort.desc ? -1 : 1;
  rows.sort((a, b) => {
    const c = sort.key === 'entity' ? a.label.localeCompare(b.label, opts.lang === 'zh' ? 'zh' : 'en') : a[sort.key] - b[sort.key];
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

/** The project file of the current state (undefined until data and a framework are chosen). */
export function projectOf(s: AppState): Project | undefined {
  if (!s.data || !s.framework) return undefined;
  const fw: Project['framework'] = s.frameworkBuiltin
    ? { builtin: s.frameworkBuiltin }
    : { file: s.frameworkFile ?? 'framework.yaml', definition: s.framework.definition };
  const p = newProject(s.data.source, fw, s.lang);
  p.measure = { ...s.measure };
  if (s.couple) p.couple = { ...s.couple, systems: [...s.couple.systems] };
  return p;
}

/** The state changes a project file asks for (the data itself is loaded by the caller). */
export function applyProject(s: AppState, p: Project): AppState {
  return { ...s, lang: p.lang, measure: { ...p.measure }, couple: p.couple ? { ...p.couple, systems: [...p.couple.systems] } : undefined, result: undefined };
}

/** The top `n` entities of the latest period of `system` (ids), for default line and radar charts. */
export function topEntities(scores: readonly ScoreJson[], system: string, n: number, from: 'top' | 'bottom' = 'top'): string[] {
  const ofSystem = scores.filter((r) => r.system === system);
  const p = latestPeriod(ofSystem);
  const sorted = ofSystem.filter((r) => r.period === p).sort((a, b) => a.rank - b.rank);
  return (from === 'top' ? sorted.slice(0, n) : sorted.slice(-n).reverse()).map((r) => r.entity);
}
