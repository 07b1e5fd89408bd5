/**
 * Every engine call of the workbench, in one module that runs inside the worker. The page never
 * imports the engine: it sends requests ({@link Request}) and renders what comes back. Each stage
 * calls the same engine functions as the CLI command of the same name, so the numbers are the CLI's.
 */
import { InputError, isInputError } from '../../core/errors.js';
import { labelText, type Label } from '../../core/label.js';
import { withColumns, type Panel } from '../../data/panel.js';
import { panelFromRaw, readRawTable, type RawRead } from '../../data/read-table.js';
import { listSheets } from '../../data/xlsx-read.js';
import { findBuiltinDataset } from '../../datasets/catalog.js';
import { builtinEntities, withBuiltinEntities } from '../../datasets/builtin-panel.js';
import { getBuiltinFramework } from '../../framework/builtin.js';
import { loadFramework } from '../../framework/load.js';
import type { Framework } from '../../framework/types.js';
import type { MeasuredPanel } from '../../measure/pipeline.js';
import { measureJson, runMeasure as measureStage, weightTable } from '../../api/measure.js';
import { scoresPanel } from '../../measure/scores-panel.js';
import { entityMapKind } from '../../report/entity-label.js';
import { frameworkDefinition, measureOptionsOf, type MeasureSettings } from '../../run/project-file.js';
import { measureSheets, xlsxSheetData } from '../../run/measure-tables.js';
import type {
  DataSummary,
  DiagnosisView,
  ErrorInfo,
  FrameworkInfo,
  MeasureView,
  ReadSettings,
  Request,
  ViewBlock,
} from './protocol.js';

interface State {
  raw?: Panel;
  framework?: Framework;
  measured?: MeasuredPanel;
  scores?: Panel;
  extra: Record<string, unknown>;
}

const state: State = { extra: {} };

/** Run one request; throws InputError for bad input. `progress` reports long work. */
export async function handle(
  req: Request,
  progress: (done: number, total: number, label: string) => void,
): Promise<unknown> {
  switch (req.kind) {
    case 'load-builtin':
      return loadBuiltin(req.name, req.baseUrl);
    case 'load-file':
      return loadFile(req.fileName, new Uint8Array(req.bytes), req.settings);
    case 'load-framework':
      return loadFrameworkReq(req);
    case 'measure':
      return runMeasure(req.settings);
    case 'couple':
      return runCouple(req.systems, req.method);
    case 'disparity':
      return runDisparity(req.system);
    case 'density':
      return runDensity(req.system);
    case 'moran':
      return runMoran(req.system, req.permutations, req.seed, progress);
    case 'regress':
      return runRegress(req.formula, req.vcov);
    case 'forecast':
      return runForecast(req.system, req.ids, req.horizon, req.last);
    case 'mediate':
      return runMediate(req);
    case 'threshold':
      return runThreshold(req);
    case 'diagnose':
      return runDiagnose(req, progress);
    case 'report':
      return runReport(req.lang);
    case 'xlsx':
      return runXlsx();
  }
}

/** An error as plain data for the page. */
export function errorInfo(e: unknown): ErrorInfo {
  if (isInputError(e))
    return { message: e.message, file: e.file, row: e.row, column: e.column, hint: e.hint, input: true };
  return { message: (e as Error)?.message ?? String(e), input: false };
}

// ---- data -------------------------------------------------------------------------------------

async function fetchText(url: string): Promise<Uint8Array> {
  const r = await fetch(url);
  if (!r.ok) throw new Error(`cannot load ${url} (${r.status})`);
  return new Uint8Array(await r.arrayBuffer());
}

async function loadBuiltin(name: string, baseUrl: string): Promise<DataSummary> {
  const d = findBuiltinDataset(name);
  if (!d) throw new InputError(`unknown built-in dataset "${name}"`, { hint: 'choose world-pwt or china-sim' });
  const [data, ents] = await Promise.all([
    fetchText(new URL(`data/builtin/${d.files.data}`, baseUrl).href),
    fetchText(new URL(`data/builtin/${d.files.entities}`, baseUrl).href),
  ]);
  // The same reader and options as the CLI's loader of built-in data (src/io/builtin.ts).
  const options = {
    fileName: `data/builtin/${d.files.data}`,
    entity: d.entityColumn,
    period: d.periodColumn,
    layout: 'long' as const,
    encoding: 'utf-8',
    group: d.groupColumn,
  };
  const raw = await readRawTable(data, options);
  const panel = await panelFromRaw(raw, options, async () => undefined);
  const full = withBuiltinEntities(d, panel, builtinEntities(d, new TextDecoder().decode(ents)));
  return setData(full, raw, { builtin: name }, []);
}

/** A user's file: CSV (UTF-8 or GBK, detected), XLSX (a sheet) or JSON, through the CLI's reader (src/data/read-table.ts). */
async function loadFile(fileName: string, bytes: Uint8Array, s: ReadSettings): Promise<DataSummary> {
  const options = { fileName, ...definedOnly(s) };
  const raw = await readRawTable(bytes, options);
  const sheets = raw.format === 'xlsx' ? await listSheets(bytes, fileName) : [];
  const panel = await panelFromRaw(raw, options, async () => sheets);
  return setData(panel, raw, { file: fileName, ...definedOnly(s) }, sheets);
}

function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== '')) as Partial<T>;
}

function setData(panel: Panel, raw: RawRead, source: DataSummary['source'], sheets: string[]): DataSummary {
  state.raw = panel;
  state.measured = undefined;
  state.scores = undefined;
  const columns = Object.entries(panel.columns).map(([name, col]) => {
    let missing = 0;
    for (let i = 0; i < col.length; i++) if (Number.isNaN(col[i])) missing++;
    return { name, numeric: true, coverage: col.length ? 1 - missing / col.length : NaN, missing };
  });
  return {
    source,
    title: panel.meta.title ?? panel.meta.name,
    simulated: panel.meta.simulated,
    citation: panel.meta.citation,
    entityColumn: panel.entityColumn,
    periodColumn: panel.periodColumn,
    header: [...raw.table.header],
    sheets,
    sheet: raw.sheet,
    encoding: raw.encoding,
    columns,
    entities: panel.entities.map((e) => ({ ...e })),
    periods: [...panel.periods],
    rows: panel.entity.length,
    preview: { header: [...raw.table.header], rows: raw.preview.map((r) => [...r]) },
    notes: [...raw.notes, ...panel.notes],
    mapKind: entityMapKind(panel.entities),
  };
}

// ---- framework --------------------------------------------------------------------------------

function loadFrameworkReq(req: Extract<Request, { kind: 'load-framework' }>): FrameworkInfo {
  let fw: Framework;
  if (req.builtin) fw = getBuiltinFramework(req.builtin);
  else if (req.text !== undefined)
    fw = loadFramework(req.text.replace(/^\uFEFF/, ''), req.fileName ?? 'framework.yaml');
  else fw = loadFramework(req.definition, req.fileName ?? 'framework');
  state.framework = fw;
  state.measured = undefined;
  return { framework: fw, definition: frameworkDefinition(fw), notes: [...(fw.notes ?? [])] };
}

// ---- measure ----------------------------------------------------------------------------------

function need(): { panel: Panel; framework: Framework } {
  if (!state.raw) throw new InputError('no data yet', { hint: 'choose a data file or a built-in dataset in step 1' });
  if (!state.framework) throw new InputError('no framework yet', { hint: 'choose or upload a framework in step 2' });
  return { panel: state.raw, framework: state.framework };
}

function runMeasure(s: MeasureSettings): MeasureView {
  const { panel, framework } = need();
  const m = measureStage(panel, framework, { ...measureOptionsOf(s), impute: s.impute });
  state.measured = m;
  state.scores = scoresPanel(m.panel, m.result);
  state.extra = {};
  const json = measureJson(m.result, m.notes);
  return {
    json: JSON.parse(JSON.stringify(json)) as MeasureView['json'],
    weightRows: weightTable(m.result, framework),
    dimensionWeights: m.result.dimensionWeights.map((d) => ({ ...d })),
    systems: framework.systems.map((sys) => ({
      id: sys.id,
      name: sys.name,
      dimensions: sys.dimensions.map((d) => ({ id: d.id, name: d.name })),
    })),
    periods: [...m.panel.periods],
    coverage: m.coverage.byColumn.map((c) => ({ column: c.column, coverage: c.share, missing: c.total - c.observed })),
    imputed: m.imputation.imputed.length,
  };
}

function measured(): { m: MeasuredPanel; scores: Panel; framework: Framework } {
  if (!state.measured || !state.scores || !state.framework)
    throw new InputError('measure first', { hint: 'run step 3 (Measure) before the analysis' });
  return { m: state.measured, scores: state.scores, framework: state.framework };
}

// ---- analyse (loaded on first use) ------------------------------------------------------------
// Each view calls the stage function of the CLI command of the same name (src/api) and returns its
// `--json` object; the raw result is kept for the report's sections.

async function runCouple(systems: string[], method: 'traditional' | 'wang' | 'fan') {
  const { scores } = measured();
  const api = await import('../../api/couple.js');
  const run = api.runCouple(scores, undefined, { systems, method });
  state.extra.coupling = run.result;
  return api.coupleJson(run);
}

async function runDisparity(system: string) {
  const { scores } = measured();
  const api = await import('../../api/disparity.js');
  const run = api.runDisparity(scores, { value: system });
  state.extra.disparity = run.result;
  return api.disparityJson(run);
}

async function runDensity(system: string) {
  const { scores } = measured();
  const api = await import('../../api/density.js');
  const run = api.runDensity(scores, { value: system });
  state.extra.density = run.result;
  return api.densityJson(run);
}

async function runMoran(
  system: string,
  permutations: number,
  seed: number,
  progress: (d: number, t: number, l: string) => void,
) {
  const { scores } = measured();
  const api = await import('../../api/moran.js');
  progress(0, 1, `Moran's I, LISA (${permutations} permutations)`);
  // k = 6 nearest neighbours on the entities' coordinates: `nqpf moran --distance lat,lon --knn 6`.
  const run = api.runMoran(scores, { value: system, distance: 'lat,lon', knn: 6, permutations, seed });
  progress(1, 1, 'done');
  state.extra.lisa = { lisa: run.local, period: run.section.period };
  return api.moranJson(run);
}

/** `nqpf regress` on the measured panel (the data's columns and each system's index as columns). */
/** The data's own columns and the measured indices side by side, aligned by entity and period. */
function analysisPanel(): Panel {
  const { m, scores } = measured();
  if (state.extra.analysisPanel) return state.extra.analysisPanel as Panel;
  const row = new Map(scores.entity.map((e, i) => [`${e}\u0000${scores.period[i]}`, i]));
  const added: Record<string, Float64Array> = {};
  for (const [name, col] of Object.entries(scores.columns)) {
    if (m.panel.columns[name]) continue;
    added[name] = Float64Array.from(
      m.panel.entity,
      (e, i) => col[row.get(`${e}\u0000${m.panel.period[i]}`) ?? -1] ?? NaN,
    );
  }
  const panel = withColumns(m.panel, added);
  state.extra.analysisPanel = panel;
  return panel;
}

/** JSON-safe copy (non-finite numbers as null, as the CLI prints them). */
function plain(v: unknown): unknown {
  return JSON.parse(
    JSON.stringify(v, (_k, x) =>
      ArrayBuffer.isView(x)
        ? Array.from(x as unknown as ArrayLike<number>)
        : typeof x === 'number' && !Number.isFinite(x)
          ? null
          : x,
    ),
  );
}

/** `nqpf regress` on the data and the indices. */
async function runRegress(formula: string, vcov: string) {
  const { regress } = await import('../../api/regress.js');
  return plain(regress(analysisPanel(), { formula, vcov: vcov || undefined }));
}

/** `nqpf forecast` (GM(1,1)) of a system's index for chosen entities. */
async function runForecast(system: string, ids: string[], horizon: number, last: number) {
  const { scores } = measured();
  const { forecast } = await import('../../api/forecast.js');
  return plain(forecast(scores, { value: system, ids, horizon, last, force: true }));
}

/** `nqpf mediate` with two-way fixed effects and the entity-clustered bootstrap. */
async function runMediate(r: Extract<Request, { kind: 'mediate' }>) {
  const panel = analysisPanel();
  const { mediate } = await import('../../api/mediate.js');
  return plain(
    mediate(panel, {
      x: r.x,
      mediators: r.mediators,
      y: r.y,
      fe: [panel.entityColumn, panel.periodColumn],
      cluster: panel.entityColumn,
      bootstrap: r.bootstrap,
      seed: r.seed,
    }),
  );
}

/** `nqpf threshold`: one threshold, every candidate, period effects, bootstrap F test. */
async function runThreshold(r: Extract<Request, { kind: 'threshold' }>) {
  const { threshold } = await import('../../api/threshold.js');
  return plain(
    threshold(analysisPanel(), {
      y: r.y,
      x: r.x,
      q: r.q,
      thresholds: 1,
      timeEffects: true,
      bootstrap: r.bootstrap,
      seed: r.seed,
    }),
  );
}

/**
 * The diagnosis of the three problems (src/diagnose, as `nqpf demo` computes it): data dormancy from
 * the measurement's coverage and imputed cells, structural disorder from the coupling of the chosen
 * systems (the coupling view's result when it was run), ecological isolation from the LISA of the
 * headline index (the Moran view's settings: k = 6 nearest neighbours). The blocks are the report
 * section's (src/report/sections/diagnosis.ts) with two tables the report leaves to other sections.
 */
async function runDiagnose(
  r: Extract<Request, { kind: 'diagnose' }>,
  progress: (d: number, t: number, l: string) => void,
): Promise<DiagnosisView> {
  const { m, scores, framework } = measured();
  const [
    { dataDormancy },
    { structuralDisorder },
    { ecologicalIsolation },
    couple,
    moran,
    sec,
    sectionMod,
    i18n,
    html,
  ] = await Promise.all([
    import('../../diagnose/dormancy.js'),
    import('../../diagnose/disorder.js'),
    import('../../diagnose/isolation.js'),
    import('../../api/couple.js'),
    import('../../api/moran.js'),
    import('../../report/sections/diagnosis.js'),
    import('../../report/sections/section.js'),
    import('../../report/i18n.js'),
    import('../../report/html.js'),
  ]);
  const dormancy = dataDormancy(m.coverage, m.imputation.imputed);
  type Coupling = ReturnType<typeof couple.runCouple>['result'];
  let coupling = state.extra.coupling as Coupling | undefined;
  if (!coupling || coupling.systems.join() !== r.systems.join()) {
    coupling = couple.runCouple(scores, undefined, { systems: r.systems, method: r.method }).result;
    state.extra.coupling = coupling;
  }
  const disorder = structuralDisorder(coupling.rows, { systems: coupling.systems });
  let isolation = ecologicalIsolation([]);
  let isolationPeriod = NaN;
  let isolationError: ErrorInfo | undefined;
  try {
    progress(0, 1, `LISA (${r.permutations} permutations)`);
    const run = moran.runMoran(scores, {
      value: r.system,
      distance: 'lat,lon',
      knn: 6,
      permutations: r.permutations,
      seed: r.seed,
    });
    progress(1, 1, 'done');
    state.extra.lisa = { lisa: run.local, period: run.section.period };
    isolation = ecologicalIsolation(
      run.local.rows,
      run.weights.isolates.map((i) => run.weights.ids[i]),
    );
    isolationPeriod = run.section.period;
  } catch (e) {
    isolationError = errorInfo(e);
  }
  const names = sectionMod.frameworkNames(framework);
  const input = { dormancy, disorder, isolation, isolationPeriod };
  // The report's diagnosis section needs the isolation: it is added only when the LISA was computed.
  state.extra.diagnosis = isolationError ? undefined : input;
  const pct = (x: number) => html.formatNumber(100 * x, { digits: 1 });
  const view = (lang: 'en' | 'zh'): ViewBlock[] => {
    const section = sec.diagnosisSection(m.panel, input, { lang, names });
    const text = (x: unknown) => (typeof x === 'string' ? x : labelText(x as Label, lang));
    const out: ViewBlock[] = [];
    let tables = 0;
    let skip = false;
    for (const b of section.blocks) {
      if (skip) continue;
      if (b.kind === 'heading') {
        out.push({ kind: 'heading', text: text(b.text) });
        // Without a LISA (too few entities, no coordinates) the isolation is not read: say why instead.
        if (isolationError && text(b.text) === i18n.t('isolationHead', lang)) {
          out.push({
            kind: 'paragraph',
            text: [isolationError.message, isolationError.hint].filter(Boolean).join(' — '),
          });
          skip = true;
        }
      } else if (b.kind === 'paragraph') out.push({ kind: 'paragraph', text: text(b.text) });
      else if (b.kind === 'list') {
        out.push({ kind: 'list', items: b.items.map(text) });
        // Dormancy per indicator: the coverage section's table in the report.
        out.push({
          kind: 'table',
          caption: i18n.t('wb_dormancyTable', lang),
          header: [i18n.t('wb_indicator', lang), i18n.t('wb_observed', lang), i18n.t('wb_imputed', lang)],
          rows: dormancy.indicators.map((x) => [x.id, pct(x.observedShare), pct(x.imputedShare)]),
          testid: 'diagnosis-dormancy',
        });
      } else if (b.kind === 'figure') {
        // The report's bar chart of the shares by period, as a table (the page draws no report SVG).
        out.push({
          kind: 'table',
          caption: text(b.caption),
          header: [
            i18n.t('wb_period', lang),
            'D',
            i18n.t('diag_imbalancedShare', lang),
            i18n.t('diag_disorderedShare', lang),
          ],
          rows: disorder.periods.map((p) => [
            String(p.period),
            html.formatNumber(p.meanD, { digits: 3 }),
            pct(p.imbalancedShare),
            pct(p.disorderedShare),
          ]),
          testid: 'diagnosis-disorder',
        });
      } else if (b.kind === 'table') {
        out.push({
          kind: 'table',
          caption: text(b.caption ?? ''),
          header: b.columns.map((c) => text(c.label)),
          rows: b.rows.map((row) =>
            b.columns.map((c) => {
              const v = row[c.key];
              return typeof v === 'number'
                ? html.formatNumber(v, c.format)
                : v == null
                  ? ''
                  : typeof v === 'string'
                    ? v
                    : labelText(v as Label, lang);
            }),
          ),
          testid: tables++ === 0 && disorder.periods.length ? 'diagnosis-lagging' : 'diagnosis-isolation',
        });
      }
    }
    return out;
  };
  i18n.registerTerms({
    wb_dormancyTable: { en: 'Observed and imputed cells by indicator', zh: '各指标观测与插补单元格占比' },
    wb_indicator: { en: 'Indicator', zh: '指标' },
    wb_observed: { en: 'Observed (%)', zh: '观测（%）' },
    wb_imputed: { en: 'Imputed (%)', zh: '插补（%）' },
    wb_period: { en: 'Period', zh: '年份' },
  });
  return { en: view('en'), zh: view('zh'), isolationError };
}

// ---- export -----------------------------------------------------------------------------------

async function runReport(lang: 'en' | 'zh'): Promise<string> {
  const { m, framework } = measured();
  const [{ renderReport }, { measureSections, reportDataset }, { coverageSection }, { frameworkNames }] =
    await Promise.all([
      import('../../report/document.js'),
      import('../../report/sections/measure.js'),
      import('../../report/sections/coverage.js'),
      import('../../report/sections/section.js'),
    ]);
  const names = frameworkNames(framework);
  const sections = [
    coverageSection(m.panel, m.coverage, m.imputation, { lang, names }),
    ...measureSections(m.panel, framework, m.result, { lang }),
  ];
  const scores = state.scores!;
  if (state.extra.coupling) {
    const { couplingSection } = await import('../../report/sections/coupling.js');
    sections.push(couplingSection(scores, state.extra.coupling as never, { lang, names }));
  }
  if (state.extra.disparity) {
    const { disparitySection } = await import('../../report/sections/disparity.js');
    sections.push(disparitySection(scores, state.extra.disparity as never, { lang, names }));
  }
  if (state.extra.density) {
    const { densitySection } = await import('../../report/sections/density.js');
    sections.push(densitySection(scores, state.extra.density as never, { lang, names }));
  }
  if (state.extra.diagnosis) {
    const { diagnosisSection } = await import('../../report/sections/diagnosis.js');
    sections.push(diagnosisSection(m.panel, state.extra.diagnosis as never, { lang, names }));
  }
  return renderReport({
    title: { en: `nqpf workbench: ${framework.name.en}`, zh: `nqpf 工作台：${framework.name.zh ?? framework.name.en}` },
    subtitle: m.panel.meta.title ?? m.panel.meta.name,
    lang,
    datasets: [reportDataset(m.panel)],
    sections,
    footer: {
      en: 'Generated by the nqpf workbench (computed in the browser)',
      zh: '由 nqpf 工作台生成（在浏览器中计算）',
    },
  });
}

async function runXlsx(): Promise<Blob> {
  const { m, framework } = measured();
  const { default: writeXlsxFile } = await import('write-excel-file/browser');
  const sheets = measureSheets(m.result, m.panel, framework, m.notes);
  return writeXlsxFile(xlsxSheetData(sheets) as never).toBlob();
}
