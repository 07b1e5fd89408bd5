/**
 * The user's path to Word: `--table docx` and the tables.docx of `--out`, opened (unzipped, the XML
 * read) and checked for the numbers of `--json`, the stars and the three-line rules; describe and
 * correlate print the library's objects; a .dta gives the same JSON as the CSV.
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { correlate, describe as describeStats } from '../../src/api/index.js';
import { toPlain } from '../../src/core/json.js';
import { starsFor } from '../../src/core/significance.js';
import { readPanel } from '../../src/io/read-panel.js';
import { runInProcess } from '../helpers/cli.js';
import { docxParagraphs, docxParts, docxTables, threeLineRules } from '../helpers/docx.js';
import { ROOT } from '../helpers/root.js';

const DIR = path.join(ROOT, 'test/fixtures/tables');
const fresh = () => mkdtempSync(path.join(tmpdir(), 'nqpf-docx-'));
const docx = (file: string) => docxParts(new Uint8Array(readFileSync(file)))['word/document.xml'];

async function ok(args: string[]) {
  const r = await runInProcess(args);
  expect(r.code, r.stderr).toBe(0);
  return r;
}

/** A printed estimate agrees with the value to the table's precision (esttab a3: 3 significant decimals). */
const printed = (cell: string, value: number) =>
  Math.abs(parseFloat(cell.replace(/[()*]/g, '').replace('\u2212', '-')) - value) <=
  5e-4 * Math.max(1, Math.abs(value));

describe('Word output', () => {
  it('regress --table docx --out: regression.docx and tables.docx carry the --json numbers, stars and three rules', async () => {
    const dir = fresh();
    const formula = 'labor_productivity ~ rd_intensity + openness | province + year';
    const json = JSON.parse(
      (await ok(['regress', '--data', 'china-sim', '--formula', formula, '--table', 'docx', '--out', dir, '--json']))
        .stdout,
    );
    expect(json.files).toEqual(expect.arrayContaining(['regression.docx', 'tables.docx']));
    for (const f of ['regression.docx', 'tables.docx']) {
      const doc = docx(path.join(dir, f));
      const [t] = docxTables(doc);
      expect(threeLineRules(t), f).toEqual([]);
      const rows = t.rows.map((r) => r.cells.map((c) => c.text));
      for (const c of json.coefficients as { term: string; estimate: number; stdError: number; pValue: number }[]) {
        const k = rows.findIndex((r) => r[0] === c.term);
        expect(printed(rows[k][1], c.estimate), `${f} ${c.term}: ${rows[k][1]} vs ${c.estimate}`).toBe(true);
        expect(rows[k][1].match(/\*+$/)?.[0] ?? '').toBe(starsFor(c.pValue));
        expect(rows[k + 1][1]).toMatch(/^\(.*\)$/);
        expect(printed(rows[k + 1][1], c.stdError), `${f} ${c.term} SE`).toBe(true);
      }
      expect(rows).toContainEqual(['N', String(json.nobs)]);
      expect(rows).toContainEqual(['province FE', 'Yes']);
      expect(
        docxParagraphs(doc).some((p) => /^Note: Clustered \(province\) standard errors/.test(p)),
        f,
      ).toBe(true);
      // china-sim is simulated: the source line under the table says so.
      if (f === 'tables.docx') expect(docxParagraphs(doc).some((p) => /^Source: .*\(simulated\)$/.test(p))).toBe(true);
    }
  });

  it('regress --table docx without --out writes regression.docx in the current folder', async () => {
    const dir = fresh();
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      const r = await ok([
        'regress',
        '--data',
        path.join(ROOT, 'examples/panel.csv'),
        '--formula',
        'nqpf ~ innov | id + year',
        '--table',
        'docx',
        '--lang',
        'zh',
      ]);
      expect(r.stderr).toContain('regression.docx');
    } finally {
      process.chdir(cwd);
    }
    const doc = docx(path.join(dir, 'regression.docx'));
    expect(threeLineRules(docxTables(doc)[0])).toEqual([]);
    expect(docxParagraphs(doc)[0]).toBe('表1\u3000回归结果');
  });

  it('describe and correlate: --json is the library object; a Stata file gives the CSV’s numbers; --table docx and --out', async () => {
    const csvFile = path.join(DIR, 'held-out.csv');
    const dtaFile = path.join(DIR, 'held-out-118.dta');
    const vars = 'x1,x2,x3,nq';
    const d = JSON.parse((await ok(['describe', '--data', dtaFile, '--vars', vars, '--json'])).stdout);
    expect(d).toEqual(toPlain(describeStats(await readPanel(dtaFile), { vars })));
    const dCsv = JSON.parse((await ok(['describe', '--data', csvFile, '--vars', vars, '--json'])).stdout);
    expect(d.variables.map((v: { label: string }) => v.label)).toEqual([
      '研发投入强度 (R&D intensity)',
      'Patents granted',
      'Openness',
      '新质生产力',
    ]);
    expect(d.variables.map(({ label: _, ...v }: { label: string }) => v)).toEqual(
      dCsv.variables.map(({ label: _, ...v }: { label: string }) => v),
    );
    const c = JSON.parse(
      (await ok(['correlate', '--data', dtaFile, '--vars', vars, '--method', 'spearman', '--json'])).stdout,
    );
    expect(c).toEqual(toPlain(correlate(await readPanel(dtaFile), { vars, method: 'spearman' })));
    expect(c.p[0][0]).toBeNull();
    const cCsv = JSON.parse(
      (await ok(['correlate', '--data', csvFile, '--vars', vars, '--method', 'spearman', '--json'])).stdout,
    );
    expect([c.r, c.p, c.n]).toEqual([cCsv.r, cCsv.p, cCsv.n]);

    const dir = fresh();
    await ok([
      'correlate',
      '--data',
      dtaFile,
      '--vars',
      vars,
      '--vif',
      '--table',
      'docx',
      '--out',
      dir,
      '--lang',
      'zh',
    ]);
    const ct = docxTables(docx(path.join(dir, 'correlate.docx')))[0];
    expect(threeLineRules(ct)).toEqual([]);
    expect(ct.rows[0].cells.map((x) => x.text)).toEqual(['变量', '(1)', '(2)', '(3)', '(4)', 'VIF']);
    expect(ct.rows[1].cells[0].text).toBe('(1) x1 研发投入强度 (R&D intensity)');
    await ok(['describe', '--data', dtaFile, '--vars', vars, '--by', 'group', '--out', dir]);
    expect(existsSync(path.join(dir, 'describe.csv'))).toBe(true);
    const doc = docx(path.join(dir, 'tables.docx'));
    const tables = docxTables(doc);
    expect(tables).toHaveLength(3); // East, Central, West
    for (const t of tables) expect(threeLineRules(t)).toEqual([]);
    expect(docxParagraphs(doc)).toContain('Table 1  Descriptive statistics (group = East)');
  });

  it('text output: the describe table with labels, and the correlation triangle with stars', async () => {
    const r = await ok(['describe', '--data', path.join(DIR, 'held-out.sav'), '--vars', 'x1,nq']);
    expect(r.stdout).toMatch(/x1\s+研发投入强度 \(R&D intensity\)\s+167\s+2\.037\s+1\.023/);
    const c = await ok(['correlate', '--data', path.join(DIR, 'held-out.csv'), '--vars', 'x1,x3', '--table', 'md']);
    expect(c.stdout).toContain('| (2) x3 | 0.588*** | 1 |');
  });
});
