/** `measure`: composite indices of a framework on a panel, as `nqpf measure --json`. */
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
export function scoreTable(result: MeasureResult, panel: Panel): unknown[][] {
  const dims = [...new Set(result.scores.flatMap((s) => Object.keys(s.dimensions)))];
  const rows: unknown[][] = [[panel.entityColumn, panel.periodColumn, 'system', 'index', 'rank', ...dims]];
  for (const s of result.scores) rows.push([s.entity, s.period, s.system, s.index, s.rank, ...dims.map((d) => s.dimensions[d] ?? '')]);
  return rows;
}

/** weights.csv rows: indicators with their dimension path, column, direction, weight and raw weight. */
export function weightTable(result: MeasureResult, framework: Framework): unknown[][] {
  const info = new Map(framework.systems.flatMap((s) => systemIndicators(s).map((p) => [`${s.id}\u0000${p.indicator.id}`, p.indicator] as const)));
  const rows: unknown[][] = [['system', 'dimension', 'path', 'id', 'column', 'direction', 'unit', 'weight', 'raw']];
  for (const w of result.weights) {
    const i = info.get(`${w.system}\u0000${w.id}`);
    rows.push([w.system, w.dimension, w.path.join('/'), w.id, i?.column ?? '', i?.direction ?? '', i?.unit ?? '', w.weight, w.raw]);
  }
  return rows;
}
