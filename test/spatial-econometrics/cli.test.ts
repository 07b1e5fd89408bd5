import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixturePanel } from './helpers.js';
import { expectClose } from '../helpers/expect.js';
import { runInProcess } from '../helpers/cli.js';
import { docxParts, docxTables } from '../helpers/docx.js';

const ROOT = path.resolve(__dirname, '../..');
const FIX = path.join(ROOT, 'test/fixtures/spatial-panel');
/** stdout of a successful in-process run (the CLI in this process: no tsx start-up per call). */
async function run(args: string[]): Promise<string> {
  const r = await runInProcess(args);
  expect(r.code, r.stderr).toBe(0);
  return r.stdout;
}
const { ref } = fixturePanel();
/** A command on the held-out panel: y ~ x1 + x2, entity id, period year, its neighbour file. */
const onPanel = (command: string) => [
  command,
  '--data',
  path.join(FIX, 'panel.csv'),
  '--entity',
  'id',
  '--period',
  'year',
  '--formula',
  'y ~ x1 + x2',
  '--neighbors',
  path.join(FIX, 'neighbours.csv'),
];

describe('nqpf spatial-regress and scenario', () => {
  it('--json gives spatialreg’s SDM two-way estimates, SEs and effects on the held-out panel', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'nqpf-spreg-'));
    const out = JSON.parse(
      await run([
        ...onPanel('spatial-regress'),
        '--model',
        'sdm',
        '--fe',
        'both',
        '--draws',
        '500',
        '--out',
        dir,
        '--json',
      ]),
    );
    // regression.docx: the estimates, then the effects table (direct, indirect, total with SEs).
    const doc = docxParts(new Uint8Array(readFileSync(path.join(dir, 'regression.docx'))))['word/document.xml'];
    const [, effects] = docxTables(doc);
    expect(effects.rows[0].cells.map((x) => x.text)).toEqual(['Variable', 'Direct', 'Indirect', 'Total']);
    expect(effects.rows[1].cells[2].text.replace(/\*+$/, '')).toBe(out.effects[0].indirect.estimate.toFixed(3));
    const c = ref.cases[0];
    expect(out.model).toBe('sdm');
    expectClose(out.rho.estimate, c.rho, 1e-6);
    expectClose(out.rho.stdError, c.rhoSe, 1e-4);
    expect(out.coefficients.map((r: { term: string }) => r.term)).toEqual(['x1', 'x2', 'W*x1', 'W*x2']);
    out.coefficients.forEach((r: { estimate: number; stdError: number }, j: number) => {
      expectClose(r.estimate, c.estimate[j], 1e-6);
      expectClose(r.stdError, c.stdError[j], 1e-4);
    });
    expectClose(out.effects[0].indirect.estimate, c.effects[0].indirect, 1e-6);
    expectClose(out.tests.lrSar.statistic, ref.tests.lrSar, 1e-6);
    expect(out.tests.decision.choice).toBe('sdm');
    expect(out.nobs).toBe(320);
  }, 60000);

  it('scenario: own + spillover = total everywhere, the only shocked entity has no spillover, --out writes scenario.csv', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'nqpf-scen-'));
    const out = JSON.parse(
      await run([
        ...onPanel('scenario'),
        '--shock',
        'x1=+1',
        '--entities',
        'U01',
        '--draws',
        '200',
        '--out',
        dir,
        '--json',
      ]),
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

  it('an unbalanced panel is a clear user error (exit 2)', async () => {
    const r = await runInProcess([
      'spatial-regress',
      '--data',
      'china-sim',
      '--formula',
      'labor_productivity ~ rd_intensity',
      '--json',
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('balanced panel');
  }, 60000);
});
