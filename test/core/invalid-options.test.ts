import { describe, expect, it } from 'vitest';
import { makePanel } from '../../src/data/panel.js';
import { couplingCoordination } from '../../src/couple/coupling-coordination.js';
import { loadFramework } from '../../src/framework/load.js';
import { measure } from '../../src/measure/measure.js';
import { gm11RollingCheck } from '../../src/project/gm11.js';
import { gearyTest } from '../../src/spatial/geary.js';
import { localMoran } from '../../src/spatial/local-moran.js';
import { moranTest } from '../../src/spatial/moran.js';
import { contiguityWeights } from '../../src/spatial/weights.js';
import { runInProcess } from '../helpers/cli.js';
import { inputError } from '../helpers/expect.js';

// Options and data that used to be accepted silently (a null or meaningless result with no word);
// each now gets an InputError (exit code 2 in the CLI) or a warning on the result.

const ids = ['A', 'B', 'C', 'D', 'E', 'F'];
const ring = contiguityWeights(
  ids,
  ids.map((a, i) => ({ a, b: ids[(i + 1) % ids.length] })),
);
const x = [1.2, 2.2, 3.6, 0.7, 2.4, 4.1];

describe('spatial tests', () => {
  it('a significance level outside (0, 1) is an error (moran --alpha 2)', async () => {
    inputError(
      () => localMoran(x, ring, { alpha: 2 }),
      /--alpha must be a significance level between 0 and 1 \(got 2\)/,
    );
    inputError(() => localMoran(x, ring, { alpha: 0 }));
    expect(localMoran(x, ring, { alpha: 0.1 }).alpha).toBe(0.1);
    const r = await runInProcess([
      'moran',
      '--data',
      'test/fixtures/spatial/cli/panel.csv',
      '--entity',
      'region',
      '--period',
      'year',
      '--value',
      'score',
      '--distance',
      'lat,lon',
      '--alpha',
      '2',
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--alpha must be a significance level/);
  });
  it('a constant variable is an error, as in spdep (I = 0/0)', () => {
    const c = ids.map(() => 3);
    inputError(() => moranTest(c, ring), /is constant \(3 for every entity\)/);
    inputError(() => gearyTest(c, ring), /is constant/);
    inputError(() => localMoran(c, ring), /is constant/);
    // round-off-level differences count as constant, real variation does not
    inputError(() =>
      moranTest(
        c.map((v, i) => v + (i % 2) * 4e-16),
        ring,
      ),
    );
    expect(
      Number.isFinite(
        moranTest(
          c.map((v, i) => v + i * 1e-6),
          ring,
        ).I,
      ),
    ).toBe(true);
  });
});

describe('coupling', () => {
  it('a system listed twice is an error (couple --systems U1,U1 gave C = 1)', async () => {
    const table = makePanel({
      entityColumn: 'id',
      periodColumn: 'year',
      entity: ['a', 'b'],
      period: [1, 1],
      columns: { U1: [0.2, 0.5], U2: [0.3, 0.4] },
    });
    inputError(() => couplingCoordination(table, ['U1', 'U1']), /system "U1" is listed twice/);
    inputError(() => couplingCoordination(table, ['U1', 'U2', 'U1']));
    const r = await runInProcess([
      'couple',
      '--data',
      'test/fixtures/couple/scores.csv',
      '--entity',
      'region',
      '--period',
      'year',
      '--systems',
      'U1,U1',
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/listed twice/);
  });
});

describe('forecast', () => {
  it('a rolling window as long as the series is an error (forecast --rolling 20 on 9 values)', () => {
    const nine = [2.87, 3.28, 3.34, 3.39, 3.68, 3.9, 4.1, 4.4, 4.6];
    inputError(
      () => gm11RollingCheck(nine, { minTrain: 20 }),
      /must be 4 to 8 periods \(got 20; the series has 9 values\)/,
    );
    inputError(() => gm11RollingCheck(nine, { minTrain: 9 }));
    inputError(() => gm11RollingCheck(nine, { minTrain: 3 }));
    expect(gm11RollingCheck(nine, { minTrain: 8 }).points.length).toBe(1);
  });
});

describe('measure', () => {
  const fw = loadFramework(
    `systems:
  - id: s
    dimensions:
      - {id: d, indicators: [{id: a, column: a, direction: "+"}, {id: b, column: b, direction: "+"}, {id: g, column: g, direction: "+"}]}
`,
    'w.yaml',
  );
  // g is a growth rate around 0 (it crosses 0): its CV is enormous.
  const panel = makePanel({
    entityColumn: 'id',
    periodColumn: 'year',
    entity: ['p', 'p', 'q', 'q', 'r', 'r', 's', 's'],
    period: [1, 2, 1, 2, 1, 2, 1, 2],
    columns: {
      a: [1, 2, 3, 4, 5, 6, 7, 9],
      b: [10, 9, 7, 8, 4, 3, 2, 1],
      g: [0.03, -0.02, 0.01, -0.025, 0.02, -0.015, 0.004, 0.001],
    },
  });
  it('cv weights warn when an indicator’s mean is near 0 and it takes most of the weight', () => {
    const r = measure(panel, fw, { weights: 'cv' });
    const w = r.weights.find((x) => x.id === 'g')!.weight;
    expect(w).toBeGreaterThan(0.9);
    const note = r.notes.find((n) => n.code === 'cv-mean-near-zero');
    expect(note?.level).toBe('warning');
    expect(note?.message).toContain(`${(100 * w).toFixed(1)}% of the weight`);
    expect(measure(panel, fw, { weights: 'entropy' }).notes.some((n) => n.code === 'cv-mean-near-zero')).toBe(false);
  });
  it('an indicator constant within every period gets weight 0 and a warning under --per-period', () => {
    // c varies between periods only (a national series repeated for every region).
    const p2 = makePanel({
      entityColumn: 'id',
      periodColumn: 'year',
      entity: ['p', 'p', 'q', 'q', 'r', 'r'],
      period: [1, 2, 1, 2, 1, 2],
      columns: { a: [1, 2, 3, 4, 5, 7], b: [10, 9, 7, 8, 4, 3], g: [5, 6, 5, 6, 5, 6] },
    });
    for (const weights of ['entropy', 'critic', 'cv', 'equal'] as const) {
      const r = measure(p2, fw, { weights, perPeriod: true });
      expect(r.weights.find((x) => x.id === 'g')!.weight, weights).toBe(0);
      expect(r.notes.find((n) => n.code === 'constant-within-periods')?.level, weights).toBe('warning');
    }
    // pooled, g varies and keeps its weight
    const pooled = measure(p2, fw, { weights: 'entropy' });
    expect(pooled.weights.find((x) => x.id === 'g')!.weight).toBeGreaterThan(0);
    expect(pooled.notes.some((n) => n.code === 'constant-within-periods')).toBe(false);
  });
});
