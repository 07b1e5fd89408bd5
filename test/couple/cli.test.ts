import { describe, expect, it } from 'vitest';
import { runInProcess } from '../helpers/cli.js';
import { expectClose } from '../helpers/expect.js';

const scores = 'test/fixtures/couple/scores.csv';

describe('nqpf couple', () => {
  it('--json on a CSV of system scores gives C, T, D and the level per row', async () => {
    const r = await runInProcess([
      'couple',
      '--data',
      scores,
      '--systems',
      'U1,U2',
      '--method',
      'traditional',
      '--json',
    ]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    const a2020 = out.rows.find((x: { entity: string; period: number }) => x.entity === 'A' && x.period === 2020);
    // Hand-worked in test/couple/coupling.test.ts: C = 0.96, T = 0.5, D = √0.48.
    expect(a2020.C).toBeCloseTo(0.96, 14);
    expect(a2020.T).toBeCloseTo(0.5, 14);
    expect(a2020.D).toBeCloseTo(Math.sqrt(0.48), 14);
    expect(a2020.level).toBe('primary coordination');
    expect(a2020.levelZh).toBe('初级协调');
    expect(out.notes.some((n: { code: string }) => n.code === 'zero-subsystem')).toBe(true);
  });
  it('three systems with the Wang formula and weights', async () => {
    const r = await runInProcess([
      'couple',
      '--data',
      scores,
      '--systems',
      'U1,U2,U3',
      '--method',
      'wang',
      '--alpha',
      '0.2,0.3,0.5',
      '--json',
    ]);
    expect(r.code).toBe(0);
    const row = JSON.parse(r.stdout).rows.find(
      (x: { entity: string; period: number }) => x.entity === 'A' && x.period === 2021,
    );
    expect(row.C).toBeCloseTo(Math.sqrt(0.6 * Math.sqrt(0.125)), 14);
    expect(row.T).toBeCloseTo(0.2 * 0.2 + 0.3 * 0.4 + 0.5 * 0.8, 14);
  });
  it('a score above 1 exits with code 2 and names the entity, period and system', async () => {
    const r = await runInProcess([
      'couple',
      '--data',
      'test/fixtures/couple/bad-scores.csv',
      '--systems',
      'U1,U2',
      '--json',
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/A 2020.*"U2" = 1.64/);
    expect(r.stdout).toBe('');
  });
  it('measures first on built-in data and warns about shared indicators only when there are some', async () => {
    const r = await runInProcess([
      'couple',
      '--data',
      'china-sim',
      '--systems',
      'innovation,nqpf',
      '--method',
      'wang',
      '--json',
    ]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.rows.length).toBeGreaterThan(100);
    // Every row against Wang, Kong et al.'s (2021, 自然资源学报 36(3)) corrected coupling degree for two systems,
    // C = √[(1 − |u₁ − u₂|)·min(u)/max(u)], T = (u₁ + u₂)/2 (equal α), D = √(C·T), and the ten-level
    // scale (0.1 steps; 0.1–0.2 = serious imbalance 严重失调).
    let checked = 0;
    for (const x of out.rows) {
      const [u1, u2] = [x.U.innovation, x.U.nqpf];
      if (u1 === null || u2 === null) continue;
      const C = Math.sqrt((1 - Math.abs(u1 - u2)) * (Math.min(u1, u2) / Math.max(u1, u2)));
      const T = (u1 + u2) / 2;
      expectClose(x.C, C, 1e-12, `C ${x.entity} ${x.period}`);
      expectClose(x.T, T, 1e-12);
      expectClose(x.D, Math.sqrt(C * T), 1e-12);
      checked++;
    }
    expect(checked).toBe(out.rows.length);
    const anhui = out.rows.find((x: { entity: string; period: number }) => x.entity === 'Anhui' && x.period === 2012);
    expect(anhui.level).toBe('serious imbalance');
    expect(anhui.levelZh).toBe('严重失调');
    expect(out.simulated).toBe(true);
    // The seed framework keeps innovation and NQPF indicators disjoint.
    expect(out.notes.some((n: { code: string }) => n.code === 'shared-indicator')).toBe(false);
    // The default linear imputation of the measure step is recorded.
    expect(out.notes.filter((n: { code: string }) => n.code === 'imputed').length).toBeGreaterThan(0);
  });
});

describe('nqpf obstacle', () => {
  it('--json rows sum to 100 per entity-period and the summary ranks top obstacles', async () => {
    const r = await runInProcess(['obstacle', '--data', 'china-sim', '--system', 'nqpf', '--top', '2', '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.topK).toBe(2);
    const row = out.rows[0];
    const total = Object.values(row.indicators as Record<string, number>).reduce((s, v) => s + v, 0);
    expect(total).toBeCloseTo(100, 10);
    expect(row.top).toHaveLength(2);
    expect(out.summary[0].system).toBe('nqpf');
  });
});

describe('--out', () => {
  it('couple and obstacle write CSV tables', async () => {
    const { mkdtempSync, readFileSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const path = await import('node:path');
    const dir = mkdtempSync(path.join(tmpdir(), 'nqpf-couple-'));
    try {
      const r = await runInProcess([
        'couple',
        '--data',
        scores,
        '--systems',
        'U1,U2',
        '--method',
        'traditional',
        '--out',
        dir,
        '--json',
      ]);
      expect(r.code).toBe(0);
      const csv = readFileSync(path.join(dir, 'coupling.csv'), 'utf8');
      expect(csv.split(/\r?\n/)[0]).toContain('region,year,U1,U2,C,T,D,level,level_zh');
      expect(csv).toContain('初级协调');
      const o = await runInProcess(['obstacle', '--data', 'china-sim', '--system', 'talent', '--out', dir, '--json']);
      expect(o.code).toBe(0);
      expect(readFileSync(path.join(dir, 'obstacle-summary.csv'), 'utf8')).toContain('top_count');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
