/**
 * Generates test/fixtures/files/: files shaped like what economists in China download — a yearbook
 * XLSX with a title, a unit line and a two-row merged header; a data.stats.gov.cn export in GBK; a
 * CSMAR export with three header rows and Accper dates; Excel date cells; merged entity cells; a panel
 * mixing 北京 and 北京市; numbers with spaces as thousands separators; a workbook whose first sheet
 * is a note. All values are ILLUSTRATIVE (made up for tests), not official statistics.
 *
 *   npm run gen:read-corpus
 *
 * GBK bytes come from test/helpers/gbk.ts (no encoder library).
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import writeXlsxFile from 'write-excel-file/node';
import { gbk } from '../test/helpers/gbk.js';

const dir = path.join(import.meta.dirname, '..', 'test', 'fixtures', 'files');

type Cell = {
  value: string | number | Date;
  format?: string;
  columnSpan?: number;
  rowSpan?: number;
  type?: unknown;
} | null;
const v = (value: string | number | Date, extra: Omit<NonNullable<Cell>, 'value'> = {}): Cell => ({
  value,
  ...(typeof value === 'string' ? { type: String } : {}),
  ...extra,
});

async function xlsx(name: string, sheets: { sheet: string; data: Cell[][] }[]): Promise<void> {
  const buffer = await writeXlsxFile(sheets as Parameters<typeof writeXlsxFile>[0]).toBuffer();
  writeFileSync(path.join(dir, name), buffer);
}

// 1. Yearbook sheet: title, unit line, two-row header (indicator merged over its years), national total first, footnotes.
await xlsx('yearbook-gdp.xlsx', [
  {
    sheet: '3-9',
    data: [
      [v('3-9 各地区生产总值（示例数据）', { columnSpan: 5 }), null, null, null, null],
      [null, null, null, null, v('单位：亿元')],
      [
        v('地区', { rowSpan: 2 }),
        v('地区生产总值', { columnSpan: 2 }),
        null,
        v('第一产业增加值', { columnSpan: 2 }),
        null,
      ],
      [null, v(2021), v(2022), v(2021), v(2022)],
      [v('全国'), v(1000), v(1100), v(100), v(104)],
      [v('北京'), v(400), v(420), v(10), v(11)],
      [v('天津'), v(150), v(160), v(20), v('—')],
      [v('河北'), v(450), v(520), v(70), v(93)],
      [v('注：本表数据为示例，不是官方统计。'), null, null, null, null],
      [v('资料来源：nqpf 测试数据'), null, null, null, null],
    ],
  },
]);

// 2. data.stats.gov.cn export (CSV, GBK): database, indicator and time lines, wide by year (newest first), notes.
writeFileSync(
  path.join(dir, 'nbs-export-gbk.csv'),
  gbk(
    [
      '数据库：分省年度数据',
      '指标：地区生产总值(亿元)',
      '时间：最近3年',
      '地区,2022年,2021年,2020年',
      '北京市,420,400,380',
      '天津市,160,150,140',
      '内蒙古自治区,230,210,180',
      '广西壮族自治区,260,250,220',
      '注：示例数据，不是官方统计。',
      '数据来源：nqpf 测试数据',
      '',
    ].join('\r\n'),
  ),
);

// 2b. NBS export of one year with indicators in columns (a cross-section), UTF-8.
writeFileSync(
  path.join(dir, 'nbs-cross-section.csv'),
  [
    '数据库：分省年度数据',
    '时间：2022年',
    '地区,地区生产总值(亿元),年末常住人口(万人)',
    '北京市,420,21.8',
    '天津市,160,13.6',
    '河北省,520,74.2',
    '数据来源：nqpf 测试数据',
    '',
  ].join('\n'),
);

// 2c. NBS monthly export: one column per month, newest first.
writeFileSync(
  path.join(dir, 'nbs-monthly.csv'),
  [
    '数据库：分省月度数据',
    '指标：居民消费价格指数(上年同月=100)',
    '时间：最近3个月',
    '地区,2023年3月,2023年2月,2023年1月',
    '北京市,100.8,101.2,101.9',
    '上海市,100.6,100.9,101.8',
    '数据来源：nqpf 测试数据',
    '',
  ].join('\n'),
);

// 3. CSMAR export: code, Chinese label and unit rows; Accper dates; stock codes with leading zeros.
writeFileSync(
  path.join(dir, 'csmar-roe.csv'),
  '\uFEFF' +
    [
      'Stkcd,Accper,Typrep,F050501B,F050201B',
      '证券代码,统计截止日期,报表类型,净资产收益率A,资产报酬率A',
      '没有单位,没有单位,没有单位,没有单位,没有单位',
      '000001,2016-12-31,A,0.1018,0.0081',
      '000001,2017-12-31,A,0.0989,0.0077',
      '600000,2016-12-31,A,0.1322,0.0095',
      '600000,2017-12-31,A,0.1193,0.0089',
      '',
    ].join('\n'),
);

// 3b. CSMAR quarterly: Accper on quarter ends.
writeFileSync(
  path.join(dir, 'csmar-quarterly.csv'),
  [
    'Stkcd,Accper,F050501B',
    '证券代码,统计截止日期,净资产收益率A',
    '没有单位,没有单位,没有单位',
    '000002,2016-03-31,0.01',
    '000002,2016-06-30,0.03',
    '000002,2016-09-30,0.05',
    '000002,2016-12-31,0.10',
    '',
  ].join('\n'),
);

// 4. Excel date cells: a year typed into a date-formatted cell, and quarter-end dates.
await xlsx('excel-dates.xlsx', [
  {
    sheet: '年度',
    data: [
      [v('省份'), v('年份'), v('研发经费')],
      [v('北京'), v(2016, { format: 'yyyy-mm-dd' }), v(1484.6)],
      [v('北京'), v(2017, { format: 'yyyy-mm-dd' }), v(1579.7)],
      [v('广东'), v(2016, { format: 'yyyy-mm-dd' }), v(2035.1)],
      [v('广东'), v(2017, { format: 'yyyy-mm-dd' }), v(2343.6)],
    ],
  },
  {
    sheet: '季度',
    data: [
      [v('城市'), v('日期'), v('x')],
      [v('A'), v(new Date(Date.UTC(2016, 2, 31)), { format: 'yyyy-mm-dd' }), v(1)],
      [v('A'), v(new Date(Date.UTC(2016, 5, 30)), { format: 'yyyy-mm-dd' }), v(2)],
      [v('A'), v(new Date(Date.UTC(2016, 8, 30)), { format: 'yyyy-mm-dd' }), v(3)],
      [v('A'), v(new Date(Date.UTC(2016, 11, 31)), { format: 'yyyy-mm-dd' }), v(4)],
    ],
  },
]);

// 5. Merged entity cells (each province written once over its years), a long layout with 统计年度.
await xlsx('merged-entities.xlsx', [
  {
    sheet: 'Sheet1',
    data: [
      [v('省份'), v('统计年度'), v('专利授权数')],
      [v('江苏', { rowSpan: 3 }), v(2019), v(100)],
      [null, v(2020), v(120)],
      [null, v(2021), v(130)],
      [v('浙江', { rowSpan: 3 }), v(2019), v(90)],
      [null, v(2020), v(95)],
      [null, v(2021), v(99)],
    ],
  },
]);

// 6. One province written two ways in different years (merged with a warning) and in the same year (an error).
writeFileSync(
  path.join(dir, 'mixed-names.csv'),
  [
    '省份,年份,gdp',
    '北京,2015,1',
    '北京市,2016,2',
    '内蒙古,2015,3',
    '内蒙古自治区,2016,4',
    'Tianjin,2015,5',
    '天津市,2016,6',
    '',
  ].join('\n'),
);
writeFileSync(
  path.join(dir, 'mixed-names-clash.csv'),
  ['省份,年份,gdp', '北京,2015,1', '北京市,2015,2', '天津,2015,3', ''].join('\n'),
);

// 7. Thousands separated by spaces: ASCII space, no-break space, narrow no-break space.
writeFileSync(
  path.join(dir, 'thousands-space.csv'),
  ['地区,年份,人口', '北京,2020,40 000', '天津,2020,"1\u00a0386\u00a0000"', '河北,2020,7\u202f461\u202f000.5', ''].join(
    '\n',
  ),
);

// 8. A workbook whose first sheet is a note; the data are on the second.
await xlsx('note-first.xlsx', [
  { sheet: '说明', data: [[v('本工作簿的数据在“数据”表。')], [v('示例数据。')]] },
  {
    sheet: '数据',
    data: [
      [v('省份'), v('年份'), v('x')],
      [v('北京'), v(2020), v(1)],
      [v('上海'), v(2020), v(2)],
    ],
  },
]);

// 9. A sheet with a title but a header that names no period and has repeated entities: the error says where the header was read.
writeFileSync(
  path.join(dir, 'no-period.csv'),
  ['各地区专利情况（示例）', '', '单位：件', '地区,专利', '北京,10', '北京,12', ''].join('\n'),
);

// 10. A web system's "Excel" export: an HTML table saved as .xls (GBK), with a title row and a merged header.
writeFileSync(
  path.join(dir, 'web-export.xls'),
  gbk(
    [
      '<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head><body>',
      '<table border="1">',
      '<tr><td colspan="3">各地区研发经费（示例数据）</td></tr>',
      '<tr><th rowspan="2">地区</th><th colspan="2">研发经费(亿元)</th></tr>',
      '<tr><th>2021年</th><th>2022年</th></tr>',
      '<tr><td>北京</td><td>2,629.3</td><td>2&nbsp;843.3</td></tr>',
      '<tr><td>上海</td><td>1819.8</td><td>1981.6</td></tr>',
      '</table></body></html>',
      '',
    ].join('\r\n'),
  ),
);

// 11. An old binary workbook (OLE2 signature only): refused with how to convert it.
writeFileSync(
  path.join(dir, 'old-binary.xls'),
  Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(504).fill(0)]),
);

console.log(`wrote ${dir}`);
