import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { runInProcess } from '../helpers/cli.js';

const base = [
  'forecast',
  '--data',
  'test/fixtures/project/series.csv',
  '--entity',
  'id',
  '--period',
  'year',
  '--value',
  'x',
];
const R = JSON.parse(readFileSync(new URL('../fixtures/project/gm11.json', import.meta.url), 'utf8')).cases;

describe('nqpf forecast', () => {
  it('fits GM(1,1) per entity, forcing the series that fail the class-ratio test on request', async () => {
    const r = await runInProcess([...base, '--ids', 'P,Q', '--force', '--horizon', '3', '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    const [p, q] = out.series;
    expect(p.entity).toBe('P');
    expect(Math.abs(p.a - R.textbook.a) / Math.abs(R.textbook.a)).toBeLessThan(1e-10);
    expect(p.forecast).toHaveLength(R.textbook.forecast.length);
    p.forecast.forEach((v: number, k: number) =>
      expect(Math.abs(v - R.textbook.forecast[k]) / R.textbook.forecast[k]).toBeLessThan(1e-10),
    );
    expect(p.forecastPeriods).toEqual([2020, 2021, 2022]);
    expect(p.grade).toBe('good');
    expect(p.forced).toBe(false);
    expect(q.forced).toBe(true);
    expect(Math.abs(q.b - R.hsu_wang_2007.b) / R.hsu_wang_2007.b).toBeLessThan(1e-10);
    expect(out.notes.some((n: { code: string }) => n.code === 'class-ratio-failed')).toBe(true);
  }, 120_000);

  it('refuses a series failing the class-ratio test without --force (exit 2)', async () => {
    const r = await runInProcess([...base, '--ids', 'Q']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/GM\(1,1\) refused for 1 series: the class-ratio test failed for Q/);
    expect(r.stderr).toMatch(/--force/);
  }, 120_000);

  it('refuses a non-positive series (exit 2), naming the entity and value', async () => {
    const r = await runInProcess([...base, '--ids', 'R', '--force']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/positive series, but value 2 of 5 for R/);
  }, 120_000);
});
