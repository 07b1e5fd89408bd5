/** `couple` and `obstacle`: the stages that measure first, as `nqpf couple --json` and `nqpf obstacle --json`. */
import { InputError } from '../core/errors.js';
import type { Note } from '../core/notes.js';
import type { ImputeMethod } from '../data/impute.js';
import type { Panel } from '../data/panel.js';
import type { Framework } from '../framework/types.js';
import { couplingCoordination, type CouplingMethod, type CouplingResult } from '../couple/index.js';
import { measurePanel } from '../measure/pipeline.js';
import { scoresPanel } from '../measure/scores-panel.js';
import type { MeasureOptions } from '../measure/options.js';
import type { MeasureResult } from '../measure/types.js';
import { obstacleDegree, type ObstacleResult } from '../measure/obstacle.js';
import { listOf } from './common.js';

/** Options of the "measure first" step of `couple` and `obstacle`. */
export interface MeasureStepOptions {
  /** Weights of the measure step; default `entropy`. */
  readonly weights?: MeasureOptions['weights'];
  /** Normalisation of the measure step; default `minmax`. */
  readonly normalize?: MeasureOptions['normalize'];
  /**
   * Missing indicator values; default `linear` (interpolated within entities): coupling and obstacle
   * degrees need every system scored.
   */
  readonly impute?: ImputeMethod;
}

/** The framework's measurement of `panel` (see {@link measurePanel}) with the measure step's defaults. */
export function measureStep(
  panel: Panel,
  framework: Framework,
  options: MeasureStepOptions = {},
): { framework: Framework; result: MeasureResult; panel: Panel; notes: readonly Note[] } {
  const m = measurePanel(panel, framework, {
    impute: options.impute ?? 'linear',
    weights: options.weights ?? 'entropy',
    normalize: options.normalize ?? 'minmax',
  });
  return { framework, result: m.result, panel: m.panel, notes: m.notes };
}

/** Options of {@link couple}. */
export interface CoupleOptions extends MeasureStepOptions {
  /** System score columns (a panel of scores), or system or dimension ids of the framework. */
  readonly systems: string | readonly string[];
  /** Coupling degree formula; default `wang` (Wang et al. 2021). */
  readonly method?: CouplingMethod;
  /** Weights of T, one per system, summing to 1; default equal. */
  readonly alpha?: readonly number[];
  /** Relative development cut-offs [lo, hi]: E ≤ lo lagging, E > hi leading; default [0.8, 1.2]. */
  readonly thresholds?: readonly [number, number] | readonly number[];
}

/** What {@link runCouple} computed: the scores panel coupled, the result and all notes. */
export interface CoupleRun {
  readonly panel: Panel;
  readonly result: CouplingResult;
  readonly notes: readonly Note[];
}

/**
 * Coupling coordination. With a framework the panel is measured first and the systems' composite
 * indices (or dimension scores) are coupled; without one, `systems` are score columns of `panel`.
 */
export function runCouple(raw: Panel, framework: Framework | undefined, options: CoupleOptions): CoupleRun {
  let panel = raw;
  const systems = listOf(options.systems);
  // Reading, imputation and measurement notes (a column shared by two systems is warned about when
  // the framework is loaded: their coupling would be partly mechanical).
  let notes: Note[] = [...panel.notes];
  if (framework) {
    const m = measureStep(panel, framework, options);
    notes = [...m.notes];
    panel = scoresPanel(m.panel, m.result);
  }
  const t = options.thresholds;
  if (t && t.length !== 2)
    throw new InputError(`--thresholds takes two numbers lo,hi (got "${t.join(',')}")`, {
      hint: 'e.g. --thresholds 0.8,1.2',
    });
  const result = couplingCoordination(panel, systems, {
    method: options.method ?? 'wang',
    alpha: options.alpha ? [...options.alpha] : undefined,
    thresholds: t ? { lagging: t[0], leading: t[1] } : undefined,
    file: panel.meta.file,
  });
  notes.push(...result.notes);
  return { panel, result, notes };
}

/** The `--json` object of `nqpf couple`. */
export function coupleJson({ panel, result: r, notes }: CoupleRun) {
  return {
    method: r.method,
    systems: r.systems,
    alpha: r.alpha,
    rows: r.rows.map((x) => ({
      entity: x.entity,
      period: x.period,
      C: x.C,
      T: x.T,
      D: x.D,
      level: x.level ?? null,
      levelZh: x.levelZh ?? null,
      couplingLevel: x.couplingLevel ?? null,
      U: Object.fromEntries(r.systems.map((s, i) => [s, x.U[i]])),
      relative: x.relative,
    })),
    simulated: panel.meta.simulated,
    notes,
  };
}

/**
 * Coupling coordination degree (C, T, D, ten levels) and relative development of two or more
 * systems, as `nqpf couple --json`. Formulas: docs/couple-disparity.md.
 */
export function couple(panel: Panel, framework: Framework | undefined, options: CoupleOptions) {
  return coupleJson(runCouple(panel, framework, options));
}

/** Options of {@link obstacle}. */
export interface ObstacleStageOptions extends MeasureStepOptions {
  /** Systems to diagnose; default all. */
  readonly systems?: string | readonly string[];
  /** Top obstacles per entity-period and in the summary; default 3. */
  readonly top?: number;
}

/** What {@link runObstacle} computed. */
export interface ObstacleRun {
  readonly panel: Panel;
  readonly result: ObstacleResult;
  readonly notes: readonly Note[];
}

/** Measure with `framework`, then the obstacle degree of every indicator and dimension. */
export function runObstacle(panel: Panel, framework: Framework, options: ObstacleStageOptions = {}): ObstacleRun {
  const m = measureStep(panel, framework, options);
  const systems = options.systems === undefined ? undefined : listOf(options.systems);
  const result = obstacleDegree(m.result, { systems: systems?.length ? systems : undefined, topK: options.top ?? 3 });
  return { panel, result, notes: [...m.notes, ...result.notes] };
}

/** The `--json` object of `nqpf obstacle`. */
export function obstacleJson({ panel, result: r, notes }: ObstacleRun) {
  return { topK: r.topK, rows: r.rows, summary: r.summary, simulated: panel.meta.simulated, notes };
}

/**
 * Obstacle degree (障碍度) O_ij = w_j(1 − x'_ij) / Σ_j w_j(1 − x'_ij) × 100 within each system, with
 * the most frequent top obstacles per period, as `nqpf obstacle --json`.
 */
export function obstacle(panel: Panel, framework: Framework, options: ObstacleStageOptions = {}) {
  return obstacleJson(runObstacle(panel, framework, options));
}
