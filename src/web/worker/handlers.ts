/**
 * The workbench's one handler table: every engine call the page can make, by name. Each handler
 * takes a plain request object and returns plain data (structured-cloneable), and each computation
 * goes through the stage function of the CLI command of the same name (src/api), so the numbers are
 * the CLI's. The message protocol (protocol.ts) is derived from this table's types: adding a handler
 * here is all it takes to call it from the page, with its request and result types checked.
 *
 * The worker keeps the state the stages share (the data, the framework, the measurement) and the
 * raw results the report needs; the page keeps the requests, so after a Cancel (which terminates the
 * worker) the report recomputes what it lost with the same seeds.
 */
import { InputError, isInputError } from '../../core/errors.js';
import type { Note } from '../../core/notes.js';
import { withColumns, type Panel } from '../../data/panel.js';
import { panelFromRaw, readRawTable, type RawRead, type ReadPanelOptions } from '../../data/read-table.js';
import { listSheets } from '../../data/xlsx-read.js';
import { findBuiltinDataset } from '../../datasets/catalog.js';
import { builtinEntities, withBuiltinEntities } from '../../datasets/builtin-panel.js';
import { getBuiltinFramework } from '../../framework/builtin.js';
import { loadFramework } from '../../framework/load.js';
import type { Framework } from '../../framework/types.js';
import type { MeasuredPanel } from '../../measure/pipeline.js';
import { measureJson, runMeasure, weightTable } from '../../api/measure.js';
import type { CoupleRun } from '../../api/couple.js';
import type { DisparityRun } from '../../api/disparity.js';
import type { DensityRun } from '../../api/density.js';
import type { MoranRun } from '../../api/moran.js';
import type { SpatialWeightsOptions } from '../../api/spatial-weights.js';
import type { ForecastRun } from '../../api/forecast.js';
import type { DiagnoseRun } from '../../api/diagnose.js';
import type { SystemSensitivity } from '../../api/sensitivity.js';
import type { SpatialRegressResult, ScenarioApiResult } from '../../api/spatial-regress.js';
import type { MediationResult } from '../../explain/mechanisms/mediation.js';
import type { ThresholdResult } from '../../explain/mechanisms/threshold.js';
import type { NeighbourPair } from '../../spatial/weights.js';
import { scoresPanel } from '../../measure/scores-panel.js';
import { entityMapKind } from '../../report/entity-label.js';
import { entityProvinces } from '../../spatial/resolve-weights.js';
import {
  frameworkDefinition,
  measureOptionsOf,
  type DataSource,
  type MeasureSettings,
} from '../../run/project-file.js';
import { measureSheets, xlsxSheetData } from '../../run/measure-tables.js';
import type { Label } from '../../core/label.js';
import type { RegressionTable } from '../../report/regression-table.js';
import type { VcovSpec } from '../../explain/vcov.js';
import type { EntityInfo } from '../../data/panel.js';

/** Progress of long work, as codes the page translates. */
export interface Progress {
  readonly stage: 'read' | 'measure' | 'permutations' | 'bootstrap' | 'sensitivity' | 'spatial' | 'report' | 'xlsx';
  readonly done: number;
  readonly total: number;
}

/** What a handler may use besides its request. */
export interface Context {
  progress(p: Progress): void;
}

/** What the handlers need from the outside: the bytes behind a URL of the app (built-in data). */
export interface HandlerDeps {
  fetchBytes(url: string): Promise<Uint8Array>;
}

/** Options of reading a user's file (the CLI's --sheet, --skip-rows, --header-rows, --entity, --period, --encoding, --layout). */
export interface ReadSettings {
  sheet?: string;
  skipRows?: number;
  headerRows?: number;
  entity?: string;
  period?: string;
  encoding?: string;
  layout?: 'long' | 'wide' | 'auto';
}

/** An InputError as plain data: where (file, row, column), what and the fix. */
export interface ErrorInfo {
  message: string;
  /** The message and hint with their option tokens (`{{weights}}`): the page names its controls there. */
  template?: string;
  hintTemplate?: string;
  /** The option at fault (catalog key). */
  option?: string;
  file?: string;
  row?: number;
  column?: string;
  hint?: string;
  /** true for a user error (bad input), false for a bug. */
  input: boolean;
}

/** A numeric column of the loaded data with its coverage. */
export interface ColumnInfo {
  name: string;
  /** Share of non-missing cells. */
  coverage: number;
  missing: number;
}

/** What reading found before the panel is built: the choices the data step offers. */
export interface Inspection {
  fileName: string;
  format: RawRead['format'];
  /** XLSX: every sheet, and the one read. */
  sheets: string[];
  sheet?: string;
  /** CSV: the encoding used (detected unless chosen). */
  encoding?: string;
  /** Where the header was found (0-based first header row, number of header rows). */
  skipRows?: number;
  headerRows?: number;
  /** Column names as read. */
  header: string[];
  /** Detected roles (names). */
  roles: RawRead['roles'];
  preview: { header: string[]; rows: string[][] };
  notes: Note[];
}

/** What the data step shows after a file or dataset is read. */
export interface DataSummary {
  source: DataSource;
  title: string;
  simulated: boolean;
  /** Built-in data with a source (PWT): real; a user's file is "user data". */
  builtin: boolean;
  citation?: string;
  entityColumn: string;
  periodColumn: string;
  inspection?: Inspection;
  columns: ColumnInfo[];
  entities: EntityInfo[];
  periods: number[];
  rows: number;
  notes: Note[];
  /** Which base map fits the entities. */
  mapKind: 'world' | 'china' | 'none';
  /** How the entities can be grouped for the Dagum decomposition (undefined: they cannot). */
  groups?: 'group' | 'region4';
  /** How spatial weights can be built (undefined: no coordinates or borders, with `spatialReason`). */
  spatial?: 'borders' | 'coordinates';
}

/** The loaded framework and its notes. */
export interface FrameworkInfo {
  /** The framework as a plain object (the page shows its tree). */
  framework: Framework;
  /** The definition a framework file holds (YAML download, project file). */
  definition: Record<string, unknown>;
  notes: Note[];
}

/** How much of the panel a measurement left out (the page warns, or offers imputation first). */
export interface Coverage {
  rows: number;
  /** Rows of the panel not scored (a missing indicator with impute none). */
  leftOut: number;
  latestPeriod: number;
  /** Entities with a row in the latest period, and those ranked there. */
  entitiesLatest: number;
  rankedLatest: number;
}

/** `nqpf measure --json`. */
export type MeasureJson = ReturnType<typeof measureJson>;

/**
 * The scores of `nqpf measure --json` by column: typed arrays cross the worker boundary as one copy,
 * where 15,000 score objects take the page's main thread over 100 ms to deserialise. The page
 * turns them back into the `--json` rows (app/scores.ts).
 */
export interface ScoreColumns {
  entities: string[];
  systems: string[];
  /** Per row: positions in `entities` and `systems`. */
  entity: Int32Array;
  system: Int32Array;
  period: Float64Array;
  index: Float64Array;
  rank: Float64Array;
  /** Dimension scores by dimension id (NaN where a row's system has no such dimension). */
  dimensions: Record<string, Float64Array>;
  /** The dimension ids of each system (the keys of a row's `dimensions`). */
  systemDimensions: Record<string, string[]>;
}

/** The measure result as the worker sends it: `nqpf measure --json` (scores by column) plus look-ups. */
export interface MeasureView {
  json: Omit<MeasureJson, 'scores'>;
  scores: ScoreColumns;
  weightRows: unknown[][];
  dimensionWeights: { id: string; system: string; parent?: string; weight: number }[];
  systems: { id: string; name: Label; dimensions: { id: string; name: Label }[] }[];
  periods: number[];
  imputed: number;
  coverage: Coverage;
  /** Every note of reading, imputation and measurement. */
  notes: Note[];
  settings: MeasureSettings;
}

/** A block of the diagnosis view as text, ready to show (the report section's blocks, numbers formatted). */
export type ViewBlock =
  | { kind: 'heading' | 'paragraph'; text: string }
  | { kind: 'list'; items: string[] }
  | { kind: 'table'; caption: string; header: string[]; rows: string[][]; testid: string };

/** The three problems in the report section's wording, in both languages. */
export interface DiagnosisView {
  en: ViewBlock[];
  zh: ViewBlock[];
  isolationError?: ErrorInfo;
}

/** An error as plain data for the page. */
export function errorInfo(e: unknown): ErrorInfo {
  if (isInputError(e))
    return {
      message: e.message,
      template: e.template,
      hintTemplate: e.hintTemplate,
      option: e.option,
      file: e.file,
      row: e.row,
      column: e.column,
      hint: e.hint,
      input: true,
    };
  return { message: e instanceof Error ? e.message : String(e), input: false };
}

// ---- requests of the analysis views (kept by the page: the report replays them) ----------------

export type CouplingMethod = 'traditional' | 'wang' | 'fan';
export interface CoupleRequest {
  systems: string[];
  method: CouplingMethod;
}
export interface ValueRequest {
  system: string;
}
export interface MoranRequest {
  system: string;
  permutations: number;
  seed: number;
}
export interface RegressRequest {
  formula: string;
  vcov: string;
}
export interface ForecastRequest {
  system: string;
  ids: string[];
  horizon: number;
  last: number;
}
export interface MediateRequest {
  x: string;
  mediators: string[];
  y: string;
  bootstrap: number;
  seed: number;
}
export interface ThresholdRequest {
  y: string;
  x: string;
  q: string;
  bootstrap: number;
  seed: number;
}
export interface DiagnoseRequest {
  systems: string[];
  method: CouplingMethod;
  system: string;
  permutations: number;
  seed: number;
}
export interface SensitivityRequest {
  system: string;
  vary: { flag: 'weights' | 'normalize' | 'aggregate' | 'impute'; levels: string[] }[];
  runs: number;
  seed: number;
}
export type SpatialModel = 'sdm' | 'sar' | 'sem' | 'slx' | 'sdem';
export interface SpatialRequest {
  formula: string;
  model: SpatialModel;
  fe: 'entity' | 'period' | 'both' | 'none';
  draws: number;
  seed: number;
}
export interface ScenarioRequest extends SpatialRequest {
  variable: string;
  delta: number;
  /** Entities shocked; empty: every entity. */
  entities: string[];
}

/** Every analysis the report can hold, as the page asked for it. */
export type AnalysisRequest =
  | { kind: 'couple'; req: CoupleRequest }
  | { kind: 'disparity'; req: ValueRequest }
  | { kind: 'density'; req: ValueRequest }
  | { kind: 'moran'; req: MoranRequest }
  | { kind: 'regress'; req: RegressRequest }
  | { kind: 'forecast'; req: ForecastRequest }
  | { kind: 'mediate'; req: MediateRequest }
  | { kind: 'threshold'; req: ThresholdRequest }
  | { kind: 'diagnose'; req: DiagnoseRequest }
  | { kind: 'sensitivity'; req: SensitivityRequest }
  | { kind: 'spatialRegress'; req: SpatialRequest }
  | { kind: 'scenario'; req: ScenarioRequest };

/** The raw results of the analyses, kept for the report. */
export interface ReportRuns {
  couple?: CoupleRun;
  disparity?: DisparityRun;
  density?: DensityRun;
  moran?: MoranRun;
  regress?: { formula: string; table: RegressionTable; vcov: VcovSpec['type'][] };
  forecast?: { run: ForecastRun; system: string };
  mediate?: MediationResult;
  threshold?: ThresholdResult;
  diagnose?: DiagnoseRun;
  sensitivity?: SystemSensitivity;
  spatialRegress?: SpatialRegressResult;
  scenario?: ScenarioApiResult;
}

interface State {
  raw?: Panel;
  source?: DataSource;
  baseUrl?: string;
  framework?: Framework;
  measured?: MeasuredPanel;
  scores?: Panel;
  analysisPanel?: Panel;
  borders?: NeighbourPair[];
  runs: ReportRuns;
}

/** The handler table, with its own worker state. `deps` gives it the network (the app's own files). */
export function createHandlers(deps: HandlerDeps) {
  const state: State = { runs: {} };

  // ---- data ------------------------------------------------------------------------------------

  async function loadBuiltin(req: { name: string; baseUrl: string }): Promise<DataSummary> {
    const d = findBuiltinDataset(req.name);
    if (!d) throw new InputError(`unknown built-in dataset "${req.name}"`, { hint: 'choose world-pwt or china-sim' });
    const [data, ents] = await Promise.all([
      deps.fetchBytes(new URL(`data/builtin/${d.files.data}`, req.baseUrl).href),
      deps.fetchBytes(new URL(`data/builtin/${d.files.entities}`, req.baseUrl).href),
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
    state.baseUrl = req.baseUrl;
    return setData(full, { builtin: req.name }, undefined);
  }

  /** Read a file's table (not yet a panel): sheets, encoding, header and detected roles. */
  async function inspect(
    fileName: string,
    bytes: Uint8Array,
    s: ReadSettings,
  ): Promise<{ raw: RawRead; inspection: Inspection }> {
    const options: ReadPanelOptions & { fileName: string } = { fileName, ...definedOnly(s) };
    const raw = await readRawTable(bytes, options);
    const sheets = raw.format === 'xlsx' ? await listSheets(bytes, fileName) : [];
    return {
      raw,
      inspection: {
        fileName,
        format: raw.format,
        sheets,
        sheet: raw.sheet ?? sheets[0],
        encoding: raw.encoding,
        skipRows: raw.layout?.headerStart,
        headerRows: raw.layout?.headerRows,
        header: [...raw.table.header],
        roles: raw.roles,
        preview: { header: [...raw.table.header], rows: raw.preview.slice(0, 20).map((r) => [...r]) },
        notes: [...raw.notes],
      },
    };
  }

  /**
   * A user's file: CSV (UTF-8 or GBK, detected), XLSX (a sheet) or JSON, through the CLI's reader.
   * A workbook whose first sheet holds no table (notes, a cover page) is read from the first sheet
   * that does, with a note; the chosen sheet is never replaced.
   */
  async function loadFile(req: { fileName: string; bytes: ArrayBuffer; settings: ReadSettings }): Promise<DataSummary> {
    const bytes = new Uint8Array(req.bytes);
    const s = req.settings;
    let first: unknown;
    let sheets: string[] = [];
    for (let attempt = 0; ; attempt++) {
      const settings = attempt === 0 ? s : { ...s, sheet: sheets[attempt] };
      try {
        const { raw, inspection } = await inspect(req.fileName, bytes, settings);
        sheets = inspection.sheets;
        const read = await panelFromRaw(raw, { ...definedOnly(settings) }, async () => sheets);
        const panel = attempt > 0 ? { ...read, notes: [sheetNote(sheets[0], sheets[attempt]), ...read.notes] } : read;
        return setData(panel, { file: req.fileName, ...sourceOf(settings) }, inspection);
      } catch (e) {
        first ??= e;
        if (attempt === 0 && !sheets.length && !s.sheet && isInputError(e) && /\.xls[xm]$/i.test(req.fileName))
          sheets = await listSheets(bytes, req.fileName).catch(() => []);
        if (s.sheet || attempt + 1 >= sheets.length || !isInputError(e)) throw first;
      }
    }
  }

  /** The file's table as read (for the pickers), even when it cannot become a panel. */
  async function inspectFile(req: {
    fileName: string;
    bytes: ArrayBuffer;
    settings: ReadSettings;
  }): Promise<Inspection> {
    return (await inspect(req.fileName, new Uint8Array(req.bytes), req.settings)).inspection;
  }

  function setData(panel: Panel, source: DataSource, inspection: Inspection | undefined): DataSummary {
    state.raw = panel;
    state.source = source;
    clearMeasure();
    const columns = Object.entries(panel.columns).map(([name, col]) => {
      let missing = 0;
      for (let i = 0; i < col.length; i++) if (Number.isNaN(col[i])) missing++;
      return { name, coverage: col.length ? 1 - missing / col.length : NaN, missing };
    });
    const provinces = entityProvinces(panel.entities);
    const hasGroup = panel.entities.length > 0 && panel.entities.every((e) => e.group !== undefined && e.group !== '');
    const hasCoords =
      panel.entities.length > 0 && panel.entities.every((e) => Number.isFinite(e.lat) && Number.isFinite(e.lon));
    return {
      source,
      title: panel.meta.title ?? panel.meta.name,
      simulated: panel.meta.simulated,
      builtin: 'builtin' in source,
      citation: panel.meta.citation,
      entityColumn: panel.entityColumn,
      periodColumn: panel.periodColumn,
      inspection,
      columns,
      entities: panel.entities.map((e) => ({ ...e })),
      periods: [...panel.periods],
      rows: panel.entity.length,
      notes: [...panel.notes],
      mapKind: entityMapKind(panel.entities),
      groups: hasGroup ? 'group' : provinces ? 'region4' : undefined,
      spatial: provinces ? 'borders' : hasCoords ? 'coordinates' : undefined,
    };
  }

  function clearMeasure(): void {
    state.measured = undefined;
    state.scores = undefined;
    state.analysisPanel = undefined;
    state.runs = {};
  }

  // ---- framework -------------------------------------------------------------------------------

  function loadFrameworkReq(req: {
    builtin?: string;
    text?: string;
    definition?: unknown;
    fileName?: string;
  }): FrameworkInfo {
    let fw: Framework;
    if (req.builtin) fw = getBuiltinFramework(req.builtin);
    else if (req.text !== undefined)
      fw = loadFramework(req.text.replace(/^\uFEFF/, ''), req.fileName ?? 'framework.yaml');
    else fw = loadFramework(req.definition, req.fileName ?? 'framework');
    state.framework = fw;
    clearMeasure();
    return { framework: fw, definition: frameworkDefinition(fw), notes: [...(fw.notes ?? [])] };
  }

  // ---- measure ---------------------------------------------------------------------------------

  function need(): { panel: Panel; framework: Framework } {
    if (!state.raw) throw new InputError('no data yet', { hint: 'choose a data file or a built-in dataset in step 1' });
    if (!state.framework) throw new InputError('no framework yet', { hint: 'choose or upload a framework in step 2' });
    return { panel: state.raw, framework: state.framework };
  }

  function measure(req: { settings: MeasureSettings }): MeasureView {
    const { panel, framework } = need();
    // A failed run leaves nothing behind: the page and the worker hold no result of other settings.
    clearMeasure();
    const s = req.settings;
    const m = runMeasure(panel, framework, { ...measureOptionsOf(s), impute: s.impute });
    state.measured = m;
    state.scores = scoresPanel(m.panel, m.result);
    const { scores: rows, ...json } = measureJson(m.result, m.notes);
    const latest = m.panel.periods[m.panel.periods.length - 1];
    const first = framework.systems[0]?.id;
    const scored = new Set(
      m.result.scores.filter((x) => x.system === first).map((x) => `${x.entity}\u0000${x.period}`),
    );
    let leftOut = 0;
    let entitiesLatest = 0;
    let rankedLatest = 0;
    for (let i = 0; i < m.panel.entity.length; i++) {
      const hit = scored.has(`${m.panel.entity[i]}\u0000${m.panel.period[i]}`);
      if (!hit) leftOut++;
      if (m.panel.period[i] === latest) {
        entitiesLatest++;
        if (hit) rankedLatest++;
      }
    }
    return {
      json,
      scores: scoreColumns(rows),
      weightRows: weightTable(m.result, framework),
      dimensionWeights: m.result.dimensionWeights.map((d) => ({ ...d })),
      systems: framework.systems.map((sys) => ({
        id: sys.id,
        name: sys.name,
        dimensions: sys.dimensions.map((d) => ({ id: d.id, name: d.name })),
      })),
      periods: [...m.panel.periods],
      imputed: m.imputation.imputed.length,
      coverage: { rows: m.panel.entity.length, leftOut, latestPeriod: latest, entitiesLatest, rankedLatest },
      notes: [...m.notes],
      settings: { ...s },
    };
  }

  function measured(): { m: MeasuredPanel; scores: Panel; framework: Framework } {
    if (!state.measured || !state.scores || !state.framework)
      throw new InputError('measure first', { hint: 'run step 3 (Measure) before the analysis' });
    return { m: state.measured, scores: state.scores, framework: state.framework };
  }

  /** The data's own columns and the measured indices side by side, aligned by entity and period. */
  function analysisPanel(): Panel {
    const { scores } = measured();
    if (state.analysisPanel) return state.analysisPanel;
    // The data as read (no imputation: that belongs to the index), with each system's index beside it —
    // the file a regression on the index reads in the CLI.
    const raw = state.raw!;
    const row = new Map(scores.entity.map((e, i) => [`${e}\u0000${scores.period[i]}`, i]));
    const added: Record<string, Float64Array> = {};
    for (const [name, col] of Object.entries(scores.columns)) {
      if (raw.columns[name]) continue;
      added[name] = Float64Array.from(raw.entity, (e, i) => col[row.get(`${e}\u0000${raw.period[i]}`) ?? -1] ?? NaN);
    }
    state.analysisPanel = withColumns(raw, added);
    return state.analysisPanel;
  }

  /** Spatial weights the CLI would use without flags: nqpf's province borders, else k = 6 nearest neighbours. */
  async function weightsOptions(panel: Panel): Promise<SpatialWeightsOptions> {
    if (entityProvinces(panel.entities)) {
      if (!state.borders) {
        const base = state.baseUrl ?? (typeof location === 'undefined' ? undefined : location.href);
        if (!base) throw new InputError('no province borders', { hint: 'load the app from its server' });
        const text = new TextDecoder().decode(
          await deps.fetchBytes(new URL('data/builtin/china-province-borders.csv', base).href),
        );
        state.borders = parseBorders(text);
      }
      return { builtinBorders: state.borders };
    }
    return { distance: 'lat,lon', knn: 6 };
  }

  // ---- analyse (each loaded on first use) ------------------------------------------------------

  async function couple(req: CoupleRequest) {
    const { scores } = measured();
    const api = await import('../../api/couple.js');
    const run = api.runCouple(scores, undefined, { systems: req.systems, method: req.method });
    state.runs.couple = run;
    return api.coupleJson(run);
  }

  async function disparity(req: ValueRequest) {
    const { scores } = measured();
    const api = await import('../../api/disparity.js');
    // Provinces without a group column are grouped by the NBS regions (東部/中部/西部/东北), as `--group region4`.
    const grouped = scores.entities.every((e) => e.group !== undefined && e.group !== '');
    const run = api.runDisparity(scores, { value: req.system, group: grouped ? 'group' : 'region4' });
    state.runs.disparity = run;
    return api.disparityJson(run);
  }

  async function density(req: ValueRequest) {
    const { scores } = measured();
    const api = await import('../../api/density.js');
    const run = api.runDensity(scores, { value: req.system });
    state.runs.density = run;
    return api.densityJson(run);
  }

  async function moran(req: MoranRequest, ctx: Context) {
    const { scores } = measured();
    const api = await import('../../api/moran.js');
    ctx.progress({ stage: 'permutations', done: 0, total: req.permutations });
    const weights = await weightsOptions(scores);
    const run = api.runMoran(scores, { ...weights, value: req.system, permutations: req.permutations, seed: req.seed });
    state.runs.moran = run;
    return { ...api.moranJson(run), weightsKind: weights.builtinBorders ? ('borders' as const) : ('knn6' as const) };
  }

  async function regress(req: RegressRequest) {
    const api = await import('../../api/regress.js');
    const run = api.runRegress(analysisPanel(), { formula: req.formula, vcov: req.vcov || undefined });
    state.runs.regress = { formula: req.formula, table: run.table, vcov: run.fits.map((f) => f.vcov.spec.type) };
    const fit = run.fits[0];
    return { ...fit.result, data: run.panel.meta.name, simulated: run.panel.meta.simulated };
  }

  async function forecast(req: ForecastRequest) {
    const { scores } = measured();
    const api = await import('../../api/forecast.js');
    const run = api.runForecast(scores, {
      value: req.system,
      ids: req.ids,
      horizon: req.horizon,
      last: req.last,
      force: true,
    });
    state.runs.forecast = { run, system: req.system };
    return { ...api.forecastJson(run), system: req.system };
  }

  async function mediate(req: MediateRequest, ctx: Context) {
    const panel = analysisPanel();
    const api = await import('../../api/mediate.js');
    ctx.progress({ stage: 'bootstrap', done: 0, total: req.bootstrap });
    const run = api.runMediate(panel, {
      x: req.x,
      mediators: req.mediators,
      y: req.y,
      fe: [panel.entityColumn, panel.periodColumn],
      cluster: panel.entityColumn,
      bootstrap: req.bootstrap,
      seed: req.seed,
      // Missing values of the variables used are treated as the measurement treated the indicators.
      impute: lastSettings?.impute,
    });
    const r = run.results[0];
    state.runs.mediate = r.result;
    return { ...api.mediationJson(r.result), notes: [...r.notes, ...r.result.notes] };
  }

  async function threshold(req: ThresholdRequest, ctx: Context) {
    const api = await import('../../api/threshold.js');
    ctx.progress({ stage: 'bootstrap', done: 0, total: req.bootstrap });
    const run = api.runThreshold(analysisPanel(), {
      y: req.y,
      x: req.x,
      q: req.q,
      thresholds: 1,
      timeEffects: true,
      bootstrap: req.bootstrap,
      seed: req.seed,
      impute: lastSettings?.impute,
    });
    const r = run.results[0];
    state.runs.threshold = r.result;
    return { ...api.thresholdJson(r.result), notes: [...r.notes, ...r.result.notes] };
  }

  async function diagnose(req: DiagnoseRequest, ctx: Context): Promise<DiagnosisView> {
    const { m, scores, framework } = measured();
    const [api, views] = await Promise.all([import('../../api/diagnose.js'), import('./views.js')]);
    ctx.progress({ stage: 'permutations', done: 0, total: req.permutations });
    let weights: SpatialWeightsOptions = {};
    let weightsError: unknown;
    try {
      weights = await weightsOptions(scores);
    } catch (e) {
      weightsError = e;
    }
    const run = api.runDiagnose(m, scores, {
      systems: req.systems,
      method: req.method,
      system: req.system,
      weights,
      permutations: req.permutations,
      seed: req.seed,
      coupling: state.runs.couple,
    });
    state.runs.diagnose = run;
    return views.diagnosisView(m.panel, framework, run, weightsError ? errorInfo(weightsError) : undefined);
  }

  async function sensitivity(req: SensitivityRequest, ctx: Context) {
    const { panel, framework } = need();
    const api = await import('../../api/sensitivity.js');
    ctx.progress({ stage: 'sensitivity', done: 0, total: req.runs });
    const r = api.sensitivity(panel, framework, {
      system: req.system,
      vary: req.vary,
      runs: req.runs,
      seed: req.seed,
      measure: lastSettings ? { ...measureOptionsOf(lastSettings), impute: lastSettings.impute } : undefined,
    });
    state.runs.sensitivity = r;
    return r;
  }
  let lastSettings: MeasureSettings | undefined;

  async function spatialPanelWeights(panel: Panel) {
    const [{ spatialWeightsFor }, options] = await Promise.all([
      import('../../api/spatial-weights.js'),
      weightsOptions(panel),
    ]);
    const section = {
      period: panel.periods[panel.periods.length - 1],
      ids: panel.entities.map((e) => e.id),
      values: new Float64Array(panel.entities.length),
      entities: [...panel.entities],
      missing: [],
      notes: [],
    };
    return spatialWeightsFor(panel, section, options);
  }

  /** The analysis panel with the formula's variables imputed as the measurement imputed its indicators (`--impute`). */
  async function spatialPanel(formula: string): Promise<Panel> {
    const panel = analysisPanel();
    const { imputeColumns } = await import('../../api/common.js');
    const words = new Set(formula.match(/[\p{L}_][\p{L}\p{N}_.]*/gu) ?? []);
    return imputeColumns(
      panel,
      lastSettings?.impute,
      Object.keys(panel.columns).filter((c) => words.has(c)),
    );
  }

  async function spatialRegress(req: SpatialRequest, ctx: Context): Promise<SpatialRegressResult> {
    const panel = await spatialPanel(req.formula);
    const api = await import('../../api/spatial-regress.js');
    ctx.progress({ stage: 'spatial', done: 0, total: req.draws });
    const r = api.spatialRegress(panel, {
      formula: req.formula,
      model: req.model,
      fe: req.fe,
      weights: await spatialPanelWeights(panel),
      draws: req.draws,
      seed: req.seed,
    });
    state.runs.spatialRegress = r;
    return r;
  }

  async function scenario(req: ScenarioRequest, ctx: Context): Promise<ScenarioApiResult> {
    const panel = await spatialPanel(req.formula);
    const api = await import('../../api/spatial-regress.js');
    ctx.progress({ stage: 'spatial', done: 0, total: req.draws });
    const r = api.scenario(panel, {
      formula: req.formula,
      model: req.model,
      fe: req.fe,
      weights: await spatialPanelWeights(panel),
      draws: req.draws,
      seed: req.seed,
      shock: {
        kind: 'add',
        variable: req.variable,
        delta: req.delta,
        entities: req.entities.length ? req.entities : undefined,
      },
    });
    state.runs.scenario = r;
    return r;
  }

  // ---- export ----------------------------------------------------------------------------------

  /** The handlers of the analyses, by the kind the report lists. */
  const analyses = {
    couple,
    disparity,
    density,
    moran,
    regress,
    forecast,
    mediate,
    threshold,
    diagnose,
    sensitivity,
    spatialRegress,
    scenario,
  };

  /**
   * The full HTML report with a section for every analysis the page shows (`analyses`, in the
   * page's order). An analysis whose raw result the worker lost (a Cancel restarts the worker)
   * is computed again from its request, with the same seed.
   */
  async function report(req: { lang: 'en' | 'zh'; analyses: AnalysisRequest[] }, ctx: Context): Promise<string> {
    const { m, framework } = measured();
    for (const [k, a] of req.analyses.entries()) {
      if (state.runs[a.kind]) continue;
      ctx.progress({ stage: 'report', done: k, total: req.analyses.length });
      await runAnalysis(a, ctx);
    }
    const { reportSections } = await import('./report.js');
    const { renderReport } = await import('../../report/document.js');
    const { reportDataset } = await import('../../report/sections/measure.js');
    const sections = await reportSections(
      { panel: m.panel, scores: state.scores!, framework, measured: m, runs: state.runs },
      req.analyses.map((a) => a.kind),
      req.lang,
    );
    return renderReport({
      title: {
        en: `nqpf workbench: ${framework.name.en}`,
        zh: `nqpf 工作台：${framework.name.zh ?? framework.name.en}`,
      },
      subtitle: m.panel.meta.title ?? m.panel.meta.name,
      lang: req.lang,
      datasets: [reportDataset(m.panel)],
      sections,
      footer: {
        en: 'Generated by the nqpf workbench (computed in the browser)',
        zh: '由 nqpf 工作台生成（在浏览器中计算）',
      },
    });
  }

  function runAnalysis(a: AnalysisRequest, ctx: Context): Promise<unknown> {
    switch (a.kind) {
      case 'couple':
        return analyses.couple(a.req);
      case 'disparity':
        return analyses.disparity(a.req);
      case 'density':
        return analyses.density(a.req);
      case 'moran':
        return analyses.moran(a.req, ctx);
      case 'regress':
        return analyses.regress(a.req);
      case 'forecast':
        return analyses.forecast(a.req);
      case 'mediate':
        return analyses.mediate(a.req, ctx);
      case 'threshold':
        return analyses.threshold(a.req, ctx);
      case 'diagnose':
        return analyses.diagnose(a.req, ctx);
      case 'sensitivity':
        return analyses.sensitivity(a.req, ctx);
      case 'spatialRegress':
        return analyses.spatialRegress(a.req, ctx);
      case 'scenario':
        return analyses.scenario(a.req, ctx);
    }
  }

  /** scores.xlsx of `nqpf measure --out`, with the headers in `lang`. */
  async function xlsx(req: { lang: 'en' | 'zh' }): Promise<Blob> {
    const { m, framework } = measured();
    const { default: writeXlsxFile } = await import('write-excel-file/browser');
    const { localiseSheets } = await import('./views.js');
    const sheets = localiseSheets(measureSheets(m.result, m.panel, framework, m.notes), req.lang);
    return writeXlsxFile(xlsxSheetData(sheets)).toBlob();
  }

  return {
    loadBuiltin,
    inspectFile,
    loadFile,
    loadFramework: loadFrameworkReq,
    measure: (req: { settings: MeasureSettings }) => {
      lastSettings = undefined;
      const v = measure(req);
      lastSettings = req.settings;
      return v;
    },
    ...analyses,
    report,
    xlsx,
  };
}

function scoreColumns(rows: MeasureJson['scores']): ScoreColumns {
  const entities: string[] = [];
  const systems: string[] = [];
  const ePos = new Map<string, number>();
  const sPos = new Map<string, number>();
  const n = rows.length;
  const out: ScoreColumns = {
    entities,
    systems,
    entity: new Int32Array(n),
    system: new Int32Array(n),
    period: new Float64Array(n),
    index: new Float64Array(n),
    rank: new Float64Array(n),
    dimensions: {},
    systemDimensions: {},
  };
  rows.forEach((r, i) => {
    let e = ePos.get(r.entity);
    if (e === undefined) ePos.set(r.entity, (e = entities.push(r.entity) - 1));
    let s = sPos.get(r.system);
    if (s === undefined) {
      sPos.set(r.system, (s = systems.push(r.system) - 1));
      out.systemDimensions[r.system] = Object.keys(r.dimensions);
    }
    out.entity[i] = e;
    out.system[i] = s;
    out.period[i] = r.period;
    out.index[i] = r.index;
    out.rank[i] = r.rank;
    for (const [d, v] of Object.entries(r.dimensions)) (out.dimensions[d] ??= new Float64Array(n).fill(NaN))[i] = v;
  });
  return out;
}

function definedOnly<T extends object>(o: T): Partial<T> {
  const out: Partial<T> = {};
  for (const k of Object.keys(o) as (keyof T)[]) {
    const v = o[k];
    if (v !== undefined && v !== '') out[k] = v;
  }
  return out;
}

/** The project file's data source of a read (the reader's options the CLI has flags for). */
function sourceOf(s: ReadSettings): Omit<Extract<DataSource, { file: string }>, 'file'> {
  const d = definedOnly(s);
  return {
    ...(d.entity ? { entity: d.entity } : {}),
    ...(d.period ? { period: d.period } : {}),
    ...(d.sheet ? { sheet: d.sheet } : {}),
    ...(d.encoding ? { encoding: d.encoding } : {}),
    ...(d.layout ? { layout: d.layout } : {}),
  };
}

function sheetNote(first: string, read: string): Note {
  return {
    level: 'info',
    code: 'header-rows',
    message: `sheet "${first}" holds no table; read sheet "${read}"`,
    detail: { sheet: read, skipped: first },
  };
}

/** data/builtin/china-province-borders.csv (a,b,kind). */
function parseBorders(text: string): NeighbourPair[] {
  const lines = text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter(Boolean);
  const head = lines[0].split(',');
  const ia = head.indexOf('a');
  const ib = head.indexOf('b');
  return lines.slice(1).map((l, i) => {
    const c = l.split(',');
    return { a: c[ia], b: c[ib], row: i + 2 };
  });
}

/** The handler table's type: the protocol is derived from it. */
export type Handlers = ReturnType<typeof createHandlers>;
