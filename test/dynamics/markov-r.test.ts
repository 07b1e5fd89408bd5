import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { markovChain, spatialMarkov } from '../../src/dynamics/index.js';
import { makePanel } from '../../src/data/panel.js';
import { contiguityWeights } from '../../src/spatial/weights.js';
import { relClose } from '../../src/core/numeric.js';

// Reference: an independent R implementation with plain loops (test/fixtures/dynamics/markov.R) on
// china-sim rd_intensity (SIMULATED) with the built-in province borders; inputs are in the JSON.
const fx = JSON.parse(readFileSync(new URL('../fixtures/dynamics/markov.json', import.meta.url), 'utf8'));
const panel = makePanel({
  entityColumn: 'province',
  periodColumn: 'year',
  entity: fx.input.province,
  period: fx.input.year,
  columns: { rd_intensity: fx.input.rd_intensity.map((v: number | null) => (v === null ? NaN : v)) },
});
const w = contiguityWeights(
  panel.entities.map((e) => e.id),
  fx.input.borders as { a: string; b: string }[],
);
const near = (a: number, b: number) => expect(relClose(a, b, 1e-10), `${a} vs ${b}`).toBe(true);

describe('Markov chains vs an independent R implementation (china-sim, simulated)', () => {
  it('classical: breaks, counts, probabilities, ergodic distribution', () => {
    const r = markovChain(panel, 'rd_intensity');
    r.breaks[0].forEach((b, i) => near(b, fx.breaks[i]));
    expect(r.transitions.counts).toEqual(fx.counts);
    r.transitions.probabilities.forEach((row, i) => row.forEach((p, j) => near(p, fx.probabilities[i][j])));
    r.ergodic.forEach((p, i) => near(p, fx.ergodic[i]));
  });
  it('spatial: lags, lag breaks, conditional counts and the homogeneity test', () => {
    const r = spatialMarkov(panel, 'rd_intensity', w);
    r.lagBreaks[0].forEach((b, i) => near(b, fx.lagBreaks[i]));
    Array.from(r.lag).forEach((v, i) => (fx.lag[i] === null ? expect(Number.isNaN(v)).toBe(true) : near(v, fx.lag[i])));
    r.conditional.forEach((m, l) => expect(m.counts).toEqual(fx.conditional[l]));
    expect(r.pooled.counts).toEqual(fx.pooledConditional);
    near(r.test.LR, fx.LR);
    near(r.test.chi2, fx.chi2);
    expect(r.test.df).toBe(fx.df);
    near(r.test.pLR, fx.pLR);
    near(r.test.pChi2, fx.pChi2);
  });
});
