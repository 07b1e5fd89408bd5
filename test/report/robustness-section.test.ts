import { describe, expect, it } from 'vitest';
import { renderReport } from '../../src/report/document.js';
import { rankUncertaintyOption } from '../../src/report/charts/uncertainty.js';
import { robustnessSection } from '../../src/report/sections/robustness.js';
import { reportDataset } from '../../src/report/sections/measure.js';
import { sensitivity } from '../../src/robustness/sensitivity.js';
import { madeUpFramework, madeUpPanel } from '../robustness/panel.js';

const panel = madeUpPanel();
const framework = madeUpFramework();
const result = sensitivity(panel, framework, {
  measure: { normalize: 'minmax-shift' },
  vary: [{ flag: 'weights', levels: ['entropy', 'equal'] }],
  perturbWeights: 0.2,
  dropIndicators: true,
  runs: 64,
  bootstrap: 50,
});

describe('Robustness report section', () => {
  it.each(['en', 'zh'] as const)(
    'has the uncertainty and sensitivity charts, the leave-one-out and coherence tables (%s)',
    (lang) => {
      const s = robustnessSection(panel, framework, result.systems, { lang });
      expect(s.id).toBe(`robustness-${panel.meta.name}`);
      const figures = s.blocks.filter((b) => b.kind === 'figure');
      const tables = s.blocks.filter((b) => b.kind === 'table');
      expect(figures).toHaveLength(4); // two systems × (uncertainty, first-order vs total)
      expect(tables).toHaveLength(8); // two systems × (indices, leave-one-out, indicator and dimension coherence)
      const html = renderReport({ title: 'test', lang, datasets: [reportDataset(panel)], sections: [s] });
      if (lang === 'zh') {
        expect(s.title).toMatch(/^指数稳健性检验/);
        for (const w of ['名义排名', '一阶指数', '总效应指数', '剔除对象', 'Cronbach α', '赋权方法', '权重扰动'])
          expect(html).toContain(w);
      } else {
        expect(s.title).toMatch(/^Robustness of the index/);
        for (const w of [
          'Nominal rank',
          'First order',
          'Total',
          'Left out',
          'Cronbach’s α',
          'weighting method',
          'weight perturbation',
        ])
          expect(html).toContain(w);
      }
    },
  );

  it('the uncertainty chart puts rank 1 on top, the 5–95% bar, the median tick and the nominal dot per entity in nominal order', () => {
    const u = result.systems[0].uncertainty;
    const o = rankUncertaintyOption({
      entities: u.map((x) => ({ label: x.entity, nominal: x.nominalRank, median: x.medianRank, lo: x.q05, hi: x.q95 })),
      names: ['band', 'median', 'nominal'],
    }) as {
      yAxis: { inverse: boolean };
      xAxis: { data: string[] };
      series: { data: number[] }[];
    };
    expect(o.yAxis.inverse).toBe(true);
    expect(o.xAxis.data).toEqual(result.systems[0].nominal.map((n) => n.entity));
    u.forEach((x, i) => {
      expect(o.series[0].data[i] + o.series[1].data[i]).toBeCloseTo(x.q95 + 0.25, 12);
      expect(o.series[2].data[i]).toBe(x.medianRank);
      expect(o.series[3].data[i]).toBe(x.nominalRank);
    });
    expect([...result.systems[0].nominal.map((n) => n.rank)]).toEqual(
      [...result.systems[0].nominal.map((n) => n.rank)].sort((a, b) => a - b),
    );
  });
});
