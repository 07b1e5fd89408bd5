/**
 * The reference pipeline: every stage on one example, in the order of the seed paper, and the
 * mechanism on china-sim's latent variables. Browser-safe (the caller reads the data); `nqpf demo`
 * runs it on both built-in examples and renders the report.
 */
import { pairsInEntityIds } from '../spatial/resolve-weights.js';
import type { Lang } from '../core/label.js';
import { NoteLog, type Note } from '../core/notes.js';
import type { Panel } from '../data/panel.js';
import type { Framework } from '../framework/types.js';
import type { ImputeResult } from '../data/impute.js';
import type { Coverage } from '../data/coverage.js';
import type { MeasureResult } from '../measure/types.js';
import { couplingCoordination, type CouplingResult } from '../couple/index.js';
import { disparityByPeriod, type DisparityResult } from '../disparity/disparity-by-period.js';
import { densityByPeriod, type DensityByPeriodResult } from '../dynamics/density-by-period.js';
import { crossSection } from '../spatial/cross-section.js';
import {
  contiguityWeights,
  knnWeights,
  subsetWeights,
  type NeighbourPair,
  type SpatialWeights,
} from '../spatial/weights.js';
import { localMoran, type LocalMoranResult } from '../spatial/local-moran.js';
import { moranTest, type MoranResult } from '../spatial/moran.js';
import { standardDeviationalEllipse, type StandardDeviationalEllipse } from '../spatial/ellipse.js';
import { gm11, gm11Forecast } from '../project/gm11.js';
import { mediation, type MediationResult } from '../explain/mechanisms/mediation.js';
import { panelThreshold, type ThresholdResult } from '../explain/mechanisms/threshold.js';
import { dataDormancy, type DormancyResult } from '../diagnose/dormancy.js';
import { structuralDisorder, type DisorderResult } from '../diagnose/disorder.js';
import { ecologicalIsolation, type IsolationResult } from '../diagnose/isolation.js';
import type { ReportSection } from '../report/blocks.js';
import { diagnosisSection } from '../report/sections/diagnosis.js';
import { coverageSection } from '../report/sections/coverage.js';
import { measureSections } from '../report/sections/measure.js';
import { frameworkNames } from '../report/sections/section.js';
import { couplingSection } from '../report/sections/coupling.js';
import { disparitySection } from '../report/sections/disparity.js';
import { densitySection } from '../report/sections/density.js';
import { lisaSection, ellipseSection } from '../report/sections/spatial.js';
import { forecastSection, type ForecastSeries } from '../report/sections/forecast.js';
import { chinaSimMechanismTruth, mechanismSection, type MechanismSectionInput } from '../report/sections/mechanism.js';
import { scoresPanel } from '../measure/scores-panel.js';
import { measurePanel } from '../measure/pipeline.js';
import type { ChinaSimTruth } from '../datasets/china-sim-truth.js';
import { robustnessReport } from './robustness.js';

/** How the demo runs one built-in example: which systems to couple, the headline index, the spatial weights. */
export interface DemoSpec {
  readonly data: string;
  readonly framework: string;
  /** Columns of the scores panel coupled with each other (systems or dimensions). */
  readonly couple: readonly string[];
  /** The headline index (a system id) analysed for disparity, density, spatial pattern and forecasts. */
  readonly headline: string;
  /** Neighbour pairs for contiguity weights; without them, k nearest neighbours on entity coordinates. */
  readonly neighbours?: readonly NeighbourPair[];
}

/** One built-in example run through the pipeline: data, framework and each stage's result. */
export interface DemoCase {
  readonly spec: DemoSpec;
  /** The panel after imputation (what was measured). */
  readonly panel: Panel;
  readonly framework: Framework;
  /** Coverage of the indicator columns before imputation (the paper's "data dormancy"). */
  readonly coverage: Coverage;
  readonly imputation: ImputeResult;
  readonly measured: MeasureResult;
  /** Index and dimension scores as panel columns. */
  readonly scores: Panel;
  readonly coupling: CouplingResult;
  readonly disparity: DisparityResult;
  readonly density: DensityByPeriodResult;
  readonly moran: MoranResult;
  readonly lisa: LocalMoranResult;
  readonly lisaPeriod: number;
  readonly ellipses: { period: number; ellipse: StandardDeviationalEllipse }[];
  readonly forecasts: ForecastSeries[];
  /** The seed paper's three problems, read from the results above. */
  readonly diagnosis: { dormancy: DormancyResult; disorder: DisorderResult; isolation: IsolationResult };
  readonly notes: Note[];
}

/**
 * The two built-in examples as the demo runs them: world-pwt (real PWT 9.1 data; k-nearest-neighbour
 * weights) and china-sim (SIMULATED provinces; contiguity from `chinaBorders`, the province
 * neighbour pairs of data/builtin/china-province-borders.csv).
 */
export function demoSpecs(chinaBorders?: readonly NeighbourPair[]): DemoSpec[] {
  return [
    { data: 'world-pwt', framework: 'pwt', couple: ['laborers', 'means_of_labor', 'productivity'], headline: 'pf' },
    {
      data: 'china-sim',
      framework: 'seed',
      couple: ['innovation', 'nqpf', 'industry', 'talent'],
      headline: 'nqpf',
      neighbours: chinaBorders,
    },
  ];
}

const PERMUTATIONS = 999;
const SEED = 20240306;
const HORIZON = 3;
const GM_PERIODS = 8;

/** Every descriptive stage on one example: measure, couple, disparity, density, LISA, ellipse, forecast. */
export function runCase(raw: Panel, framework: Framework, spec: DemoSpec): DemoCase {
  const log = new NoteLog();
  const m = measurePanel(raw, framework, { impute: 'linear' });
  const { panel, coverage: cov, imputation, result: measured } = m;
  const scores = scoresPanel(panel, measured);
  const coupling = couplingCoordination(scores, spec.couple, { method: 'wang' });
  const disparity = disparityByPeriod(scores, spec.headline, 'group');
  const density = densityByPeriod(scores, spec.headline);

  // Spatial pattern of the headline index in the latest period with values.
  const section = crossSection(scores, spec.headline);
  const w = spatialWeights(scores, section.ids, spec.neighbours);
  const moran = moranTest(section.values, w, { permutations: PERMUTATIONS, seed: SEED });
  const lisa = localMoran(section.values, w, { permutations: PERMUTATIONS, seed: SEED, ids: section.ids } as Parameters<
    typeof localMoran
  >[2]);

  // Standard deviational ellipse of the entities weighted by the index, every period.
  const info = new Map(scores.entities.map((e) => [e.id, e]));
  const ellipses = scores.periods.map((period) => {
    const cs = crossSection(scores, spec.headline, period);
    const points = cs.ids.map((id, k) => ({
      id,
      lat: info.get(id)?.lat ?? NaN,
      lon: info.get(id)?.lon ?? NaN,
      weight: cs.values[k],
    }));
    return {
      period,
      ellipse: standardDeviationalEllipse(points.filter((p) => Number.isFinite(p.lat) && Number.isFinite(p.lon))),
    };
  });

  // GM(1,1) forecasts of the headline index for the three leaders of the latest period.
  const latest = [...measured.scores]
    .filter((s) => s.system === spec.headline && s.period === section.period)
    .sort((a, b) => a.rank - b.rank);
  const forecasts: ForecastSeries[] = [];
  for (const top of latest) {
    if (forecasts.length === 3) break;
    // GM(1,1) is meant for short series (its class-ratio test rejects most long annual ones): the last 8 periods.
    const rows = measured.scores
      .filter((s) => s.system === spec.headline && s.entity === top.entity)
      .sort((a, b) => a.period - b.period)
      .slice(-GM_PERIODS);
    const x = rows.map((r) => r.index);
    try {
      const model = gm11(x, { label: `${top.entity} ${spec.headline}` });
      const last = rows[rows.length - 1].period;
      forecasts.push({
        entity: top.entity,
        periods: rows.map((r) => r.period),
        model,
        forecastPeriods: Array.from({ length: HORIZON }, (_, h) => last + h + 1),
        forecast: gm11Forecast(model, HORIZON),
      });
    } catch (e) {
      // A series GM(1,1) refuses (class-ratio test) is skipped in the demo, as the CLI would refuse it without --force.
      log.info('forecast-skipped', `GM(1,1) not fitted for ${top.entity}: ${(e as Error).message}`);
    }
  }
  const diagnosis = {
    dormancy: dataDormancy(cov, imputation.imputed),
    disorder: structuralDisorder(coupling.rows, { systems: coupling.systems }),
    isolation: ecologicalIsolation(
      lisa.rows,
      w.isolates.map((i) => w.ids[i]),
    ),
  };
  for (const n of [
    ...panel.notes,
    ...measured.notes,
    ...coupling.notes,
    ...disparity.notes,
    ...density.notes,
    ...w.notes,
    ...lisa.notes,
  ])
    log.add(n);
  return {
    spec,
    panel,
    framework,
    coverage: cov,
    imputation,
    measured,
    scores,
    coupling,
    disparity,
    density,
    moran,
    lisa,
    lisaPeriod: section.period,
    ellipses,
    forecasts,
    diagnosis,
    notes: log.notes,
  };
}

function spatialWeights(scores: Panel, ids: readonly string[], neighbours?: readonly NeighbourPair[]): SpatialWeights {
  if (neighbours) {
    // pairs in any province spelling, restricted to the entities of the data (a user's 10 provinces)
    const known = new Set(scores.entities.map((e) => e.id));
    const pairs = pairsInEntityIds(scores.entities, neighbours).filter((p) => known.has(p.a) && known.has(p.b));
    const all = contiguityWeights(
      scores.entities.map((e) => e.id),
      pairs,
    );
    return subsetWeights(all, ids);
  }
  const info = new Map(scores.entities.map((e) => [e.id, e]));
  return knnWeights(
    ids,
    ids.map((id) => ({ lat: info.get(id)?.lat ?? NaN, lon: info.get(id)?.lon ?? NaN })),
    6,
  );
}

/** Report sections of one example, in pipeline order. */
export function caseSections(c: DemoCase, lang: Lang): ReportSection[] {
  const first = c.ellipses[0]?.period;
  const last = c.ellipses[c.ellipses.length - 1]?.period;
  const latestValues = new Map<string, number>();
  const col = c.scores.columns[c.spec.headline];
  for (let r = 0; r < col.length; r++) if (c.scores.period[r] === last) latestValues.set(c.scores.entity[r], col[r]);
  const names = frameworkNames(c.framework);
  return [
    coverageSection(c.panel, c.coverage, c.imputation, { lang, names }),
    ...measureSections(c.panel, c.framework, c.measured, { lang }),
    robustnessReport(c, lang),
    couplingSection(c.scores, c.coupling, { lang, names }),
    disparitySection(c.scores, c.disparity, { lang, names }),
    densitySection(c.scores, c.density, { lang, names }),
    lisaSection(c.scores, c.lisa, { value: c.spec.headline, period: c.lisaPeriod }, { lang, names }),
    ellipseSection(
      c.scores,
      c.ellipses,
      { value: c.spec.headline, mapPeriods: [first, last].filter((p) => p !== undefined), values: latestValues },
      { lang, names },
    ),
    forecastSection(c.scores, c.forecasts, { value: c.spec.headline }, { lang, names }),
    diagnosisSection(c.scores, { ...c.diagnosis, isolationPeriod: c.lisaPeriod }, { lang, names }),
  ];
}

/** Mechanism on china-sim's latent variables: mediation through industry and talent, and the innovation threshold. */
export interface MechanismCase {
  readonly mediation: MediationResult;
  readonly threshold: ThresholdResult;
  readonly truth: NonNullable<MechanismSectionInput['truth']>;
}

/**
 * The seed paper's mechanism estimated on the SIMULATED latent variables, where the true parameters
 * are known: innovation → {industry, talent} → NQPF with two-way fixed effects and entity-clustered
 * bootstrap, and the threshold of innovation's effect in log GDP per capita.
 */
export function runMechanism(latent: Panel, truth: ChinaSimTruth, bootstrap = 1000): MechanismCase {
  const controls = ['urbanization', 'openness', 'fiscal_decentralization'].filter((c) => latent.columns[c]);
  const med = mediation(latent, {
    x: 'innovation',
    mediators: ['industry', 'talent'],
    y: 'nqpf',
    controls,
    fe: [latent.entityColumn, latent.periodColumn],
    cluster: latent.entityColumn,
    bootstrap,
    seed: SEED,
  });
  const thr = panelThreshold(latent, {
    y: 'nqpf',
    x: 'innovation',
    q: 'q',
    controls: ['industry', 'talent', ...controls],
    thresholds: 1,
    grid: 'all',
    timeEffects: true,
    bootstrap: 200,
    seed: SEED,
  });
  return { mediation: med, threshold: thr, truth: chinaSimMechanismTruth(truth) };
}

export function mechanismReport(m: MechanismCase, datasetName: string, lang: Lang): ReportSection {
  return mechanismSection({ mediation: m.mediation, threshold: m.threshold, truth: m.truth }, { lang, datasetName });
}
