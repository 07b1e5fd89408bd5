import type { Lang } from '../../core/label.js';
import type { Note } from '../../core/notes.js';
import type { Panel } from '../../data/panel.js';
import { impute, type ImputeResult } from '../../data/impute.js';
import { coverage, type Coverage } from '../../data/coverage.js';
import type { Framework } from '../../framework/types.js';
import { systemIndicators } from '../../framework/tree.js';
import { validateAgainstPanel } from '../../framework/validate-panel.js';
import { measure } from '../../measure/measure.js';
import type { MeasureResult } from '../../measure/types.js';
import type { ReportSection } from '../../report/blocks.js';
import { measureSections } from '../../report/sections/measure.js';

/** One built-in example run through the pipeline: the data, its framework and every stage's result. */
export interface DemoCase {
  readonly panel: Panel;
  readonly framework: Framework;
  /** Coverage of the indicator columns before imputation (the paper's "data dormancy"). */
  readonly coverage: Coverage;
  readonly imputation: ImputeResult;
  readonly measured: MeasureResult;
  readonly notes: Note[];
}

/** Measure stage: coverage, linear imputation within entities, entropy weights, arithmetic aggregation. */
export function measureStage(raw: Panel, framework: Framework): DemoCase {
  validateAgainstPanel(framework, raw);
  const columns = [...new Set(framework.systems.flatMap((s) => systemIndicators(s).map((p) => p.indicator.column)))];
  const cov = coverage(raw, columns);
  const imputation = impute(raw, { method: 'linear', columns });
  const measured = measure(imputation.panel, framework, {});
  return {
    panel: imputation.panel,
    framework,
    coverage: cov,
    imputation,
    measured,
    notes: [...imputation.panel.notes, ...measured.notes],
  };
}

/** Report sections of the measure stage. */
export function measureReport(c: DemoCase, lang: Lang): ReportSection[] {
  return measureSections(c.panel, c.framework, c.measured, { lang });
}
