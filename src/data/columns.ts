/**
 * Recognising the role of a column from its header: entity, period, variable (wide layout), group.
 * Matching is on the trimmed, lower-cased, half-width header; the first name in each list that
 * matches wins, so "province" is preferred to "region" as the entity.
 */
import { toHalfWidth, trimCell } from './cell.js';

/** Headers read as the entity column, in order of preference. */
export const ENTITY_NAMES: readonly string[] = [
  'entity', 'id', 'province', '省份', '省', '省市', '省区', '省区市', '省级行政区', '省份名称', '省名', 'prov', 'provname', 'province_name',
  'provcode', 'country', 'countrycode', 'country_code', '国家', 'city', '城市', '城市名称', '地级市', '市', 'cityname', 'city_name',
  'citycode', '区县', '县', 'firm', 'company', '企业', '公司', 'stkcd', '证券代码', '股票代码', '公司代码', 'symbol', 'ticker', 'scode',
  'code', '行政区划代码', '地区代码', 'iso3', 'iso', 'region', '地区', '地区名称', 'unit', 'name',
  // Identifier columns of firm and city panels are often numeric: found by name, not by holding text.
  'firm_id', 'firmid', 'company_id', 'companyid', 'entity_id', 'unit_id', 'city_id', 'province_id', 'country_id', 'region_id',
  'stock_code', 'stockcode', '企业代码', '企业编号', '公司编号',
];

/** Headers read as the period column, in order of preference. */
export const PERIOD_NAMES: readonly string[] = [
  'year', 'period', 'time', '年份', '年度', '年', 'yr', 't', '统计年度', '会计年度', 'fyear', 'fiscal_year', 'accper', 'enddate', '统计截止日期',
  '截止日期', '会计期间', '报告期', 'date', '日期', '时间', '年月', 'quarter', '季度', 'month', '月份',
];

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

/**
 * Index of the first header that matches one of `names` (in the order of `names`), or -1. A header
 * with a unit or translation in brackets matches by the words before them: "年份(year)", "省份（名称）".
 */
export function findColumn(header: readonly string[], names: readonly string[], exclude: ReadonlySet<number> = new Set()): number {
  const norm = header.map(normaliseHeader);
  const bare = norm.map((h) => h.replace(/\s*[(（[【].*$/u, ''));
  for (const name of names) {
    const k = norm.findIndex((h, i) => h === name && !exclude.has(i));
    if (k >= 0) return k;
  }
  for (const name of names) {
    const k = bare.findIndex((h, i) => h === name && h !== '' && !exclude.has(i));
    if (k >= 0) return k;
  }
  return -1;
}
