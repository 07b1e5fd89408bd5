import type { Panel } from '../../data/panel.js';
import type { DensityByPeriodResult } from '../../dynamics/density-by-period.js';
import type { ReportSection } from '../blocks.js';
import { ridgelineChart } from '../charts/ridgeline.js';
import { txt } from '../charts/theme.js';
import { registerTerms, t, term, tf } from '../i18n.js';
import { datasetSection, type SectionOptions } from './section.js';

registerTerms({
  densitySection: { en: 'Distribution dynamics', zh: '分布动态' },
  densityCaption: { en: 'Kernel densities of {value} by year', zh: '{value}逐年核密度' },
  densityTable: { en: 'Shape of the densities', zh: '核密度形态' },
  bandwidth: { en: 'Bandwidth', zh: '带宽' },
  mainPeak: { en: 'Main peak at', zh: '主峰位置' },
  peakHeight: { en: 'Peak height', zh: '主峰高度' },
  peaks: { en: 'Peaks', zh: '波峰数' },
});

/** Distribution dynamics: a ridgeline of the per-period kernel densities and a table of their shape. */
export function densitySection(
  panel: Panel,
  result: DensityByPeriodResult,
  options: SectionOptions = {},
): ReportSection {
  const lang = options.lang ?? 'en';
  const value = txt(options.names?.[result.value] ?? result.value, lang);
  return datasetSection('density', 'densitySection', panel, options, [
    {
      kind: 'figure',
      caption: tf('densityCaption', lang, { value }),
      svg: ridgelineChart({
        lang,
        x: result.grid,
        xName: value,
        densities: result.curves.map((c) => ({ name: c.period, y: c.y })),
      }),
    },
    {
      kind: 'table',
      caption: t('densityTable', lang),
      columns: [
        { key: 'period', label: term('year') },
        { key: 'n', label: 'N', format: { digits: 0 } },
        { key: 'bw', label: term('bandwidth'), format: { digits: 4 } },
        { key: 'peakX', label: term('mainPeak'), format: { digits: 4 } },
        { key: 'peakY', label: term('peakHeight'), format: { digits: 3 } },
        { key: 'peaks', label: term('peaks'), format: { digits: 0 } },
      ],
      rows: result.curves.map((c) => ({
        period: String(c.period),
        n: c.n,
        bw: c.bw,
        peakX: c.peakX,
        peakY: c.peakY,
        peaks: c.peaks,
      })),
    },
    { kind: 'notes', notes: result.notes },
  ]);
}
