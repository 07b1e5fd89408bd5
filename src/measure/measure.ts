import { InputError } from '../core/errors.js';
import { fsum } from '../core/numeric.js';
import { NoteLog } from '../core/notes.js';
import type { Panel } from '../data/panel.js';
import { systemDimensions, frameworkColumns, systemIndicators } from '../framework/tree.js';
import type { Framework, System } from '../framework/types.js';
import { validateAgainstPanel } from '../framework/validate-panel.js';
import { completeRows } from './complete-rows.js';
import { resolveMeasureOptions, type MeasureOptions } from './options.js';
import { rankDescending } from './rank.js';
import { findAggregation, findNormalization } from './registry.js';
import type { DimensionWeight, IndicatorWeight, MeasureResult, ScoreRow } from './types.js';
import { computeWeights } from './weights.js';

/**
 * Composite indices of every system of `framework` on `panel`: normalise each indicator (direction
 * applied), weight within each system, aggregate up the tree, rank within system and period.
 *
 * Pipeline and conventions (docs/measure.md has every formula):
 * 1. Rows missing any indicator of the framework are left out (one row set for all systems) and
 *    listed in a `dropped-rows` warning; impute before calling to keep them.
 * 2. Normalisation pooled over the panel (default) or per period ({@link normalizeIndicator}).
 * 3. An indicator constant over the rows used gets weight 0 and a `constant-indicator` warning.
 * 4. Weights within each system sum to 1 ({@link computeWeights}); a dimension's weight is the sum of
 *    its indicators'.
 * 5. The index and every dimension score aggregate their indicators the same way: weighted
 *    arithmetic or geometric mean, or TOPSIS closeness (ideal and anti-ideal over the pooled panel,
 *    or per period with `perPeriod`).
 * 6. Ranks within system and period, 1 = highest, ties share the smallest rank.
 *
 * Pure: neither the panel nor the framework is modified.
 */
export function measure(panel: Panel, framework: Framework, options: Partial<MeasureOptions> = {}): MeasureResult {
  const o = resolveMeasureOptions(options);
  validateAgainstPanel(framework, panel);
  const log = new NoteLog(framework.notes ?? []);
  const allColumns = frameworkColumns(framework);
  const used = completeRows(panel, allColumns, log);
  const n = used.length;
  const pooled = [Int32Array.from({ length: n }, (_, k) => k)];
  const periodOf = Float64Array.from(used, (i) => panel.period[i]);
  const entityOf = Array.from(used, (i) => panel.entity[i]);
  const periodList = [...new Set(periodOf)].sort((a, b) => a - b);
  const periodGroups = groupBy(periodOf, periodList);
  const normGroups = o.perPeriod ? periodGroups : pooled;

  const weights: IndicatorWeight[] = [];
  const dimensionWeights: DimensionWeight[] = [];
  const scores: ScoreRow[] = [];
  const normalized: Record<string, Float64Array> = {};

  for (const system of framework.systems) {
    const r = measureSystem(system, panel, used, normGroups, periodGroups, periodList, o, log);
    weights.push(...r.weights);
    dimensionWeights.push(...r.dimensionWeights);
    for (const [id, col] of r.normalized) normalized[id in normalized ? `${system.id}:${id}` : id] = col;
    for (let k = 0; k < n; k++) {
      const dims: Record<string, number> = {};
      for (const [id, s] of r.dimensionScores) dims[id] = s[k];
      scores.push({
        entity: entityOf[k],
        period: periodOf[k],
        system: system.id,
        index: r.index[k],
        dimensions: dims,
        rank: r.rank[k],
      });
    }
  }
  return {
    weights,
    dimensionWeights,
    scores,
    normalized,
    rows: { entity: entityOf, period: periodOf },
    options: { ...o, framework: framework.id, rows: n, droppedRows: panel.entity.length - n },
    notes: log.notes,
  };
}

function measureSystem(
  system: System,
  panel: Panel,
  used: Int32Array,
  normGroups: readonly Int32Array[],
  periodGroups: readonly Int32Array[],
  periodList: readonly number[],
  o: MeasureOptions,
  log: NoteLog,
) {
  const placed = systemIndicators(system);
  const ids = placed.map((p) => p.indicator.id);
  const raw = placed.map((p) => Float64Array.from(used, (i) => panel.columns[p.indicator.column][i]));
  const constant = raw.map((x, j) => {
    const c = x.every((v) => v === x[0]);
    if (c) {
      log.warn(
        'constant-indicator',
        `indicator "${ids[j]}" (system "${system.id}", column "${placed[j].indicator.column}") is constant over the rows used: it carries no information and gets weight 0`,
        {
          system: system.id,
          indicator: ids[j],
        },
      );
    }
    return c;
  });
  const normalization = findNormalization(o.normalize)!;
  const norm = placed.map((p, j) =>
    normalization.compute(raw[j], p.indicator.direction, normGroups, { shift: o.shift, range: o.range }, ids[j]),
  );
  if (o.perPeriod) {
    raw.forEach((x, j) => {
      if (constant[j]) return;
      const flat = periodGroups
        .filter((g) => g.every((i) => x[i] === x[g[0]]))
        .map((g) => periodList[periodGroups.indexOf(g)]);
      if (flat.length === periodGroups.length) {
        // Constant within every period (a national series repeated for every region): per-period
        // normalisation maps it to one value in each period, so it carries no information and gets
        // weight 0 under every method, as a constant indicator does.
        constant[j] = true;
        log.warn(
          'constant-within-periods',
          `indicator "${ids[j]}" (system "${system.id}", column "${placed[j].indicator.column}") is constant within every period: under per-period normalisation it carries no information and gets weight 0`,
          {
            system: system.id,
            indicator: ids[j],
            column: placed[j].indicator.column,
          },
        );
      } else if (flat.length) {
        log.info(
          'constant-in-period',
          `indicator "${ids[j]}" (system "${system.id}") is constant in period(s) ${flat.join(', ')}; it is normalised to the top of the scale there`,
        );
      }
    });
  }
  const w = computeWeights(
    o.weights,
    {
      system,
      placed,
      normalized: norm,
      raw,
      periodGroups: o.perPeriod ? periodGroups : null,
      constant,
      periods: periodList,
    },
    log,
  );
  if (!(fsum(w.weights) > 0)) {
    throw new InputError(
      `every indicator of system "${system.id}" is constant (or has zero weight), so no index can be computed`,
      {
        hint: 'check the data of the system’s indicators and the fixed weights',
      },
    );
  }
  const weights: IndicatorWeight[] = placed.map((p, j) => ({
    id: p.indicator.id,
    system: system.id,
    dimension: p.path[0],
    path: p.path,
    weight: w.weights[j],
    raw: w.raw[j],
  }));
  const n = used.length;
  const score = (members: readonly number[]) => {
    const cols = members.map((j) => norm[j]);
    const mw = members.map((j) => w.weights[j]);
    return findAggregation(o.aggregate)!.compute(
      cols,
      mw,
      n,
      normGroups,
      members.map((j) => ids[j]),
    );
  };
  const all = placed.map((_, j) => j);
  const index = score(all);
  const dimensionWeights: DimensionWeight[] = [];
  const dimensionScores = new Map<string, Float64Array>();
  for (const d of systemDimensions(system)) {
    const dw = fsum(d.members.map((j) => w.weights[j]));
    dimensionWeights.push(
      d.parent === undefined
        ? { id: d.dimension.id, system: system.id, weight: dw }
        : { id: d.dimension.id, system: system.id, parent: d.parent, weight: dw },
    );
    if (!(dw > 0)) {
      log.warn(
        'empty-dimension-weight',
        `dimension "${d.dimension.id}" of system "${system.id}" has weight 0 (all its indicators are constant): its score is undefined`,
      );
      dimensionScores.set(d.dimension.id, new Float64Array(n).fill(NaN));
    } else dimensionScores.set(d.dimension.id, score(d.members));
  }
  const rank = rankDescending(index, periodGroups);
  return {
    weights,
    dimensionWeights,
    index,
    rank,
    dimensionScores,
    normalized: placed.map((p, j) => [p.indicator.id, norm[j]] as const),
  };
}

/** Row positions of each value of `keys`, in the order of `levels` (one pass). */
function groupBy(keys: Float64Array, levels: readonly number[]): Int32Array[] {
  const at = new Map(levels.map((p, g) => [p, g]));
  const count = new Int32Array(levels.length);
  for (const k of keys) count[at.get(k)!]++;
  const out = Array.from(count, (c) => new Int32Array(c));
  const fill = new Int32Array(levels.length);
  keys.forEach((k, i) => {
    const g = at.get(k)!;
    out[g][fill[g]++] = i;
  });
  return out;
}
