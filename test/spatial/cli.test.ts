import { describe, expect, it } from 'vitest';
import { runInProcess } from '../helpers/cli.js';
import { moranTest } from '../../src/spatial/moran.js';
import { standardDeviationalEllipse } from '../../src/spatial/ellipse.js';
import { contiguityWeights, inverseDistanceWeights, subsetWeights } from '../../src/spatial/weights.js';

const dir = 'test/fixtures/spatial/cli';
const base = ['--data', `${dir}/panel.csv`, '--entity', 'region', '--period', 'year', '--value', 'score'];
// values of score in 2021 (the default period: the last one), entities A..F
const x2021 = [1.2, 2.2, 3.6, 0.7, 2.4, 4.1];
const ids = ['A', 'B', 'C', 'D', 'E', 'F'];
const coords = [
  { lat: 30, lon: 110 },
  { lat: 31, lon: 111 },
  { lat: 32, lon: 110.5 },
  { lat: 29, lon: 112 },
  { lat: 33, lon: 113 },
  { lat: 35, lon: 115 },
];

describe('nqpf moran', () => {
  it('tests the last period with contiguity weights and warns about an entity without neighbours', async () => {
    const r = await runInProcess([
      'moran',
      ...base,
      '--neighbors',
      `${dir}/borders.csv`,
      '--permutations',
      '99',
      '--seed',
      '3',
      '--json',
    ]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    const w = subsetWeights(
      contiguityWeights(ids, [
        { a: 'A', b: 'B' },
        { a: 'A', b: 'D' },
        { a: 'B', b: 'C' },
        { a: 'B', b: 'D' },
        { a: 'C', b: 'E' },
      ]),
      ids,
    );
    const ref = moranTest(x2021, w, { permutations: 99, seed: 3 });
    expect(out.period).toBe(2021);
    expect(out.I).toBe(ref.I);
    expect(out.variance).toBe(ref.randomisation.variance);
    expect(out.pValue).toBe(ref.randomisation.pValue);
    expect(out.pPermutation).toBe(ref.permutation!.pValue);
    expect(out.weights.isolates).toEqual(['F']);
    expect(
      out.notes.some((n: { code: string; message: string }) => n.code === 'no-neighbours' && n.message.includes('F')),
    ).toBe(true);
    expect(out.local).toHaveLength(6);
    expect(out.local[5]).toMatchObject({ entity: 'F', Ii: 0, cluster: 'NS' });
    expect(out.local[5].pValue).toBeNull();
  }, 120_000);

  it('names the pair and row of a neighbour list entry with an unknown entity (exit 2)', async () => {
    const r = await runInProcess(['moran', ...base, '--neighbors', `${dir}/borders-bad.csv`]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('row 4');
    expect(r.stderr).toContain('C–Atlantis');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  }, 120_000);

  it('builds inverse-distance weights from coordinate columns', async () => {
    const r = await runInProcess([
      'moran',
      ...base,
      '--distance',
      'lat,lon',
      '--power',
      '2',
      '--permutations',
      '0',
      '--json',
    ]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    const ref = moranTest(x2021, inverseDistanceWeights(ids, coords, { power: 2 }));
    expect(out.I).toBe(ref.I);
    expect(out.z).toBe(ref.randomisation.z);
    expect(out.pPermutation).toBeNull();
    expect(out.weights.kind).toBe('inverse-distance');
  }, 120_000);
});

describe('nqpf ellipse', () => {
  it('takes locations from coordinate columns of the data, as moran --distance does', async () => {
    const r = await runInProcess(['ellipse', ...base, '--coordinates', 'lat,lon', '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    const y2021 = out.periods.find((p: { period: number }) => p.period === 2021);
    const ref = standardDeviationalEllipse(ids.map((id, i) => ({ id, ...coords[i], weight: x2021[i] })));
    expect(y2021.centre).toEqual(ref.centre);
    expect(y2021.angle).toBe(ref.angle);
    expect(y2021.sigmaMajor).toBe(ref.sigmaMajor);
    expect(y2021.n).toBe(6);
    // lat,lon is also the default, and other column names work too
    const byDefault = JSON.parse((await runInProcess(['ellipse', ...base, '--json'])).stdout);
    expect(byDefault.periods).toEqual(out.periods);
  }, 120_000);
  it('names an unknown coordinate column, and refuses data without coordinates (exit 2)', async () => {
    const bad = await runInProcess(['ellipse', ...base, '--coordinates', 'latitude,lon']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--coordinates: unknown coordinate column "latitude"/);
    const none = await runInProcess([
      'ellipse',
      '--data',
      'test/fixtures/couple/scores.csv',
      '--entity',
      'region',
      '--period',
      'year',
      '--value',
      'U1',
    ]);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/no coordinates/);
  }, 120_000);
});
