import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runInProcess as runCli } from '../helpers/cli.js';

// A user's own CSV (made-up numbers) and framework, as the README tour does it.
const dir = mkdtempSync(path.join(tmpdir(), 'nqpf-measure-'));
const csv = path.join(dir, 'regions.csv');
writeFileSync(
  csv,
  [
    'region,year,patents,energy,flat',
    'A,2020,1.5,0.8,3',
    'A,2021,1.7,0.7,3',
    'B,2020,0.9,1.2,3',
    'B,2021,1.1,1.1,3',
    'C,2020,2.5,0.5,3',
    'C,2021,2.9,0.45,3',
  ].join('\n'),
);
const fwFile = path.join(dir, 'fw.yaml');
writeFileSync(
  fwFile,
  `systems:
  - id: idx
    name: Test index
    dimensions:
      - id: tech
        name: {en: Technology, zh: 技术}
        indicators:
          - {id: patents, column: patents, direction: "+"}
          - {id: flat, column: flat, direction: "+"}
      - id: green
        name: Green
        indicators:
          - {id: energy, column: energy, direction: cost}
`,
);

describe('nqpf measure on a user CSV', () => {
  it('--json prints exactly the schema of docs/measure.md §7, weights summing to 1, the constant indicator noted', async () => {
    const r = await runCli(['measure', '--data', csv, '--framework', fwFile, '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out)).toEqual(['weights', 'scores', 'notes']);
    for (const w of out.weights) expect(Object.keys(w)).toEqual(['id', 'dimension', 'system', 'weight']);
    expect(out.weights.reduce((a: number, w: { weight: number }) => a + w.weight, 0)).toBeCloseTo(1, 14);
    expect(out.weights.find((w: { id: string }) => w.id === 'flat').weight).toBe(0);
    expect(out.scores).toHaveLength(6);
    for (const s of out.scores) {
      expect(Object.keys(s)).toEqual(['entity', 'period', 'index', 'system', 'dimensions', 'rank']);
      expect(Object.keys(s.dimensions)).toEqual(['tech', 'green']);
    }
    // C has the most patents and the least energy: the best every year.
    expect(out.scores.filter((s: { entity: string }) => s.entity === 'C').map((s: { rank: number }) => s.rank)).toEqual(
      [1, 1],
    );
    expect(
      out.scores.find((s: { entity: string; period: number }) => s.entity === 'C' && s.period === 2021).index,
    ).toBe(1);
    expect(
      out.notes.some(
        (n: { code: string; message: string }) => n.code === 'constant-indicator' && n.message.includes('"flat"'),
      ),
    ).toBe(true);
  });

  it('--out writes scores.csv, weights.csv and scores.xlsx; warnings go to stderr', async () => {
    const out = path.join(dir, 'out');
    const r = await runCli(['measure', '--data', csv, '--framework', fwFile, '--aggregate', 'topsis', '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('warning: indicator "flat"');
    expect(r.stdout).toContain('system idx: top 3 in 2021');
    const scores = readFileSync(path.join(out, 'scores.csv'), 'utf8')
      .replace(/^\uFEFF/, '')
      .split(/\r?\n/);
    expect(scores[0]).toBe('region,year,system,index,rank,tech,green');
    expect(readFileSync(path.join(out, 'weights.csv'), 'utf8')).toContain('idx,green,green,energy,energy,-,');
    expect(existsSync(path.join(out, 'scores.xlsx'))).toBe(true);
    const html = readFileSync(path.join(out, 'index.html'), 'utf8');
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).toContain('<svg');
  });

  it('an unknown framework column is exit 2 naming the indicator and the available columns', async () => {
    writeFileSync(
      path.join(dir, 'bad.yaml'),
      readFileSync(fwFile, 'utf8').replace('column: energy', 'column: energy_use'),
    );
    const r = await runCli(['measure', '--data', csv, '--framework', path.join(dir, 'bad.yaml'), '--json']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('indicator idx/green/energy: column "energy_use" is not in the data');
    expect(r.stderr).toContain('available numeric columns: patents, energy, flat');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('a bad --weights value is exit 2 before any data is read', async () => {
    const r = await runCli([
      'measure',
      '--data',
      path.join(dir, 'missing.csv'),
      '--framework',
      fwFile,
      '--weights',
      'entropy+pca',
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown weights "entropy+pca"');
  });
});
