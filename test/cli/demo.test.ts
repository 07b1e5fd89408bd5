import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runInProcess } from '../helpers/cli.js';
import { docxParagraphs, docxParts, docxTables, threeLineRules } from '../helpers/docx.js';

// One demo run (few bootstrap draws to keep it short) shared by the assertions below.
let dir = '';
let html = '';
let run: { code: number; stdout: string; stderr: string };

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'nqpf-demo-'));
  run = await runInProcess(['demo', '--out', dir, '--bootstrap', '50', '--json']);
  html = readFileSync(path.join(dir, 'index.html'), 'utf8');
}, 300_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** The HTML of one section, from its opening tag to the next section. */
function section(id: string): string {
  const start = html.indexOf(`id="${id}"`);
  if (start < 0) return '';
  const end = html.indexOf('<section', start + 10);
  return html.slice(start, end < 0 ? undefined : end);
}

describe('nqpf demo', () => {
  it('writes DIR/index.html and prints one JSON object naming its sections', () => {
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(out.report).toBe(path.join(dir, 'index.html'));
    expect(out.sections.length).toBeGreaterThanOrEqual(29);
  });

  it('has every stage for both built-in examples, each with its charts', () => {
    for (const ds of ['world-pwt', 'china-sim']) {
      expect(section(`coverage-${ds}`)).toContain('<svg');
      // measure: framework tree, ranking, index over time, radar profiles, map, methods
      expect(section(`measure-${ds}-ranking`)).toContain('<table');
      expect(section(`measure-${ds}-time`)).toContain('<svg');
      expect(section(`measure-${ds}-profiles`)).toContain('<svg');
      expect(section(`measure-${ds}-map`)).toContain('<svg');
      // the descriptive stages: coupling heatmap and level map, Dagum contributions, ridgeline, LISA map, ellipse, forecast fan, diagnosis
      expect((section(`couple-${ds}`).match(/<svg/g) ?? []).length).toBeGreaterThanOrEqual(2);
      expect((section(`disparity-${ds}`).match(/<svg/g) ?? []).length).toBeGreaterThanOrEqual(2);
      expect(section(`density-${ds}`)).toContain('<svg');
      expect(section(`lisa-${ds}`)).toContain('<svg');
      expect(section(`ellipse-${ds}`)).toContain('<svg');
      expect((section(`forecast-${ds}`).match(/<svg/g) ?? []).length).toBe(3);
      expect(section(`diagnosis-${ds}`)).toContain('<svg');
      expect((section(`robustness-${ds}`).match(/<svg/g) ?? []).length).toBe(2);
    }
  });

  it('writes the report’s tables to tables.docx: three-line tables, each with its dataset’s source line', () => {
    const doc = docxParts(new Uint8Array(readFileSync(path.join(dir, 'tables.docx'))))['word/document.xml'];
    const tables = docxTables(doc);
    expect(tables.length).toBeGreaterThan(10);
    for (const t of tables) expect(threeLineRules(t)).toEqual([]);
    const paras = docxParagraphs(doc);
    expect(paras.some((p) => /^Source: .*Penn World Table/.test(p))).toBe(true);
    expect(paras.some((p) => /^Source: .*\(simulated\)$/.test(p))).toBe(true);
  });

  it('labels simulated data and cites PWT 9.1', () => {
    expect(section('couple-china-sim')).toMatch(/SIMULATED/);
    expect(section('couple-world-pwt')).not.toMatch(/SIMULATED DATA/);
    expect(html).toContain('The Next Generation of the Penn World Table');
  });

  it('shows the mechanism on china-sim with the true parameters beside the estimates', () => {
    const m = section('mechanism-china-sim');
    expect(m).toMatch(/SIMULATED/);
    expect(m).toContain('0.180'); // true indirect effect through industry, a·d = 0.6·0.3
    expect(m).toContain('11.000'); // true threshold γ = 11
  });

  it('shows the spillover part: LM tests, SDM estimates and effects beside the true values, a scenario map, SIMULATED', () => {
    const s = section('spillover-china-sim');
    expect(s).toMatch(/SIMULATED/);
    expect(s).toContain('Robust LM lag');
    expect(s).toContain('W*innovation');
    expect(s).toContain('0.300'); // true ρ of nqpf_sdm
    expect(s).toContain('<svg'); // scenario map
  });

  it('opens offline: no external scripts, styles or fonts', () => {
    expect(html).not.toMatch(/<script[^>]+src=/i);
    expect(html).not.toMatch(/<link[^>]+href="https?:/i);
    expect(html).not.toMatch(/url\(\s*['"]?https?:/i);
  });
});
