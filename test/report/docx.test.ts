import { describe, expect, it } from 'vitest';
import { DOCX_STYLE, docxTables as writeDocx } from '../../src/report/docx.js';
import { describeTable, correlationTable } from '../../src/report/descriptive-tables.js';
import {
  paperTableFromRegression,
  paperTableMarkdown,
  paperTableLatex,
  paperTableText,
  paperTableGrid,
} from '../../src/report/paper-table.js';
import { regressionTable } from '../../src/report/regression-table.js';
import { docxParagraphs, docxParts, docxTables, threeLineRules } from '../helpers/docx.js';

const reg = regressionTable([
  {
    depVar: 'nqpf',
    coefficients: [
      { term: 'innov', estimate: 0.1234, stdError: 0.0456, pValue: 0.008 },
      { term: 'urban', estimate: -1.5, stdError: 0.9, pValue: 0.097 },
    ],
    fixedEffects: ['id', 'year'],
    nobs: 1200,
    r2: 0.81,
    r2Within: 0.12,
    vcov: 'Clustered (id)',
  },
]);

describe('Word tables (three-line, fonts, numbers aligned)', () => {
  it('writes a .docx whose tables have the three rules, the numbers with stars, the title and notes', async () => {
    const bytes = await writeDocx([paperTableFromRegression(reg, 'Baseline regression')], { lang: 'en' });
    const parts = docxParts(bytes);
    expect(Object.keys(parts)).toContain('word/document.xml');
    const doc = parts['word/document.xml'];
    const [t] = docxTables(doc);
    expect(threeLineRules(t)).toEqual([]);
    expect(t.rows.filter((r) => r.header)).toHaveLength(reg.header.length);
    // The cells are the regression table's own (its number format and star rule), row by row.
    const text = t.rows.map((r) => r.cells.map((c) => c.text));
    expect(text).toEqual([...reg.header, ...reg.rows.map((r) => r.cells)]);
    expect(text).toContainEqual(['innov', '0.123***']);
    expect(text).toContainEqual(['id FE', 'Yes']);
    expect(text).toContainEqual(['N', '1200']);
    // Decimals are aligned on a decimal tab; whole numbers and words are centred.
    const cell = (label: string) => t.rows.find((r) => r.cells[0].text === label)!.cells[1];
    expect(cell('innov').decimalTab).toBe(true);
    expect(cell('N').decimalTab).toBe(false);
    const paras = docxParagraphs(doc);
    expect(paras[0]).toBe('Table 1  Baseline regression');
    expect(paras[1]).toMatch(
      /^Note: Clustered \(id\) standard errors in parentheses\. \* p<0\.1, \*\* p<0\.05, \*\*\* p<0\.01\.$/,
    );
    // Fonts: Times New Roman for Latin, SimSun for Chinese, 10.5 pt (21 half-points), in every run.
    const runs = [...doc.matchAll(/<w:rFonts ([^>]*)\/>/g)].map((m) => m[1]);
    expect(runs.length).toBeGreaterThan(10);
    for (const r of runs) {
      expect(r).toContain(`w:ascii="${DOCX_STYLE.latinFont}"`);
      expect(r).toContain(`w:hAnsi="${DOCX_STYLE.latinFont}"`);
      expect(r).toContain(`w:eastAsia="${DOCX_STYLE.eastAsiaFont}"`);
    }
    expect(doc).toContain('<w:sz w:val="21"/>');
    expect(parts['word/styles.xml']).toContain('w:eastAsia="SimSun"');
  });

  it('Chinese: 表 k, 注：, describe and correlation tables; wide tables go landscape', async () => {
    const rows = [
      {
        name: 'x1',
        label: '研发投入强度',
        n: 167,
        mean: 2.0366,
        sd: 1.0228,
        min: -0.294,
        p25: 1.2876,
        median: 2.0454,
        p75: 2.7132,
        max: 4.6108,
      },
      { name: 'x2', label: '专利', n: 168, mean: 10.31, sd: 2.893, min: 1, p25: 8, median: 10, p75: 12, max: 17 },
    ];
    const d = describeTable(rows, { lang: 'zh' });
    const c = correlationTable(
      {
        method: 'pearson',
        variables: ['x1', 'x2'],
        r: [
          [1, 0.5],
          [0.5, 1],
        ],
        p: [
          [NaN, 0.004],
          [0.004, NaN],
        ],
        n: [
          [167, 160],
          [160, 168],
        ],
      },
      { lang: 'zh' },
    );
    const wide = {
      title: '宽表',
      header: [['', ...Array.from({ length: 14 }, (_, j) => `(${j + 1}) long title`)]],
      rows: [{ cells: ['a', ...Array(14).fill('0.123***')] }],
      notes: [],
    };
    const doc = docxParts(await writeDocx([d, c, wide], { lang: 'zh' }))['word/document.xml'];
    const tables = docxTables(doc);
    expect(tables).toHaveLength(3);
    for (const t of tables) expect(threeLineRules(t)).toEqual([]);
    expect(tables[0].rows[0].cells.map((x) => x.text)).toEqual([
      '变量',
      '变量名称',
      '观测值',
      '均值',
      '标准差',
      '最小值',
      'P25',
      '中位数',
      'P75',
      '最大值',
    ]);
    expect(tables[0].rows[1].cells.map((x) => x.text)).toEqual([
      'x1',
      '研发投入强度',
      '167',
      '2.037',
      '1.023',
      '\u22120.294',
      '1.288',
      '2.045',
      '2.713',
      '4.611',
    ]);
    expect(tables[1].rows[2].cells.map((x) => x.text)).toEqual(['(2) x2', '0.500***', '1']);
    const paras = docxParagraphs(doc);
    expect(paras).toContain('表1\u3000描述性统计');
    expect(paras).toContain('表2\u3000相关系数矩阵');
    expect(
      paras.some(
        (p) => p.startsWith('注：Pearson 相关系数') && p.includes('*、**、*** 分别表示在 10%、5%、1% 的水平上显著'),
      ),
    ).toBe(true);
    expect(doc).toMatch(/w:orient="landscape"/);
  });

  it('the same paper table in text, Markdown, LaTeX (booktabs) and as a CSV grid', () => {
    const t = paperTableFromRegression(reg, 'Baseline');
    expect(paperTableText(t)).toMatch(/innov\s+0\.123\*\*\*/);
    expect(paperTableMarkdown(t)).toContain('| innov | 0.123*** |');
    const tex = paperTableLatex(t);
    expect(tex).toContain('\\toprule');
    expect(tex).toContain('innov & 0.123$^{***}$ \\\\');
    expect(paperTableGrid(t)[0]).toEqual(['Baseline', '']);
  });
});
