import { makePanel, type Panel } from '../../src/data/panel.js';
import type { Framework } from '../../src/framework/types.js';
import type { MeasureResult, ScoreRow } from '../../src/measure/types.js';

/** A small two-dimension framework with Chinese names. */
export const FRAMEWORK: Framework = {
  id: 'mini',
  name: { en: 'Mini NQPF', zh: '微型新质生产力' },
  systems: [
    {
      id: 'nqpf',
      name: { en: 'NQPF index', zh: '新质生产力指数' },
      dimensions: [
        {
          id: 'labor',
          name: { en: 'Laborers', zh: '劳动者' },
          indicators: [
            {
              id: 'edu',
              column: 'edu',
              direction: '+',
              unit: '%',
              name: { en: 'Tertiary education share', zh: '高等教育人口占比' },
            },
            {
              id: 'prod',
              column: 'prod',
              direction: '+',
              unit: 'yuan/worker',
              name: { en: 'Labour productivity', zh: '劳动生产率' },
            },
          ],
        },
        {
          id: 'means',
          name: { en: 'Means of labour', zh: '劳动资料' },
          indicators: [
            { id: 'robots', column: 'robots', direction: '+', name: { en: 'Robot density', zh: '机器人密度' } },
          ],
        },
        {
          id: 'objects',
          name: { en: 'Objects of labour', zh: '劳动对象' },
          indicators: [
            {
              id: 'energy',
              column: 'energy',
              direction: '-',
              unit: 'tce/10k yuan',
              name: { en: 'Energy intensity', zh: '能源强度' },
            },
          ],
        },
      ],
    },
  ],
};

const WEIGHTS = { edu: 0.3, prod: 0.2, robots: 0.35, energy: 0.15 };

/**
 * A hand-built measurement: entities × periods with an index that rises over time and differs by
 * entity, so that ranks and rank changes are known. Not the output of `measure`.
 */
export function sampleMeasure(
  entities: readonly { id: string; name?: string; nameZh?: string; iso3?: string; code?: string }[],
  periods: readonly number[],
  opts: { simulated: boolean; name: string; citation?: string; title?: string },
): { panel: Panel; result: MeasureResult } {
  const entity: string[] = [];
  const period: number[] = [];
  for (const e of entities) {
    for (const p of periods) {
      entity.push(e.id);
      period.push(p);
    }
  }
  const n = entity.length;
  const panel = makePanel({
    entityColumn: 'id',
    periodColumn: 'year',
    entity,
    period,
    columns: {
      edu: new Float64Array(n),
      prod: new Float64Array(n),
      robots: new Float64Array(n),
      energy: new Float64Array(n),
    },
    entities,
    meta: { name: opts.name, title: opts.title, simulated: opts.simulated, citation: opts.citation },
  });
  const scores: ScoreRow[] = [];
  for (const p of periods) {
    const rows = entities.map((e, k) => {
      // The first entity leads at the start; the last one climbs fastest, so ranks change.
      const t = p - periods[0];
      const index = 0.2 + 0.5 * (1 - k / entities.length) + (k === entities.length - 1 ? 0.2 * t : 0.01 * t);
      return {
        entity: e.id,
        period: p,
        system: 'nqpf',
        index,
        dimensions: { labor: index * 1.1, means: index * 0.9, objects: index * (0.8 + 0.05 * k) },
        rank: 0,
      };
    });
    rows.sort((a, b) => b.index - a.index).forEach((r, i) => scores.push({ ...r, rank: i + 1 }));
  }
  const result: MeasureResult = {
    weights: Object.entries(WEIGHTS).map(([id, weight]) => ({
      id,
      system: 'nqpf',
      dimension: id === 'edu' || id === 'prod' ? 'labor' : id === 'robots' ? 'means' : 'objects',
      path: [id === 'edu' || id === 'prod' ? 'labor' : id === 'robots' ? 'means' : 'objects'],
      weight,
      raw: weight,
    })),
    dimensionWeights: [
      { id: 'labor', system: 'nqpf', weight: 0.5 },
      { id: 'means', system: 'nqpf', weight: 0.35 },
      { id: 'objects', system: 'nqpf', weight: 0.15 },
    ],
    scores,
    normalized: {},
    options: {
      normalize: 'minmax',
      shift: 0.0001,
      range: [0.01, 0.99],
      weights: 'entropy',
      perPeriod: false,
      aggregate: 'arithmetic',
    },
    notes: [{ level: 'warning', code: 'constant-indicator', message: 'indicator <x> is constant & got weight 0' }],
  };
  return { panel, result };
}

export const PWT_CITATION =
  'Feenstra, Robert C., Robert Inklaar and Marcel P. Timmer (2015), "The Next Generation of the Penn World Table", American Economic Review, 105(10), 3150-3182, available for download at www.ggdc.net/pwt. CC BY 4.0.';

export const COUNTRIES = [
  { id: 'USA', name: 'United States', iso3: 'USA' },
  { id: 'DEU', name: 'Germany', iso3: 'DEU' },
  { id: 'CHN', name: 'China', iso3: 'CHN' },
  { id: 'BRA', name: 'Brazil', iso3: 'BRA' },
  { id: 'IND', name: 'India', iso3: 'IND' },
  { id: 'NGA', name: 'Nigeria', iso3: 'NGA' },
  { id: 'AUS', name: 'Australia', iso3: 'AUS' },
];

export const PROVINCES = [
  { id: 'Beijing', nameZh: '北京', code: '110000' },
  { id: 'Shanghai', nameZh: '上海', code: '310000' },
  { id: 'Guangdong', nameZh: '广东', code: '440000' },
  { id: 'Inner Mongolia', nameZh: '内蒙古', code: '150000' },
  { id: 'Tibet', nameZh: '西藏', code: '540000' },
  { id: 'Gansu', nameZh: '甘肃', code: '620000' },
  { id: 'Heilongjiang', nameZh: '黑龙江', code: '230000' },
];
