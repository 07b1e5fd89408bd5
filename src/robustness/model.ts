import { exp, log } from '../core/elementary.js';
import { InputError } from '../core/errors.js';
import { NoteLog, type Note } from '../core/notes.js';
import { impute } from '../data/impute.js';
import { filterRows, type Panel } from '../data/panel.js';
import { frameworkColumns, systemIndicators, type PlacedIndicator } from '../framework/tree.js';
import type { Dimension, Framework, System } from '../framework/types.js';
import { validateAgainstPanel } from '../framework/validate-panel.js';
import { fsum } from '../core/numeric.js';
import { aggregateGeometric } from '../measure/aggregate.js';
import { completeRows } from '../measure/complete-rows.js';
import { measure } from '../measure/measure.js';
import { computeWeights } from '../measure/weights.js';
import type { MeasureOptions } from '../measure/options.js';
import { toShares } from '../measure/shares.js';
import type { MeasureResult } from '../measure/types.js';
import type { MeasureSetting } from './factors.js';

/**
 * One system measured under one setting with some indicators removed: what a run needs, computed
 * once and reused by every run with the same discrete choices (normalised columns, weights, the
 * rows of the ranked period).
 */
export interface SystemModel {
  /** Indicators of the full system (the weight vector's order); removed ones have weight 0. */
  readonly ids: readonly string[];
  /** Weights of `measure` (sum 1 over the kept indicators). */
  readonly weights: Float64Array;
  /** `measure`'s normalised values of each indicator on every row used (all periods). */
  readonly columns: readonly Float64Array[];
  /** Raw values of each indicator on those rows. */
  readonly raw: readonly Float64Array[];
  /** Indicators constant over those rows (weight 0 in `measure`). */
  readonly constant: readonly boolean[];
  /** Period and entity of each row; the distinct periods and their row groups (as `measure` forms them). */
  readonly period: Float64Array;
  readonly periodList: readonly number[];
  readonly periodGroups: readonly Int32Array[];
  readonly entity: readonly string[];
  /** Normalised values of each indicator on the rows of the ranked period (removed: zeros). */
  readonly yearColumns: readonly Float64Array[];
  /** Entities of those rows. */
  readonly yearEntities: readonly string[];
  /** Per indicator, the max and min of the normalised values over its TOPSIS group (pooled or the period). */
  readonly hi: Float64Array;
  readonly lo: Float64Array;
  /** ln of `yearColumns` (geometric aggregation). */
  readonly logYearColumns: readonly Float64Array[];
  /** Every normalised value of a weighted indicator is positive (geometric aggregation is defined). */
  readonly positive: boolean;
}

/**
 * Runs `measure` for every discrete choice it meets (each once, cached) and computes a run's index
 * from the cached pieces. Every run equals what `nqpf measure` computes with the same flags: the
 * normalised values and weights are `measure`'s own, and the index is aggregated by the same
 * functions ({@link aggregateArithmetic}, {@link aggregateGeometric}, TOPSIS closeness in the same
 * order of operations) and ranked by {@link rankDescending}. Only the rows of the ranked period are
 * aggregated, since ranks are within a period.
 *
 * Rows: imputation as `measurePanel` does it (the framework's columns), then the rows complete on
 * every indicator of the framework. An indicator left out (`drop-indicators`, leave-one-out) does
 * not bring back rows that miss only that indicator; with complete or imputed data this is exactly
 * `measure` on the reduced framework.
 */
export class MeasureModel {
  private readonly panels = new Map<string, Panel>();
  private readonly models = new Map<string, SystemModel>();
  private readonly measured = new Map<string, SystemModel>();
  private readonly log = new NoteLog();
  readonly columns: string[];

  constructor(
    readonly panel: Panel,
    readonly framework: Framework,
    /** shift and range of `minmax-shift` / `minmax-range`. */
    readonly base: Pick<MeasureOptions, 'shift' | 'range'>,
    readonly year: number,
  ) {
    validateAgainstPanel(framework, panel);
    this.columns = frameworkColumns(framework);
  }

  get notes(): readonly Note[] {
    return this.log.notes;
  }

  /** The panel after imputation, restricted to the rows complete on every indicator of the framework. */
  imputed(method: MeasureSetting['impute']): Panel {
    let p = this.panels.get(method);
    if (!p) {
      const imp = impute(this.panel, { method, columns: this.columns });
      const used = completeRows(imp.panel, this.columns, this.log);
      if (used.length === imp.panel.entity.length) p = imp.panel;
      else {
        const keep = new Uint8Array(imp.panel.entity.length);
        for (const i of used) keep[i] = 1;
        p = filterRows(imp.panel, Array.from(keep, Boolean));
      }
      if (!p.period.includes(this.year)) {
        throw new InputError(`period ${this.year} has no row with every indicator (impute ${method})`, {
          hint: `pick another --year, e.g. ${p.periods[p.periods.length - 1]}`,
        });
      }
      this.panels.set(method, p);
    }
    return p;
  }

  /** `measure` of system `k` with every flag of the setting, aggregation included (dimension scores for coherence). */
  measureSystem(s: MeasureSetting, k: number): MeasureResult {
    return measure(
      this.imputed(s.impute),
      { ...this.framework, systems: [this.framework.systems[k]], notes: [] },
      this.options(s),
    );
  }

  private options(s: MeasureSetting): Partial<MeasureOptions> {
    return {
      weights: s.weights,
      normalize: s.normalize,
      perPeriod: s.perPeriod,
      aggregate: s.aggregate,
      shift: this.base.shift,
      range: this.base.range,
    };
  }

  /** The cached model of system `k` under `s` without the indicators `removed`. */
  system(s: MeasureSetting, k: number, removed: readonly string[] = []): SystemModel {
    const key = `${s.impute}|${s.normalize}|${s.perPeriod}|${s.weights}|${k}|${removed.join('\u0000')}`;
    let m = this.models.get(key);
    if (!m) {
      m = this.build(s, k, removed);
      this.models.set(key, m);
    }
    return m;
  }

  private build(s: MeasureSetting, k: number, removed: readonly string[]): SystemModel {
    const system = this.framework.systems[k];
    const placed = systemIndicators(system);
    const ids = placed.map((p) => p.indicator.id);
    if (removed.length) return this.reweight(this.system(s, k), s, system, new Set(removed));
    // Normalised values depend on imputation, normalisation and per-period only: one `measure` call
    // per such choice; another weighting method reuses its columns.
    const key = `${s.impute}|${s.normalize}|${s.perPeriod}|${k}`;
    const base = this.measured.get(key);
    if (base) return this.reweight(base, s, system, new Set());
    const panel = this.imputed(s.impute);
    // The aggregation does not change weights or normalised values; arithmetic never throws.
    const result = measure(
      panel,
      { ...this.framework, systems: [system], notes: [] },
      { ...this.options(s), aggregate: 'arithmetic' },
    );
    for (const n of result.notes) this.log.add(n);
    const period = result.rows!.period;
    const weightOf = new Map(result.weights.map((w) => [w.id, w.weight]));
    const raw = placed.map((p) => panel.columns[p.indicator.column]);
    const periodList = [...new Set(period)].sort((a, b) => a - b);
    const model = this.finish(s, {
      ids,
      weights: Float64Array.from(ids, (id) => weightOf.get(id) ?? 0),
      columns: ids.map((id) => result.normalized[id]),
      raw,
      constant: raw.map((x) => x.every((v) => v === x[0])),
      period,
      periodList,
      periodGroups: periodList.map((t) =>
        Int32Array.from(period.reduce<number[]>((acc, p, i) => (p === t ? (acc.push(i), acc) : acc), [])),
      ),
      entity: result.rows!.entity,
    });
    this.measured.set(key, model);
    return model;
  }

  /**
   * The model with the weights of `s.weights` and without the indicators `removed`: normalisation is
   * per indicator, so the columns are `full`'s; the weights are recomputed by {@link computeWeights}
   * on the (reduced) system with exactly the inputs `measure` gives it (tested against `measure` for
   * every weighting method and on the reduced framework).
   */
  private reweight(full: SystemModel, s: MeasureSetting, system: System, removed: ReadonlySet<string>): SystemModel {
    const reduced = withoutIndicators(system, removed);
    const placed = systemIndicators(reduced);
    const at = placed.map((p) => full.ids.indexOf(p.indicator.id));
    const w = computeWeights(
      s.weights,
      {
        system: reduced,
        placed,
        normalized: at.map((j) => full.columns[j]),
        raw: at.map((j) => full.raw[j]),
        periodGroups: s.perPeriod ? full.periodGroups : null,
        constant: at.map((j) => full.constant[j]),
        periods: full.periodList,
      },
      this.log,
    );
    if (!(fsum(w.weights) > 0)) {
      throw removed.size
        ? new InputError(
            `every indicator of system "${system.id}" left after removing ${[...removed].join(', ')} is constant (or has zero weight)`,
            { hint: 'leave --drop-indicators out for this framework' },
          )
        : new InputError(
            `every indicator of system "${system.id}" is constant (or has zero weight), so no index can be computed`,
            { hint: 'check the data of the system’s indicators and the fixed weights' },
          );
    }
    const weights = new Float64Array(full.ids.length);
    at.forEach((j, q) => (weights[j] = w.weights[q]));
    return this.finish(s, { ...full, weights });
  }

  private finish(
    s: MeasureSetting,
    m: Omit<SystemModel, 'yearColumns' | 'logYearColumns' | 'yearEntities' | 'hi' | 'lo' | 'positive'>,
  ): SystemModel {
    const yearRows: number[] = [];
    m.period.forEach((p, i) => p === this.year && yearRows.push(i));
    const group = s.perPeriod ? yearRows : null;
    const hi = new Float64Array(m.ids.length);
    const lo = new Float64Array(m.ids.length);
    let positive = true;
    m.columns.forEach((c, j) => {
      let a = -Infinity;
      let b = Infinity;
      const n = group ? group.length : c.length;
      for (let q = 0; q < n; q++) {
        const v = c[group ? group[q] : q];
        if (v > a) a = v;
        if (v < b) b = v;
      }
      hi[j] = a;
      lo[j] = b;
      if (m.weights[j] > 0) for (const v of c) if (!(v > 0)) positive = false;
    });
    const yearColumns = m.columns.map((c) => Float64Array.from(yearRows, (i) => c[i]));
    return {
      ...m,
      yearColumns,
      logYearColumns: yearColumns.map((c) => c.map((x) => log(x))),
      yearEntities: yearRows.map((i) => m.entity[i]),
      hi,
      lo,
      positive,
    };
  }
}

/** A system without the indicators in `removed`; dimensions left empty are removed too. */
export function withoutIndicators(system: System, removed: ReadonlySet<string>): System {
  const prune = (d: Dimension): Dimension | null => {
    const indicators = d.indicators?.filter((i) => !removed.has(i.id));
    const dimensions = d.dimensions?.map(prune).filter((x): x is Dimension => x !== null);
    if (!(indicators?.length || dimensions?.length)) return null;
    return { ...d, ...(d.indicators ? { indicators } : {}), ...(d.dimensions ? { dimensions } : {}) };
  };
  return { ...system, dimensions: system.dimensions.map(prune).filter((x): x is Dimension => x !== null) };
}

/** The indicator ids under each top-level dimension of a system. */
export function dimensionMembers(system: System): { id: string; indicators: string[] }[] {
  const placed: PlacedIndicator[] = systemIndicators(system);
  return system.dimensions.map((d) => ({
    id: d.id,
    indicators: placed.filter((p) => p.path[0] === d.id).map((p) => p.indicator.id),
  }));
}

/**
 * The index of one run on the rows of the ranked period: `m`'s weights, each multiplied by
 * `multipliers[j]` and renormalised to sum 1 when given (perturb-weights), aggregated by `aggregate`.
 */
export function runIndex(
  m: SystemModel,
  aggregate: MeasureSetting['aggregate'],
  multipliers: ArrayLike<number> | null,
): Float64Array {
  const out = new Float64Array(m.yearEntities.length);
  runIndexInto(
    m,
    aggregate,
    multipliers ? toShares(Float64Array.from(m.weights, (x, j) => x * multipliers[j])) : m.weights,
    out,
  );
  return out;
}

/**
 * {@link runIndex} with the weights given, written into `out` without allocating (the inner loop of
 * the analysis). The arithmetic is that of {@link aggregateArithmetic}, {@link aggregateGeometric}
 * and {@link topsisCloseness} operation for operation (Neumaier sums over the indicators in order,
 * the same divisions), so the nominal run reproduces `measure`'s index to the last bit (tested).
 */
export function runIndexInto(
  m: SystemModel,
  aggregate: MeasureSetting['aggregate'],
  w: ArrayLike<number>,
  out: Float64Array,
): void {
  const n = out.length;
  const cols = m.yearColumns;
  const q = cols.length;
  if (aggregate === 'topsis') {
    for (let i = 0; i < n; i++) {
      let dp = 0;
      let dm = 0;
      for (let j = 0; j < q; j++) {
        // z = w·x', ideal = max z = w·max x' (rounding is monotone, w ≥ 0).
        const z = w[j] * cols[j][i];
        dp += (z - w[j] * m.hi[j]) ** 2;
        dm += (z - w[j] * m.lo[j]) ** 2;
      }
      const a = Math.sqrt(dp);
      const b = Math.sqrt(dm);
      out[i] = a + b > 0 ? b / (a + b) : NaN;
    }
    return;
  }
  const geometric = aggregate === 'geometric';
  if (geometric && !m.positive) {
    // measure refuses this run: let aggregateGeometric say why, on every row as measure would.
    aggregateGeometric(m.columns, m.weights, m.period.length, m.ids);
  }
  const total = fsum(w);
  const src = geometric ? m.logYearColumns : cols;
  for (let i = 0; i < n; i++) {
    let s = 0;
    let c = 0;
    for (let j = 0; j < q; j++) {
      if (!(w[j] > 0)) continue;
      const x = w[j] * src[j][i];
      const t = s + x;
      c += Math.abs(s) >= Math.abs(x) ? s - t + x : x - t + s;
      s = t;
    }
    const v = (s + c) / total;
    out[i] = total > 0 ? (geometric ? exp(v) : v) : NaN;
  }
}

/** Ranks (1 = highest, ties share the smallest rank; R `rank(-x, ties.method = "min")`) of an index on the rows of the ranked period. */
export function runRanks(index: Float64Array): Float64Array {
  const out = new Float64Array(index.length);
  ranksInto(index, out, null, 0);
  return out;
}

/**
 * Ranks of `index` as {@link rankDescending} gives them (1 + the number of larger values; NaN for
 * NaN), written to `out[offset + pos[i]]` (or `out[offset + i]`): O(n²) comparisons without
 * allocation, faster than sorting for the few dozen entities of a period.
 */
export function ranksInto(index: Float64Array, out: Float64Array, pos: Int32Array | null, offset: number): void {
  const n = index.length;
  for (let i = 0; i < n; i++) {
    const x = index[i];
    let r = 1;
    if (x === x) {
      for (let k = 0; k < n; k++) if (index[k] > x) r++;
    } else r = NaN;
    if (!pos) out[offset + i] = r;
    else if (pos[i] >= 0) out[offset + pos[i]] = r;
  }
}
