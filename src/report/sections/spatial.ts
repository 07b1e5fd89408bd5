import type { Panel } from '../../data/panel.js';
import type { StandardDeviationalEllipse } from '../../spatial/ellipse.js';
import type { LocalMoranResult } from '../../spatial/local-moran.js';
import type { Block, ReportSection } from '../blocks.js';
import { LISA_CATEGORIES, type MapOverlay } from '../charts/map.js';
import { PALETTE, txt } from '../charts/theme.js';
import { entityNamer } from '../entity-label.js';
import { registerTerms, t, term, tf } from '../i18n.js';
import { datasetSection, type SectionOptions } from './section.js';
import { entityMapFigure } from './entity-map.js';

registerTerms({
  lisaSection: { en: 'Local spatial association (LISA)', zh: '局部空间自相关（LISA）' },
  lisaMap: {
    en: 'LISA clusters of {value} in {period} (p < {alpha}, {by} p-values)',
    zh: '{period}年{value}的 LISA 聚类（p < {alpha}，{by} p 值）',
  },
  lisaTable: { en: 'Entities by LISA class', zh: '各 LISA 类型的地区' },
  lisaClass: { en: 'Class', zh: '类型' },
  count: { en: 'Count', zh: '个数' },
  members: { en: 'Entities', zh: '地区' },
  ellipseSection: { en: 'Standard deviational ellipse', zh: '标准差椭圆' },
  ellipseMap: { en: 'Standard deviational ellipses of {value} and their centres', zh: '{value}的标准差椭圆及其重心' },
  ellipseTable: { en: 'Ellipse parameters by year', zh: '逐年椭圆参数' },
  centreLon: { en: 'Centre lon (°)', zh: '重心经度 (°)' },
  centreLat: { en: 'Centre lat (°)', zh: '重心纬度 (°)' },
  angle: { en: 'Angle (°)', zh: '方位角 (°)' },
  sigmaMajor: { en: 'σ major (km)', zh: '长轴标准差 (km)' },
  sigmaMinor: { en: 'σ minor (km)', zh: '短轴标准差 (km)' },
  areaKm2: { en: 'Area (km²)', zh: '面积 (km²)' },
  flattening: { en: 'Minor/major', zh: '短长轴比' },
});

/** LISA cluster map (HH/LL/HL/LH/not significant) of one cross-section and the members of each class. */
export function lisaSection(
  panel: Panel,
  result: LocalMoranResult,
  meta: { readonly value: string; readonly period: number },
  options: SectionOptions = {},
): ReportSection {
  const lang = options.lang ?? 'en';
  const name = entityNamer(panel.entities, lang);
  const value = txt(options.names?.[meta.value] ?? meta.value, lang);
  const classOf = (c: string) => (c === 'NS' ? 'ns' : c);
  const byClass = LISA_CATEGORIES.categories.map((c) => ({
    c,
    ids: result.rows.filter((r) => classOf(r.cluster) === c.value).map((r) => r.entity),
  }));
  const blocks: Block[] = [
    ...entityMapFigure(panel.entities, new Map(result.rows.map((r) => [r.entity, classOf(r.cluster)])), {
      lang,
      caption: tf('lisaMap', lang, {
        value,
        period: meta.period,
        alpha: result.alpha,
        by:
          result.clusterBy === 'permutation'
            ? lang === 'zh'
              ? `${result.permutations} 次置换`
              : `permutation (${result.permutations})`
            : lang === 'zh'
              ? '正态近似'
              : 'normal',
      }),
      scale: LISA_CATEGORIES,
      valueName: t('lisaClass', lang),
    }),
    {
      kind: 'table',
      caption: t('lisaTable', lang),
      columns: [
        { key: 'class', label: term('lisaClass') },
        { key: 'count', label: term('count'), format: { digits: 0 } },
        { key: 'members', label: term('members') },
      ],
      rows: byClass.map(({ c, ids }) => ({
        class: txt(c.label, lang),
        count: ids.length,
        members: ids.map((id) => name(id)).join(lang === 'zh' ? '、' : ', '),
      })),
    },
    { kind: 'notes', notes: result.notes },
  ];
  return datasetSection('lisa', 'lisaSection', panel, options, blocks);
}

/**
 * Standard deviational ellipses on the map (outline and mean centre per period given; pass e.g. the
 * first and last period) over an optional choropleth of `values` (entity id → value), with a table
 * of every ellipse's parameters.
 */
export function ellipseSection(
  panel: Panel,
  ellipses: readonly { readonly period: number; readonly ellipse: StandardDeviationalEllipse }[],
  meta: {
    readonly value: string;
    readonly mapPeriods?: readonly number[];
    readonly values?: ReadonlyMap<string, number>;
  },
  options: SectionOptions = {},
): ReportSection {
  const lang = options.lang ?? 'en';
  const value = txt(options.names?.[meta.value] ?? meta.value, lang);
  const onMap = meta.mapPeriods ? ellipses.filter((e) => meta.mapPeriods!.includes(e.period)) : ellipses;
  const colours = ['#000000', '#D55E00', '#CC79A7', '#009E73', ...PALETTE];
  const overlays: MapOverlay[] = onMap.map((e, k) => ({
    kind: 'ellipse',
    name: String(e.period),
    path: e.ellipse.polygon,
    center: [e.ellipse.centre.lon, e.ellipse.centre.lat],
    color: colours[k % colours.length],
  }));
  return datasetSection('ellipse', 'ellipseSection', panel, options, [
    ...entityMapFigure(panel.entities, meta.values ?? new Map(panel.entities.map((e) => [e.id, NaN])), {
      lang,
      caption: tf('ellipseMap', lang, { value }),
      valueName: meta.values ? value : undefined,
      overlays,
    }),
    {
      kind: 'table',
      caption: t('ellipseTable', lang),
      columns: [
        { key: 'period', label: term('year') },
        { key: 'lon', label: term('centreLon'), format: { digits: 3 } },
        { key: 'lat', label: term('centreLat'), format: { digits: 3 } },
        { key: 'angle', label: term('angle'), format: { digits: 1 } },
        { key: 'major', label: term('sigmaMajor'), format: { digits: 1 } },
        { key: 'minor', label: term('sigmaMinor'), format: { digits: 1 } },
        { key: 'area', label: term('areaKm2'), format: { digits: 0 } },
        { key: 'flat', label: term('flattening'), format: { digits: 3 } },
      ],
      rows: ellipses.map(({ period, ellipse: e }) => ({
        period: String(period),
        lon: e.centre.lon,
        lat: e.centre.lat,
        angle: e.angle,
        major: e.sigmaMajor,
        minor: e.sigmaMinor,
        area: e.areaKm2,
        flat: e.flattening,
      })),
    },
    { kind: 'notes', notes: ellipses.flatMap((e) => e.ellipse.notes) },
  ]);
}
