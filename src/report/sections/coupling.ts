import type { Panel } from '../../data/panel.js';
import { COORDINATION_LEVELS } from '../../couple/levels.js';
import type { CouplingResult } from '../../couple/coupling-coordination.js';
import type { Block, ReportSection } from '../blocks.js';
import { heatmapChart } from '../charts/heatmap.js';
import { txt } from '../charts/theme.js';
import { entityNamer } from '../entity-label.js';
import { registerTerms, t, tf } from '../i18n.js';
import { entityMapFigure } from './entity-map.js';
import { datasetSection, type SectionOptions } from './section.js';

registerTerms({
  couplingSection: { en: 'Coupling coordination', zh: '耦合协调' },
  couplingIntro: {
    en: 'Coupling degree C, comprehensive development T and coupling coordination degree D = √(C·T) of the systems {systems} ({method} formula for C; weights α = {alpha}).',
    zh: '系统 {systems} 的耦合度 C、综合发展指数 T 与耦合协调度 D = √(C·T)（C 采用 {method} 公式；权重 α = {alpha}）。',
  },
  couplingHeatmap: { en: 'Coupling coordination degree D by entity and year', zh: '各地区逐年耦合协调度 D' },
  couplingLevelMap: { en: 'Coordination level in {period}', zh: '{period}年耦合协调等级' },
  couplingTable: { en: 'Coupling and coordination in {period}', zh: '{period}年耦合与协调' },
  coordinationLevel: { en: 'Coordination level', zh: '协调等级' },
});

/** Colour per coordination level, from imbalance (orange-red) to coordination (blue); colour-blind-safe diverging (RdBu-like). */
const LEVEL_COLOURS = [
  '#67001f',
  '#b2182b',
  '#d6604d',
  '#f4a582',
  '#fddbc7',
  '#d1e5f0',
  '#92c5de',
  '#4393c3',
  '#2166ac',
  '#053061',
];

/**
 * Coupling coordination: a heatmap of D (entity × period, entities by D in the latest period), a map
 * of the coordination level in the latest period, and a table of C, T, D and level.
 */
export function couplingSection(panel: Panel, result: CouplingResult, options: SectionOptions = {}): ReportSection {
  const lang = options.lang ?? 'en';
  const name = entityNamer(panel.entities, lang);
  const periods = [...new Set(result.rows.map((r) => r.period))].sort((a, b) => a - b);
  const latestPeriod = periods[periods.length - 1];
  const latest = result.rows.filter((r) => r.period === latestPeriod && Number.isFinite(r.D)).sort((a, b) => b.D - a.D);
  const order = [
    ...latest.map((r) => r.entity),
    ...[...new Set(result.rows.map((r) => r.entity))].filter((e) => !latest.some((r) => r.entity === e)),
  ];
  const cell = new Map(result.rows.map((r) => [`${r.entity}\u0000${r.period}`, r.D]));
  const systems = result.systems.map((s) => txt(options.names?.[s] ?? s, lang)).join(', ');
  const blocks: Block[] = [
    {
      kind: 'paragraph',
      text: tf('couplingIntro', lang, {
        systems,
        method: result.method,
        alpha: result.alpha.map((a) => Number(a.toFixed(4))).join(', '),
      }),
    },
    {
      kind: 'figure',
      caption: t('couplingHeatmap', lang),
      svg: heatmapChart({
        lang,
        rows: order.map(name),
        columns: periods,
        values: order.map((e) => periods.map((p) => cell.get(`${e}\u0000${p}`) ?? NaN)),
        min: 0,
        max: 1,
        valueName: 'D (0–1)',
        cellLabels: order.length * periods.length <= 400,
      }),
    },
  ];
  const present = new Set(latest.map((r) => r.levelRank).filter((k): k is number => k !== undefined));
  const categories = COORDINATION_LEVELS.filter((b) => present.has(b.rank)).map((b) => ({
    value: String(b.rank),
    label: { en: b.label.en, zh: b.label.zh },
    color: LEVEL_COLOURS[b.rank - 1],
  }));
  blocks.push(
    ...entityMapFigure(
      panel.entities,
      new Map(latest.filter((r) => r.levelRank !== undefined).map((r) => [r.entity, String(r.levelRank)])),
      {
        lang,
        caption: tf('couplingLevelMap', lang, { period: latestPeriod }),
        valueName: t('coordinationLevel', lang),
        scale: { type: 'categorical', categories },
      },
    ),
  );
  blocks.push({
    kind: 'table',
    caption: tf('couplingTable', lang, { period: latestPeriod }),
    columns: [
      { key: 'entity', label: { en: 'Entity', zh: '地区' } },
      ...result.systems.map((s, j) => ({ key: `u${j}`, label: options.names?.[s] ?? s, format: { digits: 4 } })),
      { key: 'C', label: 'C', format: { digits: 4 } },
      { key: 'T', label: 'T', format: { digits: 4 } },
      { key: 'D', label: 'D', format: { digits: 4 } },
      { key: 'level', label: t('coordinationLevel', lang) },
    ],
    rows: latest.map((r) => ({
      entity: name(r.entity),
      ...Object.fromEntries(r.U.map((u, j) => [`u${j}`, u])),
      C: r.C,
      T: r.T,
      D: r.D,
      level: lang === 'zh' ? r.levelZh : r.level,
    })),
  });
  blocks.push({ kind: 'notes', notes: result.notes });
  return datasetSection('couple', 'couplingSection', panel, options, blocks);
}
