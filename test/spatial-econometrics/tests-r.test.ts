import { describe, expect, it } from 'vitest';
import { fitSpatialPanel } from '../../src/spatial-econometrics/fit.js';
import { spatialPanelData } from '../../src/spatial-econometrics/data.js';
import { toSparseW } from '../../src/spatial-econometrics/sparse-w.js';
import { lmTests, specificationTests } from '../../src/spatial-econometrics/spec-tests.js';
import { fixturePanel } from './helpers.js';
import { expectClose } from '../helpers/expect.js';

const { panel, weights, ref } = fixturePanel();
const w = toSparseW(weights);
const data = spatialPanelData(panel, 'y ~ x1 + x2', weights.ids);

describe('specification tests against R', () => {
  it('LM lag/error and robust versions equal spdep lm.LMtests on the stacked two-way demeaned model', () => {
    const lm = lmTests(data, w, 'both');
    expectClose(lm.lmError.statistic, ref.lmtests.LMerr.statistic, 1e-8);
    expectClose(lm.lmLag.statistic, ref.lmtests.LMlag.statistic, 1e-8);
    expectClose(lm.robustLmError.statistic, ref.lmtests.RLMerr.statistic, 1e-8);
    expectClose(lm.robustLmLag.statistic, ref.lmtests.RLMlag.statistic, 1e-8);
    expectClose(lm.lmError.pValue, ref.lmtests.LMerr.pValue, 1e-6);
    expectClose(lm.robustLmError.pValue, ref.lmtests.RLMerr.pValue, 1e-8);
  });

  it('LM tests with entity, period and no fixed effects equal spdep as well', () => {
    for (const fe of ['entity', 'period', 'none'] as const) {
      const lm = lmTests(data, w, fe);
      const r = ref.lmtestsOther[fe];
      expectClose(lm.lmError.statistic, r.LMerr, 1e-8);
      expectClose(lm.lmLag.statistic, r.LMlag, 1e-8);
      expectClose(lm.robustLmError.statistic, r.RLMerr, 1e-8);
      expectClose(lm.robustLmLag.statistic, r.RLMlag, 1e-8);
    }
  });

  it('Wald and LR tests of SDM vs SAR (θ = 0) and vs SEM (θ + ρβ = 0) equal the R computation', () => {
    const s = specificationTests(data, w, { fe: 'both' });
    expectClose(s.durbin.waldSar.statistic, ref.tests.waldSar, 1e-5);
    expectClose(s.durbin.waldSem.statistic, ref.tests.waldSem, 1e-5);
    expectClose(s.durbin.lrSar.statistic, ref.tests.lrSar, 1e-6);
    expectClose(s.durbin.lrSem.statistic, ref.tests.lrSem, 1e-6);
    expect(s.durbin.waldSar.df).toBe(2);
    expect(s.decision.choice).toBe('sdm');
  });

  it('Lee–Yu (2010) transformation approach equals an independent R fit on F_N′ Y F_T with W* = F_N′ W F_N', () => {
    const fit = fitSpatialPanel(data, w, { model: 'sar', fe: 'both', leeYu: true });
    const ly = ref.leeYu;
    expect(fit.nEff).toBe((ref.N - 1) * (ref.T - 1));
    expectClose(fit.rho, ly.rho, 1e-6);
    ly.beta.forEach((b: number, j: number) => expectClose(fit.beta[j], b, 1e-6));
    expectClose(fit.sigma2, ly.sigma2, 1e-6);
    expectClose(fit.logLik, ly.logLik, 1e-8);
    expectClose(Math.sqrt(fit.vcov.data[0]), ly.rhoSe, 1e-4);
    const p = fit.vcov.rows;
    ly.betaSe.forEach((s: number, j: number) => expectClose(Math.sqrt(fit.vcov.data[1 + j + (1 + j) * p]), s, 1e-4));
  });

  it('Lee–Yu with entity effects only changes σ² by T/(T − 1) (ρ and β are those of the direct approach)', () => {
    const direct = fitSpatialPanel(data, w, { model: 'sdm', fe: 'entity' });
    const ly = fitSpatialPanel(data, w, { model: 'sdm', fe: 'entity', leeYu: true });
    // The two objectives differ by a factor and a constant; a derivative-free optimum is located to
    // ~√ε relative (Brent, as R's optimize), so ρ agrees to 1e-7 and β to 1e-6 of its scale, not to rounding.
    expectClose(ly.rho, direct.rho, 1e-7);
    direct.beta.forEach((b, j) =>
      expect(Math.abs(ly.beta[j] - b)).toBeLessThan(1e-6 * Math.max(...direct.beta.map(Math.abs))),
    );
    expectClose(ly.sigma2, (direct.sigma2 * ref.T) / (ref.T - 1), 1e-7);
  });
});
