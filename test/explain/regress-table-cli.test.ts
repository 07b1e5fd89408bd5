import { mkdtempSync, readFileSync, rmSync, existsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runInProcess } from '../helpers/cli.js';
import { regressFit } from '../../src/explain/regression-result.js';
import { loadBuiltinDataset } from '../../src/io/builtin.js';

describe('nqpf regress: models side by side', () => {
  const formulas = [
    'labor_productivity ~ rd_intensity',
    'labor_productivity ~ rd_intensity + openness | province + year',
  ];
  const args = formulas.flatMap((f) => ['--formula', f]);

  it('prints a Markdown table whose cells are the fitted estimates and SEs, with FE rows', async () => {
    const r = await runInProcess(['regress', '--data', 'china-sim', ...args, '--table', 'md']);
    expect(r.code).toBe(0);
    const panel = await loadBuiltinDataset('china-sim');
    const fe = regressFit(panel, formulas[1]).result.coefficients.find((c) => c.term === 'rd_intensity')!;
    expect(r.stdout).toContain(`| rd_intensity |`);
    expect(r.stdout).toContain(fe.estimate.toFixed(3));
    expect(r.stdout).toContain(`(${fe.stdError.toFixed(3)})`);
    expect(r.stdout).toMatch(/\| province FE \| No \| Yes \|/);
    expect(r.stdout).toMatch(/SIMULATED/);
  });

  it('--json with several formulas prints {models:[...]} and --out writes md, tex, csv and xlsx', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'nqpf-regress-'));
    try {
      const r = await runInProcess(['regress', '--data', 'china-sim', ...args, '--json', '--out', dir]);
      expect(r.code).toBe(0);
      const out = JSON.parse(r.stdout);
      expect(out.models).toHaveLength(2);
      expect(out.models[0].coefficients.map((c: { term: string }) => c.term)).toEqual(['(Intercept)', 'rd_intensity']);
      expect(out.models[1].coefficients.map((c: { term: string }) => c.term)).toEqual(['rd_intensity', 'openness']);
      for (const f of ['regression.md', 'regression.tex', 'regression.csv', 'regression.xlsx'])
        expect(existsSync(path.join(dir, f))).toBe(true);
      const tex = readFileSync(path.join(dir, 'regression.tex'), 'utf8');
      expect(tex).toContain('\\toprule');
      expect(tex).toContain('\\bottomrule');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('--by group fits each region separately and --drop-municipalities removes the four municipalities', async () => {
    const r = await runInProcess([
      'regress',
      '--data',
      'china-sim',
      '--formula',
      formulas[1],
      '--by',
      'group',
      '--drop-municipalities',
      '--json',
    ]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.models.map((m: { group: string }) => m.group).sort()).toEqual(['Central', 'East', 'Northeast', 'West']);
    // Northeast has 3 provinces × 12 years = 36 rows before missing values are dropped; the East loses its 3 municipalities.
    const panel = await loadBuiltinDataset('china-sim');
    const east = panel.entities
      .filter((e) => e.group === 'East' && !['Beijing', 'Tianjin', 'Shanghai'].includes(e.id))
      .map((e) => e.id);
    const eastModel = out.models.find((m: { group: string }) => m.group === 'East');
    expect(eastModel.vcov.nClusters).toEqual([east.length]);
    expect(eastModel.nobs).toBeLessThanOrEqual(east.length * 12);
    expect(eastModel.nobs).toBeGreaterThan((east.length - 1) * 12 - 12);
  });
});

describe('nqpf regress: esttab-level tables (issue 14)', () => {
  it('--digits, --titles, a^b rows and the esttab number format', async () => {
    const r = await runInProcess([
      'regress',
      '--data',
      'examples/firms.csv',
      '--formula',
      'tfp ~ rd + size + lev | firm + industry^year',
      '--formula',
      'tfp ~ rd + I(rd^2) + size + lev | firm + year',
      '--titles',
      'Baseline，Quadratic',
      '--table',
      'md',
      '--digits',
      '4',
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('|  | Baseline | Quadratic |');
    expect(r.stdout).toContain('| industry × year FE | Yes | No |');
    expect(r.stdout).toMatch(/\| I\(rd\^2\) \| {2}\| -?0\.00\d{4}/); // a small coefficient keeps 4 significant decimals
    expect(r.stdout).not.toMatch(/\| 0\.0000\**\b/);
    const bad = await runInProcess([
      'regress',
      '--data',
      'examples/firms.csv',
      '--formula',
      'tfp ~ rd',
      '--titles',
      'a,b',
    ]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/2 column title\(s\) for 1 model/);
  });

  it('--by a 0/1 column heads the columns by value; --diff-test states bdiff and suest in the note and the JSON', async () => {
    const args = [
      'regress',
      '--data',
      'examples/firms.csv',
      '--formula',
      'tfp ~ rd + size + lev | firm + year',
      '--by',
      'soe',
      '--diff-test',
      'both',
      '--permutations',
      '40',
      '--seed',
      '3',
    ];
    const md = await runInProcess([...args, '--table', 'md']);
    expect(md.code).toBe(0);
    expect(md.stdout).toContain('|  | soe = 0 | soe = 1 |');
    expect(md.stdout).toMatch(
      /Columns \(1\) and \(2\), difference of rd \(soe = 0 − soe = 1 = [\d.]+\): permutation test \(bdiff, 40 draws of entities, seed 3\) empirical p (= [\d.]+|< 0\.001); suest Wald χ²\(1\) = [\d.]+, p (= [\d.]+|< 0\.001)\./,
    );
    const json = await runInProcess([...args, '--json']);
    const out = JSON.parse(json.stdout);
    expect(out.models.map((m: { title: string }) => m.title)).toEqual(['soe = 0', 'soe = 1']);
    const d = out.groupDifference[0];
    expect(d.groups).toEqual(['soe = 0', 'soe = 1']);
    expect(d.columns).toEqual([1, 2]);
    expect(d.permutation).toMatchObject({ reps: 40, seed: 3, unit: 'entity' });
    expect(d.suest).toEqual({ vcov: { cluster: 'firm' }, n: 60 });
    expect(d.terms.map((t: { term: string }) => t.term)).toEqual(['rd', 'size', 'lev']);
    const rd = d.terms[0];
    expect(rd.difference).toBeCloseTo(
      out.models[0].coefficients[0].estimate - out.models[1].coefficients[0].estimate,
      12,
    );
    expect(rd.permutation.pValue).toBeLessThanOrEqual(0.5);
    // more than two groups cannot be compared
    const three = await runInProcess([
      'regress',
      '--data',
      'examples/firms.csv',
      '--formula',
      'tfp ~ rd | firm',
      '--by',
      'industry',
      '--diff-test',
      'suest',
    ]);
    expect(three.code).toBe(2);
    expect(three.stderr).toMatch(/compares two groups, but --by industry gives 5/);
  });

  it('--lang zh: 是/否, 观测值, 组内 R² and the note in Chinese, also for a Chinese cluster column (省份)', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'nqpf-regress-zh-'));
    try {
      const panel = await loadBuiltinDataset('china-sim');
      const lines = ['省份,年份,y,x'];
      panel.entity.forEach((e, i) =>
        lines.push(
          [e, panel.period[i], panel.columns.labor_productivity[i], panel.columns.rd_intensity[i]]
            .map((v) => (typeof v === 'number' && Number.isNaN(v) ? '' : String(v)))
            .join(','),
        ),
      );
      const file = path.join(dir, 'zh.csv');
      writeFileSync(file, lines.join('\n') + '\n');
      const r = await runInProcess([
        'regress',
        '--data',
        file,
        '--entity',
        '省份',
        '--period',
        '年份',
        '--formula',
        'y ~ x | 省份 + 年份',
        '--vcov',
        'cluster:省份',
        '--lang',
        'zh',
        '--table',
        'md',
      ]);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('| 省份固定效应 | 是 |');
      expect(r.stdout).toContain('| 观测值 |');
      expect(r.stdout).toContain('| 组内 R² |');
      expect(r.stdout).toContain('括号内为按省份聚类的稳健标准误。*、**、*** 分别表示在 10%、5%、1% 的水平上显著。');
      expect(r.stdout).not.toMatch(/Clustered|standard errors|Yes|Within/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('--out draws the coefficient plot with confidence intervals (SVG and PNG)', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'nqpf-regress-plot-'));
    try {
      const r = await runInProcess([
        'regress',
        '--data',
        'examples/firms.csv',
        '--formula',
        'tfp ~ rd + size + lev | firm + year',
        '--out',
        dir,
      ]);
      expect(r.code).toBe(0);
      const svg = readFileSync(path.join(dir, 'charts', 'regression-firms-1.svg'), 'utf8');
      for (const term of ['rd', 'size', 'lev']) expect(svg).toContain(`>${term}<`);
      expect(svg).toContain('Estimate and 95% CI');
      expect(existsSync(path.join(dir, 'charts', 'regression-firms-1.png'))).toBe(true);
      const html = readFileSync(path.join(dir, 'index.html'), 'utf8');
      expect(html).toContain('Coefficients with 95% confidence intervals');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
