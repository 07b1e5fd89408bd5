import { describe, expect, it } from 'vitest';
import { chinaSimMechanismTruth, mechanismSection } from '../../src/report/sections/mechanism.js';
import { chinaSimLatent } from './mechanism-helpers.js';
import { renderReport } from '../../src/report/document.js';
import { mediation } from '../../src/explain/mechanisms/mediation.js';
import { panelThreshold } from '../../src/explain/mechanisms/threshold.js';
import { fixturePanel } from './mechanism-helpers.js';

describe('mechanismSection', () => {
  const med = mediation(fixturePanel('test/fixtures/explain/mediation-data.csv'), {
    x: 'x',
    mediators: ['m1', 'm2'],
    y: 'y',
    fe: ['id', 'year'],
    bootstrap: 60,
    seed: 1,
  });
  const thr = panelThreshold(fixturePanel('test/fixtures/explain/threshold-data.csv'), {
    y: 'y',
    x: 'x',
    q: 'q',
    controls: ['z'],
    trim: 0.05,
    bootstrap: 0,
  });
  const section = mechanismSection(
    { mediation: med, threshold: thr, truth: { mediation: { m1: 0.3 }, threshold: { gamma1: 0.6 } } },
    { datasetName: 'sim', lang: 'en' },
  );

  it('holds the results it was given, X→M first, with the true values beside', () => {
    const tables = section.blocks.filter((b) => b.kind === 'table');
    expect(tables.length).toBe(4);
    const xm = tables[0];
    expect(xm.kind === 'table' && xm.rows.map((r) => r.path)).toEqual([
      'x → y',
      'x → m1',
      'x → m2',
      'm1 → y | x',
      'm2 → y | x',
      'x → y | m1, m2',
    ]);
    const ind = tables[1];
    expect(ind.kind === 'table' && ind.rows[0].estimate).toBe(med.indirect[0].estimate);
    expect(ind.kind === 'table' && ind.rows[0].truth).toBe(0.3);
    const g = tables[2];
    expect(g.kind === 'table' && g.rows[0].estimate).toBe(thr.thresholds[0].estimate);
    expect(section.blocks.some((b) => b.kind === 'paragraph' && /Jiang Ting/.test(String(b.text)))).toBe(true);
  });

  it('renders in a report with the SIMULATED banner', () => {
    const html = renderReport({
      title: 'Mechanism',
      datasets: [{ name: 'sim', simulated: true }],
      sections: [section],
    });
    expect(html).toContain('Mechanism: innovation → NQPF');
    expect(html).toMatch(/SIMULATED/);
    expect(html).toContain('Wen–Ye verdict');
  });

  it('maps china-sim-truth.json to the keys of the latent-variable analysis', async () => {
    const t = chinaSimMechanismTruth((await chinaSimLatent()).truth);
    expect(t.mediation!.industry).toBeCloseTo(0.18, 12);
    expect(t.mediation!.talent).toBeCloseTo(0.125, 12);
    expect(t.threshold!.gamma1).toBe(11);
  });
});
