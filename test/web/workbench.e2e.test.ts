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
import { loadBuiltinDataset } from '../../src/io/builtin.js';
import { getBuiltinFramework } from '../../src/framework/builtin.js';

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
  page.on('console', (m) => {
    if (m.type() === 'error') pageErrors.push(m.text());
  });
  await page.goto(server.url);
  await page.waitForSelector('body[data-ready=true]');
}, 120_000);

/** A new page of the shared browser on the app, in English. */
async function freshPage(): Promise<Page> {
  const p = await context.newPage();
  p.on('pageerror', (e) => pageErrors.push(e.message));
  p.on('console', (m) => m.type() === 'error' && pageErrors.push(m.text()));
  await p.goto(server.url);
  await p.waitForSelector('body[data-ready=true]');
  return p;
}

/**
 * Visible text nodes of the page with English words in them, outside names (entity ids, columns,
 * framework ids), formulas, code (command lines) and citations. Two English words in a row count.
 */
async function visibleEnglish(p: Page): Promise<string[]> {
  return p.evaluate(() => {
    const out: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const allowed =
      /\b(SVG|PNG|GM\(1,1\)|LISA|Moran|Dagum|Theil|CRITIC|TOPSIS|Bootstrap|Sobol|Wald|LM|LR|SAR|SEM|SDM|SLX|SDEM|Driscoll–Kraay|HC1|iid|GBK|GB18030|UTF-8|CSV|TSV|XLSX|JSON|YAML|HTML|Excel|WPS|nqpf|Web Worker|CDN|English|Penn World Table|PWT|ISO3|Wang|Fan|Wen|Ye|Diakoulaki|china-sim|world-pwt)\b/g;
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (
        !el ||
        el.closest(
          'code, [data-chart], .chart, option, script, style, [hidden], details:not([open]) > :not(summary), .citation',
        )
      )
        continue;
      const r = el.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue;
      const t = (n.textContent ?? '')
        .replace(allowed, '')
        .replace(/[A-Za-z0-9_]+(?=[)）,，:：]|$)/g, (w) => (/_|\d/.test(w) ? '' : w));
      if (/[A-Za-z]{2,}[\s-]+[A-Za-z]{2,}/.test(t)) out.push((n.textContent ?? '').trim().slice(0, 120));
    }
    return [...new Set(out)];
  });
}

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

  it('acceptance walk: china-sim with the defaults asks how to treat missing values before any result; linear ranks all 31', async () => {
    const p = await freshPage();
    await p.click('[data-testid=load-builtin]');
    await p.waitForSelector('[data-step=measure]:not([hidden])');
    await p.click('[data-testid=run-measure]');
    await p.waitForSelector('[data-testid=impute-choice]');
    expect(await p.locator('[data-testid=ranking-table] [data-entity]').count()).toBe(0);
    expect(await p.innerText('[data-testid=impute-choice]')).toMatch(/14 of 31/);
    await p.click('[data-testid=impute-linear]');
    await p.waitForSelector('[data-testid=ranking-table] [data-entity]', { state: 'attached' });
    expect(await p.locator('[data-testid=ranking-table] [data-entity]').count()).toBe(31);
    // A failed run (z-scores cannot take entropy weights) leaves no ranking of other settings on screen or in the exports.
    await p.selectOption('#normalize', 'zscore');
    await p.selectOption('#aggregate', 'geometric');
    await p.click('[data-testid=run-measure]');
    await p.waitForSelector('[data-step=measure] [data-testid=error]');
    expect(await p.locator('[data-testid=ranking-table] [data-entity]').count()).toBe(0);
    await p.click('[data-testid=step-export]');
    expect(await p.isDisabled('[data-testid=export-project]')).toBe(true);
    expect(await p.isDisabled('[data-testid=export-scores-csv]')).toBe(true);
    await p.close();
  });

  it('acceptance walk: every system and TOPSIS equal the engine in Node bit for bit', async () => {
    const p = await freshPage();
    await p.click('[data-testid=load-builtin]');
    await p.waitForSelector('[data-step=measure]:not([hidden])');
    await p.selectOption('#impute-m', 'linear');
    await p.selectOption('#aggregate', 'topsis');
    await p.click('[data-testid=run-measure]');
    await p.waitForSelector('[data-testid=ranking-table] [data-entity]', { state: 'attached' });
    const panel = await loadBuiltinDataset('china-sim');
    const fw = getBuiltinFramework('seed');
    const m = measurePanel(panel, fw, { impute: 'linear', aggregate: 'topsis' });
    const last = Math.max(...m.result.scores.map((s) => s.period));
    let worst = 0;
    let compared = 0;
    for (const sys of fw.systems) {
      await p.selectOption('[data-testid=system-select]', sys.id);
      await p.waitForFunction(
        (id) =>
          document.querySelector('#ranking-title')?.textContent &&
          document.querySelector('[data-testid=system-select]') &&
          (document.querySelector('[data-testid=system-select]') as HTMLSelectElement).value === id,
        sys.id,
      );
      const shown = await p.$$eval('[data-testid=ranking-table] [data-entity]', (rows) =>
        rows.map(
          (r) =>
            [
              r.getAttribute('data-entity')!,
              Number(r.getAttribute('data-rank')),
              Number(r.getAttribute('data-index')),
            ] as const,
        ),
      );
      const expected = m.result.scores
        .filter((s) => s.system === sys.id && s.period === last)
        .sort((a, b) => a.rank - b.rank);
      expect(shown.map((r) => [r[0], r[1]])).toEqual(expected.map((s) => [s.entity, s.rank]));
      for (const [k, r] of shown.entries()) {
        worst = Math.max(worst, Math.abs(r[2] - expected[k].index) / Math.max(Math.abs(expected[k].index), 1e-300));
        compared++;
      }
    }
    expect(compared).toBe(31 * fw.systems.length);
    // Bit for bit: the index uses nqpf's own log/exp (src/core/elementary.ts), not the engine's Math.log.
    expect(worst).toBe(0);
    await p.close();
  });

  it('acceptance walk: zh throughout, keyboard to the ranking, no overflow at 390 px, every analysis in the report (after a Cancel)', async () => {
    const p = await context.newPage();
    await p.setViewportSize({ width: 390, height: 844 });
    p.on('pageerror', (e) => pageErrors.push(e.message));
    p.on('console', (m) => m.type() === 'error' && pageErrors.push(m.text()));
    await p.goto(server.url);
    await p.waitForSelector('body[data-ready=true]');
    await p.click('[data-testid=lang-toggle]');
    // Keyboard only: Tab to "Load", Enter; Tab to "Run", Enter; Tab to the choice, Enter.
    const tabTo = async (testid: string) => {
      for (let k = 0; k < 80; k++) {
        if (await p.evaluate((t) => document.activeElement?.getAttribute('data-testid') === t, testid)) return;
        await p.keyboard.press('Tab');
      }
      throw new Error(`Tab never reached ${testid}`);
    };
    await tabTo('load-builtin');
    await p.keyboard.press('Enter');
    await p.waitForSelector('[data-step=measure]:not([hidden])');
    await tabTo('run-measure');
    await p.keyboard.press('Enter');
    await p.waitForSelector('[data-testid=impute-linear]');
    await tabTo('impute-linear');
    await p.keyboard.press('Enter');
    await p.waitForSelector('[data-testid=ranking-table] [data-entity]', { state: 'attached' });
    // Sortable headers by keyboard, and focus stays where it was.
    await tabTo('ranking-search');
    for (let k = 0; k < 10 && !(await p.evaluate(() => document.activeElement?.classList.contains('sort'))); k++)
      await p.keyboard.press('Tab');
    const sorted = await p.evaluate(() => document.activeElement?.closest('th')?.getAttribute('aria-sort'));
    await p.keyboard.press('Enter');
    expect(await p.evaluate(() => document.activeElement?.classList.contains('sort'))).toBe(true);
    expect(await p.evaluate(() => document.activeElement?.closest('th')?.getAttribute('aria-sort'))).not.toBe(sorted);
    expect(await p.evaluate(() => document.querySelectorAll('h1').length)).toBe(1);
    // Analyses, in zh; a Cancel in the middle; then the full report holds every one shown.
    await p.click('[data-testid=step-analyse]');
    for (const id of ['run-couple', 'run-disparity', 'run-density', 'run-moran', 'run-forecast']) {
      await p.click(`[data-testid=${id}]`);
      await p.waitForFunction(() => !document.querySelector('[data-step=analyse] [data-testid=busy]'));
    }
    await p.selectOption('#reg-x', ['rd_intensity']);
    await p.click('[data-testid=run-regress]');
    await p.waitForSelector('[data-testid=view-regress]');
    await p.fill('[data-testid=bootstrap]', '50');
    await p.dispatchEvent('[data-testid=bootstrap]', 'change');
    await p.click('[data-testid=run-mediate]');
    await p.waitForSelector('[data-testid=view-mediate]');
    await p.click('[data-testid=run-threshold]');
    await p.waitForSelector('[data-testid=view-threshold], [data-step=analyse] [data-testid=error]', {
      state: 'attached',
    });
    expect(
      await p.locator('[data-step=analyse] [data-testid=error]').count(),
      await p.innerText('[data-step=analyse] .results'),
    ).toBe(0);
    await p.fill('[data-testid=bootstrap]', '200000');
    await p.dispatchEvent('[data-testid=bootstrap]', 'change');
    await p.click('[data-testid=run-mediate]');
    await p.click('[data-testid=busy] button');
    await p.waitForSelector('[data-step=analyse] [role=status]:has-text("已取消")');
    expect(await p.evaluate(() => document.body.innerText.includes('[object Object]'))).toBe(false);
    // The threshold's bootstrap p-value is never a bare "0".
    expect(
      await p.$$eval('[data-testid=threshold-table] tbody td:nth-child(6)', (c) => c.map((x) => x.textContent)),
    ).not.toContain('0');
    expect(await visibleEnglish(p)).toEqual([]);
    for (const step of ['data', 'framework', 'measure', 'analyse', 'export']) {
      await p.click(`[data-testid=step-${step}]`);
      expect(await p.evaluate(() => document.documentElement.scrollWidth), step).toBeLessThanOrEqual(390);
      expect(await visibleEnglish(p), step).toEqual([]);
    }
    const [dl] = await Promise.all([p.waitForEvent('download'), p.click('[data-testid=export-report]')]);
    const html = readFileSync(await dl.path(), 'utf8');
    for (const title of ['耦合协调', '基尼', '核密度', 'LISA', '回归', '中介', '门槛', '预测'])
      expect(html, title).toContain(title);
    expect(html).not.toContain('[object Object]');
    await p.close();
  });

  it('contacted no host but its own origin, and threw no page errors', () => {
    const origin = new URL(server.url).origin;
    const foreign = requests.filter((u) => !u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:'));
    expect(requests.length).toBeGreaterThan(3);
    expect(foreign).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
