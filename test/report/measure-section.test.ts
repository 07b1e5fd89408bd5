import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderReport } from '../../src/report/document.js';
import { measureSections, reportDataset } from '../../src/report/sections/measure.js';
import { COUNTRIES, FRAMEWORK, PROVINCES, PWT_CITATION, sampleMeasure } from './sample.js';
import { colouredRegions } from './svg.js';

const years = [2015, 2016, 2017, 2018];
const world = sampleMeasure(COUNTRIES, years, {
  name: 'world-pwt',
  title: 'Penn World Table 9.1',
  simulated: false,
  citation: PWT_CITATION,
});
const china = sampleMeasure(PROVINCES, years, { name: 'china-sim', title: 'china-sim (simulated)', simulated: true });

function sampleReport(lang: 'en' | 'zh') {
  return renderReport({
    title: lang === 'zh' ? '新质生产力测度报告' : 'New Quality Productive Forces: measurement report',
    lang,
    datasets: [reportDataset(world.panel), reportDataset(china.panel)],
    sections: [
      ...measureSections(world.panel, FRAMEWORK, world.result, { lang, entities: ['CHN'] }),
      ...measureSections(china.panel, FRAMEWORK, china.result, { lang }),
    ],
  });
}

describe('measureSections', () => {
  const sections = measureSections(china.panel, FRAMEWORK, china.result);

  it('gives the framework, ranking, time, profile, map and methods sections, tied to the dataset', () => {
    expect(sections.map((s) => s.id)).toEqual(
      ['framework', 'ranking', 'time', 'profiles', 'map', 'methods'].map((k) => `measure-china-sim-${k}`),
    );
    expect(sections.every((s) => s.datasetName === 'china-sim')).toBe(true);
  });

  it('ranks the latest period with the change in rank since the first', () => {
    const table = sections[1].blocks.find((b) => b.kind === 'table');
    if (table?.kind !== 'table') throw new Error('no ranking table');
    // Heilongjiang (last entity) climbs 0.2 a year from the bottom: rank 7 in 2015, rank 1 in 2018.
    expect(table.rows[0]).toMatchObject({ rank: 1, entity: 'Heilongjiang', change: 6 });
    expect(table.rows[1]).toMatchObject({ rank: 2, entity: 'Beijing', change: -1 });
    expect(table.rows.map((r) => r.rank)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(table.rows[0].index).toBeCloseTo(0.2 + 0.5 * (1 - 6 / 7) + 0.6, 12);
    expect(table.columns.map((c) => c.key)).toEqual([
      'rank',
      'entity',
      'index',
      'd:labor',
      'd:means',
      'd:objects',
      'change',
    ]);
  });

  it('maps Chinese provinces on the China map and countries on the world map', () => {
    const chinaFig = sections[4].blocks.find((b) => b.kind === 'figure');
    if (chinaFig?.kind !== 'figure') throw new Error('no map');
    expect(colouredRegions(chinaFig.svg)).toBe(7);
    const worldFig = measureSections(world.panel, FRAMEWORK, world.result)[4].blocks.find((b) => b.kind === 'figure');
    if (worldFig?.kind !== 'figure') throw new Error('no map');
    expect(colouredRegions(worldFig.svg)).toBe(7);
    expect(worldFig.svg.length).toBeGreaterThan(100_000);
    // Singapore is too small for the 1:110m map: the figure says it is not shown.
    const withSgp = sampleMeasure([...COUNTRIES, { id: 'SGP', name: 'Singapore', iso3: 'SGP' }], years, {
      name: 'world-pwt',
      simulated: false,
    });
    const sgpFig = measureSections(withSgp.panel, FRAMEWORK, withSgp.result)[4].blocks.find((b) => b.kind === 'figure');
    if (sgpFig?.kind !== 'figure') throw new Error('no map');
    expect(sgpFig.note).toBe('Not on the map: Singapore.');
    expect(colouredRegions(sgpFig.svg)).toBe(7);
  });

  it('states the formulas of the options used', () => {
    const html = renderReport({ title: 't', datasets: [reportDataset(china.panel)], sections: [sections[5]] });
    expect(html).toContain('Min–max normalisation with direction');
    expect(html).toContain('Entropy weights');
    expect(html).toContain('Weighted arithmetic mean');
    expect(html).not.toContain('TOPSIS');
    const topsis = measureSections(china.panel, FRAMEWORK, {
      ...china.result,
      options: { ...china.result.options, aggregate: 'topsis', weights: 'entropy+critic', normalize: 'minmax-shift' },
    });
    const html2 = renderReport({ title: 't', datasets: [reportDataset(china.panel)], sections: [topsis[5]] });
    expect(html2).toContain('TOPSIS closeness');
    expect(html2).toContain('CRITIC weights');
    expect(html2).toContain('Combined weights');
    expect(html2).toMatch(/<i>s<\/i><span class="op">=<\/span>0\.0001/);
  });

  it('writes a full sample report in English and Chinese', () => {
    const en = sampleReport('en');
    const zh = sampleReport('zh');
    const dir = mkdtempSync(join(tmpdir(), 'nqpf-report-'));
    writeFileSync(join(dir, 'report.html'), en);
    writeFileSync(join(dir, 'report-zh.html'), zh);
    // Six china-sim sections, each with the banner; none on world-pwt.
    expect(en.split('<div class="sim-banner"').length - 1).toBe(6);
    // Every world-pwt figure and table carries the citation: 5 figures (2 lines + 1 selected + radar + map) and 1 ranking table.
    expect(en.split('Source: Feenstra, Robert C.').length - 1).toBe(6);
    expect(zh).toContain('劳动者');
    expect(zh).toContain('高等教育人口占比');
    expect(zh).toContain('中国');
    expect(zh).toContain('内蒙古');
    expect(zh).toContain('排名');
    expect(en).toContain('indicator &lt;x&gt; is constant &amp; got weight 0');
    expect(en).not.toMatch(/(src|href)\s*=\s*["']?(https?:)?\/\//i);
  });
});
