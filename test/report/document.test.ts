import { describe, expect, it } from 'vitest';
import { lineChart } from '../../src/report/charts/line.js';
import { renderReport } from '../../src/report/document.js';
import type { ReportDataset, ReportSection } from '../../src/report/blocks.js';
import { PWT_CITATION } from './sample.js';

const datasets: ReportDataset[] = [
  { name: 'world-pwt', title: 'Penn World Table 9.1', simulated: false, citation: PWT_CITATION, licence: 'CC BY 4.0' },
  { name: 'china-sim', title: { en: 'Simulated Chinese provinces', zh: '模拟省级数据' }, simulated: true },
];
const svg = lineChart({ periods: [2000, 2001], series: [{ name: 'A', values: [1, 2] }] });

function sections(): ReportSection[] {
  return [
    {
      id: 'world',
      title: 'World <index>',
      datasetName: 'world-pwt',
      blocks: [
        { kind: 'paragraph', text: 'Scores of <b>countries</b> & "regions"' },
        { kind: 'figure', svg, caption: 'Index of A' },
        {
          kind: 'table',
          columns: [
            { key: 'a', label: 'A' },
            { key: 'x', label: 'x', format: { digits: 2 } },
          ],
          rows: [
            { a: '<i>one</i>', x: 1.234 },
            { a: 'two', x: NaN },
          ],
          caption: 'Values',
        },
      ],
    },
    {
      id: 'china',
      title: { en: 'China', zh: '中国' },
      datasetName: 'china-sim',
      blocks: [
        { kind: 'figure', svg, caption: 'Index of A' },
        {
          kind: 'formula',
          tex: 'w_j = \\frac{d_j}{\\sum_l d_l}',
          label: 'Entropy weight',
          where: '$d_j$ is the divergence.',
        },
        {
          kind: 'tree',
          nodes: [{ label: 'Sys', children: [{ label: 'Dim', weight: 0.25, detail: 'benefit' }] }],
          headers: ['Name', 'Weight', 'Detail'],
        },
        { kind: 'notes', notes: [{ level: 'warning', code: 'constant-indicator', message: 'x <is> constant' }] },
      ],
    },
    { id: 'plain', title: 'No data', blocks: [{ kind: 'list', items: ['one', 'two'] }] },
  ];
}

describe('renderReport', () => {
  const html = renderReport({ title: 'NQPF <report>', datasets, sections: sections() });
  const sectionHtml = (id: string) =>
    html.slice(html.indexOf(`<section id="${id}"`), html.indexOf('</section>', html.indexOf(`<section id="${id}"`)));

  it('is one self-contained document: no scripts, no external stylesheets, images, fonts or links', () => {
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).not.toMatch(/<script|<link|<img|<iframe|@import|url\((?!#)/i);
    // Only in-page anchors; the one URL (in the PWT citation) is plain text, not a link.
    const refs = [...html.matchAll(/\s(?:src|href)\s*=\s*"([^"]*)"/g)].map((m) => m[1]);
    expect(refs.length).toBeGreaterThan(0);
    expect(refs.every((r) => r.startsWith('#'))).toBe(true);
    expect(html).not.toMatch(/(src|href)\s*=\s*["']?(https?:)?\/\//i);
  });

  it('puts the SIMULATED DATA banner on every simulated section and only there', () => {
    expect(sectionHtml('china')).toContain('<div class="sim-banner"');
    expect(sectionHtml('china')).toContain('SIMULATED DATA');
    expect(sectionHtml('world')).not.toContain('sim-banner');
    expect(sectionHtml('plain')).not.toContain('sim-banner');
    expect(html.split('<div class="sim-banner"').length - 1).toBe(1);
  });

  it('prints the PWT citation under each PWT figure and table and in the sources', () => {
    const world = sectionHtml('world');
    expect(world.split('Source: Feenstra, Robert C.').length - 1).toBe(2);
    expect(sectionHtml('sources')).toContain('Feenstra, Robert C., Robert Inklaar and Marcel P. Timmer (2015)');
    expect(sectionHtml('sources')).toContain('CC BY 4.0');
    expect(sectionHtml('china')).not.toContain('Feenstra');
  });

  it('has a table of contents linking every section, the sources included', () => {
    for (const id of ['world', 'china', 'plain', 'sources']) expect(html).toContain(`<a href="#${id}">`);
    expect(html).toMatch(/<a href="#china">2\. China<\/a> <span class="badge sim">simulated<\/span>/);
  });

  it('escapes all text', () => {
    expect(html).toContain('<title>NQPF &lt;report&gt;</title>');
    expect(html).toContain('1. World &lt;index&gt;');
    expect(html).toContain('Scores of &lt;b&gt;countries&lt;/b&gt; &amp; &quot;regions&quot;');
    expect(html).toContain('<td class="al-left">&lt;i&gt;one&lt;/i&gt;</td><td class="al-right">1.23</td>');
    expect(html).toContain('<td class="al-right">—</td>');
    expect(html).toContain('x &lt;is&gt; constant');
    expect(html).not.toContain('<b>countries</b>');
  });

  it('numbers figures and tables, gives each figure its own SVG ids, and renders formulas and trees', () => {
    expect(html).toContain('Figure 1. Index of A');
    expect(html).toContain('Figure 2. Index of A');
    expect(html).toContain('Table 1. Values');
    const ids = [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
    expect(html).toContain('<span class="frac"><span class="num"><i>d</i><sub><i>j</i></sub></span>');
    expect(html).toContain('style="width:25%"');
  });

  it('is reproducible: the same input gives the same bytes, whatever was rendered before', () => {
    const again = renderReport({ title: 'NQPF <report>', datasets, sections: sections() });
    expect(again).toBe(renderReport({ title: 'NQPF <report>', datasets, sections: sections() }));
    expect(again).not.toMatch(/\bzr\d+-/);
  });

  it('uses Chinese labels with lang zh', () => {
    const zh = renderReport({ title: '报告', lang: 'zh', datasets, sections: sections() });
    expect(zh).toContain('<html lang="zh-CN">');
    expect(zh).toContain('目录');
    expect(zh).toContain('2. 中国');
    expect(zh).toContain('图 2. Index of A');
    expect(zh).toContain('（模拟数据）');
    expect(zh).toContain('数据来源与引用');
  });

  it('refuses bad section ids, unknown datasets and figures that are not plain SVG', () => {
    expect(() => renderReport({ title: 'x', datasets, sections: [{ id: '1 bad', title: 'x', blocks: [] }] })).toThrow(
      /section id "1 bad"/,
    );
    expect(() =>
      renderReport({
        title: 'x',
        datasets,
        sections: [
          { id: 'a', title: 'x', blocks: [] },
          { id: 'a', title: 'y', blocks: [] },
        ],
      }),
    ).toThrow(/duplicate section id "a"/);
    expect(() =>
      renderReport({ title: 'x', datasets, sections: [{ id: 'a', title: 'x', datasetName: 'nope', blocks: [] }] }),
    ).toThrow(/dataset "nope"/);
    const bad = (s: string) => () =>
      renderReport({
        title: 'x',
        datasets,
        sections: [{ id: 'a', title: 'x', blocks: [{ kind: 'figure', svg: s, caption: 'c' }] }],
      });
    expect(bad('<svg><script>alert(1)</script></svg>')).toThrow(/plain <svg>/);
    expect(bad('<svg><image href="https://example.org/x.png"/></svg>')).toThrow(/plain <svg>/);
    expect(bad('<div></div>')).toThrow(/plain <svg>/);
  });
});
