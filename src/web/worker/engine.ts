/**
 * Every engine call of the workbench, in one module that runs inside the worker. The page never
 * imports the engine: it sends requests ({@link Request}) and renders what comes back. Each stage
 * calls the same engine functions as the CLI command of the same name, so the numbers are the CLI's.
 */
import { InputError, isInputError } from '../../core/errors.js';
import { tableToPanel } from '../../data/build-panel.js';
import { ENTITY_NAMES, findColumn, normaliseHeader } from '../../data/columns.js';
import { NotUtf8Error, readCsvTable } from '../../data/csv.js';
import { jsonToRawTable } from '../../data/json-table.js';
import type { Panel } from '../../data/panel.js';
import { cellText, type RawTable } from '../../data/raw-table.js';
import { findBuiltinDataset } from '../../datasets/catalog.js';
import { builtinEntities, withBuiltinEntities } from '../../datasets/builtin-panel.js';
import { getBuiltinFramework } from '../../framework/builtin.js';
import { loadFramework } from '../../framework/load.js';
import type { Framework } from '../../framework/types.js';
import { measurePanel, type MeasuredPanel } from '../../measure/pipeline.js';
import { scoresPanel } from '../../measure/scores-panel.js';
import { entityMapKind } from '../../report/entity-label.js';
import { frameworkDefinition, measureOptionsOf, type MeasureSettings } from '../../run/project-file.js';
import { measureJson, measureSheets, weightTable, xlsxSheetData } from '../../run/measure-tables.js';
import type { DataSummary, ErrorInfo, FrameworkInfo, MeasureView, ReadSettings, Request } from './protocol.js';

interface State {
  raw?: Panel;
  table?: RawTable;
  framework?: Framework;
  measured?: MeasuredPanel;
  scores?: Panel;
  extra: Record<string, unknown>;
}

const state: State = { extra: {} };

/** Run one request; throws InputError for bad input. `progress` reports long work. */
export async function handle(req: Request, progress: (done: number, total: number, label: string) => void): Promise<unknown> {
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
    case 'report':
      return runReport(req.lang);
    case 'xlsx':
      return runXlsx();
  }
}

/** An error as plain data for the page. */
export function errorInfo(e: unknown): ErrorInfo {
  if (isInputError(e)) return { message: e.message, file: e.file, row: e.row, column: e.column, hint: e.hint, input: true };
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
  const [data, ents] = await Promise.all([fetchText(new URL(`data/builtin/${d.files.data}`, baseUrl).href), fetchText(new URL(`data/builtin/${d.files.entities}`, baseUrl).href)]);
  const table = readTable(`data/builtin/${d.files.data}`, data, { entity: d.entityColumn });
  const panel = tableToPanel(table, { entity: d.entityColumn, period: d.periodColumn, layout: 'long', group: d.groupColumn });
  const full = withBuiltinEntities(d, panel, builtinEntities(d, new TextDecoder().decode(ents)));
  return setData(full, table, { builtin: name });
}

function loadFile(fileName: string, bytes: Uint8Array, s: ReadSettings): DataSummary {
  const table = readTable(fileName, bytes, s);
  const panel = tableToPanel(table, { entity: s.entity, period: s.period, layout: s.layout, meta: { name: fileName.replace(/\.[^.]+$/, ''), title: fileName, simulated: false, file: fileName } });
  return setData(panel, table, { file: fileName, ...definedOnly(s) });
}

/** Read a CSV or JSON file's bytes into a raw table (UTF-8 or GB18030, detected as the CLI does). */
function readTable(fileName: string, bytes: Uint8Array, s: ReadSettings): RawTable {
  const ext = (/\.[^.]+$/.exec(fileName)?.[0] ?? '').toLowerCase();
  if (ext === '.json') {
    let value: unknown;
    try {
      value = JSON.parse(decode(bytes, s.encoding).text);
    } catch (e) {
      throw new InputError(`not valid JSON: ${(e as Error).message}`, { file: fileName, hint: 'check the file with a JSON validator' });
    }
    return jsonToRawTable(value, fileName);
  }
  if (ext !== '.csv' && ext !== '.tsv' && ext !== '.txt') {
    throw new InputError(`cannot read "${ext || 'no extension'}" files here`, { file: fileName, hint: 'give a .csv, .tsv, .txt or .json file (save Excel workbooks as CSV)' });
  }
  const options = {
    file: fileName,
    delimiter: ext === '.tsv' ? '\t' : undefined,
    keepText: (header: readonly string[]) => {
      const norm = header.map(normaliseHeader);
      const k = s.entity !== undefined ? norm.indexOf(normaliseHeader(s.entity)) : findColumn(header, ENTITY_NAMES);
      return k >= 0 ? [k] : [];
    },
  };
  if (s.encoding === undefined) {
    try {
      return readCsvTable(bytes, options);
    } catch (e) {
      if (!(e instanceof NotUtf8Error)) throw e;
    }
  }
  return readCsvTable(decode(bytes, s.encoding ?? 'gb18030').text, options);
}

function decode(bytes: Uint8Array, encoding?: string): { text: string } {
  const enc = encoding === undefined ? 'utf-8' : /^(gbk|gb2312|cp936)$/i.test(encoding) ? 'gb18030' : encoding;
  return { text: new TextDecoder(enc).decode(bytes) };
}

function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== '')) as Partial<T>;
}

function setData(panel: Panel, table: RawTable, source: DataSummary['source']): DataSummary {
  state.raw = panel;
  state.table = table;
  state.measured = undefined;
  state.scores = undefined;
  const columns = Object.entries(panel.columns).map(([name, col]) => {
    let missing = 0;
    for (let i = 0; i < col.length; i++) if (Number.isNaN(col[i])) missing++;
    return { name, numeric: true, coverage: col.length ? 1 - missing / col.length : NaN, missing };
  });
  const shown = Math.min(table.nRows, 50);
  return {
    source,
    title: panel.meta.title ?? panel.meta.name,
    simulated: panel.meta.simulated,
    citation: panel.meta.citation,
    entityColumn: panel.entityColumn,
    periodColumn: panel.periodColumn,
    header: [...table.header],
    columns,
    entities: panel.entities.map((e) => ({ ...e })),
    periods: [...panel.periods],
    rows: panel.entity.length,
    preview: { header: [...table.header], rows: Array.from({ length: shown }, (_, i) => table.columns.map((c) => cellText(c, i))) },
    notes: [...panel.notes],
    mapKind: entityMapKind(panel.entities),
  };
}

// ---- framework --------------------------------------------------------------------------------

function loadFrameworkReq(req: Extract<Request, { kind: 'load-framework' }>): FrameworkInfo {
  let fw: Framework;
  if (req.builtin) fw = getBuiltinFramework(req.builtin);
  else if (req.text !== undefined) fw = loadFramework(req.text.replace(/^\uFEFF/, ''), req.fileName ?? 'framework.yaml');
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
  const m = measurePanel(panel, framework, { ...measureOptionsOf(s), impute: s.impute });
  state.measured = m;
  state.scores = scoresPanel(m.panel, m.result);
  state.extra = {};
  const json = measureJson(m.result, m.notes);
  return {
    json: JSON.parse(JSON.stringify(json)) as MeasureView['json'],
    weightRows: weightTable(m.result, framework),
    dimensionWeights: m.result.dimensionWeights.map((d) => ({ ...d })),
    systems: framework.systems.map((sys) => ({ id: sys.id, name: sys.name, dimensions: sys.dimensions.map((d) => ({ id: d.id, name: d.name })) })),
    periods: [...m.panel.periods],
    coverage: m.coverage.byColumn.map((c) => ({ column: c.column, coverage: c.share, missing: c.total - c.observed })),
    imputed: m.imputation.imputed.length,
  };
}

function measured(): { m: MeasuredPanel; scores: Panel; framework: Framework } {
  if (!state.measured || !state.scores || !state.framework) throw new InputError('measure first', { hint: 'run step 3 (Measure) before the analysis' });
  return { m: state.measured, scores: state.scores, framework: state.framework };
}

// ---- analyse (loaded on first use) ------------------------------------------------------------

async function runCouple(systems: string[], method: 'traditional' | 'wang' | 'fan') {
  const { scores } = measured();
  const { couplingCoordination } = await import('../../couple/index.js');
  const r = couplingCoordination(scores, systems, { method });
  state.extra.coupling = r;
  return r;
}

async function runDisparity(system: string) {
  const { scores } = measured();
  const { disparityByPeriod } = await import('../../disparity/disparity-by-period.js');
  const r = disparityByPeriod(scores, system, 'group');
  state.extra.disparity = r;
  return r;
}

async function runDensity(system: string) {
  const { scores } = measured();
  const { densityByPeriod } = await import('../../dynamics/density-by-period.js');
  const r = densityByPeriod(scores, system);
  state.extra.density = r;
  return r;
}

async function runMoran(system: string, permutations: number, seed: number, progress: (d: number, t: number, l: string) => void) {
  const { scores } = measured();
  const [{ crossSection }, { knnWeights }, { moranTest }, { localMoran }] = await Promise.all([
    import('../../spatial/cross-section.js'),
    import('../../spatial/weights.js'),
    import('../../spatial/moran.js'),
    import('../../spatial/local-moran.js'),
  ]);
  const section = crossSection(scores, system);
  const info = new Map(scores.entities.map((e) => [e.id, e]));
  const coords = section.ids.map((id) => ({ lat: info.get(id)?.lat ?? NaN, lon: info.get(id)?.lon ?? NaN }));
  if (coords.some((c) => !Number.isFinite(c.lat) || !Number.isFinite(c.lon))) {
    throw new InputError('spatial statistics need each entity\'s coordinates', { hint: 'built-in datasets carry them; for your own data use the CLI with --neighbours (nqpf moran --help)' });
  }
  const w = knnWeights(section.ids, coords, 6);
  progress(0, 2, 'global Moran');
  const moran = moranTest(section.values, w, { permutations, seed });
  progress(1, 2, 'local Moran (LISA)');
  const lisa = localMoran(section.values, w, { permutations, seed, ids: section.ids } as Parameters<typeof localMoran>[2]);
  progress(2, 2, 'done');
  state.extra.lisa = { lisa, period: section.period };
  return { moran, lisa, period: section.period, ids: section.ids, values: Array.from(section.values) };
}

// ---- export -----------------------------------------------------------------------------------

async function runReport(lang: 'en' | 'zh'): Promise<string> {
  const { m, framework } = measured();
  const [{ renderReport }, { measureSections, reportDataset }, { coverageSection }, { frameworkNames }] = await Promise.all([
    import('../../report/document.js'),
    import('../../report/sections/measure.js'),
    import('../../report/sections/coverage.js'),
    import('../../report/sections/section.js'),
  ]);
  const names = frameworkNames(framework);
  const sections = [coverageSection(m.panel, m.coverage, m.imputation, { lang, names }), ...measureSections(m.panel, framework, m.result, { lang })];
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
  return renderReport({
    title: { en: `nqpf workbench: ${framework.name.en}`, zh: `nqpf 工作台：${framework.name.zh ?? framework.name.en}` },
    subtitle: m.panel.meta.title ?? m.panel.meta.name,
    lang,
    datasets: [reportDataset(m.panel)],
    sections,
    footer: { en: 'Generated by the nqpf workbench (computed in the browser)', zh: '由 nqpf 工作台生成（在浏览器中计算）' },
  });
}

async function runXlsx(): Promise<Blob> {
  const { m, framework } = measured();
  const { default: writeXlsxFile } = await import('write-excel-file/browser');
  const sheets = measureSheets(m.result, m.panel, framework, m.notes);
  return writeXlsxFile(xlsxSheetData(sheets) as never).toBlob();
}
