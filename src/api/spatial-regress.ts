import { InputError } from '../core/errors.js';
import type { Note } from '../core/notes.js';
import type { Panel } from '../data/panel.js';
import type { SpatialWeights } from '../spatial/weights.js';
import {
  entityEffects,
  fitSpatialPanel,
  scenarioEffects,
  spatialEffects,
  spatialPanelData,
  specificationTests,
  toSparseW,
  type EffectRow,
  type LogDetOptions,
  type ModelDecision,
  type ScenarioResult,
  type SpatialFe,
  type SpatialFit,
  type SpatialModel,
  type TestStat,
} from '../spatial-econometrics/index.js';
import { normalTwoSided } from '../spatial-econometrics/p-values.js';

/** Options of {@link spatialRegress} (the flags of `nqpf spatial-regress`). */
export interface SpatialRegressOptions {
  readonly formula: string;
  readonly model?: SpatialModel;
  readonly fe?: SpatialFe;
  /** Row-standardised weights over the panel's entities (resolved by the caller, e.g. `moran`'s flags). */
  readonly weights: SpatialWeights;
  readonly leeYu?: boolean;
  readonly draws?: number;
  readonly seed?: number;
  readonly inference?: 'simulation' | 'delta';
  /** Compute LM tests and (for the SDM) Wald/LR tests against SAR and SEM (default true). */
  readonly tests?: boolean;
  readonly logdet?: LogDetOptions;
}

/** A coefficient row of the JSON output. */
export interface SpatialCoefRow {
  readonly term: string;
  readonly estimate: number;
  readonly stdError: number;
  readonly statistic: number;
  readonly pValue: number;
}

/** The `--json` object of `nqpf spatial-regress`. */
export interface SpatialRegressResult {
  readonly model: SpatialModel;
  readonly fe: SpatialFe;
  readonly leeYu: boolean;
  readonly dependent: string;
  readonly formula: string;
  readonly rho?: { estimate: number; stdError: number; pValue: number };
  readonly lambda?: { estimate: number; stdError: number; pValue: number };
  readonly coefficients: SpatialCoefRow[];
  readonly sigma2: number;
  readonly logLik: number;
  readonly nobs: number;
  readonly entities: number;
  readonly periods: number;
  readonly effects: EffectRow[];
  /** Per-entity effects (diagonal and column sums of S_k) at the estimates; N ≤ 1000 only (2N sparse solves). */
  readonly entityEffects: ReturnType<typeof entityEffects> | null;
  readonly effectsInference: { method: 'simulation' | 'delta'; draws: number | null; seed: number | null };
  readonly tests: {
    lmLag?: TestStat;
    lmError?: TestStat;
    robustLmLag?: TestStat;
    robustLmError?: TestStat;
    waldSar?: TestStat;
    waldSem?: TestStat;
    lrSar?: TestStat;
    lrSem?: TestStat;
    decision?: ModelDecision;
  };
  readonly logdet: { method: 'eigen' | 'sparse-lu'; interval: [number, number] };
  readonly weights: { kind: string; style: string; entities: number };
  readonly simulated: boolean;
  readonly notes: Note[];
}

/** Fit the model and keep the engine objects (for scenarios and the report). */
export function spatialFit(
  panel: Panel,
  options: SpatialRegressOptions,
): { fit: SpatialFit; data: ReturnType<typeof spatialPanelData>; w: ReturnType<typeof toSparseW> } {
  const w = toSparseW(options.weights);
  const data = spatialPanelData(panel, options.formula, options.weights.ids);
  const fit = fitSpatialPanel(data, w, {
    model: options.model ?? 'sdm',
    fe: options.fe ?? 'both',
    leeYu: options.leeYu,
    logdet: options.logdet,
  });
  return { fit, data, w };
}

/**
 * `nqpf spatial-regress` as a function: fit a spatial panel model (SAR, SEM, SDM, SLX, SDEM) with fixed
 * effects by ML, its LeSage–Pace effects with simulated (or delta-method) inference, and the LM /
 * Wald / LR specification tests; returns exactly the `--json` object.
 */
export function spatialRegress(panel: Panel, options: SpatialRegressOptions): SpatialRegressResult {
  const { fit, data, w } = spatialFit(panel, options);
  const inference = options.inference ?? 'simulation';
  const draws = options.draws ?? 1000;
  const seed = options.seed ?? 1;
  if (inference === 'simulation' && !(Number.isInteger(draws) && draws >= 2))
    throw new InputError(`--draws must be an integer ≥ 2 (got ${draws})`);
  const effects = spatialEffects(fit, { inference, draws, seed });
  const tests: SpatialRegressResult['tests'] = {};
  if (options.tests ?? true) {
    const opts = { fe: fit.fe, leeYu: fit.leeYu, logdet: options.logdet };
    const s = specificationTests(data, w, opts, { [fit.model]: fit });
    Object.assign(tests, s.lm, s.durbin, { decision: s.decision });
    delete (tests as Record<string, unknown>).logLik;
  }
  const off = fit.rhoName === null ? 0 : 1;
  const p = fit.vcov.rows;
  const coefficients = fit.terms.map((term, j) => {
    const se = Math.sqrt(fit.vcov.data[off + j + (off + j) * p]);
    const z = fit.beta[j] / se;
    return { term, estimate: fit.beta[j], stdError: se, statistic: z, pValue: normalTwoSided(z) };
  });
  const spatial =
    fit.rhoName === null
      ? undefined
      : {
          estimate: fit.rho,
          stdError: Math.sqrt(fit.vcov.data[0]),
          pValue: normalTwoSided(fit.rho / Math.sqrt(fit.vcov.data[0])),
        };
  return {
    model: fit.model,
    fe: fit.fe,
    leeYu: fit.leeYu,
    dependent: fit.yName,
    formula: options.formula,
    ...(fit.rhoName === 'rho' ? { rho: spatial } : fit.rhoName === 'lambda' ? { lambda: spatial } : {}),
    coefficients,
    sigma2: fit.sigma2,
    logLik: fit.logLik,
    nobs: fit.nobs,
    entities: fit.N,
    periods: fit.T,
    effects,
    entityEffects: fit.N <= 1000 ? entityEffects(fit) : null,
    effectsInference: {
      method: inference,
      draws: inference === 'simulation' ? draws : null,
      seed: inference === 'simulation' ? seed : null,
    },
    tests,
    logdet: { method: fit.logdet.method, interval: [fit.logdet.lower, fit.logdet.upper] },
    weights: { kind: options.weights.kind, style: options.weights.style, entities: fit.N },
    simulated: panel.meta.simulated,
    notes: [...options.weights.notes, ...fit.notes],
  };
}

/** A shock for {@link scenario}: a change of one regressor in chosen entities, or up to a group's mean. */
export type ScenarioShock =
  | { readonly kind: 'add'; readonly variable: string; readonly delta: number; readonly entities?: readonly string[] }
  | {
      readonly kind: 'reach-mean';
      readonly variable: string;
      readonly group: string;
      readonly groupOf: (id: string) => string | undefined;
    };

/** Options of {@link scenario}. */
export interface ScenarioApiOptions extends SpatialRegressOptions {
  readonly shock: ScenarioShock;
  /** Interval level (default 0.95). */
  readonly level?: number;
}

/** The `--json` object of `nqpf scenario`. */
export interface ScenarioApiResult extends ScenarioResult {
  readonly model: SpatialModel;
  readonly fe: SpatialFe;
  readonly dependent: string;
  readonly shockText: string;
  readonly baselinePeriod: number;
  readonly simulated: boolean;
  readonly notes: Note[];
}

/**
 * `nqpf scenario` as a function: fit the spatial model, turn the shock into Δx per entity (a fixed change
 * in the named entities, or every entity below the mean of a group in the last period raised to that mean),
 * and return the predicted change of y everywhere with its own and spillover parts and simulated intervals.
 */
export function scenario(panel: Panel, options: ScenarioApiOptions): ScenarioApiResult {
  const { fit, data } = spatialFit(panel, options);
  const k = data.xNames.indexOf(options.shock.variable);
  if (k < 0) {
    throw new InputError(`the shocked variable "${options.shock.variable}" is not a regressor of the formula`, {
      hint: `shock one of: ${data.xNames.join(', ')}`,
    });
  }
  const N = fit.N;
  const T = fit.T;
  const delta = new Float64Array(N);
  const shock = options.shock;
  let shockText: string;
  if (shock.kind === 'add') {
    const targets = shock.entities ?? fit.ids;
    for (const id of targets) {
      const i = fit.ids.indexOf(id);
      if (i < 0)
        throw new InputError(`--entities: "${id}" is not an entity of the data`, {
          hint: `spell it as in the data, e.g. ${fit.ids.slice(0, 3).join(', ')}`,
        });
      delta[i] = shock.delta;
    }
    shockText = `${shock.variable} ${shock.delta >= 0 ? '+' : ''}${shock.delta} in ${shock.entities ? shock.entities.join(', ') : 'every entity'}`;
  } else {
    const last = data.x[k].subarray((T - 1) * N, T * N);
    const members = fit.ids.map((id, i) => (shock.groupOf(id) === shock.group ? i : -1)).filter((i) => i >= 0);
    if (!members.length)
      throw new InputError(`no entity belongs to group "${shock.group}"`, {
        hint: 'name a group of the data (e.g. East)',
      });
    const target = members.reduce((s, i) => s + last[i], 0) / members.length;
    for (let i = 0; i < N; i++) delta[i] = Math.max(0, target - last[i]);
    shockText = `${shock.variable} raised to the ${shock.group} mean of ${fit.periods[T - 1]} (${target.toPrecision(6)}) wherever below it`;
  }
  const res = scenarioEffects(fit, shock.variable, delta, {
    draws: options.draws,
    seed: options.seed,
    level: options.level,
  });
  return {
    model: fit.model,
    fe: fit.fe,
    dependent: fit.yName,
    shockText,
    baselinePeriod: fit.periods[T - 1],
    ...res,
    simulated: panel.meta.simulated,
    notes: [...options.weights.notes, ...fit.notes],
  };
}
