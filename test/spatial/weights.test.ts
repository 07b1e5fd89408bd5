import path from 'node:path';
import { ROOT } from '../helpers/root.js';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { InputError } from '../../src/core/errors.js';
import {
  EARTH_RADIUS_KM,
  contiguityWeights,
  denseWeights,
  economicDistanceWeights,
  greatCircleKm,
  inverseDistanceWeights,
  knnWeights,
  parseNeighbourRows,
  restyle,
  spatialLag,
  subsetWeights,
} from '../../src/spatial/weights.js';

const ids = ['A', 'B', 'C', 'D'];
const pairs = [
  { a: 'A', b: 'B' },
  { a: 'B', b: 'C' },
  { a: 'A', b: 'C' },
];

describe('contiguityWeights', () => {
  it('is symmetric, row-standardised by default, and keeps islands with a warning', () => {
    const w = contiguityWeights(ids, pairs);
    expect(w.style).toBe('W');
    expect(Array.from(w.neighbours[0])).toEqual([1, 2]);
    expect(Array.from(w.weights[0])).toEqual([0.5, 0.5]);
    expect(w.isolates).toEqual([3]);
    expect(w.notes).toHaveLength(1);
    expect(w.notes[0].level).toBe('warning');
    expect(w.notes[0].code).toBe('no-neighbours');
    expect(w.notes[0].message).toContain('D');
    const m = denseWeights(restyle(w, 'B'));
    for (let i = 0; i < 4; i++) for (let j = 0; j < 4; j++) expect(m[i][j]).toBe(m[j][i]);
    expect(Array.from(spatialLag(w, [1, 2, 3, 4]))).toEqual([2.5, 2, 1.5, 0]);
  });

  it('names the pair and row of an unknown entity', () => {
    let err: unknown;
    try {
      contiguityWeights(
        ids,
        [
          { a: 'A', b: 'B', row: 2 },
          { a: 'B', b: 'Atlantis', row: 3 },
        ],
        { file: 'nb.csv' },
      );
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(InputError);
    const e = err as InputError;
    expect(e.row).toBe(3);
    expect(e.file).toBe('nb.csv');
    expect(e.column).toBe('b');
    expect(e.message).toContain('B–Atlantis');
    expect(e.message).toContain('"Atlantis"');
  });

  it('rejects a self pair and notes a repeated pair', () => {
    expect(() => contiguityWeights(ids, [{ a: 'A', b: 'A' }])).toThrow(/same entity twice/);
    const w = contiguityWeights(ids, [...pairs, { a: 'B', b: 'A' }, { a: 'C', b: 'D' }]);
    expect(w.isolates).toEqual([]);
    expect(w.notes.map((n) => n.code)).toEqual(['repeated-pair']);
  });

  it('parses the China borders file (31 provinces, symmetric, strait link)', () => {
    const text = readFileSync(path.join(ROOT, 'data/builtin/china-province-borders.csv'), 'utf8');
    const rows = text
      .trim()
      .split(/\r?\n/)
      .map((l) => l.split(','));
    const parsed = parseNeighbourRows(rows, 'borders.csv');
    expect(parsed).toHaveLength(rows.length - 1);
    expect(parsed[0].row).toBe(2);
    const provinces = [...new Set(parsed.flatMap((p) => [p.a, p.b]))].sort();
    expect(provinces).toHaveLength(31);
    const w = contiguityWeights(provinces, parsed, { style: 'B' });
    expect(w.isolates).toEqual([]);
    const hainan = provinces.indexOf('Hainan');
    expect(Array.from(w.neighbours[hainan]).map((j) => provinces[j])).toEqual(['Guangdong']);
    let links = 0;
    for (const nb of w.neighbours) links += nb.length;
    expect(links).toBe(2 * parsed.length);
  });

  it('needs columns a and b', () => {
    expect(() =>
      parseNeighbourRows([
        ['from', 'to'],
        ['A', 'B'],
      ]),
    ).toThrow(/columns "a" and "b"/);
    expect(() =>
      parseNeighbourRows([
        ['a', 'b'],
        ['A', ''],
      ]),
    ).toThrow(InputError);
  });
});

describe('greatCircleKm', () => {
  it('gives a quarter meridian as πR/2 and is symmetric', () => {
    expect(greatCircleKm({ lat: 0, lon: 0 }, { lat: 90, lon: 0 })).toBeCloseTo((Math.PI / 2) * EARTH_RADIUS_KM, 9);
    const bj = { lat: 39.904, lon: 116.407 };
    const sh = { lat: 31.23, lon: 121.474 };
    expect(greatCircleKm(bj, sh)).toBe(greatCircleKm(sh, bj));
    // Beijing–Shanghai about 1067 km (haversine on the mean sphere).
    expect(greatCircleKm(bj, sh)).toBeGreaterThan(1060);
    expect(greatCircleKm(bj, sh)).toBeLessThan(1075);
  });
});

const coords = [
  { lat: 0, lon: 0 },
  { lat: 0, lon: 1 },
  { lat: 0, lon: 3 },
  { lat: 0, lon: 10 },
];

describe('inverseDistanceWeights', () => {
  it('uses 1/d^p, row-standardised, with an optional cut-off', () => {
    const raw = inverseDistanceWeights(ids, coords, { power: 2, style: 'raw' });
    const d01 = greatCircleKm(coords[0], coords[1]);
    expect(raw.weights[0][0]).toBeCloseTo(1 / (d01 * d01), 15);
    const w = inverseDistanceWeights(ids, coords, { power: 1 });
    for (const row of w.weights) expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 14);
    const d = [1, 3, 10].map((deg) => greatCircleKm(coords[0], { lat: 0, lon: deg }));
    const s = 1 / d[0] + 1 / d[1] + 1 / d[2];
    expect(w.weights[0][1]).toBeCloseTo(1 / d[1] / s, 15);
    const cut = inverseDistanceWeights(ids, coords, { cutoffKm: 400 });
    expect(cut.isolates).toEqual([3]);
    expect(Array.from(cut.neighbours[0])).toEqual([1, 2]);
  });

  it('refuses coincident points and bad coordinates', () => {
    expect(() => inverseDistanceWeights(['A', 'B'], [coords[0], coords[0]])).toThrow(/same coordinates/);
    expect(() => inverseDistanceWeights(['A', 'B'], [coords[0], { lat: NaN, lon: 0 }])).toThrow(InputError);
  });
});

describe('knnWeights and economicDistanceWeights', () => {
  it('takes the k nearest (asymmetric)', () => {
    const w = knnWeights(ids, coords, 1, { style: 'B' });
    expect(w.neighbours.map((nb) => Array.from(nb))).toEqual([[1], [0], [1], [2]]);
    expect(() => knnWeights(ids, coords, 4)).toThrow(InputError);
  });

  it('uses 1/|x_i − x_j|', () => {
    const w = economicDistanceWeights(['A', 'B', 'C'], [1, 2, 4], { style: 'raw' });
    expect(Array.from(w.weights[0])).toEqual([1, 1 / 3]);
    const ws = economicDistanceWeights(['A', 'B', 'C'], [1, 2, 4]);
    expect(ws.weights[0][0]).toBeCloseTo(0.75, 15);
    expect(() => economicDistanceWeights(['A', 'B'], [1, 1])).toThrow(/same value/);
  });
});

describe('subsetWeights', () => {
  it('re-standardises the kept neighbours', () => {
    const w = subsetWeights(contiguityWeights(ids, pairs), ['A', 'B']);
    expect(Array.from(w.weights[0])).toEqual([1]);
    expect(w.ids).toEqual(['A', 'B']);
  });
});
