/**
 * The workbench's full report: the report sections (src/report/sections, the CLI's generator) of
 * the measurement and of every analysis the page shows, in the page's order. Formats results only.
 */
import type { Lang } from '../../core/label.js';
import type { Panel } from '../../data/panel.js';
import type { Framework } from '../../framework/types.js';
import type { MeasuredPanel } from '../../measure/pipeline.js';
import type { ReportSection } from '../../report/blocks.js';
import { coverageSection } from '../../report/sections/coverage.js';
import { measureSections } from '../../report/sections/measure.js';
import { frameworkNames } from '../../report/sections/section.js';
import type { AnalysisRequest, ReportRuns } from './handlers.js';

/** Sections of the measurement, then one per analysis kind in `kinds` (each once). */
export async function reportSections(
  ctx: {
    panel: Panel;
    scores: Panel;
    framework: Framework;
    measured: MeasuredPanel;
    runs: ReportRuns;
  },
  kinds: readonly AnalysisRequest['kind'][],
  lang: Lang,
): Promise<ReportSection[]> {
  const { panel, scores, framework, measured: m, runs } = ctx;
  const names = frameworkNames(framework);
  const opts = { lang, names };
  const sections: ReportSection[] = [
    coverageSection(m.panel, m.coverage, m.imputation, opts),
    ...measureSections(m.panel, framework, m.result, { lang }),
  ];
  let mechanismDone = false;
  let spilloverDone = false;
  for (const kind of [...new Set(kinds)]) {
    switch (kind) {
      case 'couple':
        if (runs.couple)
          sections.push(
            (await import('../../report/sections/coupling.js')).couplingSection(scores, runs.couple.result, opts),
          );
        break;
      case 'disparity':
        if (runs.disparity)
          sections.push(
            (await import('../../report/sections/disparity.js')).disparitySection(scores, runs.disparity.result, opts),
          );
        break;
      case 'density':
        if (runs.density)
          sections.push(
            (await import('../../report/sections/density.js')).densitySection(scores, runs.density.result, opts),
          );
        break;
      case 'moran':
        if (runs.moran) {
          const r = runs.moran;
          const s = (await import('../../report/sections/spatial.js')).lisaSection(
            scores,
            r.local,
            { value: r.value, period: r.section.period },
            opts,
          );
          const g = r.global;
          const f = (x: number) => (Number.isFinite(x) ? x.toFixed(4) : '—');
          const line =
            lang === 'zh'
              ? `全局 Moran's I = ${f(g.I)}，E(I) = ${f(g.expected)}，z = ${f(g.randomisation.z)}，p = ${f(g.randomisation.pValue)}${g.permutation ? `，${r.permutations} 次置换 p = ${f(g.permutation.pValue)}` : ''}。`
              : `Global Moran's I = ${f(g.I)}, E(I) = ${f(g.expected)}, z = ${f(g.randomisation.z)}, p = ${f(g.randomisation.pValue)}${g.permutation ? `, permutation p (${r.permutations}) = ${f(g.permutation.pValue)}` : ''}.`;
          sections.push({ ...s, blocks: [{ kind: 'paragraph', text: line }, ...s.blocks] });
        }
        break;
      case 'regress':
        if (runs.regress) {
          const r = runs.regress;
          sections.push(
            (await import('../../report/sections/regression.js')).regressionSection(
              panel,
              { tables: [{ caption: r.formula, table: r.table }], vcov: [...new Set(r.vcov)] },
              { lang, id: 'workbench-regression', title: { en: 'Regression', zh: '回归分析' } },
            ),
          );
        }
        break;
      case 'forecast':
        if (runs.forecast) {
          const { run, system } = runs.forecast;
          sections.push(
            (await import('../../report/sections/forecast.js')).forecastSection(
              scores,
              run.series.map((s, i) => ({
                entity: s.entity,
                periods: s.periods,
                model: run.models[i],
                forecastPeriods: s.forecastPeriods,
                forecast: s.forecast,
              })),
              { value: system },
              opts,
            ),
          );
        }
        break;
      case 'mediate':
      case 'threshold':
        if (!mechanismDone && (runs.mediate || runs.threshold)) {
          mechanismDone = true;
          sections.push(
            (await import('../../report/sections/mechanism.js')).mechanismSection(
              { mediation: runs.mediate, threshold: runs.threshold },
              { lang, datasetName: panel.meta.name },
            ),
          );
        }
        break;
      case 'diagnose':
        if (runs.diagnose && !runs.diagnose.isolationError) {
          const d = runs.diagnose;
          sections.push(
            (await import('../../report/sections/diagnosis.js')).diagnosisSection(
              m.panel,
              {
                dormancy: d.dormancy,
                disorder: d.disorder,
                isolation: d.isolation,
                isolationPeriod: d.isolationPeriod,
              },
              opts,
            ),
          );
        }
        break;
      case 'sensitivity':
        if (runs.sensitivity)
          sections.push(
            (await import('../../report/sections/robustness.js')).robustnessSection(
              panel,
              framework,
              [runs.sensitivity],
              { lang },
            ),
          );
        break;
      case 'spatialRegress':
      case 'scenario':
        if (!spilloverDone && runs.spatialRegress) {
          spilloverDone = true;
          sections.push(
            (await import('../../report/sections/spillover.js')).spilloverSection(
              { fit: runs.spatialRegress, scenario: runs.scenario, entities: scores.entities },
              { lang, datasetName: panel.meta.name },
            ),
          );
        }
        break;
    }
  }
  return sections;
}
