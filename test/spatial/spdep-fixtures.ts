import path from 'node:path';
import { ROOT } from '../helpers/root.js';
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import {
  contiguityWeights,
  inverseDistanceWeights,
  parseNeighbourRows,
  type SpatialWeights,
} from '../../src/spatial/weights.js';
import { expectClose } from '../helpers/expect.js';

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
 * {@link expectClose} with spdep's fixture conventions: relative tolerance `tol` on a denominator bounded
 * below by `floor` (for quantities that cancel, see local-moran.test.ts), exact zeros compared
 * absolutely at 1e-14, NaN matching NaN. Records the largest relative error in {@link maxErr}.
 */
export function expectRel(a: number, b: number | string, tol = 1e-10, what = '', floor = 0): void {
  const e = num(b);
  if (e === 0) {
    expectClose(a, 0, { abs: 1e-14 }, what);
    return;
  }
  const worst = expectClose(a, e, { rel: tol, abs: tol * floor }, what);
  if (!Number.isNaN(e)) maxErr.value = Math.max(maxErr.value, worst);
}

const borderRows = readFileSync(path.join(ROOT, 'data/builtin/china-province-borders.csv'), 'utf8')
  .trim()
  .split(/\r?\n/)
  .map((l) => l.split(','));
const borders = parseNeighbourRows(borderRows);

/** Rebuild each fixture case's weights with nqpf's own builders (not from the JSON). */
export function weightsFor(c: SpdepCase): SpatialWeights {
  if (c.name.startsWith('china_contiguity'))
    return contiguityWeights(c.ids, borders, { style: c.name.includes('_B_') ? 'B' : 'W' });
  if (c.name.startsWith('china_nostrait')) {
    const kept = borders.filter((_, k) => borderRows[k + 1][2] !== 'strait');
    return contiguityWeights(c.ids, kept, { style: 'W' });
  }
  const rows = readFileSync(new URL('../fixtures/spatial/world_pwt_2017_input.csv', import.meta.url), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => l.split(','));
  const coords = rows.map((r) => ({ lat: Number(r[1]), lon: Number(r[2]) }));
  expect(rows.map((r) => r[0])).toEqual(c.ids);
  if (c.name === 'world_idw_p1_W') return inverseDistanceWeights(c.ids, coords, { power: 1 });
  return inverseDistanceWeights(c.ids, coords, { power: 2, cutoffKm: 2000 });
}

export const allCases = [...loadSpdepFixture('china').cases, ...loadSpdepFixture('world').cases];
