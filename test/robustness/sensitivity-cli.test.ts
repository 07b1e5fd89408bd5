import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runInProcess as runCli } from '../helpers/cli.js';
import { FRAMEWORK_YAML, madeUpPanel } from './panel.js';

// A held-out, made-up complete panel (not a built-in dataset) written as a user's CSV.
const dir = mkdtempSync(path.join(tmpdir(), 'nqpf-sensitivity-'));
const csv = path.join(dir, 'held-out.csv');
const p = madeUpPanel(2027, 18, 6);
const cols = Object.keys(p.columns);
writeFileSync(
  csv,
  [
    ['region', 'year', ...cols].join(','),
    ...p.entity.map((e, i) => [e, p.period[i], ...cols.map((c) => p.columns[c][i])].join(',')),
  ].join('\n'),
);
const fw = path.join(dir, 'fw.yaml');
writeFileSync(fw, FRAMEWORK_YAML);
const data = ['--data', csv, '--framework', fw];

async function measureRanks(weights: string, aggregate: string) {
  // No --normalize: measure's default (min-max; min-max shifted under geometric aggregation).
  const r = await runCli(['measure', ...data, '--weights', weights, '--aggregate', aggregate, '--json']);
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout).scores.filter((s: { period: number }) => s.period === 2020) as {
    entity: string;
    system: string;
    rank: number;
  }[];
}

describe('nqpf sensitivity (acceptance)', () => {
  it('nominal and min/max ranks are those of measure’s four rankings; imputation on complete data has total index 0', async () => {
    const r = await runCli([
      'sensitivity',
      ...data,
      '--vary',
      'weights=entropy,equal',
      '--vary',
      'aggregate=arithmetic,geometric',
      '--vary',
      'impute=linear,mean',
      '--runs',
      '512',
      '--json',
    ]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.systems.map((s: { system: string }) => s.system)).toEqual(['s1', 's2']);
    // One at a time: the in-process runner captures stdout.
    const runs = [];
    for (const [w, a] of [
      ['entropy', 'arithmetic'],
      ['entropy', 'geometric'],
      ['equal', 'arithmetic'],
      ['equal', 'geometric'],
    ])
      runs.push(await measureRanks(w, a));
    for (const s of out.systems) {
      expect(Object.keys(s)).toEqual([
        'system',
        'runs',
        'baseSample',
        'year',
        'factors',
        'nominal',
        'uncertainty',
        'sensitivity',
        'removal',
        'coherence',
        'notes',
      ]);
      expect(s.runs).toBe(512 * 5);
      expect(s.year).toBe(2020);
      expect(s.factors).toEqual([
        { name: 'weights', levels: ['entropy', 'equal'] },
        { name: 'aggregate', levels: ['arithmetic', 'geometric'] },
        { name: 'impute', levels: ['linear', 'mean'] },
      ]);
      expect(s.uncertainty).toHaveLength(18);
      for (const u of s.uncertainty) {
        const ranks = runs.map((rows) => rows.find((x) => x.system === s.system && x.entity === u.entity)!.rank);
        expect(u.nominalRank).toBe(ranks[0]);
        expect(s.nominal.find((n: { entity: string }) => n.entity === u.entity).rank).toBe(ranks[0]);
        expect(u.minRank).toBe(Math.min(...ranks));
        expect(u.maxRank).toBe(Math.max(...ranks));
      }
      const imp = s.sensitivity.find((x: { factor: string }) => x.factor === 'impute');
      expect(Math.abs(imp.total)).toBeLessThan(1e-12);
      expect(s.sensitivity.map((x: { factor: string }) => x.factor)).toEqual(['weights', 'aggregate', 'impute']);
      for (const x of s.sensitivity)
        expect(Object.keys(x)).toEqual(['factor', 'firstOrder', 'total', 'firstOrderCi', 'totalCi']);
    }
  }, 120_000);

  it('without --normalize, geometric runs are min-max shifted as measure does; an explicit min-max with geometric stops with a clear error', async () => {
    const shifted = await runCli([
      'measure',
      ...data,
      '--normalize',
      'minmax-shift',
      '--aggregate',
      'geometric',
      '--json',
    ]);
    const auto = await runCli(['measure', ...data, '--aggregate', 'geometric', '--json']);
    expect(auto.code).toBe(0);
    expect(auto.stdout).toBe(shifted.stdout);
    const r = await runCli([
      'sensitivity',
      ...data,
      '--normalize',
      'minmax',
      '--vary',
      'weights=entropy,equal',
      '--vary',
      'aggregate=arithmetic,geometric',
      '--runs',
      '16',
      '--json',
    ]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/geometric aggregation.*minmax.*\n.*Fix: add --normalize minmax-shift/);
    const m = await runCli(['measure', ...data, '--normalize', 'minmax', '--aggregate', 'geometric', '--json']);
    expect(m.code).toBe(2);
  });

  it('--system gives one object; --out writes the JSON, the tables and a report with the Robustness section', async () => {
    const out = path.join(dir, 'out');
    const r = await runCli([
      'sensitivity',
      ...data,
      '--perturb-weights',
      '0.2',
      '--drop-indicators',
      '--runs',
      '64',
      '--bootstrap',
      '100',
      '--system',
      's2',
      '--year',
      '2018',
      '--out',
      out,
      '--lang',
      'zh',
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/system s2: factors perturb-weights, drop-indicators/);
    const json = JSON.parse(readFileSync(path.join(out, 'sensitivity.json'), 'utf8'));
    expect(json.system).toBe('s2');
    expect(json.year).toBe(2018);
    expect(json.factors[1]).toEqual({ name: 'drop-indicators', levels: ['none', 'y6', 'y7', 'y1'] });
    const html = readFileSync(path.join(out, 'index.html'), 'utf8');
    expect(html).toContain('指数稳健性检验');
    expect(html).toContain('剔除单个指标');
    expect(readFileSync(path.join(out, 'sensitivity.csv'), 'utf8')).toContain('perturb-weights');
  });
});

describe('nqpf measure --robustness', () => {
  it('adds the Robustness section to the --out report, and asks for --out without it', async () => {
    const out = path.join(dir, 'measure-out');
    const r = await runCli(['measure', ...data, '--normalize', 'minmax-shift', '--robustness', '--out', out]);
    expect(r.code).toBe(0);
    const html = readFileSync(path.join(out, 'index.html'), 'utf8');
    expect(html).toContain('id="robustness-held-out"');
    expect(html).toContain('Robustness of the index');
    const bad = await runCli(['measure', ...data, '--robustness', '--json']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--robustness adds a section to the report/);
  }, 120_000);
});
