import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { bandwidthNrd0, densityByPeriod, kernelDensity } from '../../src/dynamics/index.js';
import { makePanel } from '../../src/data/panel.js';
import { expectClose } from '../helpers/expect.js';

interface Case {
  name: string;
  data: number[];
  args: { n?: number; from?: number; to?: number; bw?: number; adjust?: number };
  bw: number;
  bwNrd0: number;
  x: number[];
  y: number[];
  exact: number[];
}
const fixture = JSON.parse(readFileSync(new URL('../fixtures/dynamics/density.json', import.meta.url), 'utf8')) as {
  cases: Case[];
};

// Density values are compared on the absolute scale of the peak: far in the tails R's FFT and ours
// leave different round-off (~1e-17) on values that are themselves ~1e-17, so a relative test there
// would measure noise. 1e-10 of the peak is the tolerance of the other reference tests.
/** Assert |got − want| ≤ tol × max|want| elementwise (absolute on the scale of the peak). */
function expectCloseOnPeak(got: ArrayLike<number>, want: number[], tol: number): void {
  expectClose(got, want, { abs: tol * Math.max(...want.map(Math.abs)) });
}

describe("kernel density vs R's density()", () => {
  for (const c of fixture.cases) {
    it(`${c.name}: bandwidth, grid and binned-FFT density`, () => {
      expectClose(bandwidthNrd0(c.data), c.bwNrd0, 1e-14);
      const d = kernelDensity(c.data, c.args);
      expectClose(d.bw, c.bw, 1e-14);
      expect(d.x.length).toBe(c.x.length);
      expectCloseOnPeak(d.x, c.x, 1e-14);
      expectCloseOnPeak(d.y, c.y, 1e-10);
    });
    it(`${c.name}: exact evaluation matches mean(dnorm(g, x, bw))`, () => {
      const d = kernelDensity(c.data, { ...c.args, method: 'exact' });
      expectCloseOnPeak(d.y, c.exact, 1e-13);
    });
  }
  it('integrates to about 1 on the default grid', () => {
    const d = kernelDensity(fixture.cases[0].data);
    let s = 0;
    for (let i = 1; i < d.x.length; i++) s += ((d.y[i] + d.y[i - 1]) / 2) * (d.x[i] - d.x[i - 1]);
    expect(Math.abs(s - 1)).toBeLessThan(1e-3);
  });
});

describe('densityByPeriod', () => {
  it('puts every period on one grid and matches density() with that grid', () => {
    const [a, b] = [fixture.cases[0].data, fixture.cases[2].data]; // log y_per_worker 1990 and 2017
    const panel = makePanel({
      entityColumn: 'id',
      periodColumn: 't',
      entity: [...a.map((_, i) => `e${i}`), ...b.map((_, i) => `e${i}`)],
      period: [...a.map(() => 1990), ...b.map(() => 2017)],
      columns: { y: [...a, ...b] },
    });
    const r = densityByPeriod(panel, 'y', { n: 100 });
    expect(r.grid).toHaveLength(100);
    expect(r.matrix).toHaveLength(100);
    expect(r.matrix[0]).toHaveLength(2);
    const from = Math.min(Math.min(...a) - 3 * bandwidthNrd0(a), Math.min(...b) - 3 * bandwidthNrd0(b));
    expect(r.grid[0]).toBeCloseTo(from, 12);
    const d = kernelDensity(b, { n: 100, from: r.grid[0], to: r.grid[99] });
    expect(Array.from(r.curves[1].y)).toEqual(Array.from(d.y));
    // The main peak is the grid point of the largest density.
    const y0 = Array.from(r.curves[0].y);
    const top = y0.indexOf(Math.max(...y0));
    expect(r.curves[0].peakX).toBe(r.grid[top]);
    expect(r.curves[0].peakY).toBe(y0[top]);
  });

  it('counts one peak for a unimodal sample and two for two well-separated clusters', () => {
    const one = [0, 0.2, 0.4, 0.5, 0.6, 0.8, 1];
    const two = [...one, ...one.map((v) => v + 10)];
    const panel = makePanel({
      entityColumn: 'id',
      periodColumn: 'year',
      entity: [...one.map((_, i) => `a${i}`), ...two.map((_, i) => `b${i}`)],
      period: [...one.map(() => 2000), ...two.map(() => 2001)],
      columns: { y: [...one, ...two] },
    });
    const r = densityByPeriod(panel, 'y', { n: 512, bw: 0.4 });
    expect(r.curves.map((c) => c.peaks)).toEqual([1, 2]);
  });
});
