import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
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
