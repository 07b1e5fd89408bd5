import type { Lang } from '../core/label.js';
import type { Panel } from '../data/panel.js';
import type { ChinaSimTruth } from '../datasets/china-sim-truth.js';
import type { ReportSection } from '../report/blocks.js';
import { spilloverSection } from '../report/sections/spillover.js';
import { scenario, spatialRegress } from '../api/spatial-regress.js';
import { contiguityWeights, type NeighbourPair } from '../spatial/weights.js';
import { makeLogDet, toSparseW } from '../spatial-econometrics/index.js';

const FORMULA = 'nqpf_sdm ~ innovation + industry + talent + urbanization + openness + fiscal_decentralization';

/**
 * The spillover part of the demo's mechanism on china-sim's SIMULATED latent variables:
 * LM tests, the two-way FE SDM of nqpf_sdm with LeSage–Pace effects beside the true values of the
 * data-generating process, and the scenario "every province reaches the East's mean innovation".
 */
export function runSpillover(
  latent: Panel,
  truth: ChinaSimTruth,
  borders: readonly NeighbourPair[],
  lang: Lang,
  datasetName: string,
  draws = 1000,
): ReportSection {
  const weights = contiguityWeights(
    latent.entities.map((e) => e.id),
    borders,
  );
  const fit = spatialRegress(latent, { formula: FORMULA, model: 'sdm', fe: 'both', weights, draws, seed: 20240306 });
  const groupOf = new Map(latent.entities.map((e) => [e.id, e.group]));
  const scen = scenario(latent, {
    formula: FORMULA,
    model: 'sdm',
    fe: 'both',
    weights,
    draws,
    seed: 20240306,
    shock: { kind: 'reach-mean', variable: 'innovation', group: 'East', groupOf: (id) => groupOf.get(id) },
  });
  const P = truth.parameters as unknown as {
    spillover?: { rho: number; theta_innovation: number; c: number };
    nqpf: Record<string, number>;
  };
  const known: Record<string, number> = {};
  if (P.spillover) {
    const sp = P.spillover;
    const beta: Record<string, number> = {
      innovation: sp.c,
      industry: P.nqpf.d,
      talent: P.nqpf.e,
      urbanization: P.nqpf.beta_urbanization,
      openness: P.nqpf.beta_openness,
      fiscal_decentralization: P.nqpf.beta_fiscal_decentralization,
    };
    // True effects: the LeSage–Pace formulas at the true parameters on the same W.
    const tr = makeLogDet(toSparseW(weights)).traces([sp.rho])(sp.rho);
    for (const [x, b] of Object.entries(beta)) {
      const th = x === 'innovation' ? sp.theta_innovation : 0;
      known[x] = b;
      known[`W*${x}`] = th;
      const direct = b * tr.a + th * tr.b;
      const total = (b + th) / (1 - sp.rho);
      known[`direct:${x}`] = direct;
      known[`indirect:${x}`] = total - direct;
      known[`total:${x}`] = total;
    }
    known.rho = sp.rho;
  }
  return spilloverSection(
    {
      fit,
      scenario: scen,
      entities: latent.entities,
      truth: P.spillover ? known : undefined,
      weightsLabel: 'province contiguity, row-standardised',
    },
    { lang, datasetName, id: 'spillover-china-sim' },
  );
}
