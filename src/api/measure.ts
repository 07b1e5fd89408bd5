/** `measure`: composite indices of a framework on a panel, as `nqpf measure --json`. */
import { entityProvinces } from '../spatial/resolve-weights.js';
import type { Note } from '../core/notes.js';
import type { ImputeMethod } from '../data/impute.js';
import type { Panel } from '../data/panel.js';
import { systemIndicators } from '../framework/tree.js';
import type { Framework } from '../framework/types.js';
import { resolveMeasureOptions, type MeasureOptions } from '../measure/options.js';
import { measurePanel, type MeasuredPanel } from '../measure/pipeline.js';
import type { MeasureResult } from '../measure/types.js';

/** Options of {@link measure}: the measure options (defaults in DEFAULT_MEASURE_OPTIONS) and `impute` (default `none`). */
export type MeasureStageOptions = Partial<MeasureOptions> & { readonly impute?: ImputeMethod };

/** Check the options (InputError naming a bad one) and measure: validate → coverage → impute → measure. */
export function runMeasure(panel: Panel, framework: Framework, options: MeasureStageOptions = {}): MeasuredPanel {
  const { impute = 'none', ...rest } = options;
  return measurePanel(panel, framework, { ...resolveMeasureOptions(rest), impute });
}

/** The `--json` object of `nqpf measure`. */
export function measureJson(result: MeasureResult, notes: readonly Note[]) {
  return {
    weights: result.weights.map((w) => ({ id: w.id, dimension: w.dimension, system: w.system, weight: w.weight })),
    scores: result.scores.map((s) => ({
      entity: s.entity,
      period: s.period,
      index: s.index,
      system: s.system,
      dimensions: s.dimensions,
      rank: s.rank,
    })),
    notes,
  };
}

/** What {@link measure} returns: indicator weights, scores with ranks, and every note. */
export type MeasureJson = ReturnType<typeof measureJson>;

/**
 * Composite index of each system of `framework` on `panel`: normalise (direction applied), weight
 * (entropy, CRITIC, CV, equal, fixed or a mix), aggregate up the tree, rank within each period.
 * Returns exactly the object `nqpf measure --json` prints. Formulas and conventions: docs/measure.md.
 *
 * @example const result = measure(panel, framework, { weights: 'entropy' });
 */
export function measure(panel: Panel, framework: Framework, options: MeasureStageOptions = {}): MeasureJson {
  const m = runMeasure(panel, framework, options);
  return measureJson(m.result, m.notes);
}

/** scores.csv rows: one per entity-period-system, with every dimension score as a column. */
export function scoreTable(result: MeasureResult, panel: Panel, digits = 6): unknown[][] {
  const dims = [...new Set(result.scores.flatMap((s) => Object.keys(s.dimensions)))];
  const rows: unknown[][] = [[panel.entityColumn, panel.periodColumn, 'system', 'index', 'rank', ...dims]];
  const r = (x: number | undefined) => (x === undefined ? '' : roundSignificant(x, digits));
  for (const s of orderedScores(result, panel))
    rows.push([s.entity, s.period, s.system, r(s.index), s.rank, ...dims.map((d) => r(s.dimensions[d]))]);
  return rows;
}

/** `x` to `digits` significant digits (0 = unchanged); NaN stays NaN. */
export function roundSignificant(x: number, digits: number): number {
  return digits > 0 && Number.isFinite(x) && x !== 0 ? Number(x.toPrecision(digits)) : x;
}

/**
 * The score rows by system (framework order), entity and period. Entities keep the data's order —
 * for Chinese provinces GB/T 2260 code order (北京 11, 天津 12, …), the order of the yearbooks.
 */
export function orderedScores(result: MeasureResult, panel: Panel): MeasureResult['scores'] {
  const provinces = entityProvinces(panel.entities);
  const rank = new Map(panel.entities.map((e, i) => [e.id, provinces ? Number(provinces[i].code) * 1e6 + i : i]));
  const systems = [...new Set(result.scores.map((s) => s.system))];
  const sys = new Map(systems.map((s, i) => [s, i]));
  return [...result.scores].sort(
    (a, b) =>
      sys.get(a.system)! - sys.get(b.system)! ||
      (rank.get(a.entity) ?? 0) - (rank.get(b.entity) ?? 0) ||
      a.period - b.period,
  );
}

/**
 * The wide table papers print, one per system: one row per entity (in {@link orderedScores} order),
 * one column per period, the composite index in the cells.
 */
export function wideScoreTables(result: MeasureResult, panel: Panel, digits = 6): Record<string, unknown[][]> {
  const out: Record<string, unknown[][]> = {};
  const rows = orderedScores(result, panel);
  for (const system of [...new Set(rows.map((s) => s.system))]) {
    const mine = rows.filter((s) => s.system === system);
    const periods = [...new Set(mine.map((s) => s.period))].sort((a, b) => a - b);
    const byEntity = new Map<string, Map<number, number>>();
    for (const s of mine) {
      if (!byEntity.has(s.entity)) byEntity.set(s.entity, new Map());
      byEntity.get(s.entity)!.set(s.period, s.index);
    }
    out[system] = [
      [panel.entityColumn, ...periods.map(String)],
      ...[...byEntity].map(([e, m]) => [
        e,
        ...periods.map((p) => (m.has(p) ? roundSignificant(m.get(p)!, digits) : '')),
      ]),
    ];
  }
  return out;
}

/** weights.csv rows: indicators with their dimension path, column, direction, weight and raw weight. */
export function weightTable(result: MeasureResult, framework: Framework): unknown[][] {
  const info = new Map(
    framework.systems.flatMap((s) =>
      systemIndicators(s).map((p) => [`${s.id}\u0000${p.indicator.id}`, p.indicator] as const),
    ),
  );
  const rows: unknown[][] = [['system', 'dimension', 'path', 'id', 'column', 'direction', 'unit', 'weight', 'raw']];
  for (const w of result.weights) {
    const i = info.get(`${w.system}\u0000${w.id}`);
    rows.push([
      w.system,
      w.dimension,
      w.path.join('/'),
      w.id,
      i?.column ?? '',
      i?.direction ?? '',
      i?.unit ?? '',
      w.weight,
      w.raw,
    ]);
  }
  return rows;
}
