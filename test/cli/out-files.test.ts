import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runInProcess } from '../helpers/cli.js';
import { docxParagraphs, docxParts, docxTables, threeLineRules } from '../helpers/docx.js';

/** The tables of `dir`/tables.docx: every one a three-line table; returns their titles. */
function wordTables(dir: string): string[] {
  const doc = docxParts(new Uint8Array(readFileSync(path.join(dir, 'tables.docx'))))['word/document.xml'];
  for (const t of docxTables(doc)) expect(threeLineRules(t)).toEqual([]);
  return docxParagraphs(doc).filter((p) => /^(Table|表)\d*\s/.test(p));
}

const PNG = [0x89, 0x50, 0x4e, 0x47];
const fresh = () => mkdtempSync(path.join(tmpdir(), 'nqpf-out-'));

/** Run a command with --out into a fresh folder; return the folder. */
async function out(args: string[]): Promise<string> {
  const dir = fresh();
  const r = await runInProcess([...args, '--out', dir]);
  expect(r.stderr.split('\n').filter((l) => l.startsWith('error'))).toEqual([]);
  expect(r.code).toBe(0);
  return dir;
}

function expectReport(dir: string, command: string, csv: string[], charts: number, sectionTitle: RegExp): void {
  for (const f of csv) {
    const text = readFileSync(path.join(dir, f), 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff); // BOM: Excel reads Chinese
    expect(text.split('\n').length).toBeGreaterThan(1);
  }
  const xlsx = readFileSync(path.join(dir, `${command}.xlsx`));
  expect([...xlsx.subarray(0, 2)]).toEqual([0x50, 0x4b]); // a zip
  expect(readFileSync(path.join(dir, 'index.html'), 'utf8')).toContain('</html>');
  const chartDir = path.join(dir, 'charts');
  if (charts > 0) {
    const files = readFileSync(path.join(dir, 'index.html'), 'utf8');
    expect(files).toMatch(sectionTitle);
    const list = readdirSync(chartDir);
    expect(list.filter((f) => f.endsWith('.svg'))).toHaveLength(charts);
    for (const f of list.filter((f) => f.endsWith('.png')))
      expect([...readFileSync(path.join(chartDir, f)).subarray(0, 4)]).toEqual(PNG);
    expect(list.filter((f) => f.endsWith('.png'))).toHaveLength(charts);
  }
}

describe('--out on every command that accepts it', () => {
  it('moran: tables, the LISA map as SVG and PNG, and the HTML section', async () => {
    const dir = await out(['moran', '--data', 'china-sim', '--value', 'rd_intensity', '--permutations', '99']);
    expectReport(dir, 'moran', ['moran.csv', 'lisa.csv'], 1, /LISA/);
    const lisa = readFileSync(path.join(dir, 'lisa.csv'), 'utf8').split('\r\n');
    expect(lisa[0]).toBe('\uFEFFentity,Ii,expected,variance,z,p_value,p_permutation,quadrant,cluster');
    expect(lisa.filter((l) => l.trim()).length - 1).toBeGreaterThanOrEqual(30);
  });
  it('ellipse: table, the ellipse map and the section, in Chinese with --lang zh', async () => {
    const dir = await out(['ellipse', '--data', 'china-sim', '--value', 'rd_intensity', '--lang', 'zh']);
    expectReport(dir, 'ellipse', ['ellipse.csv'], 1, /标准差椭圆/);
    expect(readFileSync(path.join(dir, 'index.html'), 'utf8')).toContain('<html lang="zh');
  });
  it('forecast: fitted and forecast values, model table, one fan chart per series', async () => {
    const dir = await out([
      'forecast',
      '--data',
      'world-pwt',
      '--value',
      'rgdpna',
      '--ids',
      'CHN,IND',
      '--last',
      '8',
      '--horizon',
      '3',
    ]);
    expectReport(dir, 'forecast', ['forecast.csv', 'forecast-models.csv'], 2, /GM\(1,1\)/);
  });
  it('mediate and threshold: estimates and the mechanism section', async () => {
    const m = await out([
      'mediate',
      '--data',
      'china-sim',
      '--x',
      'rd_intensity',
      '--m',
      'tertiary_secondary_ratio',
      '--y',
      'labor_productivity',
      '--fe',
      'province,year',
      '--cluster',
      'province',
      '--bootstrap',
      '20',
    ]);
    expectReport(m, 'mediate', ['mediation-paths.csv', 'mediation-indirect.csv'], 0, /./);
    expect(readFileSync(path.join(m, 'index.html'), 'utf8')).toMatch(/Indirect effects/);
    expect(wordTables(m)).toEqual(expect.arrayContaining([expect.stringMatching(/Indirect effects/)]));
    const t = await out([
      'threshold',
      '--data',
      'china-sim',
      '--y',
      'labor_productivity',
      '--x',
      'rd_intensity',
      '--q',
      'urbanization',
      '--impute',
      'linear',
      '--bootstrap',
      '0',
    ]);
    expectReport(t, 'threshold', ['threshold-estimates.csv', 'threshold-coefficients.csv'], 0, /./);
    expect(readFileSync(path.join(t, 'index.html'), 'utf8')).toMatch(/Threshold estimates/);
    expect(wordTables(t)).toEqual(expect.arrayContaining([expect.stringMatching(/Threshold estimates/)]));
  }, 60_000);
  it('disparity writes the Dagum section with its charts', async () => {
    const dir = await out(['disparity', '--data', 'china-sim', '--value', 'rd_intensity', '--group', 'region4']);
    expectReport(dir, 'disparity', ['disparity.csv', 'disparity-groups.csv', 'disparity-pairs.csv'], 2, /Dagum|Gini/);
    expect(existsSync(path.join(dir, 'index.html'))).toBe(true);
  });
});

describe('measure --out feeds the next stages', () => {
  it('writes the wide entity × period table per system, GB/T 2260 order, 6 significant digits; --system selects one system', async () => {
    const dir = await out(['measure', '--data', 'china-sim', '--framework', 'seed', '--impute', 'linear']);
    const long = readFileSync(path.join(dir, 'scores.csv'), 'utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    const wide = readFileSync(path.join(dir, 'scores-wide-nqpf.csv'), 'utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(wide[0]).toBe(['province', ...Array.from({ length: 12 }, (_, i) => 2012 + i)].join(','));
    // GB/T 2260 order: Beijing 11, Tianjin 12, Hebei 13, …, Xinjiang 65
    expect(wide.slice(1, 4).map((l) => l.split(',')[0])).toEqual(['Beijing', 'Tianjin', 'Hebei']);
    expect(wide[wide.length - 1].split(',')[0]).toBe('Xinjiang');
    // tables.docx: the weights (the framework tree), the ranking and each system's index by period.
    const titles = wordTables(dir);
    expect(titles.some((t) => /indicators with weights/.test(t))).toBe(true);
    expect(titles.some((t) => /index by period/.test(t))).toBe(true);
    for (const cell of wide[1].split(',').slice(1))
      expect(cell.replace(/^0\./, '').replace(/^-/, '').length).toBeLessThanOrEqual(6);
    // the wide cell is the long row's index
    const beijing2012 = long.find((l) => l.startsWith('Beijing,2012,nqpf,'))!.split(',')[3];
    expect(wide[1].split(',')[1]).toBe(beijing2012);
    const scores = path.join(dir, 'scores.csv');
    const refused = await runInProcess(['moran', '--data', scores, '--value', 'index']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/4 systems \(innovation, nqpf, industry, talent\)[\s\S]*--system innovation/);
    const r = await runInProcess([
      'disparity',
      '--data',
      scores,
      '--system',
      'nqpf',
      '--value',
      'index',
      '--group',
      'region4',
      '--years',
      '2023',
      '--json',
    ]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).periods[0].n).toBe(31);
  });
});

describe('report tables cap at a readable length', () => {
  it('shows the first rows with a note and returns the full table for the XLSX', async () => {
    const { capTables, REPORT_TABLE_ROWS } = await import('../../src/cli/outputs.js');
    const rows = Array.from({ length: 120 }, (_, i) => ({ id: `E${i}`, v: i }));
    const long = {
      id: 's',
      title: 'S',
      blocks: [
        {
          kind: 'table' as const,
          columns: [
            { key: 'id', label: { en: 'Entity', zh: '地区' } },
            { key: 'v', label: 'v' },
          ],
          rows,
        },
      ],
    };
    const short = {
      id: 't',
      title: 'T',
      blocks: [{ kind: 'table' as const, columns: [{ key: 'id', label: 'id' }], rows: rows.slice(0, 3) }],
    };
    const r = capTables([long, short], 'x.xlsx', 'zh');
    const t = r.sections[0].blocks[0] as unknown as { rows: unknown[]; note: string };
    expect(t.rows).toHaveLength(REPORT_TABLE_ROWS);
    expect(t.note).toBe(`表中显示前 ${REPORT_TABLE_ROWS} 行，共 120 行；完整表格见 x.xlsx 的工作表“s-1”。`);
    expect(r.sections[1]).toEqual(short);
    expect(r.sheets).toHaveLength(1);
    expect(r.sheets[0].rows[0]).toEqual(['地区', 'v']);
    expect(r.sheets[0].rows).toHaveLength(121);
    expect(r.sheets[0].rows[120]).toEqual(['E119', 119]);
  });
});
