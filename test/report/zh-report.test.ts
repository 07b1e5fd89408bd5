import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { noteText, vcovText } from '../../src/report/i18n.js';
import { runInProcess } from '../helpers/cli.js';

/**
 * Proper names, references and formulas that stay in their own language in a Chinese report: the
 * Penn World Table reference (cited as published), data sources, authors, method names.
 */
const PROPER = [
  /Feenstra, Robert C\., Robert Inklaar and Marcel P\. Timmer \(2015\), "The Next Generation of the Penn World Table", American Economic Review[^。]*/g,
  /Penn World Table/g,
  /Natural Earth/g,
  // cited titles of references (a Chinese report cites English works by their titles)
  /Handbook on Constructing Composite Indicators/g,
  // author citations and software names
  /\b[A-Z][a-z]+ et al\./g,
  /COINr/g,
  /www\.\S+/g,
];

/**
 * Runs of three or more English words left after removing markup, code spans, proper names, file
 * names, identifiers (impute-no-data, innovation:I(q<=g1)), ISO codes and numbers: English prose.
 */
export function englishProse(html: string): string[] {
  let text = html
    .replace(/<style[\s\S]*?<\/style>/g, ' ')
    .replace(/<script[\s\S]*?<\/script>/g, ' ')
    .replace(/<math[\s\S]*?<\/math>/g, ' ')
    .replace(/<code>[\s\S]*?<\/code>/g, ' ')
    .replace(/<[^>]+>/g, '\n')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&');
  for (const re of PROPER) text = text.replace(re, ' ');
  text = text
    .replace(/\S+\.(ts|json|csv|yaml|xlsx|html)\b/g, ' ') // file names
    .replace(/\S*[:=<>_]\S*/g, ' ') // formulas and column names (innovation:I(q<=g1), rd_intensity)
    .replace(/\b[a-z]+(-[a-z]+)+\b/g, ' ') // codes such as impute-no-data, world-pwt
    .replace(/\b[A-Z]{2,3}\b/g, ' '); // ISO codes, HH/LL, SE, CI
  const runs: string[] = [];
  for (const line of text.split('\n')) {
    for (const m of line.matchAll(/[A-Za-z][A-Za-z'’]+(?:[\s,;.()–—-]+[A-Za-z][A-Za-z'’]+){2,}/g)) runs.push(m[0]);
  }
  return [...new Set(runs)];
}

describe('report in Chinese', () => {
  it('has no English prose outside proper names, codes and formulas (demo --lang zh)', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'nqpf-zh-'));
    const r = await runInProcess(['demo', '--lang', 'zh', '--bootstrap', '20', '--out', dir]);
    expect(r.code).toBe(0);
    const html = readFileSync(path.join(dir, 'index.html'), 'utf8');
    expect(englishProse(html)).toEqual([]);
    // what the issue named: dataset titles and sources, verdicts, Jiang (2022), clustered SEs, the cited paper
    expect(html).toContain('宾大世界表（Penn World Table）9.1');
    expect(html).toContain('江艇（2022，《中国工业经济》');
    expect(html).toContain('聚类稳健标准误（按 province 聚类）');
    expect(html).toMatch(/总效应显著（按中介效应立论）/);
    expect(html).toContain('Zhao 与 Chen');
    expect(html).not.toContain('种子论文');
    expect(html).not.toMatch(/seed paper/i);
  }, 60_000);
  it('the heuristic finds English prose', () => {
    expect(englishProse('<p>中文 and this is English text</p>')).toEqual(['and this is English text']);
    expect(englishProse('<p>变量 <code>impute-no-data</code> rd_intensity, AGO, ALB</p>')).toEqual([]);
  });
  it('translates variance labels and notes by their fixed wording', () => {
    expect(vcovText('Clustered (province & year)', 'zh')).toBe('聚类稳健标准误（按 province 与 year 聚类）');
    expect(
      noteText(
        {
          code: 'imputed',
          message: 'column "x": imputed 3 cells by linear interpolation within entity (nearest value at the ends)',
        },
        'zh',
      ),
    ).toBe('变量“x”：以个体内线性插值（两端取最近值）插补 3 个单元格');
    expect(noteText({ code: 'unknown-code', message: 'kept' }, 'zh')).toBe('kept');
  });
});

describe('CLI messages in Chinese', () => {
  it('--lang zh and NQPF_LANG=zh give Chinese error frames that keep the file, row and column', async () => {
    const r = await runInProcess(['moran', '--data', 'examples/provinces.csv', '--value', 'nope', '--lang', 'zh']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^错误：文件 examples\/provinces\.csv，列“nope”：/);
    expect(r.stderr).toMatch(/\n {2}解决办法：/);
    const before = process.env.NQPF_LANG;
    process.env.NQPF_LANG = 'zh';
    try {
      const w = await runInProcess(['moran', '--data', 'examples/provinces.csv', '--value', 'nope']);
      expect(w.code).toBe(2);
      expect(w.stderr).toMatch(/^错误：文件 examples\/provinces\.csv，列“nope”：/);
      // warnings: the Chinese sentence of the note's code
      const p = await runInProcess([
        'measure',
        '--data',
        'examples/provinces.csv',
        '--framework',
        'examples/framework.yaml',
        '--impute',
        'linear',
      ]);
      expect(p.stderr).toMatch(/^警告：变量“patents”：1 个占位符单元格/m);
    } finally {
      if (before === undefined) delete process.env.NQPF_LANG;
      else process.env.NQPF_LANG = before;
    }
    const en = await runInProcess(['moran', '--data', 'examples/provinces.csv', '--value', 'nope']);
    expect(en.stderr).toMatch(/^error: examples\/provinces\.csv, column "nope": /);
  });
});
