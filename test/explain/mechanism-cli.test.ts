import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ROOT } from '../helpers/cli.js';
import { fixtureJson } from './mechanism-helpers.js';
import { runInProcess as runMechanismCli } from '../helpers/cli.js';

const thr = 'test/fixtures/explain/threshold-data.csv';
const med = 'test/fixtures/explain/mediation-data.csv';
/** `mediate` on the mediation fixture: x → m1, m2 → y, entity id, period year. */
const MEDIATE = [
  'mediate',
  '--data',
  med,
  '--entity',
  'id',
  '--period',
  'year',
  '--x',
  'x',
  '--m',
  'm1,m2',
  '--y',
  'y',
];

describe('nqpf threshold / mediate CLI', () => {
  it('threshold --json follows the contract and equals the R reference', async () => {
    const ref = fixtureJson('test/fixtures/explain/threshold.json');
    const r = await runMechanismCli([
      'threshold',
      '--data',
      thr,
      '--entity',
      'id',
      '--period',
      'year',
      '--y',
      'y',
      '--x',
      'x',
      '--q',
      'q',
      '--controls',
      'z',
      '--trim',
      '0.05',
      '--bootstrap',
      '20',
      '--json',
    ]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out.thresholds[0])).toEqual(
      expect.arrayContaining(['estimate', 'ciLow', 'ciHigh', 'F', 'pValue']),
    );
    expect(out.thresholds[0].estimate).toBe(ref.all.one.gamma);
    expect(Math.abs(out.ssr - ref.all.one.ssr) / ref.all.one.ssr).toBeLessThan(1e-8);
    expect(out.coefficients.map((c: { term: string }) => c.term)).toEqual(['x:I(q<=g1)', 'x:I(q>g1)', 'z']);
  });

  it('threshold on an unbalanced panel exits with code 2 and names the entity', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'nqpf-thr-'));
    const lines = readFileSync(path.join(ROOT, thr), 'utf8').trim().split('\n');
    const file = path.join(dir, 'gap.csv');
    writeFileSync(file, lines.filter((l) => !/^"?e05"?,2004,/.test(l)).join('\n') + '\n');
    const r = await runMechanismCli([
      'threshold',
      '--data',
      file,
      '--entity',
      'id',
      '--period',
      'year',
      '--y',
      'y',
      '--x',
      'x',
      '--q',
      'q',
      '--bootstrap',
      '0',
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/balanced panel.*e05/);
    expect(r.stderr).not.toMatch(/at .*\.ts:\d+/);
  });

  it('mediate --json follows the contract', async () => {
    const r = await runMechanismCli([
      ...MEDIATE,
      '--controls',
      'ctl',
      '--fe',
      'id,year',
      '--cluster',
      'id',
      '--bootstrap',
      '50',
      '--seed',
      '3',
      '--json',
    ]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    const ref = fixtureJson('test/fixtures/explain/mediation.json');
    expect(Math.abs(out.total.estimate - ref.total.estimate)).toBeLessThan(1e-8 * Math.abs(ref.total.estimate));
    expect(Object.keys(out.total)).toEqual(expect.arrayContaining(['estimate', 'stdError', 'pValue']));
    expect(out.indirect.map((e: { mediator: string }) => e.mediator)).toEqual(['m1', 'm2', 'total']);
    expect(Object.keys(out.indirect[0])).toEqual(
      expect.arrayContaining(['mediator', 'estimate', 'ciLow', 'ciHigh', 'sobelZ', 'sobelP']),
    );
    expect(typeof out.shareMediated).toBe('number');
  });
  it('--impute linear fills gaps within entities so a threshold model runs on china-sim (exit 2 without it)', async () => {
    const args = [
      'threshold',
      '--data',
      'china-sim',
      '--y',
      'labor_productivity',
      '--x',
      'rd_intensity',
      '--q',
      'urbanization',
      '--bootstrap',
      '0',
      '--json',
    ];
    const refused = await runMechanismCli(args);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/balanced panel/);
    const r = await runMechanismCli([...args, '--impute', 'linear']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.thresholds).toHaveLength(1);
    expect(Number.isFinite(out.ssr)).toBe(true);
    expect(JSON.stringify(out.notes ?? [])).toMatch(/interpolat/);
  });
  it('mediate without --cluster resamples the entity, as its help says (same result as --cluster id)', async () => {
    const base = [...MEDIATE, '--fe', 'id,year', '--bootstrap', '30', '--seed', '3', '--json'];
    const implicit = await runMechanismCli(base);
    expect(implicit.code).toBe(0);
    const explicit = await runMechanismCli([...base, '--cluster', 'id']);
    const a = JSON.parse(implicit.stdout);
    const b = JSON.parse(explicit.stdout);
    expect(a.indirect.map((e: { ciLow: number }) => e.ciLow)).toEqual(
      b.indirect.map((e: { ciLow: number }) => e.ciLow),
    );
    expect(a.nClusters).toBeGreaterThan(1);
    expect(a.nClusters).toBe(b.nClusters);
  });
});
