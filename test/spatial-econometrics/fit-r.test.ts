import { describe, expect, it } from 'vitest';
import { fitSpatialPanel, type SpatialFe, type SpatialModel } from '../../src/spatial-econometrics/fit.js';
import { spatialPanelData } from '../../src/spatial-econometrics/data.js';
import { toSparseW } from '../../src/spatial-econometrics/sparse-w.js';
import { entityEffects, spatialEffects } from '../../src/spatial-econometrics/effects.js';
import { fixturePanel } from './helpers.js';
import { expectClose } from '../helpers/expect.js';

const { panel, weights, ref } = fixturePanel();
const w = toSparseW(weights);
const data = spatialPanelData(panel, 'y ~ x1 + x2', weights.ids);

describe('spatial panel ML against spatialreg (lagsarlm/errorsarlm, eigen, I_T ⊗ W)', () => {
  for (const c of ref.cases) {
    it(`${c.model} fe=${c.fe}`, () => {
      const fit = fitSpatialPanel(data, w, { model: c.model as SpatialModel, fe: c.fe as SpatialFe });
      const r = c.model === 'sem' || c.model === 'sdem' ? c.lambda : c.rho;
      const rSe = c.model === 'sem' || c.model === 'sdem' ? c.lambdaSe : c.rhoSe;
      expectClose(fit.rho, r, 1e-6);
      expectClose(Math.sqrt(fit.vcov.data[0]), rSe, 1e-4);
      expect(fit.beta.length).toBe(c.estimate.length);
      const p = fit.vcov.rows;
      c.estimate.forEach((b: number, j: number) => {
        expectClose(fit.beta[j], b, 1e-6);
        expectClose(Math.sqrt(fit.vcov.data[1 + j + (1 + j) * p]), c.stdError[j], 1e-4);
      });
      expectClose(fit.sigma2, c.sigma2, 1e-6);
      expectClose(fit.logLik, c.logLik, 1e-8);
      if (c.effects) {
        const eff = spatialEffects(fit, { draws: 2000, seed: 3 });
        eff.forEach((e, k) => {
          const re = c.effects[k];
          expectClose(e.direct.estimate, re.direct, 1e-6);
          expectClose(e.indirect.estimate, re.indirect, 1e-6);
          expectClose(e.total.estimate, re.total, 1e-6);
          // Simulated SEs: 2,000 draws vs R's 20,000 — Monte Carlo error of an sd ≈ 1/√(2·2000) ≈ 1.6%.
          expectClose(e.direct.stdError, c.simulatedSe.direct[k], 0.08);
          expectClose(e.total.stdError, c.simulatedSe.total[k], 0.08);
        });
        // per-entity effects average to the LeSage–Pace effects
        const ent = entityEffects(fit);
        ent.forEach((x, k) => {
          const mean = (f: (r: (typeof x.rows)[number]) => number) =>
            x.rows.reduce((s, r) => s + f(r), 0) / x.rows.length;
          expectClose(
            mean((r) => r.direct),
            c.effects[k].direct,
            1e-6,
          );
          expectClose(
            mean((r) => r.total),
            c.effects[k].total,
            1e-6,
          );
        });
        const delta = spatialEffects(fit, { inference: 'delta' });
        delta.forEach((e, k) => {
          expectClose(e.direct.stdError, c.simulatedSe.direct[k], 0.08);
          expectClose(e.indirect.stdError, c.simulatedSe.indirect[k], 0.15);
        });
      }
    });
  }
});

describe('non-symmetric W (4 nearest neighbours): band LU log-determinant and n-solve traces against spatialreg', () => {
  it('SDM two-way: ρ, β, SEs and effects', async () => {
    const { readFileSync } = await import('node:fs');
    const path = await import('node:path');
    const { makeWeights } = await import('../../src/spatial/weights.js');
    const lines = readFileSync(path.resolve(__dirname, '../fixtures/spatial-panel/knn4.csv'), 'utf8')
      .trim()
      .split('\n')
      .slice(1);
    const ids = weights.ids;
    const lists: number[][] = ids.map(() => []);
    for (const l of lines) {
      const [a, b] = l.split(',');
      lists[ids.indexOf(a)].push(ids.indexOf(b));
    }
    const wk = toSparseW(makeWeights(ids, lists, undefined, 'knn'));
    expect(wk.symmetricSimilar).toBe(false);
    const fit = fitSpatialPanel(data, wk, { model: 'sdm', fe: 'both' });
    expect(fit.logdet.method).toBe('sparse-lu');
    const k = ref.knn;
    expectClose(fit.rho, k.rho, 1e-6);
    expectClose(Math.sqrt(fit.vcov.data[0]), k.rhoSe, 1e-4);
    const p = fit.vcov.rows;
    k.estimate.forEach((b: number, j: number) => {
      expectClose(fit.beta[j], b, 1e-6);
      expectClose(Math.sqrt(fit.vcov.data[1 + j + (1 + j) * p]), k.stdError[j], 1e-4);
    });
    expectClose(fit.logLik, k.logLik, 1e-8);
    spatialEffects(fit, { inference: 'delta' }).forEach((e, j) => {
      expectClose(e.direct.estimate, k.effects[j].direct, 1e-6);
      expectClose(e.indirect.estimate, k.effects[j].indirect, 1e-6);
    });
  });
});
