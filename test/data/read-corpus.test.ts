/**
 * The held-out-style corpus of test/fixtures/files (made by scripts/gen-read-corpus.ts; illustrative
 * values): each file is read correctly through the browser-safe bytes reader and the Node file reader,
 * or gets an error that names the real cause.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type InputError } from '../../src/core/errors.js';
import type { Panel } from '../../src/data/panel.js';
import { readPanelFromBytes, readRawTable, type ReadPanelOptions } from '../../src/data/read-table.js';
import { listSheets } from '../../src/data/xlsx-read.js';
import { readPanel } from '../../src/io/read-panel.js';
import { inputError } from '../helpers/expect.js';

const file = (name: string) => new URL(`../fixtures/files/${name}`, import.meta.url).pathname;
const bytes = (name: string) => new Uint8Array(readFileSync(file(name)));

/** The panel read both ways (bytes, as the workbench does; file, as the CLI does), which must agree. */
async function both(name: string, options: ReadPanelOptions = {}): Promise<Panel> {
  const a = await readPanelFromBytes(bytes(name), { ...options, fileName: file(name) });
  const b = await readPanel(file(name), options);
  expect(b.entity).toEqual(a.entity);
  expect(Array.from(b.period)).toEqual(Array.from(a.period));
  expect(b.notes).toEqual(a.notes);
  return a;
}

function failure(name: string, options: ReadPanelOptions = {}): Promise<InputError> {
  return inputError(readPanelFromBytes(bytes(name), { ...options, fileName: name }));
}

const cols = (p: Panel) => Object.fromEntries(Object.entries(p.columns).map(([k, v]) => [k, Array.from(v)]));
const codes = (p: Panel) => p.entities.map((e) => [e.id, e.provinceCode]);

describe('yearbook XLSX: title, unit line, two-row merged header, national total, footnotes', () => {
  it('reads one row per province and year, with the variables of the merged header', async () => {
    const p = await both('yearbook-gdp.xlsx');
    expect(codes(p)).toEqual([['北京', '11'], ['天津', '12'], ['河北', '13']]);
    expect([p.entityColumn, p.periodColumn, p.periods]).toEqual(['地区', '年份', [2021, 2022]]);
    expect(cols(p)).toEqual({ 地区生产总值: [400, 420, 150, 160, 450, 520], 第一产业增加值: [10, 11, 20, NaN, 70, 93] });
    const msg = Object.fromEntries(p.notes.map((n) => [n.code, n.message]));
    expect(msg['skipped-rows']).toBe('the header is on row 3: skipped 2 rows above it ("3-9 各地区生产总值（示例数据）", …)');
    expect(msg['aggregate-rows']).toBe('dropped 2 rows of totals and regional aggregates, not provinces: "全国" (row 5)');
    expect(msg['footnote-rows']).toBe('skipped 2 footnote rows (row 9, 10)');
  });
  it('shows the raw table and the detected roles before the panel (workbench preview)', async () => {
    const raw = await readRawTable(bytes('yearbook-gdp.xlsx'), { fileName: 'yearbook-gdp.xlsx' });
    expect([raw.format, raw.layout?.headerStart, raw.layout?.headerRows]).toEqual(['xlsx', 2, 2]);
    expect(raw.table.header).toEqual(['地区', '年份', '地区生产总值', '第一产业增加值']);
    expect(raw.roles).toEqual({ entity: '地区', period: '年份', layout: 'long', group: undefined, variable: undefined });
    expect(raw.preview[0]).toEqual(['全国', '2021', '1000', '100']);
    expect(await listSheets(bytes('yearbook-gdp.xlsx'))).toEqual(['3-9']);
  });
  it('takes --skip-rows and --header-rows as given', async () => {
    const raw = await readRawTable(bytes('yearbook-gdp.xlsx'), { fileName: 'y.xlsx', skipRows: 3, headerRows: 1 });
    expect(raw.table.header).toEqual(['', '2021', '2022', '2021', '2022']);
  });
});

describe('data.stats.gov.cn export', () => {
  it('reads the GBK wide table under the 数据库/指标/时间 lines, named by its 指标', async () => {
    const p = await both('nbs-export-gbk.csv');
    expect(codes(p)).toEqual([['内蒙古自治区', '15'], ['北京市', '11'], ['天津市', '12'], ['广西壮族自治区', '45']]);
    expect(p.periods).toEqual([2020, 2021, 2022]);
    expect(cols(p)).toEqual({ '地区生产总值(亿元)': [180, 210, 230, 380, 400, 420, 140, 150, 160, 220, 250, 260] });
    expect(p.notes[0]!.code).toBe('encoding-gb18030');
    expect(p.notes.find((n) => n.code === 'skipped-rows')?.message).toMatch(/^the header is on row 4: skipped 3 rows/);
  });
  it('reads a one-year export with indicators in columns as a cross-section of that year', async () => {
    const p = await both('nbs-cross-section.csv');
    expect([p.entity, p.periods, p.meta.crossSection]).toEqual([['北京市', '天津市', '河北省'], [2022], true]);
    expect(cols(p)['年末常住人口(万人)']).toEqual([21.8, 13.6, 74.2]);
  });
});

describe('NBS monthly export', () => {
  it('reads one column per month as monthly periods', async () => {
    const p = await both('nbs-monthly.csv');
    expect([p.periodColumn, p.periods, p.meta.frequency]).toEqual(['period', [202301, 202302, 202303], 'month']);
    expect(p.entities.map((e) => e.id)).toEqual(['上海市', '北京市']);
    expect(cols(p)).toEqual({ '居民消费价格指数(上年同月=100)': [101.8, 100.9, 100.6, 101.9, 101.2, 100.8] });
  });
});

describe('CSMAR export', () => {
  it('uses the code row as names, skips the label and unit rows, keeps stock codes, reads Accper dates as years', async () => {
    const p = await both('csmar-roe.csv');
    expect([p.entityColumn, p.periodColumn]).toEqual(['Stkcd', 'Accper']);
    expect(p.entities.map((e) => e.id)).toEqual(['000001', '600000']);
    expect(p.periods).toEqual([2016, 2017]);
    expect(cols(p)).toEqual({ F050501B: [0.1018, 0.0989, 0.1322, 0.1193], F050201B: [0.0081, 0.0077, 0.0095, 0.0089] });
    expect(p.notes.find((n) => n.code === 'csmar-header')?.message).toBe('read a CSMAR header: column codes from row 1, labels and units from the 2 rows below');
    expect(p.meta.frequency).toBeUndefined();
  });
  it('detects quarterly data from quarter-end dates, or reads them as asked', async () => {
    const p = await both('csmar-quarterly.csv');
    expect([p.periods, p.meta.frequency]).toEqual([[20161, 20162, 20163, 20164], 'quarter']);
    const m = await both('csmar-quarterly.csv', { frequency: 'month' });
    expect(m.periods).toEqual([201603, 201606, 201609, 201612]);
    const y = await failure('csmar-quarterly.csv', { frequency: 'year' });
    expect(y.message).toBe('duplicate entity-period: 000002 2016 appears twice (rows 4 and 5)');
  });
});

describe('Excel date cells', () => {
  it('reads a year typed into a date-formatted cell as the year, not 1905-07-08', async () => {
    const p = await both('excel-dates.xlsx');
    expect([p.periods, cols(p)['研发经费']]).toEqual([[2016, 2017], [1484.6, 1579.7, 2035.1, 2343.6]]);
  });
  it('reads date cells on quarter ends as quarters', async () => {
    const p = await both('excel-dates.xlsx', { sheet: '季度' });
    expect([p.periodColumn, p.periods, p.meta.frequency]).toEqual(['日期', [20161, 20162, 20163, 20164], 'quarter']);
  });
});

describe('merged entity cells', () => {
  it('fills down a province merged over its years', async () => {
    const p = await both('merged-entities.xlsx');
    expect([p.entity, p.periodColumn]).toEqual([['江苏', '江苏', '江苏', '浙江', '浙江', '浙江'], '统计年度']);
    expect(p.notes.find((n) => n.code === 'filled-down')?.message).toBe('column "省份": 4 empty cells below a name read as merged cells and filled down (row 3, 4, 6, 7)');
  });
});

describe('province spellings', () => {
  it('merges 北京/北京市, 内蒙古/内蒙古自治区 and Tianjin/天津市 in different years, with a warning', async () => {
    const p = await both('mixed-names.csv');
    expect(codes(p)).toEqual([['Tianjin', '12'], ['内蒙古', '15'], ['北京', '11']]);
    expect(p.entities.length).toBe(3);
    expect(p.entities[0]).toEqual({ id: 'Tianjin', provinceCode: '12', code: '120000', nameZh: '天津' });
    const w = p.notes.find((n) => n.code === 'province-spellings')!;
    expect([w.level, w.message]).toEqual([
      'warning',
      'one province written two ways in column "省份": "北京" and "北京市" (北京); "内蒙古" and "内蒙古自治区" (内蒙古); "Tianjin" and "天津市" (天津); merged as "北京", "内蒙古", "Tianjin"',
    ]);
  });
  it('refuses two spellings of one province in the same year, naming both rows', async () => {
    const e = await failure('mixed-names-clash.csv');
    expect([e.message, e.row, e.column]).toEqual(['"北京" (row 2) and "北京市" (row 3) are the same province, 北京 (11), both in 2015', 3, '省份']);
  });
});

describe('numbers', () => {
  it('reads spaces, no-break and narrow no-break spaces as thousands separators', async () => {
    expect(cols(await both('thousands-space.csv'))).toEqual({ 人口: [40000, 1386000, 7461000.5] });
  });
});

describe('.xls files as web systems export them', () => {
  it('reads an HTML table saved as .xls (GBK, title row, colspan/rowspan header)', async () => {
    const p = await both('web-export.xls');
    expect([p.entity, p.periods]).toEqual([['上海', '上海', '北京', '北京'], [2021, 2022]]);
    expect(cols(p)).toEqual({ '研发经费(亿元)': [1819.8, 1981.6, 2629.3, 2843.3] });
    expect(p.notes[0]!.code).toBe('html-table');
  });
  it('refuses an old binary workbook, saying how to convert it', async () => {
    const e = await failure('old-binary.xls');
    expect([e.message, e.hint]).toEqual(['this is an old binary Excel workbook (.xls), which nqpf does not read', 'open it in Excel or WPS and save it as .xlsx (or export the sheet as CSV)']);
  });
});

describe('errors name the real cause', () => {
  it('a workbook whose first sheet is a note: says so and lists the sheets', async () => {
    const e = await failure('note-first.xlsx');
    expect(e.message).toBe('no numeric column in the first sheet: columns 本工作簿的数据在“数据”表。');
    expect(e.hint).toContain('sheets in the workbook: 说明, 数据 (read: 说明)');
    const p = await both('note-first.xlsx', { sheet: '数据' });
    expect(p.entity).toEqual(['上海', '北京']);
  });
  it('no period column: says where the header was read', async () => {
    const e = await failure('no-period.csv');
    expect(e.message).toBe('no period column, and 北京 has more than one row (rows 5 and 6)');
    expect(e.hint).toContain('the header seems to be on row 4 (地区, 专利); if not, use --skip-rows N and --header-rows N');
  });
});
