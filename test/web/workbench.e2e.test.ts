/**
 * The workbench end to end in Debian's Chromium (playwright-core, never a downloaded browser),
 * against the built app served by `nqpf app`'s server on a random port. What the page shows is
 * compared with the engine's result computed here in Node (what `nqpf measure --json` prints).
 */
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { readSheet } from 'read-excel-file/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureWebBuild } from '../../src/cli/commands/app.js';
import { runProject } from '../../src/cli/commands/run.js';
import { readFrameworkFile } from '../../src/io/framework-file.js';
import { readPanel } from '../../src/io/read-panel.js';
import { serveStatic, type StaticServer } from '../../src/io/static-server.js';
import { measurePanel } from '../../src/measure/pipeline.js';

const CHROMIUM = '/usr/bin/chromium';
const FIX = path.resolve('test/fixtures/web');
const DATA = path.join(FIX, 'provinces-gbk.csv');
const FRAMEWORK = path.join(FIX, 'framework-zh.yaml');

let server: StaticServer;
let context: BrowserContext;
let page: Page;
let userDir: string;
const requests: string[] = [];
const pageErrors: string[] = [];

beforeAll(async () => {
  if (!existsSync(CHROMIUM))
    throw new Error(
      `${CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium); .ci/run does this`,
    );
  ensureWebBuild(() => undefined);
  server = await serveStatic('dist/web', { port: 0 });
  userDir = mkdtempSync(path.join(tmpdir(), 'nqpf-e2e-'));
  // A fresh user-data-dir per run (launchPersistentContext is how Playwright takes one).
  context = await chromium.launchPersistentContext(userDir, {
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--headless',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
    acceptDownloads: true,
    viewport: { width: 1280, height: 800 },
    locale: 'en-US',
  });
  page = context.pages()[0] ?? (await context.newPage());
  page.on('request', (r) => requests.push(r.url()));
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto(server.url);
  await page.waitForSelector('body[data-ready=true]');
}, 120_000);

afterAll(async () => {
  await context?.close();
  await server?.close();
  if (userDir) rmSync(userDir, { recursive: true, force: true });
});

describe('workbench in Chromium', () => {
  it('GBK CSV with Chinese headers + framework YAML → ranking equal to the engine to full precision', async () => {
    await page.setInputFiles('[data-testid=data-file]', DATA);
    await page.waitForSelector('[data-testid=data-summary]', { state: 'attached' });
    await page.setInputFiles('[data-testid=framework-file]', FRAMEWORK);
    await page.click('[data-testid=run-measure]');
    await page.waitForSelector('[data-testid=ranking-table] [data-entity]', { state: 'attached' });
    // A user's own file carries no SIMULATED banner.
    expect(await page.locator('[data-testid=simulated-banner]').count()).toBe(0);
    const shown = await page.$$eval('[data-testid=ranking-table] [data-entity]', (rows) =>
      rows.map((r) => ({
        entity: r.getAttribute('data-entity'),
        rank: Number(r.getAttribute('data-rank')),
        index: r.getAttribute('data-index'),
      })),
    );
    // The engine in Node, as `nqpf measure --data provinces-gbk.csv --framework framework-zh.yaml --json` runs it.
    const m = measurePanel(await readPanel(DATA), await readFrameworkFile(FRAMEWORK), {});
    const last = Math.max(...m.result.scores.map((s) => s.period));
    const expected = m.result.scores
      .filter((s) => s.system === 'nqpf' && s.period === last)
      .sort((a, b) => a.rank - b.rank);
    expect(shown.length).toBe(expected.length);
    expect(shown.length).toBe(12);
    expect(shown).toEqual(expected.map((s) => ({ entity: s.entity, rank: s.rank, index: String(s.index) })));
    expect(shown[0].entity).toBe('北京');
  });

  it('each chart of the measure step is drawn and not empty', async () => {
    await page.waitForSelector('[data-chart=index-map] svg', { state: 'attached' });
    const charts = await page.$$eval('[data-step=measure] [data-testid=chart]', (els) =>
      els.map((e) => ({
        name: e.getAttribute('data-chart'),
        shapes: e.querySelectorAll('svg path, svg polyline, svg rect, svg polygon').length,
      })),
    );
    expect(charts.map((c) => c.name).sort()).toEqual(['index-map', 'index-over-time', 'radar', 'weights']);
    for (const c of charts) expect(c.shapes, c.name!).toBeGreaterThan(5);
  });

  it('exports the measure results as XLSX', async () => {
    await page.click('nav button:nth-child(5)');
    const [dl] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=export-xlsx]')]);
    expect(dl.suggestedFilename()).toBe('scores.xlsx');
    const file = await dl.path();
    const rows = (await readSheet(readFileSync(file))) as unknown[][];
    expect(rows[0].slice(0, 5)).toEqual(['地区', '年份', 'system', 'index', 'rank']);
    // One row per scored entity-period: 60 rows less 甘肃 2019, whose "—" placeholder leaves it unscored (impute none).
    expect(rows.length).toBe(1 + 59);
  });

  it('the project file: saved by the workbench, replayed by nqpf run with the same indices, reopened by the workbench', async () => {
    const before = await page.$$eval('[data-testid=ranking-table] [data-entity]', (r) =>
      r.map((x) => [x.getAttribute('data-entity'), x.getAttribute('data-index')]),
    );
    const [dl] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=export-project]')]);
    const dir = mkdtempSync(path.join(tmpdir(), 'nqpf-e2e-project-'));
    try {
      const project = path.join(dir, 'nqpf-project.json');
      copyFileSync(await dl.path(), project);
      copyFileSync(DATA, path.join(dir, 'provinces-gbk.csv'));
      const { measured } = await runProject(project);
      const last = Math.max(...measured.result.scores.map((s) => s.period));
      const cli = measured.result.scores
        .filter((s) => s.period === last)
        .sort((a, b) => a.rank - b.rank)
        .map((s) => [s.entity, String(s.index)]);
      expect(cli).toEqual(before);
      const again = await context.newPage();
      await again.goto(server.url);
      await again.setInputFiles('[data-testid=project-file]', project);
      await again.waitForFunction(() =>
        document.querySelector('[data-step=data]')?.textContent?.includes('provinces-gbk.csv'),
      );
      await again.setInputFiles('[data-testid=data-file]', DATA);
      await again.waitForSelector('[data-testid=ranking-table] [data-entity]', { state: 'attached' });
      expect(
        await again.$$eval('[data-testid=ranking-table] [data-entity]', (r) =>
          r.map((x) => [x.getAttribute('data-entity'), x.getAttribute('data-index')]),
        ),
      ).toEqual(before);
      await again.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a bad file shows its error inline, with the row and the fix', async () => {
    await page.click('nav button:nth-child(1)');
    await page.setInputFiles('[data-testid=data-file]', path.join(FIX, 'bad-duplicate.csv'));
    const err = await page.waitForSelector('[data-step=data] [data-testid=error]');
    const text = await err.innerText();
    expect(text).toContain('bad-duplicate.csv');
    expect(text).toMatch(/row 3/);
    expect(text).toMatch(/Fix:/);
  });

  it('the zh toggle switches the page and <html lang>', async () => {
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await page.click('[data-testid=lang-toggle]');
    expect(await page.getAttribute('html', 'lang')).toMatch(/^zh/);
    expect(await page.innerText('footer')).toContain('隐私');
    await page.click('[data-testid=lang-toggle]');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
  });

  it('built-in china-sim: every chart of the analyse step is drawn (coupling, Dagum Gini, density, LISA map), and a regression', async () => {
    await page.click('nav button:nth-child(1)');
    await page.selectOption('#builtin', 'china-sim');
    await page.click('[data-testid=load-builtin]');
    await page.waitForFunction(() =>
      document.querySelector('[data-testid=data-label]')?.textContent?.includes('SIMULATED'),
    );
    // The framework step keeps the uploaded framework, so load the built-in one.
    await page.click('nav button:nth-child(2)');
    await page.selectOption('#builtin-fw', 'seed');
    await page.click('[data-step=framework] aside .row button');
    // china-sim has gaps (about 3% of cells): interpolate within provinces, as `nqpf demo` does.
    await page.selectOption('#impute-m', 'linear');
    await page.click('[data-testid=run-measure]');
    await page
      .waitForSelector('[data-testid=ranking-table] [data-entity=Beijing]', { state: 'attached' })
      .catch(async (e) => {
        await page.screenshot({ path: path.join(tmpdir(), 'nqpf-e2e-fail.png') });
        throw e;
      });
    // Simulated data stays labelled on the later steps, not only where it was chosen.
    expect(await page.locator('[data-testid=simulated-banner]').isVisible()).toBe(true);
    await page.click('nav button:nth-child(4)');
    await page.click('[data-testid=run-couple]');
    await page.waitForSelector('[data-chart=coupling-heatmap]', { state: 'attached' });
    await page.click('[data-testid=run-disparity]');
    await page.waitForSelector('[data-chart=dagum-gini]', { state: 'attached' });
    await page.click('[data-testid=run-density]');
    await page.waitForSelector('[data-chart=density]', { state: 'attached' });
    await page.click('[data-testid=run-moran]');
    await page.waitForSelector('[data-testid=moran-i]', { state: 'attached' });
    // Maps load on demand after each render: wait until both are drawn.
    await page.waitForFunction(() =>
      ['coupling-map', 'lisa-map'].every((n) => document.querySelector(`[data-chart=${n}] svg path`)),
    );
    const charts = await page.$$eval('[data-step=analyse] [data-testid=chart]', (els) =>
      els.map((e) => ({ name: e.getAttribute('data-chart'), shapes: e.querySelectorAll('svg path, svg rect').length })),
    );
    expect(charts.map((c) => c.name).sort()).toEqual([
      'coupling-heatmap',
      'coupling-map',
      'dagum-gini',
      'density',
      'lisa-map',
    ]);
    for (const c of charts) expect(c.shapes, c.name!).toBeGreaterThan(10);
    // The three problems (src/diagnose in the worker): a table per problem, the report section's wording.
    await page.click('[data-testid=run-diagnose]');
    const diag = await page.waitForSelector('[data-testid=view-diagnosis]', { state: 'attached' });
    const diagText = await diag.innerText();
    for (const head of ['Data dormancy', 'Structural disorder', 'Ecological isolation'])
      expect(diagText).toContain(head);
    const rowsOf = (id: string) => page.$$eval(`[data-testid=${id}] tbody tr`, (r) => r.length);
    expect(await rowsOf('diagnosis-dormancy')).toBeGreaterThan(5);
    expect(await rowsOf('diagnosis-disorder')).toBeGreaterThan(5);
    expect(await rowsOf('diagnosis-lagging')).toBeGreaterThanOrEqual(2);
    expect(await rowsOf('diagnosis-isolation')).toBe(3);
    expect(await page.$eval('[data-testid=diagnosis-disorder] tbody tr td:nth-child(2)', (e) => e.textContent)).toMatch(
      /^0\.\d{3}$/,
    );
    // The regression builder's default model: the first system's index on nothing but two-way fixed effects is
    // refused as having no regressors, so pick one.
    await page.selectOption('#reg-x', ['rd_intensity']);
    await page.click('[data-testid=run-regress]');
    const row = await page.waitForSelector('[data-testid=regress-table] tbody tr', { state: 'attached' });
    expect(await row.innerText()).toContain('rd_intensity');
    // GM(1,1) forecasts of the three leaders: a chart and one table row each.
    await page.click('[data-testid=run-forecast]');
    await page.waitForSelector('[data-chart=forecast]', { state: 'attached' });
    expect(await page.$$eval('[data-testid=forecast-table] tbody tr', (r) => r.length)).toBe(3);
    expect(await page.$$eval('[data-chart=forecast] svg path', (p) => p.length)).toBeGreaterThan(10);
    // Long work can be cancelled: a mediation with 200 000 bootstrap replications, stopped at once;
    // the next computation runs in a new worker that replays the data, framework and measurement.
    await page.fill('[data-step=analyse] input[type=number]', '200000');
    await page.dispatchEvent('[data-step=analyse] input[type=number]', 'change');
    await page.click('[data-testid=run-mediate]');
    await page.click('[data-testid=busy] button');
    await page.waitForFunction(() =>
      document.querySelector('[data-step=analyse]')?.textContent?.includes('Cancelled.'),
    );
    await page.click('[data-testid=run-forecast]');
    await page.waitForFunction(
      () =>
        !document.querySelector('[data-testid=busy]') &&
        document.querySelectorAll('[data-testid=forecast-table] tbody tr').length === 3,
    );
  });

  it('contacted no host but its own origin, and threw no page errors', () => {
    const origin = new URL(server.url).origin;
    const foreign = requests.filter((u) => !u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:'));
    expect(requests.length).toBeGreaterThan(3);
    expect(foreign).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
