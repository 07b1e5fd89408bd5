/**
 * Obstacle degree model (障碍度模型): which indicators hold an entity's composite index back.
 *
 *   factor contribution F_j = w_j (the indicator's weight within its system)
 *   deviation           I_ij = 1 − x'_ij (x' the normalised value in [0, 1])
 *   obstacle degree     O_ij = F_j I_ij / Σ_j F_j I_ij × 100
 *
 * computed per entity-period within each system, so the O_ij of a row sum to 100; a dimension's
 * obstacle degree is the sum of its indicators' (U_i = Σ_{j∈i} O_ij). Convention as
 * `obstacle_degree` of the R package mathmodels (zhjx19, R/system_evaluation.R) without its optional
 * row scaling.
 */
import { InputError } from '../core/errors.js';
import { NoteLog, type Note } from '../core/notes.js';
import type { MeasureResult } from './types.js';

/** Options of {@link obstacleDegree}. */
export interface ObstacleOptions {
  /** Systems to diagnose (default all in the result). */
  readonly systems?: readonly string[];
  /** Number of top obstacles per row and in the summary. Default 3. */
  readonly topK?: number;
}

/** Obstacle degrees of one entity-period in one system. */
export interface ObstacleRow {
  readonly entity: string;
  readonly period: number;
  readonly system: string;
  /** O_ij in % by indicator id (sum 100). */
  readonly indicators: Readonly<Record<string, number>>;
  /** Dimension obstacle in % by top-level dimension id. */
  readonly dimensions: Readonly<Record<string, number>>;
  /** The k largest indicator obstacles, largest first. */
  readonly top: ReadonlyArray<{ readonly id: string; readonly obstacle: number }>;
}

/** How often each indicator is among an entity's top-k obstacles in a period, and its mean O. */
export interface ObstacleSummary {
  readonly period: number;
  readonly system: string;
  readonly entities: number;
  readonly indicators: ReadonlyArray<{
    readonly id: string;
    readonly dimension: string;
    readonly topCount: number;
    readonly meanObstacle: number;
  }>;
  readonly dimensions: ReadonlyArray<{ readonly id: string; readonly meanObstacle: number }>;
}

/** Obstacle degrees of every row and the per-period summary. */
export interface ObstacleResult {
  readonly topK: number;
  readonly rows: readonly ObstacleRow[];
  readonly summary: readonly ObstacleSummary[];
  readonly notes: readonly Note[];
}

/**
 * Obstacle degrees of every indicator and top-level dimension from a {@link MeasureResult}
 * (normalised values + weights).
 *
 * @throws InputError when normalised values are negative (z-scores: the deviation 1 − x' has no
 *   meaning) or the result lacks the entity/period of its rows.
 */
export function obstacleDegree(result: MeasureResult, options: ObstacleOptions = {}): ObstacleResult {
  const topK = options.topK ?? 3;
  if (!(Number.isInteger(topK) && topK >= 1))
    throw new InputError(`top-k must be a whole number ≥ 1 (got ${topK})`, { hint: 'e.g. --top 3' });
  const rowsInfo = result.rows;
  if (!rowsInfo)
    throw new InputError('the measure result does not say which entity and period each row is', {
      hint: 'measure again with this version of nqpf',
    });
  const systems = options.systems ?? [...new Set(result.weights.map((w) => w.system))];
  const log = new NoteLog();
  const out: ObstacleRow[] = [];
  const summary: ObstacleSummary[] = [];
  const n = rowsInfo.entity.length;
  for (const system of systems) {
    const ws = result.weights.filter((w) => w.system === system);
    if (!ws.length)
      throw new InputError(`system "${system}" is not in the measure result`, {
        hint: `systems: ${[...new Set(result.weights.map((w) => w.system))].join(', ')}`,
      });
    const cols = ws.map((w) => {
      const c = result.normalized[`${system}:${w.id}`] ?? result.normalized[w.id];
      if (!c) throw new RangeError(`obstacleDegree: no normalised values for indicator ${w.id}`);
      return c;
    });
    let above = 0;
    const sysRows: ObstacleRow[] = [];
    for (let r = 0; r < n; r++) {
      const dev = cols.map((c, j) => {
        const x = c[r];
        if (x < -1e-12) {
          throw new InputError(
            `obstacle degree needs normalised values in [0, 1]; indicator "${ws[j].id}" is ${x} for ${rowsInfo.entity[r]} ${rowsInfo.period[r]}`,
            {
              hint: 'measure with --normalize minmax (z-scores have no "distance to the best")',
            },
          );
        }
        if (x > 1) above++;
        return Math.max(0, 1 - x);
      });
      const contrib = dev.map((d, j) => ws[j].weight * d);
      const total = contrib.reduce((a, b) => a + b, 0);
      const indicators: Record<string, number> = {};
      const dimensions: Record<string, number> = {};
      ws.forEach((w, j) => {
        const o = total > 0 ? (100 * contrib[j]) / total : NaN;
        indicators[w.id] = o;
        dimensions[w.dimension] = (dimensions[w.dimension] ?? 0) + o;
      });
      if (!(total > 0))
        log.warn(
          'no-obstacle',
          `${system}: some rows are at the best value on every weighted indicator; their obstacle degrees are undefined (NaN)`,
        );
      const top = ws
        .map((w) => ({ id: w.id, obstacle: indicators[w.id] }))
        .filter((t) => Number.isFinite(t.obstacle))
        .sort((a, b) => b.obstacle - a.obstacle)
        .slice(0, topK);
      sysRows.push({ entity: rowsInfo.entity[r], period: rowsInfo.period[r], system, indicators, dimensions, top });
    }
    if (above)
      log.info(
        'normalised-above-1',
        `${system}: ${above} normalised value(s) above 1 (shifted normalisation) count as deviation 0`,
      );
    out.push(...sysRows);
    const periods = [...new Set(rowsInfo.period)].sort((a, b) => a - b);
    const dimIds = [...new Set(ws.map((w) => w.dimension))];
    for (const t of periods) {
      const rs = sysRows.filter((x) => x.period === t);
      const meanOf = (get: (x: ObstacleRow) => number) => {
        const v = rs.map(get).filter(Number.isFinite);
        return v.length ? v.reduce((a, b) => a + b, 0) / v.length : NaN;
      };
      summary.push({
        period: t,
        system,
        entities: rs.length,
        indicators: ws
          .map((w) => ({
            id: w.id,
            dimension: w.dimension,
            topCount: rs.filter((x) => x.top.some((q) => q.id === w.id)).length,
            meanObstacle: meanOf((x) => x.indicators[w.id]),
          }))
          .sort((a, b) => b.topCount - a.topCount || b.meanObstacle - a.meanObstacle),
        dimensions: dimIds
          .map((d) => ({ id: d, meanObstacle: meanOf((x) => x.dimensions[d]) }))
          .sort((a, b) => b.meanObstacle - a.meanObstacle),
      });
    }
  }
  return { topK, rows: out, summary, notes: log.notes };
}
