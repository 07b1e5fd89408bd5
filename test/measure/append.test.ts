import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runInProcess } from '../helpers/cli.js';
import { gbk } from '../helpers/gbk.js';
import { readPanel, loadFramework, measure } from '../../src/index.js';
import { joinScores, scoreColumns } from '../../src/measure/scores-panel.js';
import { InputError } from '../../src/core/errors.js';

// A user's file as it comes: a title line above the header, Chinese column names in GBK, rows not
// sorted, a text column, a placeholder, and a row (the footnote-like empty id row is not data).
const rows: string[][] = [];
const provinces = ['广东', '北京', '甘肃', '上海', '四川'];
let k = 0;
for (const year of [2021, 2019, 2020, 2022])
  for (const p of provinces) {
    k++;
    rows.push([
      p,
      `${year}`,
      p === '北京' || p === '上海' ? '东部' : '西部',
      (1 + ((k * 7) % 13) / 5).toFixed(2),
      k === 6 ? '—' : (100 + ((k * 37) % 91)).toFixed(1),
      (0.5 + ((k * 11) % 7) / 10).toFixed(3),
    ]);
  }
const csv =
  ['2019—2022 年各省数据（虚构）', '省份,年份,地区,研发强度,专利,能耗', ...rows.map((r) => r.join(','))].join('\r\n') +
  '\r\n';
const framework = `systems:
  - id: nqpf
    name: {en: NQPF, zh: 新质生产力}
    dimensions:
      - id: tech
        indicators:
          - {id: rd, column: 研发强度, direction: "+"}
          - {id: patents, column: 专利, direction: "+"}
      - id: green
        indicators:
          - {id: energy, column: 能耗, direction: "-"}
`;

describe('measure --append: the index as columns of the user\u2019s own file', () => {
  it('keeps every row, column and their order, adds <system>_index and the dimensions, never touches the input, and regress reads it', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'nqpf-append-'));
    try {
      const input = path.join(dir, '数据.csv');
      writeFileSync(input, gbk(csv));
      writeFileSync(path.join(dir, 'fw.yaml'), framework);
      const before = createHash('sha256').update(readFileSync(input)).digest('hex');
      const out = path.join(dir, 'with-index.csv');
      const common = ['--data', input, '--framework', path.join(dir, 'fw.yaml'), '--impute', 'linear'];
      const r = await runInProcess(['measure', ...common, '--append', out, '--dimensions', '--json']);
      expect(r.code, r.stderr).toBe(0);
      const json = JSON.parse(r.stdout);
      expect(json.appended).toMatchObject({
        layout: 'file',
        rows: 20,
        added: ['nqpf_index', 'nqpf_tech', 'nqpf_green'],
      });
      expect(createHash('sha256').update(readFileSync(input)).digest('hex')).toBe(before);
      const bytes = readFileSync(out);
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // UTF-8 with BOM: Excel shows the Chinese
      const lines = bytes.toString('utf8').slice(1).trimEnd().split('\r\n');
      expect(lines[0]).toBe('省份,年份,地区,研发强度,专利,能耗,nqpf_index,nqpf_tech,nqpf_green');
      const cells = lines.slice(1).map((l) => l.split(','));
      // same rows in the same (unsorted) order, the user's cells as they were
      expect(cells.map((c) => c.slice(0, 3))).toEqual(rows.map((r) => r.slice(0, 3)));
      expect(cells[5][4]).toBe('—');
      // each row's index is the measured score of its province and year
      for (const c of cells) {
        const s = json.scores.find(
          (x: { entity: string; period: number }) => x.entity === c[0] && x.period === Number(c[1]),
        );
        expect(Number(c[6])).toBeCloseTo(s.index, 12);
        expect(Number(c[7])).toBeCloseTo(s.dimensions.tech, 12);
      }
      // the file feeds a regression with no merge
      const reg = await runInProcess([
        'regress',
        '--data',
        out,
        '--formula',
        'nqpf_index ~ 研发强度 | 省份 + 年份',
        '--vcov',
        'hc1',
        '--json',
      ]);
      expect(reg.code, reg.stderr).toBe(0);
      expect(JSON.parse(reg.stdout).nobs).toBeGreaterThan(10);
      // the input is never the output, and other extensions are refused
      const same = await runInProcess(['measure', ...common, '--append', input]);
      expect(same.code).toBe(2);
      expect(same.stderr).toMatch(/would overwrite the input file/);
      const bad = await runInProcess(['measure', ...common, '--append', path.join(dir, 'x.txt')]);
      expect(bad.code).toBe(2);
      // xlsx works too
      const xlsx = path.join(dir, 'with-index.xlsx');
      expect((await runInProcess(['measure', ...common, '--append', xlsx])).code).toBe(0);
      expect(existsSync(xlsx)).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a built-in dataset is written in long layout; --dimensions needs --append', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'nqpf-append-b-'));
    try {
      const out = path.join(dir, 'pwt.csv');
      const r = await runInProcess(['measure', '--data', 'world-pwt', '--framework', 'pwt', '--append', out, '--json']);
      expect(r.code, r.stderr).toBe(0);
      expect(JSON.parse(r.stdout).appended.layout).toBe('long');
      const head = readFileSync(out, 'utf8').slice(1).split('\r\n')[0].split(',');
      expect(head.slice(0, 2)).toEqual(['iso3', 'year']);
      expect(head.some((h) => h.endsWith('_index'))).toBe(true);
      const no = await runInProcess(['measure', '--data', 'world-pwt', '--framework', 'pwt', '--dimensions']);
      expect(no.code).toBe(2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('library: joinScores puts the measure result back onto the panel; a clash with a user column is an error', async () => {
    const panel = await readPanel('examples/provinces.csv', { entity: 'province', period: 'year' });
    const fw = await loadFramework('examples/framework.yaml');
    const result = await measure(panel, fw, { impute: 'linear' });
    const joined = joinScores(panel, result, { dimensions: true });
    expect(Object.keys(joined.columns)).toEqual([
      ...Object.keys(panel.columns),
      'nqpf_index',
      'nqpf_tech',
      'nqpf_green',
    ]);
    for (const s of result.scores) {
      const i = panel.entity.findIndex((e, j) => e === s.entity && panel.period[j] === s.period);
      expect(joined.columns.nqpf_index[i]).toBe(s.index);
    }
    expect(() => joinScores(joined, result)).toThrow(InputError);
    expect(Object.keys(scoreColumns(panel, result))).toEqual(['nqpf_index']);
  });
});
