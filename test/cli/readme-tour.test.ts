import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runInProcess } from '../helpers/cli.js';

// The README's five-minute tour must keep working: the same files and flags as the README gives.
describe('README tour (examples/)', () => {
  it('the CSV lines quoted in the README are in examples/provinces.csv', () => {
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const csv = readFileSync(path.join(ROOT, 'examples/provinces.csv'), 'utf8');
    const quoted = readme.match(/^ {3}(Shanghai,2022,.*|Gansu,2020,.*)$/gm) ?? [];
    expect(quoted).toHaveLength(2);
    for (const line of quoted) expect(csv).toContain(line.trim());
  });

  it('measure --json on the example follows the schema, with weights summing to 1 and the placeholder reported', async () => {
    const r = await runInProcess([
      'measure',
      '--data',
      'examples/provinces.csv',
      '--framework',
      'examples/framework.yaml',
      '--impute',
      'linear',
      '--json',
    ]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out)).toEqual(['weights', 'scores', 'notes']);
    expect(out.weights.map((w: { id: string }) => w.id)).toEqual(['rd', 'patents', 'energy']);
    expect(out.weights.reduce((a: number, w: { weight: number }) => a + w.weight, 0)).toBeCloseTo(1, 12);
    expect(out.scores).toHaveLength(50);
    expect(JSON.stringify(out.notes)).toMatch(/placeholder/);
    expect(JSON.stringify(out.notes)).toMatch(/Gansu/); // the imputed cell is recorded
  });

  it('--out writes the files the README names', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'nqpf-tour-'));
    try {
      const r = await runInProcess([
        'measure',
        '--data',
        'examples/provinces.csv',
        '--entity',
        'province',
        '--period',
        'year',
        '--framework',
        'examples/framework.yaml',
        '--impute',
        'linear',
        '--out',
        dir,
      ]);
      expect(r.code).toBe(0);
      for (const f of ['scores.csv', 'weights.csv', 'scores.xlsx', 'index.html'])
        expect(existsSync(path.join(dir, f))).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
