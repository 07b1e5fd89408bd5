import type { Lang } from '../../core/label.js';
import type { EntityInfo, Panel } from '../../data/panel.js';
import type { Dimension, Framework, System } from '../../framework/types.js';
import type { MeasureResult, ScoreRow } from '../../measure/types.js';
import {
  datasetText,
  type Block,
  type ReportDataset,
  type ReportSection,
  type TableColumn,
  type TreeNode,
} from '../blocks.js';
import { barChart } from '../charts/bar.js';
import { lineChart } from '../charts/line.js';
import { radarChart } from '../charts/radar.js';
import { txt } from '../charts/theme.js';
import { entityNamer } from '../entity-label.js';
import { entityMapFigure } from './entity-map.js';
import { registerTerms, t, term, tf, unitText } from '../i18n.js';
import { methodsBlocks } from './measure-methods.js';

registerTerms({
  topEntities: { en: 'Top {n} in {period}', zh: '{period}年前{n}名' },
  bottomEntities: { en: 'Bottom {n} in {period}', zh: '{period}年后{n}名' },
  selectedEntities: { en: 'Selected entities', zh: '选定地区' },
  rankingCaption: { en: '{system}: ranking in {period}', zh: '{system}：{period}年排名' },
  rankChangeNote: {
    en: 'Change in rank: rank in {first} minus rank in {last}; positive = moved up. Dimension scores are weighted means of their indicators on the scale of the index.',
    zh: '排名变化 = {first}年排名 − {last}年排名，正值表示上升。维度得分为其指标的加权平均，与指数同一量纲。',
  },
  indexTimeCaption: { en: '{system} over time: {which}', zh: '{system}的时间变化：{which}' },
  profileCaption: {
    en: '{system}: dimension scores of the top 3 and bottom 3 in {period}',
    zh: '{system}：{period}年前3名与后3名的维度得分',
  },
  mapCaption: { en: '{system} in {period}', zh: '{period}年{system}空间分布' },
  frameworkCaption: {
    en: '{framework}: systems, dimensions and indicators with weights',
    zh: '{framework}：系统、维度、指标及权重',
  },
  indexScale: { en: 'Index', zh: '指数' },
  scoreAxis: { en: 'Score (index scale)', zh: '得分（指数量纲）' },
});

/** Options of {@link measureSections}. */
export interface MeasureSectionOptions {
  readonly lang?: Lang;
  /** Systems to show rankings, lines, profiles and maps for (default: all, in framework order). */
  readonly systems?: readonly string[];
  /** Extra entities (ids) to plot over time besides the top and bottom ones. */
  readonly entities?: readonly string[];
  /** How many top and bottom entities to plot over time (default 5). */
  readonly topN?: number;
  /** Prefix of section ids (default `measure-<dataset name>`). */
  readonly idPrefix?: string;
}

/** The {@link ReportDataset} of a panel, from its metadata. */
export function reportDataset(panel: Panel): ReportDataset {
  const m = panel.meta;
  return { name: m.name, title: m.title, simulated: m.simulated, citation: m.citation, licence: m.licence, zh: m.zh };
}

/**
 * Report sections of a composite-index measurement: the framework tree with weights, the ranking
 * table of the latest period, the index over time (top and bottom entities and a user list),
 * dimension profiles (radar) of the top 3 and bottom 3, a map of the latest index (world
 * choropleth for countries with ISO3 codes, province map for Chinese provinces) and the methods
 * with the formulas of the options actually used. Nothing is computed here but orderings and
 * look-ups of the result.
 */
export function measureSections(
  panel: Panel,
  framework: Framework,
  result: MeasureResult,
  options: MeasureSectionOptions = {},
): ReportSection[] {
  const lang = options.lang ?? 'en';
  const dataset = panel.meta.name;
  const prefix = (options.idPrefix ?? `measure-${dataset}`).replace(/[^A-Za-z0-9_-]/g, '-');
  const dsTitle = datasetText(panel.meta, 'title', lang)!;
  const title = (key: string) => `${t(key, lang)} — ${dsTitle}`;
  const systems = framework.systems.filter((s) => !options.systems || options.systems.includes(s.id));
  const name = entityNamer(panel.entities, lang);
  const multi = systems.length > 1;
  const per = (build: (s: System, rows: SystemRows) => Block[]) =>
    systems.flatMap((s) => {
      const rows = systemRows(result.scores, s.id);
      if (rows.latest.length === 0) return [];
      return [...(multi ? [{ kind: 'heading' as const, text: s.name }] : []), ...build(s, rows)];
    });
  const section = (id: string, key: string, blocks: Block[]): ReportSection => ({
    id: `${prefix}-${id}`,
    title: title(key),
    datasetName: dataset,
    blocks,
  });

  return [
    section('framework', 'framework', [frameworkTree(framework, result, lang)]),
    section(
      'ranking',
      'ranking',
      per((s, rows) => [rankingTable(s, rows, name, lang)]),
    ),
    section(
      'time',
      'indexOverTime',
      per((s, rows) => timeFigures(s, rows, panel.periods, name, options, lang)),
    ),
    section(
      'profiles',
      'profiles',
      per((s, rows) => [profileFigure(s, rows, name, lang)]),
    ),
    section(
      'map',
      'indexMap',
      per((s, rows) => mapBlocks(s, rows, panel.entities, lang)),
    ),
    section('methods', 'methods', [
      ...methodsBlocks(result, lang),
      { kind: 'notes', notes: [...panel.notes, ...result.notes] },
    ]),
  ];
}

/** Score rows of one system: all, those of the first and latest period (latest sorted by rank). */
interface SystemRows {
  readonly all: readonly ScoreRow[];
  readonly first: ReadonlyMap<string, ScoreRow>;
  readonly latest: readonly ScoreRow[];
  readonly firstPeriod: number;
  readonly latestPeriod: number;
}

function systemRows(scores: readonly ScoreRow[], system: string): SystemRows {
  const all = scores.filter((r) => r.system === system && Number.isFinite(r.index));
  let firstPeriod = Infinity;
  let latestPeriod = -Infinity;
  for (const r of all) {
    if (r.period < firstPeriod) firstPeriod = r.period;
    if (r.period > latestPeriod) latestPeriod = r.period;
  }
  const latest = all.filter((r) => r.period === latestPeriod).sort((a, b) => a.rank - b.rank);
  const first = new Map(all.filter((r) => r.period === firstPeriod).map((r) => [r.entity, r]));
  return { all, first, latest, firstPeriod, latestPeriod };
}

function frameworkTree(framework: Framework, result: MeasureResult, lang: Lang): Block {
  const iw = new Map(result.weights.map((w) => [`${w.system}\u0000${w.id}`, w.weight]));
  const dw = new Map(result.dimensionWeights.map((w) => [`${w.system}\u0000${w.id}`, w.weight]));
  const dimNode = (system: string, d: Dimension): TreeNode => ({
    label: d.name,
    weight: dw.get(`${system}\u0000${d.id}`),
    children: [
      ...(d.dimensions ?? []).map((c) => dimNode(system, c)),
      ...(d.indicators ?? []).map((i) => ({
        label: i.name,
        weight: iw.get(`${system}\u0000${i.id}`),
        detail: [t(i.direction === '+' ? 'benefit' : 'cost', lang), unitText(i.unit, lang)].filter(Boolean).join(' · '),
      })),
    ],
  });
  return {
    kind: 'tree',
    caption: tf('frameworkCaption', lang, { framework: txt(framework.name, lang) }),
    headers: [
      `${t('system', lang)} / ${t('dimension', lang)} / ${t('indicator', lang)}`,
      t('weight', lang),
      `${t('direction', lang)} · ${t('unit', lang)}`,
    ],
    nodes: framework.systems.map((s) => ({ label: s.name, children: s.dimensions.map((d) => dimNode(s.id, d)) })),
  };
}

function rankingTable(s: System, rows: SystemRows, name: (id: string) => string, lang: Lang): Block {
  const dims = s.dimensions;
  const columns: TableColumn[] = [
    { key: 'rank', label: term('rank'), format: { digits: 0 } },
    { key: 'entity', label: term('entity') },
    { key: 'index', label: term('index'), format: { digits: 4 } },
    ...dims.map((d) => ({ key: `d:${d.id}`, label: d.name, format: { digits: 4 } })),
    {
      key: 'change',
      label: `${t('change', lang)} (${t('since', lang)} ${rows.firstPeriod})`,
      format: { digits: 0, signed: true },
    },
  ];
  const tableRows = rows.latest.map((r) => {
    const first = rows.first.get(r.entity);
    const row: Record<string, string | number | null> = {
      rank: r.rank,
      entity: name(r.entity),
      index: r.index,
      change: first ? first.rank - r.rank : null,
    };
    for (const d of dims) row[`d:${d.id}`] = r.dimensions[d.id] ?? null;
    return row;
  });
  return {
    kind: 'table',
    caption: tf('rankingCaption', lang, { system: txt(s.name, lang), period: rows.latestPeriod }),
    note: tf('rankChangeNote', lang, { first: rows.firstPeriod, last: rows.latestPeriod }),
    columns,
    rows: tableRows,
  };
}

function timeFigures(
  s: System,
  rows: SystemRows,
  periods: readonly number[],
  name: (id: string) => string,
  options: MeasureSectionOptions,
  lang: Lang,
): Block[] {
  const n = Math.min(options.topN ?? 5, Math.floor(rows.latest.length / 2) || rows.latest.length);
  const byEntity = new Map<string, Map<number, number>>();
  for (const r of rows.all) {
    let m = byEntity.get(r.entity);
    if (!m) byEntity.set(r.entity, (m = new Map()));
    m.set(r.period, r.index);
  }
  const shownPeriods = periods.filter((p) => rows.all.some((r) => r.period === p));
  const figure = (ids: readonly string[], which: string): Block => ({
    kind: 'figure',
    caption: tf('indexTimeCaption', lang, { system: txt(s.name, lang), which }),
    svg: lineChart({
      lang,
      periods: shownPeriods,
      xName: term('year'),
      yName: term('indexScale'),
      series: ids.map((id) => ({ name: name(id), values: shownPeriods.map((p) => byEntity.get(id)?.get(p) ?? NaN) })),
    }),
  });
  const top = rows.latest.slice(0, n).map((r) => r.entity);
  const bottom = rows.latest.slice(-n).map((r) => r.entity);
  const blocks = [
    figure(top, tf('topEntities', lang, { n, period: rows.latestPeriod })),
    figure(bottom, tf('bottomEntities', lang, { n, period: rows.latestPeriod })),
  ];
  const chosen = (options.entities ?? []).filter((id) => byEntity.has(id));
  if (chosen.length > 0) blocks.push(figure(chosen, t('selectedEntities', lang)));
  return blocks;
}

function profileFigure(s: System, rows: SystemRows, name: (id: string) => string, lang: Lang): Block {
  const k = Math.min(3, Math.floor(rows.latest.length / 2) || rows.latest.length);
  const picked = [...rows.latest.slice(0, k), ...rows.latest.slice(-k)];
  const unique = picked.filter((r, i) => picked.indexOf(r) === i);
  const series = unique.map((r) => ({
    name: `${r.rank}. ${name(r.entity)}`,
    values: s.dimensions.map((d) => r.dimensions[d.id] ?? NaN),
  }));
  const caption = tf('profileCaption', lang, { system: txt(s.name, lang), period: rows.latestPeriod });
  // A radar needs three axes; with fewer dimensions grouped bars say the same thing.
  const svg =
    s.dimensions.length >= 3
      ? radarChart({ lang, axes: s.dimensions.map((d) => ({ name: d.name })), series })
      : barChart({
          lang,
          categories: series.map((x) => x.name),
          series: s.dimensions.map((d, j) => ({ name: d.name, values: series.map((x) => x.values[j]) })),
          valueName: term('scoreAxis'),
        });
  return { kind: 'figure', caption, svg };
}

function mapBlocks(s: System, rows: SystemRows, entities: readonly EntityInfo[], lang: Lang): Block[] {
  return entityMapFigure(entities, new Map(rows.latest.map((r) => [r.entity, r.index])), {
    lang,
    caption: tf('mapCaption', lang, { system: txt(s.name, lang), period: rows.latestPeriod }),
    valueName: term('indexScale'),
  });
}
