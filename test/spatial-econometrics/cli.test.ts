import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixturePanel, rel } from './helpers.js';

const ROOT = path.resolve(__dirname, '../..');
const FIX = path.join(ROOT, 'test/fixtures/spatial-panel');
const run = (args: string[]) => execFileSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'src/cli/main.ts'), ...args], { cwd: ROOT, encoding: 'utf8' });
const { ref } = fixturePanel();

describe('nqpf spatial-regress and scenario', () => {
  it('--json gives spatialreg’s SDM two-way estimates, SEs and effects on the held-out panel', () => {
    const out = JSON.parse(
      run(['spatial-regress', '--data', path.join(FIX, 'panel.csv'), '--entity', 'id', '--period', 'year', '--formula', 'y ~ x1 + x2', '--neighbors', path.join(FIX, 'neighbours.csv'), '--model', 'sdm', '--fe', 'both', '--draws', '500', '--json']),
    );
    const c = ref.cases[0];
    expect(out.model).toBe('sdm');
    expect(rel(out.rho.estimate, c.rho)).toBeLessThan(1e-6);
    expect(rel(out.rho.stdError, c.rhoSe)).toBeLessThan(1e-4);
    expect(out.coefficients.map((r: { term: string }) => r.term)).toEqual(['x1', 'x2', 'W*x1', 'W*x2']);
    out.coefficients.forEach((r: { estimate: number; stdError: number }, j: number) => {
      expect(rel(r.estimate, c.estimate[j])).toBeLessThan(1e-6);
      expect(rel(r.stdError, c.stdError[j])).toBeLessThan(1e-4);
    });
    expect(rel(out.effects[0].indirect.estimate, c.effects[0].indirect)).toBeLessThan(1e-6);
    expect(rel(out.tests.lrSar.statistic, ref.tests.lrSar)).toBeLessThan(1e-6);
    expect(out.tests.decision.choice).toBe('sdm');
    expect(out.nobs).toBe(320);
  }, 60000);

  it('scenario: own + spillover = total everywhere, the only shocked entity has no spillover, --out writes scenario.csv', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'nqpf-scen-'));
    const out = JSON.parse(
      run(['scenario', '--data', path.join(FIX, 'panel.csv'), '--entity', 'id', '--period', 'year', '--formula', 'y ~ x1 + x2', '--neighbors', path.join(FIX, 'neighbours.csv'), '--shock', 'x1=+1', '--entities', 'U01', '--draws', '200', '--out', dir, '--json']),
    );
    const u01 = out.rows.find((r: { entity: string }) => r.entity === 'U01');
    expect(u01.shock).toBe(1);
    expect(u01.spillover.estimate).toBe(0);
    for (const r of out.rows) expect(r.total.estimate).toBeCloseTo(r.own.estimate + r.spillover.estimate, 12);
    // Σ_i Δy_i for a unit shock in one entity = column sum of S; its average over entities is the total effect
    expect(out.sum.total.estimate).toBeGreaterThan(u01.total.estimate);
    expect(existsSync(path.join(dir, 'scenario.csv'))).toBe(true);
    expect(readFileSync(path.join(dir, 'scenario.csv'), 'utf8')).toContain('U01');
  }, 60000);

  it('an unbalanced panel is a clear user error (exit 2)', () => {
    let code = 0;
    let err = '';
    try {
      run(['spatial-regress', '--data', 'china-sim', '--formula', 'labor_productivity ~ rd_intensity', '--json']);
    } catch (e) {
      code = (e as { status: number }).status;
      err = String((e as { stderr: string }).stderr);
    }
    expect(code).toBe(2);
    expect(err).toContain('balanced panel');
  }, 60000);
});
