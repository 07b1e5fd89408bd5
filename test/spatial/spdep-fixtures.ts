import path from 'node:path';
import { ROOT } from '../helpers/root.js';
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { contiguityWeights, inverseDistanceWeights, parseNeighbourRows, type SpatialWeights } from '../../src/spatial/weights.js';

/** One case of test/fixtures/spatial/{china,world}.json (written by spdep-helpers.R). */
export interface SpdepCase {
  name: string;
  ids: string[];
  x: number[];
  nb?: number[][];
  weights?: number[][];
  constants: { n: number; S0: number; S1: number; S2: number };
  moran: Record<'I' | 'E' | 'varRand' | 'zRand' | 'pRand' | 'varNorm' | 'zNorm' | 'pNorm' | 'pRandTwoSided', number>;
  geary: Record<'C' | 'varRand' | 'zRand' | 'pRand' | 'varNorm' | 'zNorm' | 'pNorm', number>;
  localConditional: Record<'Ii' | 'E' | 'Var' | 'Z' | 'p', (number | string)[]>;
  localTotal: Record<'Ii' | 'E' | 'Var' | 'Z' | 'p', (number | string)[]>;
  quadrMean: string[];
  moranMc: { nsim: number; seed: number; p: number; rank: number };
}

export function loadSpdepFixture(name: 'china' | 'world'): { versions: Record<string, string>; cases: SpdepCase[] } {
  return JSON.parse(readFileSync(new URL(`../fixtures/spatial/${name}.json`, import.meta.url), 'utf8'));
}

/** jsonlite writes NaN as the string "NaN". */
export const num = (v: number | string | null): number => (typeof v === 'number' ? v : NaN);

/** Largest relative error seen by {@link expectRel}, reported by the tests. */
export const maxErr = { value: 0 };

/**
 * Relative agreement |a − b| ≤ tol·|b|; exact zeros compared absolutely at 1e-14 and NaN must match NaN.
 * `floor` bounds the denominator from below for quantities that cancel (see local-moran.test.ts).
 * The fixture holds 15 significant digits (jsonlite), so 1e-10 is far from the print precision.
 */
export function expectRel(a: number, b: number | string, tol = 1e-10, what = '', floor = 0): void {
  const e = num(b);
  if (Number.isNaN(e)) {
    expect(a, what).toBeNaN();
    return;
  }
  const err = e === 0 ? Math.abs(a) : Math.abs(a - e) / Math.max(Math.abs(e), floor);
  if (e !== 0) maxErr.value = Math.max(maxErr.value, err);
  expect(err, `${what}: ${a} vs ${e}`).toBeLessThanOrEqual(e === 0 ? 1e-14 : tol);
}

const borderRows = readFileSync(path.join(ROOT, 'data/builtin/china-province-borders.csv'), 'utf8')
  .trim()
  .split(/\r?\n/)
  .map((l) => l.split(','));
const borders = parseNeighbourRows(borderRows);

/** Rebuild each fixture case's weights with nqpf's own builders (not from the JSON). */
export function weightsFor(c: SpdepCase): SpatialWeights {
  if (c.name.startsWith('china_contiguity')) return contiguityWeights(c.ids, borders, { style: c.name.includes('_B_') ? 'B' : 'W' });
  if (c.name.startsWith('china_nostrait')) {
    const kept = borders.filter((_, k) => borderRows[k + 1][2] !== 'strait');
    return contiguityWeights(c.ids, kept, { style: 'W' });
  }
  const rows = readFileSync(new URL('../fixtures/spatial/world_pwt_2017_input.csv', import.meta.url), 'utf8').trim().split('\n').slice(1).map((l) => l.split(','));
  const coords = rows.map((r) => ({ lat: Number(r[1]), lon: Number(r[2]) }));
  expect(rows.map((r) => r[0])).toEqual(c.ids);
  if (c.name === 'world_idw_p1_W') return inverseDistanceWeights(c.ids, coords, { power: 1 });
  return inverseDistanceWeights(c.ids, coords, { power: 2, cutoffKm: 2000 });
}

export const allCases = [...loadSpdepFixture('china').cases, ...loadSpdepFixture('world').cases];

