import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { bandwidthNrd0, kernelDensity } from '../../src/dynamics/index.js';
import { relClose } from '../../src/core/numeric.js';

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
const fixture = JSON.parse(readFileSync(new URL('../fixtures/dynamics/density.json', import.meta.url), 'utf8')) as { cases: Case[] };

// Density values are compared on the absolute scale of the peak: far in the tails R's FFT and ours
// leave different round-off (~1e-17) on values that are themselves ~1e-17, so a relative test there
// would measure noise. 1e-10 of the peak is the tolerance.
function worstError(got: ArrayLike<number>, want: number[]): number {
  const peak = Math.max(...want.map(Math.abs));
  let worst = 0;
  for (let i = 0; i < want.length; i++) worst = Math.max(worst, Math.abs(got[i] - want[i]) / peak);
  return worst;
}

describe("kernel density vs R's density()", () => {
  for (const c of fixture.cases) {
    it(`${c.name}: bandwidth, grid and binned-FFT density`, () => {
      expect(relClose(bandwidthNrd0(c.data), c.bwNrd0, 1e-14)).toBe(true);
      const d = kernelDensity(c.data, c.args);
      expect(relClose(d.bw, c.bw, 1e-14)).toBe(true);
      expect(d.x.length).toBe(c.x.length);
      expect(worstError(d.x, c.x)).toBeLessThan(1e-14);
      expect(worstError(d.y, c.y)).toBeLessThan(1e-10);
    });
    it(`${c.name}: exact evaluation matches mean(dnorm(g, x, bw))`, () => {
      const d = kernelDensity(c.data, { ...c.args, method: 'exact' });
      expect(worstError(d.y, c.exact)).toBeLessThan(1e-13);
    });
  }
  it('integrates to about 1 on the default grid', () => {
    const d = kernelDensity(fixture.cases[0].data);
    let s = 0;
    for (let i = 1; i < d.x.length; i++) s += ((d.y[i] + d.y[i - 1]) / 2) * (d.x[i] - d.x[i - 1]);
    expect(Math.abs(s - 1)).toBeLessThan(1e-3);
  });
});
