/**
 * Coupling coordination degree model (耦合协调度模型) of n subsystems for every entity-period.
 *
 *   C: coupling degree by {@link couplingDegree} ('traditional' | 'wang' | 'fan')
 *   T = Σ α_i U_i, Σ α_i = 1 (comprehensive development index; equal α by default, the usual choice)
 *   D = √(C·T)
 *
 * Convention as in the CRAN package `coupling` (stscl, `ccd`), with the ten D levels and four C levels
 * of 地理学报 2021, 76(4) Table 1 ({@link coordinationLevel}). Inputs must lie in [0, 1]; z-scores or
 * raw values make C meaningless (C is defined for scores in [0, 1]; Wang, Kong et al. 2021,
 * 自然资源学报 36(3):793–810).
 */
import { InputError } from '../core/errors.js';
import { NoteLog, type Note } from '../core/notes.js';
import { couplingDegree, COUPLING_METHODS, type CouplingMethod } from './coupling-degree.js';
import { coordinationLevel, couplingLevel } from './levels.js';
import {
  DEFAULT_RELATIVE_THRESHOLDS,
  relativeDevelopment,
  validateThresholds,
  type RelativeDevelopment,
  type RelativeThresholds,
} from './relative-development.js';

/** Rows of system scores: anything with entity and period per row and numeric columns (a Panel fits). */
export interface ScoreTable {
  readonly entity: readonly string[];
  readonly period: ArrayLike<number>;
  readonly columns: Readonly<Record<string, ArrayLike<number>>>;
}

/** Options of {@link couplingCoordination}. */
export interface CouplingOptions {
  /**
   * Formula for C. Default 'wang' (Wang et al. 2021, the corrected form); 'traditional' must be asked
   * for explicitly because it crowds C near 1, so that D mostly reflects T.
   */
  readonly method?: CouplingMethod;
  /** Weights α of T, one per system, non-negative, summing to 1. Default equal weights. */
  readonly alpha?: readonly number[];
  /** Cut-offs of the relative development degree. Default 0.8 / 1.2. */
  readonly thresholds?: RelativeThresholds;
  /** Name of the data for error messages. */
  readonly file?: string;
}

/** One entity-period. */
export interface CouplingRow {
  readonly entity: string;
  readonly period: number;
  /** Subsystem scores in the order of `systems`. */
  readonly U: readonly number[];
  readonly C: number;
  readonly T: number;
  readonly D: number;
  /** Ten-level class of D (English / Chinese); undefined when D is NaN. */
  readonly level?: string;
  readonly levelZh?: string;
  /** 1..10. */
  readonly levelRank?: number;
  readonly couplingLevel?: string;
  readonly couplingLevelZh?: string;
  readonly relative: readonly RelativeDevelopment[];
  /** True when some subsystem score is 0 (C is 0 or undefined by the formula). */
  readonly zeroSubsystem: boolean;
}

/** C, T, D per row with the method, weights and thresholds used, and notes. */
export interface CouplingResult {
  readonly systems: readonly string[];
  readonly method: CouplingMethod;
  readonly alpha: readonly number[];
  readonly thresholds: RelativeThresholds;
  readonly rows: readonly CouplingRow[];
  readonly notes: readonly Note[];
}

const ALPHA_TOL = 1e-9;

/**
 * Compute C, T, D, levels and relative development for every row of `data`.
 *
 * @throws InputError for fewer than two systems, bad weights, an unknown method, or a score outside
 *   [0, 1] (naming entity, period and system).
 */
export function couplingCoordination(
  data: ScoreTable,
  systems: readonly string[],
  options: CouplingOptions = {},
): CouplingResult {
  const method = options.method ?? 'wang';
  if (!COUPLING_METHODS.includes(method)) {
    throw new InputError(`unknown coupling method "${method}"`, { hint: `use one of ${COUPLING_METHODS.join(', ')}` });
  }
  const n = systems.length;
  if (n < 2)
    throw new InputError(`coupling needs at least two systems (got ${n})`, { hint: 'e.g. --systems innovation,nqpf' });
  // A system coupled with itself gives C = 1 whatever the data: not a finding, a typo.
  const repeated = systems.filter((s, i) => systems.indexOf(s) !== i);
  if (repeated.length) {
    throw new InputError(`system "${repeated[0]}" is listed twice; coupling needs distinct systems`, {
      column: repeated[0],
      hint: 'e.g. --systems innovation,nqpf',
    });
  }
  const alpha = options.alpha ?? systems.map(() => 1 / n);
  if (alpha.length !== n || alpha.some((a) => !(a >= 0))) {
    throw new InputError(`alpha needs ${n} non-negative weights, one per system (got ${alpha.join(',')})`, {
      hint: `e.g. --alpha ${systems.map(() => (1 / n).toFixed(2)).join(',')}`,
    });
  }
  const alphaSum = alpha.reduce((a, b) => a + b, 0);
  if (Math.abs(alphaSum - 1) > ALPHA_TOL) {
    throw new InputError(`alpha weights must sum to 1 (got ${alphaSum})`, { hint: 'e.g. 0.5,0.5 or 0.6,0.4' });
  }
  const thresholds = options.thresholds ?? DEFAULT_RELATIVE_THRESHOLDS;
  validateThresholds(thresholds);
  const cols = systems.map((s) => {
    const col = data.columns[s];
    if (!col) {
      throw new InputError(`unknown system "${s}"`, {
        file: options.file,
        column: s,
        hint: `available: ${Object.keys(data.columns).slice(0, 30).join(', ')}`,
      });
    }
    return col;
  });
  const log = new NoteLog();
  const rows: CouplingRow[] = [];
  const zeroCells: string[] = [];
  let missing = 0;
  for (let r = 0; r < data.entity.length; r++) {
    const entity = data.entity[r];
    const period = data.period[r];
    const u = cols.map((c) => c[r]);
    if (u.some((x) => Number.isNaN(x))) {
      missing++;
      rows.push({ entity, period, U: u, C: NaN, T: NaN, D: NaN, relative: [], zeroSubsystem: false });
      continue;
    }
    u.forEach((x, i) => {
      if (!(x >= 0 && x <= 1)) {
        throw new InputError(`coupling input outside [0, 1]: ${entity} ${period}, system "${systems[i]}" = ${x}`, {
          file: options.file,
          column: systems[i],
          hint: 'coupling needs scores in [0, 1]: use composite index scores or min-max normalised values, not z-scores or raw data',
        });
      }
    });
    const C = couplingDegree(u, method);
    let T = 0;
    for (let i = 0; i < n; i++) T += alpha[i] * u[i];
    const D = Math.sqrt(C * T);
    const zero = u.some((x) => x === 0);
    if (zero) zeroCells.push(`${entity} ${period}`);
    const lv = coordinationLevel(D);
    const cl = couplingLevel(C);
    rows.push({
      entity,
      period,
      U: u,
      C,
      T,
      D,
      level: lv?.label.en,
      levelZh: lv?.label.zh,
      levelRank: lv?.rank,
      couplingLevel: cl?.label.en,
      couplingLevelZh: cl?.label.zh,
      relative: relativeDevelopment(u, systems, thresholds),
      zeroSubsystem: zero,
    });
  }
  if (zeroCells.length) {
    log.warn(
      'zero-subsystem',
      `${zeroCells.length} entity-period(s) have a subsystem score of exactly 0 (C = 0, or undefined when all are 0): ${zeroCells.slice(0, 5).join(', ')}${zeroCells.length > 5 ? ', …' : ''}`,
      { cells: zeroCells },
    );
  }
  if (missing) log.info('missing-score', `${missing} row(s) with a missing system score get C, T, D = NaN`);
  if (method === 'traditional') {
    log.info(
      'traditional-coupling',
      'traditional coupling degree n(∏U)^(1/n)/ΣU crowds near 1 (Wang et al. 2021), so D mostly reflects T; method "wang" is the corrected form',
    );
  }
  return { systems: [...systems], method, alpha: [...alpha], thresholds, rows, notes: log.notes };
}
