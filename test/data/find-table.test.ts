import { describe, expect, it } from 'vitest';
import { findTable } from '../../src/data/find-table.js';

describe('findTable', () => {
  it('takes the first row as the header of a plain table', () => {
    const t = findTable([['province', 'year', 'gdp'], ['A', 2015, 1], ['B', 2015, 2]]);
    expect([t.headerStart, t.headerRows, t.header, t.notes]).toEqual([0, 1, ['province', 'year', 'gdp'], []]);
  });
  it('skips titles and unit lines, and combines a header over sub-labels', () => {
    const rows = [
      ['表 2-5 各地区人口（示例）', null, null],
      [null, null, '单位：万人'],
      [],
      ['地区', '人口', null],
      [null, '城镇', '乡村'],
      ['北京', 1900, 300],
      ['天津', 1200, 200],
    ];
    const t = findTable(rows);
    expect([t.headerStart, t.headerRows, t.header, t.pairs]).toEqual([3, 2, ['地区', '人口_城镇', '人口_乡村'], undefined]);
    expect(t.preamble).toEqual(['表 2-5 各地区人口（示例）', '单位：万人']);
  });
  it('pairs variables with years under a merged header', () => {
    const t = findTable([['地区', 'GDP', null, '人口', null], [null, '2021', '2022年', 2021, 2022], ['北京', 1, 2, 3, 4]]);
    expect(t.pairs).toEqual([null, { variable: 'GDP', year: 2021 }, { variable: 'GDP', year: 2022 }, { variable: '人口', year: 2021 }, { variable: '人口', year: 2022 }]);
  });
  it('recognises the NBS lines and the CSMAR header rows', () => {
    const nbs = findTable([['数据库：分省年度数据'], ['指标：地区生产总值(亿元)'], ['时间：最近5年'], ['地区', '2022年', '2021年'], ['北京市', '1', '2']]);
    expect([nbs.headerStart, nbs.nbs]).toEqual([3, { database: '分省年度数据', indicator: '地区生产总值(亿元)', time: '最近5年' }]);
    const csmar = findTable([['Stkcd', 'Accper', 'F050501B'], ['证券代码', '统计截止日期', '净资产收益率A'], ['没有单位', '没有单位', '没有单位'], ['000001', '2016-12-31', '0.1'], ['000002', '2016-12-31', '0.2']]);
    expect([csmar.headerRows, csmar.header, csmar.csmar?.labels]).toEqual([3, ['Stkcd', 'Accper', 'F050501B'], ['证券代码', '统计截止日期', '净资产收益率A']]);
  });
  it('does not take a data row with an odd cell for a header row', () => {
    const t = findTable([['province', 'year', 'gdp'], ['A', '2015', 'n.a.'], ['A', '2016', '3'], ['B', '2015', '4'], ['B', '2016', '5'], ['C', '2015', '6']]);
    expect([t.headerRows, t.header]).toEqual([1, ['province', 'year', 'gdp']]);
  });
  it('follows --skip-rows and --header-rows', () => {
    const t = findTable([['x'], ['a', 'b'], ['c', 'd'], ['1', '2']], { skipRows: 1, headerRows: 2 });
    expect([t.headerStart, t.headerRows, t.header]).toEqual([1, 2, ['a_c', 'b_d']]);
  });
});
