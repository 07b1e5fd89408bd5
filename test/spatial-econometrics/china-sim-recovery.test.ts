import { describe, expect, it } from 'vitest';
import { loadChinaProvinceBorders, loadChinaSimMechanismPanel, loadChinaSimTruth } from '../../src/io/builtin.js';
import { contiguityWeights } from '../../src/spatial/weights.js';
import { spatialRegress } from '../../src/api/spatial-regress.js';

describe('china-sim spillovers: the SDM recovers the true ρ, β and θ of nqpf_sdm (SIMULATED)', () => {
  it('every true value lies within 3 standard errors; the tests choose the SDM', async () => {
    const [panel, truth, borders] = await Promise.all([
      loadChinaSimMechanismPanel(),
      loadChinaSimTruth(),
      loadChinaProvinceBorders(),
    ]);
    const w = contiguityWeights(
      panel.entities.map((e) => e.id),
      borders,
    );
    const r = spatialRegress(panel, {
      formula: 'nqpf_sdm ~ innovation + industry + talent + urbanization + openness + fiscal_decentralization',
      model: 'sdm',
      fe: 'both',
      weights: w,
      draws: 300,
    });
    const P = truth.parameters as unknown as {
      spillover: { rho: number; theta_innovation: number; c: number };
      nqpf: Record<string, number>;
    };
    const want: Record<string, number> = {
      innovation: P.spillover.c,
      industry: P.nqpf.d,
      talent: P.nqpf.e,
      urbanization: P.nqpf.beta_urbanization,
      openness: P.nqpf.beta_openness,
      fiscal_decentralization: P.nqpf.beta_fiscal_decentralization,
      'W*innovation': P.spillover.theta_innovation,
      'W*industry': 0,
      'W*talent': 0,
    };
    for (const [term, v] of Object.entries(want)) {
      const c = r.coefficients.find((x) => x.term === term)!;
      expect(Math.abs(c.estimate - v) / c.stdError, term).toBeLessThan(3);
    }
    expect(Math.abs(r.rho!.estimate - P.spillover.rho) / r.rho!.stdError).toBeLessThan(3);
    expect(r.effects[0].indirect.pValue).toBeLessThan(0.05);
    expect(r.tests.decision?.choice).toBe('sdm');
  }, 60000);
});
