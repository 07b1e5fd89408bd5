import { InputError } from '../core/errors.js';
import { NoteLog, type Note } from '../core/notes.js';
import type { ImputeMethod } from '../data/impute.js';
import type { Panel } from '../data/panel.js';
import { systemIndicators } from '../framework/tree.js';
import type { Framework } from '../framework/types.js';
import { defaultNormalization, resolveMeasureOptions, type MeasureOptions } from '../measure/options.js';
import { coherence, type Coherence } from './coherence.js';
import { saltelliDesign, levelOf, type SaltelliDesign } from './design.js';
import { checkVary, withLevel, type FactorName, type MeasureSetting, type VarySpec } from './factors.js';
import {
  MeasureModel,
  dimensionMembers,
  ranksInto,
  runIndex,
  runIndexInto,
  runRanks,
  type SystemModel,
} from './model.js';
import { fsum } from '../core/numeric.js';
import { alignRanks, entityPositions, leaveOneOut, type Removal } from './removal.js';
import { sobolIndices, sobolIndicesMany } from './sobol.js';
import { meanAbsRankShift, rankUncertainty, type RankUncertainty } from './uncertainty.js';

/** Options of {@link sensitivity}: the measurement flags, the uncertain factors and the design. */
export interface SensitivityOptions {
  /** The flags of `nqpf measure` (defaults as there); a varied flag's first level replaces its value. */
  readonly measure?: Partial<MeasureOptions> & { readonly impute?: ImputeMethod };
  /** `--vary FLAG=L1,L2,…`, in the order given. */
  readonly vary?: readonly VarySpec[];
  /** `--perturb-weights P`: each weight × U(1 − P, 1 + P), renormalised within its system; 0 ≤ P < 1. */
  readonly perturbWeights?: number;
  /** `--drop-indicators`: "none" or one indicator of the system left out, uniformly. */
  readonly dropIndicators?: boolean;
  /** Base sample size N of the Saltelli design (default 1000); N(d + 2) runs are made. */
  readonly runs?: number;
  /** Seed of the design and the bootstrap (default 1). */
  readonly seed?: number;
  /** The period ranked (default: the last period of the panel). */
  readonly year?: number;
  /** One system only (default: every system). */
  readonly system?: string;
  /** Bootstrap replicates of the sensitivity indices' intervals (default 1000). */
  readonly bootstrap?: number;
  /** Also the indices of each entity's rank (default false). */
  readonly perEntity?: boolean;
}

/** A factor of the analysis: its name (the flag) and its levels (nominal first). */
export interface FactorInfo {
  readonly name: FactorName;
  readonly levels: readonly (string | number)[];
}

/** Sensitivity index of one factor (COINr `get_sensitivity`'s `Sensitivity`). */
export interface FactorSensitivity {
  readonly factor: FactorName;
  readonly firstOrder: number;
  readonly total: number;
  readonly firstOrderCi: readonly [number, number];
  readonly totalCi: readonly [number, number];
}

/** The analysis of one system: the `--json` object of `nqpf sensitivity --system`. */
export interface SystemSensitivity {
  readonly system: string;
  /** Runs made: N(d + 2). */
  readonly runs: number;
  /** Base sample size N. */
  readonly baseSample: number;
  readonly year: number;
  readonly factors: readonly FactorInfo[];
  /** The nominal run (first level of every factor), best first. */
  readonly nominal: readonly { readonly entity: string; readonly rank: number; readonly index: number }[];
  readonly uncertainty: readonly RankUncertainty[];
  /** Indices of the mean absolute rank shift against the nominal ranking. */
  readonly sensitivity: readonly FactorSensitivity[];
  /** With `perEntity`: indices of each entity's rank (no intervals). */
  readonly perEntity?: readonly {
    readonly entity: string;
    readonly sensitivity: readonly Omit<FactorSensitivity, 'firstOrderCi' | 'totalCi'>[];
  }[];
  readonly removal: readonly Removal[];
  readonly coherence: Coherence;
  readonly notes: readonly Note[];
}

/** Every system's analysis (the `--json` object of `nqpf sensitivity` without `--system`). */
export interface SensitivityResult {
  readonly systems: readonly SystemSensitivity[];
  readonly notes: readonly Note[];
}

interface PlanFactor {
  readonly name: FactorName;
  /** Design columns of the factor. */
  readonly columns: readonly number[];
  /** Levels of a discrete flag. */
  readonly levels?: readonly string[];
}

/** Everything needed to evaluate runs: the model, the factors and the design (deterministic from the inputs). */
export interface SensitivityPlan {
  readonly model: MeasureModel;
  readonly nominal: MeasureSetting;
  /** Positions of the systems analysed in the framework. */
  readonly systems: readonly number[];
  /** Entities of the nominal ranking of each analysed system (the order of every rank vector). */
  readonly entities: readonly (readonly string[])[];
  readonly factors: readonly PlanFactor[];
  readonly design: SaltelliDesign;
  readonly perturb: number;
  /** First design column of each analysed system's weight multipliers. */
  readonly perturbColumn: readonly number[];
  readonly dropColumn: number;
  /** True when no normalisation was chosen: each run's follows its aggregation (defaultNormalization). */
  readonly autoNormalize: boolean;
  /** Indicator ids of each analysed system. */
  readonly ids: readonly (readonly string[])[];
  readonly options: SensitivityOptions;
  /** Models of each analysed system by discrete choice (mixed-radix code of the levels). */
  readonly cache: readonly Map<number, SystemModel>[];
}

/** Check the options and build the model and the design; no run is made yet. */
export function planSensitivity(panel: Panel, framework: Framework, options: SensitivityOptions = {}): SensitivityPlan {
  const base = resolveMeasureOptions(options.measure ?? {});
  const vary = (options.vary ?? []).map(checkVary);
  const seen = new Set<string>();
  for (const v of vary) {
    if (seen.has(v.flag))
      throw new InputError(`--vary ${v.flag} is given twice`, { hint: `give all levels once: --vary ${v.flag}=a,b,c` });
    seen.add(v.flag);
  }
  const perturb = options.perturbWeights ?? 0;
  if (!(perturb >= 0 && perturb < 1))
    throw new InputError(`--perturb-weights takes a share in [0, 1) (got ${perturb})`, {
      hint: 'e.g. --perturb-weights 0.25 (each weight × U(0.75, 1.25))',
    });
  const n = options.runs ?? 1000;
  if (!(Number.isInteger(n) && n >= 2))
    throw new InputError(`--runs takes a whole number ≥ 2 (got ${n})`, { hint: 'e.g. --runs 1000' });
  let nominal: MeasureSetting = {
    weights: base.weights,
    normalize: base.normalize,
    aggregate: base.aggregate,
    perPeriod: base.perPeriod,
    impute: options.measure?.impute ?? 'none',
  };
  for (const v of vary) nominal = withLevel(nominal, v.flag, v.levels[0]);
  // No --normalize and no normalize factor: each run normalises as `nqpf measure` would with its
  // aggregation (min-max, or min-max shifted under geometric aggregation; defaultNormalization).
  const autoNormalize = options.measure?.normalize === undefined && !vary.some((v) => v.flag === 'normalize');
  if (autoNormalize) nominal = { ...nominal, normalize: defaultNormalization(nominal.aggregate) };
  else checkGeometric(vary, nominal);

  const systems =
    options.system === undefined
      ? framework.systems.map((_, k) => k)
      : [framework.systems.findIndex((s) => s.id === options.system)];
  if (systems[0] === -1) {
    throw new InputError(`--system ${options.system}: the framework has no such system`, {
      hint: `systems: ${framework.systems.map((s) => s.id).join(', ')}`,
    });
  }
  const year = options.year ?? panel.periods[panel.periods.length - 1];
  if (!panel.periods.includes(year))
    throw new InputError(`--year ${year}: the panel has no such period`, {
      hint: `periods ${panel.periods[0]}–${panel.periods[panel.periods.length - 1]}`,
    });
  const model = new MeasureModel(panel, framework, { shift: base.shift, range: base.range }, year);

  const factors: PlanFactor[] = [];
  let col = 0;
  for (const v of vary) factors.push({ name: v.flag, columns: [col++], levels: v.levels });
  const perturbColumn: number[] = [];
  if (perturb > 0) {
    const cols: number[] = [];
    for (const k of systems) {
      perturbColumn.push(col);
      for (let j = 0; j < systemIndicators(framework.systems[k]).length; j++) cols.push(col++);
    }
    factors.push({ name: 'perturb-weights', columns: cols });
  }
  const dropColumn = options.dropIndicators ? col : -1;
  if (options.dropIndicators) factors.push({ name: 'drop-indicators', columns: [col] });
  if (factors.length === 0) {
    throw new InputError('nothing is uncertain: give at least one --vary, --perturb-weights or --drop-indicators', {
      hint: 'e.g. --vary weights=entropy,equal --vary aggregate=arithmetic,geometric',
    });
  }
  const design = saltelliDesign(
    n,
    factors.map((f) => f.columns),
    options.seed ?? 1,
  );
  const entities = systems.map((k) => model.system(nominal, k).yearEntities);
  const ids = systems.map((k) => systemIndicators(framework.systems[k]).map((p) => p.indicator.id));
  return {
    model,
    nominal,
    autoNormalize,
    systems,
    entities,
    factors,
    design,
    perturb,
    perturbColumn,
    dropColumn,
    ids,
    options,
    cache: systems.map(() => new Map()),
  };
}

/** Geometric aggregation is undefined where a normalisation gives zeros (minmax) or negatives (z-scores): fail before any run. */
function checkGeometric(vary: readonly VarySpec[], nominal: MeasureSetting): void {
  const levels = (flag: string, fallback: string) => vary.find((v) => v.flag === flag)?.levels ?? [fallback];
  const bad = levels('normalize', nominal.normalize).filter((l) => l === 'minmax' || l === 'zscore');
  if (levels('aggregate', nominal.aggregate).includes('geometric') && bad.length) {
    throw new InputError(
      `geometric aggregation is among the choices, but normalisation ${bad.join(' and ')} gives ${bad.includes('minmax') ? 'the worst entity a 0' : 'negative values'}, so \`nqpf measure\` refuses those runs`,
      {
        hint: 'add --normalize minmax-shift (or --vary normalize=minmax-shift,minmax-range): their values are positive',
      },
    );
  }
}

/** The model of design row `r` for analysed system `s` (cached by the code of its discrete levels). */
function runModel(
  plan: SensitivityPlan,
  r: number,
  s: number,
): { model: SystemModel; aggregate: MeasureSetting['aggregate'] } {
  const { design, factors } = plan;
  const u = design.u;
  const D = design.columns;
  const ids = plan.ids[s];
  let code = 0;
  let aggregate = plan.nominal.aggregate;
  for (const f of factors) {
    if (!f.levels) continue;
    const level = levelOf(u[r * D + f.columns[0]], f.levels.length);
    code = code * f.levels.length + level;
    if (f.name === 'aggregate') aggregate = f.levels[level] as MeasureSetting['aggregate'];
  }
  const drop = plan.dropColumn >= 0 ? levelOf(u[r * D + plan.dropColumn], ids.length + 1) : 0;
  code = code * (ids.length + 1) + drop;
  let model = plan.cache[s].get(code);
  if (!model) {
    let setting = plan.nominal;
    for (const f of factors)
      if (f.levels)
        setting = withLevel(
          setting,
          f.name as VarySpec['flag'],
          f.levels[levelOf(u[r * D + f.columns[0]], f.levels.length)],
        );
    if (plan.autoNormalize) setting = { ...setting, normalize: defaultNormalization(setting.aggregate) };
    model = plan.model.system(setting, plan.systems[s], drop > 0 ? [ids[drop - 1]] : []);
    plan.cache[s].set(code, model);
  }
  return { model, aggregate };
}

/**
 * Ranks of design rows [from, to) for each analysed system: row-major, one row of ranks (in the
 * order of `plan.entities[s]`) per run. Pure; the Node CLI runs parts of the design in worker
 * threads and the browser can do the same in Web Workers.
 */
export function evaluateRuns(plan: SensitivityPlan, from: number, to: number): Float64Array[] {
  return evaluateRunList(
    plan,
    Int32Array.from({ length: to - from }, (_, k) => from + k),
  );
}

/** {@link evaluateRuns} for the design rows listed in `runs` (ranks in that order). */
export function evaluateRunList(plan: SensitivityPlan, runs: Int32Array): Float64Array[] {
  return plan.systems.map((_, s) => {
    const m = plan.entities[s].length;
    const out = new Float64Array(runs.length * m);
    const nInd = plan.ids[s].length;
    const w = new Float64Array(nInd);
    const index = new Float64Array(m);
    const D = plan.design.columns;
    const u = plan.design.u;
    const P = plan.perturb;
    for (let k = 0; k < runs.length; k++) {
      const r = runs[k];
      const { model, aggregate } = runModel(plan, r, s);
      let weights: Float64Array = model.weights;
      if (P > 0) {
        // Each weight × U(1 − P, 1 + P), renormalised within the system.
        const c0 = r * D + plan.perturbColumn[s];
        for (let j = 0; j < nInd; j++) w[j] = model.weights[j] * (1 - P + 2 * P * u[c0 + j]);
        const total = fsum(w);
        for (let j = 0; j < nInd; j++) w[j] /= total;
        weights = w;
      }
      const ix = model.yearEntities.length === m ? index : new Float64Array(model.yearEntities.length);
      runIndexInto(model, aggregate, weights, ix);
      const at = k * m;
      out.fill(NaN, at, at + m);
      ranksInto(ix, out, entityPositions(model, plan.entities[s]), at);
    }
    return out;
  });
}

/**
 * The code of the measured flags of design row `r` (the levels of the `--vary` factors, mixed
 * radix): runs with the same code share the expensive `measure` calls, so a pool gives each worker
 * whole codes and each choice is measured by one worker only.
 */
export function choiceCode(plan: SensitivityPlan, r: number): number {
  let code = 0;
  for (const f of plan.factors)
    if (f.levels)
      code = code * f.levels.length + levelOf(plan.design.u[r * plan.design.columns + f.columns[0]], f.levels.length);
  return code;
}

/** What the analysis reports that needs no run of the design: the nominal ranking, leave-one-out and coherence of each system. */
export interface SensitivityAudit {
  readonly systems: readonly {
    readonly nominalIndex: Float64Array;
    readonly nominalRanks: Float64Array;
    readonly removal: readonly Removal[];
    readonly coherence: Coherence;
    readonly notes: readonly Note[];
  }[];
}

/** The nominal ranking, leave-one-out and coherence of every analysed system (can run while workers evaluate the design). */
export function auditSensitivity(plan: SensitivityPlan): SensitivityAudit {
  const { model, nominal } = plan;
  return {
    systems: plan.systems.map((k, s) => {
      const entities = plan.entities[s];
      const nm = model.system(nominal, k);
      const index = runIndex(nm, nominal.aggregate, null);
      const nominalRanks = alignRanks(nm, runRanks(index), entities);
      const log = new NoteLog();
      return {
        nominalIndex: alignRanks(nm, index, entities),
        nominalRanks,
        removal: leaveOneOut(model, nominal, k, entities, nominalRanks, log),
        coherence: systemCoherence(model, nominal, k),
        notes: log.notes,
      };
    }),
  };
}

/** Turn the ranks of every run into the analysis of each system (uncertainty, Sobol indices, leave-one-out, coherence). */
export function summarizeSensitivity(
  plan: SensitivityPlan,
  ranks: readonly Float64Array[],
  audit: SensitivityAudit = auditSensitivity(plan),
): SensitivityResult {
  const { model, design } = plan;
  const d = plan.factors.length;
  const o = plan.options;
  // The output of every run for each system; the bootstrap resamples are shared by the systems.
  const ys = plan.systems.map((_, s) =>
    Float64Array.from({ length: design.runs }, (_, r) => meanAbsRankShift(ranks[s], r, audit.systems[s].nominalRanks)),
  );
  const indices = sobolIndicesMany(ys, design.n, d, { bootstrap: o.bootstrap ?? 1000, seed: (o.seed ?? 1) + 7919 });
  const systems = plan.systems.map((k, s) => {
    const system = model.framework.systems[k];
    const log = new NoteLog(audit.systems[s].notes);
    const entities = plan.entities[s];
    const { nominalRanks, nominalIndex } = audit.systems[s];
    const sensitivity = plan.factors.map((f, i) => ({ factor: f.name, ...indices[s][i] }));
    for (const f of plan.factors) {
      if (f.levels?.length === 1)
        log.info('single-level', `factor ${f.name} has one level (${f.levels[0]}): it cannot change anything`);
    }
    const perEntity = o.perEntity
      ? entities.map((entity, e) => {
          const ye = Float64Array.from({ length: design.runs }, (_, r) => ranks[s][r * entities.length + e]);
          return {
            entity,
            sensitivity: sobolIndices(ye, design.n, d, { bootstrap: 0 }).map((x, i) => ({
              factor: plan.factors[i].name,
              firstOrder: x.firstOrder,
              total: x.total,
            })),
          };
        })
      : undefined;
    const order = entities
      .map((_, e) => e)
      .sort((a, b) => nominalRanks[a] - nominalRanks[b] || (entities[a] < entities[b] ? -1 : 1));
    const uncertainty = rankUncertainty(ranks[s], entities, nominalRanks);
    const factors: FactorInfo[] = plan.factors.map((f) => ({
      name: f.name,
      levels:
        f.name === 'perturb-weights'
          ? [1 - plan.perturb, 1 + plan.perturb]
          : f.name === 'drop-indicators'
            ? ['none', ...plan.ids[s]]
            : f.levels!,
    }));
    return {
      system: system.id,
      runs: design.runs,
      baseSample: design.n,
      year: model.year,
      factors,
      nominal: order.map((e) => ({ entity: entities[e], rank: nominalRanks[e], index: nominalIndex[e] })),
      uncertainty: order.map((e) => uncertainty[e]),
      sensitivity,
      ...(perEntity ? { perEntity: order.map((e) => perEntity[e]) } : {}),
      removal: audit.systems[s].removal,
      coherence: audit.systems[s].coherence,
      notes: log.notes,
    } satisfies SystemSensitivity;
  });
  const log = new NoteLog(model.notes);
  log.info(
    'sensitivity-design',
    `Saltelli design: N = ${design.n}, ${d} factor(s), ${design.runs} runs; discrete factors sampled uniformly over their levels; output = mean absolute rank shift against the nominal ranking in ${model.year}`,
  );
  return { systems, notes: log.notes };
}

/** Coherence of system `k` under the nominal setting on the ranked period (measure's own dimension scores and index). */
function systemCoherence(model: MeasureModel, nominal: MeasureSetting, k: number): Coherence {
  const system = model.framework.systems[k];
  const result = model.measureSystem(nominal, k);
  const rows = result.scores.filter((r) => r.period === model.year);
  const pos = result.rows!.period.reduce<number[]>((acc, p, i) => (p === model.year ? (acc.push(i), acc) : acc), []);
  const dims = dimensionMembers(system);
  return coherence({
    indicators: dims.flatMap((d) =>
      d.indicators.map((id) => ({
        id,
        dimension: d.id,
        values: Float64Array.from(pos, (i) => result.normalized[id][i]),
      })),
    ),
    dimensions: dims.map((d) => ({ id: d.id, values: Float64Array.from(rows, (r) => r.dimensions[d.id]) })),
    index: Float64Array.from(rows, (r) => r.index),
  });
}

/**
 * Uncertainty and sensitivity analysis of a composite index (the `--json` object of
 * `nqpf sensitivity`): every run is `measure` with the choices drawn for it (see docs/robustness.md).
 * With `options.system`, the object of that system; otherwise `{systems: [...], notes}`.
 */
export function sensitivity(
  panel: Panel,
  framework: Framework,
  options: SensitivityOptions & { readonly system: string },
): SystemSensitivity;
export function sensitivity(panel: Panel, framework: Framework, options?: SensitivityOptions): SensitivityResult;
export function sensitivity(
  panel: Panel,
  framework: Framework,
  options: SensitivityOptions = {},
): SensitivityResult | SystemSensitivity {
  const plan = planSensitivity(panel, framework, options);
  return sensitivityOutput(summarizeSensitivity(plan, evaluateRuns(plan, 0, plan.design.runs)), options);
}

/** The `--json` shape: `{systems, notes}`, or the one system's object with every note when `options.system` is set. */
export function sensitivityOutput(
  result: SensitivityResult,
  options: SensitivityOptions,
): SensitivityResult | SystemSensitivity {
  return options.system === undefined
    ? result
    : { ...result.systems[0], notes: [...result.notes, ...result.systems[0].notes] };
}

/** Every system's result as a list (with `system` set the output is the one object). */
export function systemsOf(r: SensitivityResult | SystemSensitivity): readonly SystemSensitivity[] {
  return 'systems' in r ? r.systems : [r];
}
