import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runInProcess } from '../helpers/cli.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the --json shape differs per command
type Json = any;

const PNG = [0x89, 0x50, 0x4e, 0x47];

/** Run a command with --out into a fresh folder and with --json; return the folder and the JSON. */
async function run(args: string[]): Promise<{ dir: string; json: Json }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'nqpf-out4-'));
  const r = await runInProcess([...args, '--out', dir, '--json']);
  expect(r.stderr.split('\n').filter((l) => l.startsWith('error'))).toEqual([]);
  expect(r.code).toBe(0);
  return { dir, json: JSON.parse(r.stdout) };
}

/** CSV rows (BOM removed), split on commas (the asserted columns hold no quoted commas). */
function csv(dir: string, file: string): string[][] {
  const text = readFileSync(path.join(dir, file), 'utf8');
  expect(text.charCodeAt(0)).toBe(0xfeff);
  return text
    .slice(1)
    .split(/\r?\n/)
    .filter((l) => l.trim())
    .map((l) => l.split(','));
}

function expectFiles(dir: string, command: string, charts: boolean, sectionTitle: RegExp): void {
  expect([...readFileSync(path.join(dir, `${command}.xlsx`)).subarray(0, 2)]).toEqual([0x50, 0x4b]);
  const html = readFileSync(path.join(dir, 'index.html'), 'utf8');
  expect(html).toContain('</html>');
  expect(html).toMatch(sectionTitle);
  if (!charts) return;
  const list = readdirSync(path.join(dir, 'charts'));
  const svg = list.filter((f) => f.endsWith('.svg'));
  expect(svg.length).toBeGreaterThan(0);
  expect(readFileSync(path.join(dir, 'charts', svg[0]), 'utf8')).toContain('<svg');
  const png = list.filter((f) => f.endsWith('.png'));
  expect(png).toHaveLength(svg.length);
  expect([...readFileSync(path.join(dir, 'charts', png[0])).subarray(0, 4)]).toEqual(PNG);
}

describe('--out of regress, convergence, markov and obstacle: CSV, XLSX, charts and the HTML report', () => {
  it('regress: the regression table as CSV, XLSX and a report section', async () => {
    const { dir, json } = await run([
      'regress',
      '--data',
      'china-sim',
      '--formula',
      'labor_productivity ~ rd_intensity | province + year',
    ]);
    expectFiles(dir, 'regress', false, /Mechanism: panel regressions/);
    const rows = csv(dir, 'regression.csv');
    const rd = rows.find((r) => r[0] === 'rd_intensity');
    expect(rd).toBeDefined();
    const b = json.coefficients.find((c: { term: string }) => c.term === 'rd_intensity').estimate as number;
    expect(parseFloat(rd![1].replace(/\*/g, ''))).toBeCloseTo(b, 3);
    expect(json.files).toContain('index.html');
  });
});

describe('--out of convergence', () => {
  it('convergence: sigma and beta tables, the σ line chart and the section', async () => {
    const { dir, json } = await run(['convergence', '--data', 'china-sim', '--value', 'gdp_per_capita']);
    expectFiles(dir, 'convergence', true, /σ- and β-convergence/);
    const sigma = csv(dir, 'sigma.csv');
    expect(sigma[0]).toEqual(['period', 'n', 'cv']);
    const first = json.sigma.periods[0] as { period: number; sigma: number };
    expect(Number(sigma[1][0])).toBe(first.period);
    expect(Number(sigma[1][2])).toBeCloseTo(first.sigma, 10);
    expect(csv(dir, 'beta.csv').length).toBeGreaterThan(2);
  });
});

describe('--out of markov', () => {
  it('markov: the transition table, its heatmap and the section', async () => {
    const { dir, json } = await run(['markov', '--data', 'china-sim', '--value', 'rd_intensity', '--classes', '4']);
    expectFiles(dir, 'markov', true, /Markov chain of quantile classes/);
    const rows = csv(dir, 'markov.csv');
    const p12 = rows.find((r) => r[1] === '1' && r[2] === '2');
    expect(Number(p12![4])).toBeCloseTo(json.probabilities[0][1] as number, 10);
  });
  it('markov --spatial: one heatmap per neighbourhood class and the homogeneity test', async () => {
    const { dir, json } = await run(['markov', '--data', 'china-sim', '--value', 'rd_intensity', '--spatial']);
    expectFiles(dir, 'markov', true, /Spatial Markov chain/);
    expect(readdirSync(path.join(dir, 'charts')).filter((f) => f.endsWith('.svg'))).toHaveLength(4);
    const test = csv(dir, 'homogeneity-test.csv');
    expect(Number(test[1][0])).toBeCloseTo(json.test.LR as number, 10);
  });
});

describe('--out of obstacle', () => {
  it('obstacle: the obstacle tables, a bar chart of the top obstacles and the section', async () => {
    const { dir, json } = await run(['obstacle', '--data', 'china-sim', '--system', 'nqpf', '--top', '3']);
    expectFiles(dir, 'obstacle', true, /Obstacle degree diagnosis/);
    const summary = csv(dir, 'obstacle-summary.csv');
    expect(summary[0]).toEqual(['period', 'system', 'indicator', 'dimension', 'top_count', 'mean_obstacle']);
    const first = json.summary[0] as { period: number; indicators: { id: string; meanObstacle: number }[] };
    const row = summary.find((r) => Number(r[0]) === first.period && r[2] === first.indicators[0].id);
    expect(Number(row![5])).toBeCloseTo(first.indicators[0].meanObstacle, 10);
  });
});
