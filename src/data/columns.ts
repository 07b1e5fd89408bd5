/**
 * Recognising the role of a column from its header: entity, period, variable (wide layout), group.
 * Matching is on the trimmed, lower-cased, half-width header; the first name in each list that
 * matches wins, so "province" is preferred to "region" as the entity.
 */
import { toHalfWidth, trimCell } from './cell.js';

/** Headers read as the entity column, in order of preference. */
export const ENTITY_NAMES: readonly string[] = [
  'entity', 'id', 'province', '省份', '省', '省市', '省区', '省级行政区', 'country', 'countrycode', 'country_code',
  '国家', 'city', '城市', 'firm', 'company', '企业', '公司', 'stkcd', '证券代码', '股票代码', 'code', 'iso3', 'iso',
  'region', '地区', 'unit', 'name',
];

/** Headers read as the period column, in order of preference. */
export const PERIOD_NAMES: readonly string[] = ['year', 'period', 'time', '年份', '年度', '年', 'yr', 't'];

/** Headers read as the variable (indicator) column of a wide-by-year table. */
export const VARIABLE_NAMES: readonly string[] = [
  'variable', 'indicator', 'series', 'item', 'var', '指标', '指标名称', '变量', '项目',
];

/** Headers read as an entity's group (a region of several entities, a continent). */
export const GROUP_NAMES: readonly string[] = ['group', 'continent', 'area', 'zone', '区域', '地区分组', '大区', '板块', '经济带', 'region', '地区'];

/** The header normalised for matching. */
export function normaliseHeader(h: string): string {
  return toHalfWidth(trimCell(h)).toLowerCase();
}

/** Index of the first header that matches one of `names` (in the order of `names`), or -1. */
export function findColumn(header: readonly string[], names: readonly string[], exclude: ReadonlySet<number> = new Set()): number {
  const norm = header.map(normaliseHeader);
  for (const name of names) {
    const k = norm.findIndex((h, i) => h === name && !exclude.has(i));
    if (k >= 0) return k;
  }
  return -1;
}
