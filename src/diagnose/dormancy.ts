import type { Coverage } from '../data/coverage.js';
import type { ImputedCell } from '../data/impute.js';

export interface DormancyOptions {
  /**
   * Minimum share of observed cells for an indicator or entity to count as "awake". Default 0.65,
   * the JRC COIN rule of thumb (at least 65% data availability per indicator and per unit; JRC-COIN
   * user guide, EUR 29899 EN, doi:10.2760/523877).
   */
  threshold?: number;
  /** Maximum share of imputed cells before an indicator is flagged as mostly imputed (default 0.2). */
  maxImputed?: number;
}

export interface DormancyItem {
  /** Indicator column or entity id. */
  readonly id: string;
  readonly observed: number;
  readonly total: number;
  /** Observed share of the cells (before imputation). */
  readonly observedShare: number;
  /** Imputed share of the cells (imputed cells / total). */
  readonly imputedShare: number;
  /** observedShare < threshold. */
  readonly dormant: boolean;
  /** imputedShare > maxImputed. */
  readonly mostlyImputed: boolean;
}

/** The seed paper's "data dormancy" (数据沉睡) made measurable. */
export interface DormancyResult {
  readonly threshold: number;
  readonly maxImputed: number;
  readonly overallObservedShare: number;
  readonly overallImputedShare: number;
  readonly indicators: readonly DormancyItem[];
  readonly entities: readonly DormancyItem[];
  readonly dormantIndicators: readonly string[];
  readonly dormantEntities: readonly string[];
  /** Entity-periods of the full grid with no row at all. */
  readonly missingRows: number;
}

/**
 * Diagnose data dormancy from a coverage record ({@link Coverage}, src/data/coverage.ts, computed
 * before imputation) and the cells an imputation filled ({@link ImputedCell}, src/data/impute.ts):
 * observed share per indicator and per entity, imputed share, and the indicators and entities below
 * the availability threshold. Pure bookkeeping: no statistics are estimated.
 */
export function dataDormancy(
  coverage: Coverage,
  imputed: readonly ImputedCell[] = [],
  options: DormancyOptions = {},
): DormancyResult {
  const threshold = options.threshold ?? 0.65;
  const maxImputed = options.maxImputed ?? 0.2;
  const columns = new Set(coverage.columns);
  const impByColumn = new Map<string, number>();
  const impByEntity = new Map<string, number>();
  let impTotal = 0;
  for (const c of imputed) {
    if (!columns.has(c.column)) continue;
    impByColumn.set(c.column, (impByColumn.get(c.column) ?? 0) + 1);
    impByEntity.set(c.entity, (impByEntity.get(c.entity) ?? 0) + 1);
    impTotal++;
  }
  const item = (id: string, observed: number, total: number, imp: number): DormancyItem => {
    const observedShare = total > 0 ? observed / total : NaN;
    const imputedShare = total > 0 ? imp / total : NaN;
    return {
      id,
      observed,
      total,
      observedShare,
      imputedShare,
      dormant: !(observedShare >= threshold),
      mostlyImputed: imputedShare > maxImputed,
    };
  };
  const indicators = coverage.byColumn.map((c) => item(c.column, c.observed, c.total, impByColumn.get(c.column) ?? 0));
  const entities = coverage.byEntity.map((e) => item(e.entity, e.observed, e.total, impByEntity.get(e.entity) ?? 0));
  return {
    threshold,
    maxImputed,
    overallObservedShare: coverage.overall.share,
    overallImputedShare: coverage.overall.total > 0 ? impTotal / coverage.overall.total : NaN,
    indicators,
    entities,
    dormantIndicators: indicators.filter((i) => i.dormant).map((i) => i.id),
    dormantEntities: entities.filter((e) => e.dormant).map((e) => e.id),
    missingRows: coverage.missingRows,
  };
}
