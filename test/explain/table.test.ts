import { describe, expect, it } from 'vitest';
import { modelFromFit } from '../../src/explain/table-model.js';
import {
  regressionTable,
  starsFor,
  tableCsv,
  tableGrid,
  tableLatex,
  tableMarkdown,
  type TableModel,
} from '../../src/report/regression-table.js';
import { feols } from '../../src/explain/feols.js';
import { vcov } from '../../src/explain/vcov.js';
import { fixturePanel } from './mechanism-helpers.js';

const m1: TableModel = {
  depVar: 'nqpf',
  coefficients: [
    { term: 'innovation', estimate: 0.6541, stdError: 0.0339, pValue: 1e-18 },
    { term: 'urban_rate', estimate: -0.0123, stdError: 0.0061, pValue: 0.047 },
  ],
  fixedEffects: ['province', 'year'],
  nobs: 372,
  r2: 0.91234,
  r2Within: 0.5,
  vcov: 'Clustered (province)',
};
const m2: TableModel = {
  depVar: 'industry',
  coefficients: [{ term: 'innovation', estimate: 0.0004, stdError: 0.03, pValue: 0.08 }],
  fixedEffects: ['province'],
  nobs: 360,
  r2: 0.8,
  r2Within: 0.25,
  vcov: 'Clustered (province)',
};

describe('regressionTable', () => {
  const t = regressionTable([m1, m2], { labels: { province: 'Province' } });
  it('stars follow esttab: * p<0.1, ** p<0.05, *** p<0.01', () => {
    expect([0.2, 0.09, 0.049, 0.0099, 0.01].map((p) => starsFor(p))).toEqual(['', '*', '**', '***', '**']);
  });
  it('header rows: model numbers, then the dependent variables (no title row without titles)', () => {
    expect(t.headerKinds).toEqual(['number', 'depvar']);
    expect(t.header.every((r) => r.length === 3)).toBe(true);
  });
  it('Markdown', () => {
    expect(tableMarkdown(t)).toBe(
      [
        '|  | (1) | (2) |',
        '|:--|:---:|:---:|',
        '| Dep. var. | nqpf | industry |',
        '| innovation | 0.654*** | 0.000400* |',
        '|  | (0.0339) | (0.0300) |',
        '| urban_rate | -0.0123** |  |',
        '|  | (0.00610) |  |',
        '| Province FE | Yes | Yes |',
        '| year FE | Yes | No |',
        '| N | 372 | 360 |',
        '| R² | 0.912 | 0.800 |',
        '| Within R² | 0.500 | 0.250 |',
        '',
        'Clustered (province) standard errors in parentheses. * p<0.1, ** p<0.05, *** p<0.01.',
        '',
      ].join('\n'),
    );
  });
  it('LaTeX booktabs', () => {
    expect(tableLatex(t)).toBe(
      [
        '\\begin{tabular}{lcc}',
        '\\toprule',
        ' & (1) & (2) \\\\',
        'Dep. var. & nqpf & industry \\\\',
        '\\midrule',
        'innovation & 0.654$^{***}$ & 0.000400$^{*}$ \\\\',
        ' & (0.0339) & (0.0300) \\\\',
        'urban\\_rate & $-$0.0123$^{**}$ &  \\\\',
        ' & (0.00610) &  \\\\',
        '\\midrule',
        'Province FE & Yes & Yes \\\\',
        'year FE & Yes & No \\\\',
        'N & 372 & 360 \\\\',
        'R$^2$ & 0.912 & 0.800 \\\\',
        'Within R$^2$ & 0.500 & 0.250 \\\\',
        '\\bottomrule',
        '\\multicolumn{3}{l}{\\footnotesize Clustered (province) standard errors in parentheses. * p$<$0.1, ** p$<$0.05, *** p$<$0.01.} \\\\',
        '\\end{tabular}',
        '',
      ].join('\n'),
    );
  });
  it('CSV and the cell grid for XLSX', () => {
    const csv = tableCsv(t).split('\n');
    expect(csv[0]).toBe(',(1),(2)');
    expect(csv[1]).toBe('Dep. var.,nqpf,industry');
    expect(csv[2]).toBe('innovation,0.654***,0.000400*');
    expect(csv[csv.length - 2]).toBe(
      '"Clustered (province) standard errors in parentheses. * p<0.1, ** p<0.05, *** p<0.01.",,',
    ); // quoted: contains commas
    const grid = tableGrid(t);
    expect(grid.length).toBe(t.header.length + t.rows.length + 1);
    expect(grid.every((r) => r.length === 3)).toBe(true);
  });
  it('keep/drop, extra rows, and a tiny negative coefficient keeps its significant digits', () => {
    const t2 = regressionTable(
      [
        {
          ...m1,
          extra: { Controls: 'Yes' },
          coefficients: [{ term: 'x', estimate: -0.0001, stdError: 0.1, pValue: 0.9 }],
        },
      ],
      { digits: 3 },
    );
    // an exact power of ten gets one more decimal, as esttab's SignificantDigits (log10 is whole)
    expect(t2.rows[0].cells).toEqual(['x', '-0.0001000']);
    expect(t2.rows.find((r) => r.kind === 'extra')!.cells).toEqual(['Controls', 'Yes']);
    const t3 = regressionTable([m1], { drop: ['urban_rate'] });
    expect(t3.rows.filter((r) => r.kind === 'coef').map((r) => r.cells[0])).toEqual(['innovation']);
  });
  it('modelFromFit takes coefficients, FE, N and R² from a feols fit', () => {
    const panel = fixturePanel('test/fixtures/explain/mediation-data.csv');
    const fit = feols(panel, 'y ~ x + ctl | id + year');
    const m = modelFromFit(fit, vcov(fit, { type: 'cluster', cluster: ['id'] }));
    expect(m.fixedEffects).toEqual(['id', 'year']);
    expect(m.nobs).toBe(372);
    const row = regressionTable([m]).rows[0].cells;
    expect(row[0]).toBe('x');
    expect(row[1]).toMatch(/^0\.952\*\*\*$/); // lm(): 0.951656 (mediation.json total)
  });
});

describe('regressionTable in Chinese, with titles', () => {
  const zh = { ...m1, vcov: { en: 'Clustered (省份)', zh: '按省份聚类的稳健' } };
  const t = regressionTable([zh, { ...m2, vcov: zh.vcov }], { lang: 'zh', titles: ['基准', '行业'] });
  it('FE rows read 是/否, N is 观测值, within R² is 组内 R², the note is Chinese', () => {
    expect(t.headerKinds).toEqual(['number', 'title', 'depvar']);
    expect(t.header[1]).toEqual(['', '基准', '行业']);
    expect(t.header[2][0]).toBe('被解释变量');
    const cells = (label: string) => t.rows.find((r) => r.cells[0] === label)?.cells;
    expect(cells('province固定效应')).toEqual(['province固定效应', '是', '是']);
    expect(cells('year固定效应')).toEqual(['year固定效应', '是', '否']);
    expect(cells('观测值')).toEqual(['观测值', '372', '360']);
    expect(cells('组内 R²')).toEqual(['组内 R²', '0.500', '0.250']);
    expect(t.note).toBe('括号内为按省份聚类的稳健标准误。*、**、*** 分别表示在 10%、5%、1% 的水平上显著。');
    // no English words are left in the labels or the note
    const text = [t.note, ...t.header.flat(), ...t.rows.map((r) => r.cells[0])].join(' ');
    expect(text).not.toMatch(/Yes|No\b|Within|Clustered|standard errors|FE\b/);
  });
  it('a wrong number of titles is an input error', () => {
    expect(() => regressionTable([m1, m2], { titles: ['a'] })).toThrow(/1 column title\(s\) for 2 model/);
  });
  it('--digits changes the precision of coefficients, SEs and R²', () => {
    const t4 = regressionTable([m1], { digits: 4 });
    expect(t4.rows[0].cells[1]).toBe('0.6541***');
    expect(t4.rows.find((r) => r.cells[0] === 'R²')!.cells[1]).toBe('0.9123');
    expect(() => regressionTable([m1], { digits: 0 })).toThrow(/digits must be a whole number from 1 to 9/);
  });
});
