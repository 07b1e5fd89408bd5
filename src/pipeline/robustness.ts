import type { Lang } from '../core/label.js';
import type { ReportSection } from '../report/blocks.js';
import { robustnessSection } from '../report/sections/robustness.js';
import { defaultRobustness } from '../robustness/defaults.js';
import { sensitivity, type SystemSensitivity } from '../robustness/sensitivity.js';
import type { DemoCase } from './demo.js';

const analysed = new WeakMap<DemoCase, SystemSensitivity>();

/**
 * The demo's Robustness section of one example: the headline system analysed with
 * {@link defaultRobustness} around the demo's measurement (entropy, min-max, linear imputation).
 * Computed once per example (the report is rendered in each language).
 */
export function robustnessReport(c: DemoCase, lang: Lang): ReportSection {
  let r = analysed.get(c);
  if (!r) {
    r = sensitivity(c.panel, c.framework, { ...defaultRobustness({ impute: 'linear' }), system: c.spec.headline });
    analysed.set(c, r);
  }
  return robustnessSection(c.panel, c.framework, [r], { lang });
}
