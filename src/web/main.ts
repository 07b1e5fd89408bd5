/**
 * The nqpf workbench: Data → Framework → Measure → Analyse → Export in one page. The page holds the
 * state and renders; every computation runs in the engine worker (worker/engine.ts).
 */
import './style.css';
import { stringify as toYaml } from 'yaml';
import { labelText } from '../core/label.js';
import { starLegend, starsFor } from '../core/significance.js';
import { formatCsv } from '../data/csv.js';
import { coupleCommand, formatProject, measureCommand, parseProject, type Project } from '../run/project-file.js';
import { lineOption } from '../report/charts/line.js';
import { radarOption } from '../report/charts/radar.js';
import { barOption } from '../report/charts/bar.js';
import { heatmapOption } from '../report/charts/heatmap.js';
import type { CategoricalScale } from '../report/charts/map.js';
import { COORDINATION_LEVELS } from '../couple/levels.js';
import { chartFigure, disposeDetached, resizeAll } from './app/charts.js';
import { download, h, mount } from './app/dom.js';
import { Cancelled, EngineClient, EngineError } from './app/engine-client.js';
import { defaultLang, tr, type Key } from './app/i18n.js';
import {
  applyProject,
  entityName,
  initialState,
  projectOf,
  rankingRows,
  topEntities,
  type AppState,
} from './app/state.js';
import type {
  DataSummary,
  DiagnosisView,
  ErrorInfo,
  FrameworkInfo,
  MeasureView,
  ReadSettings,
  Request,
} from './worker/protocol.js';

const engine = new EngineClient(() => new Worker(new URL('./worker/worker.ts', import.meta.url), { type: 'module' }));
let state: AppState = initialState(defaultLang(navigator.languages ?? [navigator.language]));
const T = (k: Key, v?: Record<string, string | number>) => tr(k, state.lang, v);
const L = (label: { en: string; zh?: string } | string | undefined) => labelText(label, state.lang);

/** Errors and busy messages shown next to each step's controls. */
const status: Partial<Record<AppState['step'], { error?: ErrorInfo; busy?: string; message?: string }>> = {};
/** Results of the analyse views, by view. */
const analysis: Record<string, unknown> = {};

const root = document.getElementById('app')!;

// ---- shell ---------------------------------------------------------------------------------------

function render(): void {
  document.documentElement.lang = state.lang === 'zh' ? 'zh-CN' : 'en';
  document.title = T('appTitle');
  const steps: [AppState['step'], Key][] = [
    ['data', 'stepData'],
    ['framework', 'stepFramework'],
    ['measure', 'stepMeasure'],
    ['analyse', 'stepAnalyse'],
    ['export', 'stepExport'],
  ];
  mount(
    root,
    h(
      'header',
      {},
      h('div', { class: 'brand' }, h('strong', {}, T('appTitle')), h('span', { class: 'muted' }, T('tagline'))),
      // Simulated data is labelled on every step, not only where it was chosen.
      state.data?.simulated
        ? h('span', { class: 'badge sim', 'data-testid': 'simulated-banner', role: 'status' }, T('simulated'))
        : null,
      h(
        'nav',
        { 'aria-label': 'steps' },
        steps.map(([s, k]) =>
          h(
            'button',
            {
              class: s === state.step ? 'step active' : 'step',
              'aria-current': s === state.step ? 'step' : undefined,
              onclick: () => go(s),
            },
            T(k),
          ),
        ),
      ),
      h(
        'button',
        { 'data-testid': 'lang-toggle', class: 'lang', onclick: toggleLang, title: 'en / 中文' },
        T('langToggle'),
      ),
    ),
    h(
      'main',
      {},
      panel('data', dataStep()),
      panel('framework', frameworkStep()),
      panel('measure', measureStep()),
      panel('analyse', analyseStep()),
      panel('export', exportStep()),
    ),
    h('footer', { class: 'privacy', role: 'note' }, T('privacy')),
  );
  disposeDetached();
}

function panel(step: AppState['step'], content: HTMLElement): HTMLElement {
  return h('section', { class: 'panel', 'data-step': step, hidden: step !== state.step }, content);
}

function go(step: AppState['step']): void {
  state.step = step;
  render();
  window.scrollTo(0, 0);
}

function toggleLang(): void {
  state.lang = state.lang === 'en' ? 'zh' : 'en';
  render();
}

function errorBox(e?: ErrorInfo): HTMLElement | null {
  if (!e) return null;
  const where = [
    e.file,
    e.row !== undefined
      ? state.lang === 'zh'
        ? T('row').replace('{n}', String(e.row))
        : `${T('row')} ${e.row}`
      : undefined,
    e.column !== undefined ? `${T('column')} "${e.column}"` : undefined,
  ]
    .filter(Boolean)
    .join(', ');
  return h(
    'div',
    { class: 'error', role: 'alert', 'data-testid': 'error' },
    h('strong', {}, where ? `${where}: ` : ''),
    e.message,
    e.hint ? h('div', { class: 'hint' }, `${T('fix')}: ${e.hint}`) : null,
  );
}

function busyBox(step: AppState['step']): HTMLElement | null {
  const s = status[step];
  if (!s?.busy) return s?.message ? h('p', { class: 'muted' }, s.message) : null;
  return h(
    'div',
    { class: 'busy', role: 'status', 'data-testid': 'busy' },
    h('span', { class: 'spinner' }),
    s.busy,
    ' ',
    h('button', { onclick: () => engine.cancel() }, T('cancel')),
  );
}

/** Run an engine call for `step`, with its busy line, its inline error, and cancellation. */
async function task<T>(
  step: AppState['step'],
  label: string,
  fn: (progress: (d: number, t: number, l: string) => void) => Promise<T>,
): Promise<T | undefined> {
  status[step] = { busy: label };
  render();
  try {
    const v = await fn((d, t, l) => {
      status[step] = { busy: `${label} ${l} (${d}/${t})` };
      // Update the busy line in place (a full render would restart the charts on every event).
      const el = root.querySelector(`[data-step=${step}] [data-testid=busy]`);
      if (el?.childNodes[1]) el.childNodes[1].textContent = status[step]!.busy!;
    });
    status[step] = {};
    return v;
  } catch (e) {
    if (e instanceof Cancelled) status[step] = { message: T('cancelled') };
    else if (e instanceof EngineError) status[step] = { error: e.info };
    else status[step] = { error: { message: String((e as Error)?.message ?? e), input: false } };
    return undefined;
  } finally {
    render();
  }
}

// ---- 1 data ------------------------------------------------------------------------------------

function dataStep(): HTMLElement {
  const d = state.data;
  const s = status.data ?? {};
  return h(
    'div',
    { class: 'step-grid' },
    h(
      'aside',
      {},
      h('label', { for: 'data-file' }, T('dataFile')),
      h('input', {
        id: 'data-file',
        type: 'file',
        'data-testid': 'data-file',
        accept: '.csv,.tsv,.txt,.xlsx,.xlsm,.json',
        onchange: (ev: Event) => onDataFile(ev.target as HTMLInputElement),
      }),
      h('p', { class: 'muted small' }, T('dataHelp')),
      h('label', { for: 'builtin' }, T('orBuiltin')),
      h(
        'div',
        { class: 'row' },
        h(
          'select',
          { id: 'builtin' },
          h('option', { value: 'china-sim' }, T('builtinSim')),
          h('option', { value: 'world-pwt' }, T('builtinPwt')),
        ),
        h(
          'button',
          {
            'data-testid': 'load-builtin',
            onclick: () => loadBuiltin((document.getElementById('builtin') as HTMLSelectElement).value),
          },
          T('load'),
        ),
      ),
      d ? columnPickers(d) : null,
      d
        ? h(
            'div',
            {},
            h('label', { for: 'impute' }, T('impute')),
            h(
              'select',
              {
                id: 'impute',
                'data-testid': 'impute',
                onchange: (ev: Event) =>
                  (state.measure.impute = (ev.target as HTMLSelectElement).value as AppState['measure']['impute']),
              },
              (['none', 'linear', 'mean', 'drop'] as const).map((m) =>
                h(
                  'option',
                  { value: m, selected: state.measure.impute === m },
                  T(`impute${m[0].toUpperCase()}${m.slice(1)}` as Key),
                ),
              ),
            ),
          )
        : null,
      h('hr'),
      h('label', { for: 'project-file' }, T('openProject')),
      h('input', {
        id: 'project-file',
        type: 'file',
        'data-testid': 'project-file',
        accept: '.json',
        onchange: (ev: Event) => onProjectFile(ev.target as HTMLInputElement),
      }),
      s.message ? h('p', { class: 'muted' }, s.message) : null,
    ),
    h('div', { class: 'results' }, errorBox(s.error), busyBox('data'), d ? dataView(d) : null),
  );
}

function columnPickers(d: DataSummary): HTMLElement | null {
  if (!state.file) return null;
  const pick = (id: string, label: Key, current: string) =>
    h(
      'div',
      {},
      h('label', { for: id }, T(label)),
      h(
        'select',
        { id, 'data-testid': id },
        d.header.map((c) => h('option', { value: c, selected: c === current }, c)),
      ),
    );
  const sheet =
    d.sheets.length > 1
      ? h(
          'div',
          {},
          h('label', { for: 'sheet' }, T('sheet')),
          h(
            'select',
            { id: 'sheet', 'data-testid': 'sheet' },
            d.sheets.map((c) => h('option', { value: c, selected: c === (d.sheet ?? d.sheets[0]) }, c)),
          ),
        )
      : null;
  return h(
    'div',
    {},
    sheet,
    pick('entity-col', 'entityCol', d.entityColumn),
    pick('period-col', 'periodCol', d.periodColumn),
    h(
      'button',
      {
        onclick: () => {
          const entity = (document.getElementById('entity-col') as HTMLSelectElement).value;
          const period = (document.getElementById('period-col') as HTMLSelectElement).value;
          const sheetName = (document.getElementById('sheet') as HTMLSelectElement | null)?.value;
          readFile({ entity, period, sheet: sheetName });
        },
      },
      T('reread'),
    ),
  );
}

function dataView(d: DataSummary): HTMLElement {
  const numeric = d.columns.filter((c) => c.numeric);
  return h(
    'div',
    {},
    h('h2', {}, 'builtin' in d.source ? T(d.source.builtin === 'world-pwt' ? 'builtinPwt' : 'builtinSim') : d.title),
    // Built-in data says whether it is real or SIMULATED; a user's own file is the user's to label.
    'builtin' in d.source
      ? h(
          'p',
          { class: d.simulated ? 'badge sim' : 'badge real', 'data-testid': 'data-label' },
          d.simulated ? T('simulated') : T('realData'),
        )
      : null,
    d.citation ? h('p', { class: 'muted small' }, d.citation) : null,
    h(
      'p',
      { 'data-testid': 'data-summary' },
      T('summary', {
        rows: d.rows,
        entities: d.entities.length,
        periods: d.periods.length,
        first: d.periods[0],
        last: d.periods[d.periods.length - 1],
      }),
      ` · ${T('entityCol')}: ${d.entityColumn} · ${T('periodCol')}: ${d.periodColumn}`,
    ),
    notesList(d.notes),
    h('h3', {}, T('preview')),
    h('div', { class: 'scroll preview' }, table(d.preview.header, d.preview.rows.slice(0, 12), 'preview')),
    h('h3', {}, T('coverage')),
    h(
      'div',
      { class: 'scroll cov' },
      h(
        'table',
        { 'data-testid': 'coverage' },
        h('thead', {}, h('tr', {}, h('th', {}, T('column')), h('th', {}, T('observed')), h('th', {}, T('missing')))),
        h(
          'tbody',
          {},
          numeric.map((c) =>
            h(
              'tr',
              { class: c.coverage < 0.65 ? 'low' : '' },
              h('td', {}, c.name),
              h(
                'td',
                {},
                h('span', { class: 'bar', style: `--w:${(c.coverage * 100).toFixed(1)}%` }),
                `${(c.coverage * 100).toFixed(1)}%`,
              ),
              h('td', { class: 'num' }, c.missing),
            ),
          ),
        ),
      ),
    ),
  );
}

function notesList(notes: readonly { level: string; message: string }[]): HTMLElement | null {
  const shown = [
    ...new Set(notes.filter((n) => n.level === 'warning' || n.level === 'info').map((n) => n.message)),
  ].slice(0, 8);
  if (!shown.length) return null;
  return h(
    'details',
    { class: 'notes' },
    h('summary', {}, `${T('notes')} (${shown.length})`),
    h(
      'ul',
      {},
      shown.map((m) => h('li', {}, m)),
    ),
  );
}

function table(header: readonly string[], rows: readonly (readonly unknown[])[], testid?: string): HTMLElement {
  return h(
    'table',
    { 'data-testid': testid },
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        header.map((c) => h('th', {}, c)),
      ),
    ),
    h(
      'tbody',
      {},
      rows.map((r) =>
        h(
          'tr',
          {},
          r.map((c) =>
            h(
              'td',
              { class: typeof c === 'number' ? 'num' : '' },
              typeof c === 'number' ? (Number.isInteger(c) ? String(c) : fmt(c)) : String(c ?? ''),
            ),
          ),
        ),
      ),
    ),
  );
}

function fmt(x: number, d = 4): string {
  return Number.isFinite(x)
    ? Math.abs(x) >= 1e6 || (x !== 0 && Math.abs(x) < 1e-3)
      ? x.toExponential(3)
      : x.toFixed(d)
    : '—';
}

async function onDataFile(input: HTMLInputElement): Promise<void> {
  const f = input.files?.[0];
  if (!f) return;
  state.file = { name: f.name, bytes: await f.arrayBuffer() };
  // A project waiting for its data file: read it with the project's column choices, then measure.
  const p = state.pendingProject;
  const src = p && !('builtin' in p.data) ? p.data : undefined;
  await readFile(
    src ? { entity: src.entity, period: src.period, sheet: src.sheet, encoding: src.encoding, layout: src.layout } : {},
  );
  if (p && state.data) {
    state.pendingProject = undefined;
    status.data = {};
    await runMeasure();
    render();
  }
}

async function readFile(settings: ReadSettings): Promise<void> {
  const f = state.file!;
  const d = await task('data', T('running'), () =>
    engine.call<DataSummary>({ kind: 'load-file', fileName: f.name, bytes: f.bytes.slice(0), settings }),
  );
  // A file that cannot be read leaves the data loaded before it (and its results) as they were.
  if (d) dataLoaded(d);
  render();
}

async function loadBuiltin(name: string): Promise<void> {
  state.file = undefined;
  const d = await task('data', T('running'), () =>
    engine.call<DataSummary>({ kind: 'load-builtin', name, baseUrl: document.baseURI }),
  );
  if (!d) return;
  dataLoaded(d);
  // A built-in dataset comes with its framework: seed for china-sim, pwt for world-pwt.
  if (!state.framework) await loadFramework({ builtin: name === 'world-pwt' ? 'pwt' : 'seed' });
  render();
}

function dataLoaded(d: DataSummary): void {
  state.data = d;
  state.result = undefined;
  state.view.period = undefined;
  state.step = 'framework';
  if (state.framework) state.step = 'measure';
}

async function onProjectFile(input: HTMLInputElement): Promise<void> {
  const f = input.files?.[0];
  if (!f) return;
  let p: Project;
  try {
    p = parseProject(await f.text(), f.name);
  } catch (e) {
    const err = e as { message: string; file?: string; hint?: string };
    status.data = { error: { message: err.message, file: err.file, hint: err.hint, input: true } };
    render();
    return;
  }
  state = applyProject(state, p);
  if ('builtin' in p.framework) await loadFramework({ builtin: p.framework.builtin });
  else await loadFramework({ definition: p.framework.definition, fileName: p.framework.file });
  if ('builtin' in p.data) {
    await loadBuiltin(p.data.builtin);
    await runMeasure();
  } else {
    state.pendingProject = p;
    status.data = { message: T('projectNeedsFile', { file: p.data.file }) };
    state.step = 'data';
  }
  render();
}

// ---- 2 framework ---------------------------------------------------------------------------------

async function loadFramework(req: {
  builtin?: string;
  text?: string;
  definition?: unknown;
  fileName?: string;
}): Promise<boolean> {
  const fw = await task('framework', T('running'), () =>
    engine.call<FrameworkInfo>({ kind: 'load-framework', ...req }),
  );
  if (!fw) return false;
  state.framework = fw;
  state.frameworkBuiltin = req.builtin;
  state.frameworkFile = req.builtin ? undefined : (req.fileName ?? 'framework.yaml');
  state.result = undefined;
  editor = structuredClone(fw.definition) as EditorFramework;
  if (state.data) state.step = 'measure';
  return true;
}

async function onFrameworkFile(input: HTMLInputElement): Promise<void> {
  const f = input.files?.[0];
  if (!f) return;
  await loadFramework({ text: await f.text(), fileName: f.name });
  render();
}

type EditorIndicator = {
  id: string;
  column: string;
  direction: string;
  weight?: number;
  name?: { en: string; zh?: string } | string;
};
type EditorDimension = {
  id: string;
  name?: { en: string; zh?: string } | string;
  dimensions?: EditorDimension[];
  indicators?: EditorIndicator[];
};
type EditorFramework = {
  id?: string;
  name?: unknown;
  systems: { id: string; name?: unknown; dimensions: EditorDimension[] }[];
};
let editor: EditorFramework | undefined;

function frameworkStep(): HTMLElement {
  const s = status.framework ?? {};
  const fw = state.framework;
  return h(
    'div',
    { class: 'step-grid' },
    h(
      'aside',
      {},
      h('label', { for: 'framework-file' }, T('frameworkFile')),
      h('input', {
        id: 'framework-file',
        type: 'file',
        'data-testid': 'framework-file',
        accept: '.yaml,.yml,.json',
        onchange: (ev: Event) => onFrameworkFile(ev.target as HTMLInputElement),
      }),
      h('label', { for: 'builtin-fw' }, T('builtinFramework')),
      h(
        'div',
        { class: 'row' },
        h('select', { id: 'builtin-fw' }, h('option', { value: 'seed' }, 'seed'), h('option', { value: 'pwt' }, 'pwt')),
        h(
          'button',
          {
            onclick: async () => (
              await loadFramework({ builtin: (document.getElementById('builtin-fw') as HTMLSelectElement).value }),
              render()
            ),
          },
          T('load'),
        ),
      ),
      state.data
        ? h(
            'button',
            {
              'data-testid': 'new-framework',
              // A new user with their own file starts from its columns: one system, one dimension, every
              // numeric column a benefit indicator; the tree editor then splits, renames and applies.
              onclick: () => (
                (editor = {
                  id: 'framework',
                  systems: [
                    {
                      id: 's1',
                      dimensions: [
                        {
                          id: 'd1',
                          indicators: state.data!.columns.map((c, i) => ({
                            id: `x${i + 1}`,
                            column: c.name,
                            direction: '+',
                          })),
                        },
                      ],
                    },
                  ],
                }),
                render()
              ),
            },
            T('newFramework'),
          )
        : null,
      fw
        ? h(
            'button',
            {
              'data-testid': 'download-yaml',
              onclick: () => download(`${fw.framework.id}.yaml`, toYaml(fw.definition), 'text/yaml;charset=utf-8'),
            },
            T('downloadYaml'),
          )
        : null,
    ),
    h(
      'div',
      { class: 'results' },
      errorBox(s.error),
      busyBox('framework'),
      fw ? h('div', {}, h('h2', {}, L(fw.framework.name)), notesList(fw.notes), editorView()) : editorView(),
    ),
  );
}

function editorView(): HTMLElement | null {
  if (!editor) return null;
  const cols = state.data?.columns.map((c) => c.name) ?? [];
  const nameInputs = (o: { name?: unknown }) => {
    const n = (typeof o.name === 'string' ? { en: o.name } : (o.name as { en: string; zh?: string } | undefined)) ?? {
      en: '',
    };
    return [
      h('input', {
        class: 'name',
        value: n.en,
        placeholder: 'name (en)',
        'aria-label': 'name en',
        oninput: (e: Event) => (o.name = { ...n, en: (e.target as HTMLInputElement).value }),
      }),
      h('input', {
        class: 'name',
        value: n.zh ?? '',
        placeholder: '名称（中文）',
        'aria-label': 'name zh',
        oninput: (e: Event) => (o.name = { ...n, zh: (e.target as HTMLInputElement).value || undefined }),
      }),
    ];
  };
  const idInput = (o: { id: string }) =>
    h('input', {
      class: 'id',
      value: o.id,
      'aria-label': 'id',
      oninput: (e: Event) => (o.id = (e.target as HTMLInputElement).value),
    });
  const rm = <X>(list: X[], x: X) =>
    h('button', { class: 'small', onclick: () => (list.splice(list.indexOf(x), 1), render()) }, T('remove'));
  const indicator = (list: EditorIndicator[], i: EditorIndicator) =>
    h(
      'li',
      { class: 'ind' },
      idInput(i),
      h(
        'select',
        { 'aria-label': 'column', onchange: (e: Event) => (i.column = (e.target as HTMLSelectElement).value) },
        [...new Set([i.column, ...cols])].map((c) => h('option', { value: c, selected: c === i.column }, c)),
      ),
      h(
        'select',
        { 'aria-label': 'direction', onchange: (e: Event) => (i.direction = (e.target as HTMLSelectElement).value) },
        h('option', { value: '+', selected: i.direction === '+' || i.direction === 'benefit' }, '+'),
        h('option', { value: '-', selected: i.direction === '-' || i.direction === 'cost' }, '−'),
      ),
      h('input', {
        class: 'w',
        type: 'number',
        step: 'any',
        min: '0',
        placeholder: 'weight',
        value: i.weight ?? '',
        'aria-label': 'fixed weight',
        oninput: (e: Event) => {
          const v = (e.target as HTMLInputElement).value;
          i.weight = v === '' ? undefined : Number(v);
        },
      }),
      nameInputs(i),
      rm(list, i),
    );
  const dimension = (list: EditorDimension[], d: EditorDimension): HTMLElement =>
    h(
      'li',
      { class: 'dim' },
      idInput(d),
      nameInputs(d),
      rm(list, d),
      d.dimensions
        ? h(
            'ul',
            {},
            d.dimensions.map((x) => dimension(d.dimensions!, x)),
          )
        : null,
      !d.dimensions
        ? h(
            'ul',
            {},
            (d.indicators ??= []).map((x) => indicator(d.indicators!, x)),
          )
        : null,
      !d.dimensions
        ? h(
            'button',
            {
              class: 'small',
              onclick: () => (
                d.indicators!.push({ id: `x${d.indicators!.length + 1}`, column: cols[0] ?? '', direction: '+' }),
                render()
              ),
            },
            T('addIndicator'),
          )
        : null,
    );
  return h(
    'div',
    { class: 'editor', 'data-testid': 'framework-editor' },
    h('h3', {}, T('editor')),
    h(
      'ul',
      { class: 'tree' },
      editor.systems.map((s) =>
        h(
          'li',
          { class: 'sys' },
          idInput(s),
          nameInputs(s),
          rm(editor!.systems, s),
          h(
            'ul',
            {},
            s.dimensions.map((d) => dimension(s.dimensions, d)),
          ),
          h(
            'button',
            {
              class: 'small',
              onclick: () => (s.dimensions.push({ id: `d${s.dimensions.length + 1}`, indicators: [] }), render()),
            },
            T('addDimension'),
          ),
        ),
      ),
    ),
    h(
      'button',
      {
        class: 'small',
        onclick: () => (
          editor!.systems.push({ id: `s${editor!.systems.length + 1}`, dimensions: [{ id: 'd1', indicators: [] }] }),
          render()
        ),
      },
      T('addSystem'),
    ),
    ' ',
    h(
      'button',
      {
        'data-testid': 'apply-framework',
        onclick: async () => (
          await loadFramework({
            definition: structuredClone(editor),
            fileName: state.frameworkFile ?? 'framework.yaml',
          }),
          render()
        ),
      },
      T('apply'),
    ),
  );
}

// ---- 3 measure -----------------------------------------------------------------------------------

async function runMeasure(): Promise<void> {
  const r = await task('measure', T('running'), () =>
    engine.call<MeasureView>({ kind: 'measure', settings: { ...state.measure } }),
  );
  if (!r) return;
  state.result = r;
  state.view.system =
    state.view.system && r.systems.some((s) => s.id === state.view.system) ? state.view.system : r.systems[0]?.id;
  state.view.period = undefined;
  for (const k of Object.keys(analysis)) delete analysis[k];
  // Coupling settings made for another framework no longer apply.
  const ids = new Set([...r.systems.map((x) => x.id), ...r.systems.flatMap((x) => x.dimensions.map((d) => d.id))]);
  if (state.couple && !state.couple.systems.every((x) => ids.has(x))) state.couple = undefined;
  const vars = new Set([...r.systems.map((x) => x.id), ...(state.data?.columns.map((c) => c.name) ?? [])]);
  if ([mech.x, mech.m, mech.y, mech.q].some((v) => v !== undefined && !vars.has(v)))
    Object.assign(mech, { x: undefined, m: undefined, y: undefined, q: undefined });
  if ([reg.y, ...reg.xs].some((v) => v !== undefined && !vars.has(v)))
    Object.assign(reg, { y: undefined, xs: [], formula: undefined });
  state.step = 'measure';
}

function measureStep(): HTMLElement {
  const s = status.measure ?? {};
  const m = state.measure;
  const sel = (id: string, label: Key, values: readonly string[], current: string, set: (v: string) => void) =>
    h(
      'div',
      {},
      h('label', { for: id }, T(label)),
      h(
        'select',
        { id, onchange: (e: Event) => set((e.target as HTMLSelectElement).value) },
        values.map((v) => h('option', { value: v, selected: v === current }, v)),
      ),
    );
  return h(
    'div',
    { class: 'step-grid' },
    h(
      'aside',
      {},
      sel(
        'weights',
        'weights',
        ['entropy', 'critic', 'cv', 'equal', 'fixed', 'entropy+critic'],
        m.weights,
        (v) => (m.weights = v),
      ),
      sel(
        'normalize',
        'normalize',
        ['minmax', 'minmax-shift', 'minmax-range', 'zscore', 'ratio'],
        m.normalize,
        (v) => (m.normalize = v as typeof m.normalize),
      ),
      h(
        'label',
        {},
        h('input', {
          type: 'checkbox',
          checked: m.perPeriod,
          onchange: (e: Event) => (m.perPeriod = (e.target as HTMLInputElement).checked),
        }),
        ' ',
        T('perPeriod'),
      ),
      sel(
        'aggregate',
        'aggregate',
        ['arithmetic', 'geometric', 'topsis'],
        m.aggregate,
        (v) => (m.aggregate = v as typeof m.aggregate),
      ),
      sel('impute-m', 'impute', ['none', 'linear', 'mean', 'drop'], m.impute, (v) => (m.impute = v as typeof m.impute)),
      h(
        'button',
        { class: 'primary', 'data-testid': 'run-measure', onclick: async () => (await runMeasure(), render()) },
        T('runMeasure'),
      ),
      cliLine(() => {
        const p = projectOf(state);
        return p ? measureCommand(p, state.frameworkFile) : undefined;
      }),
    ),
    h(
      'div',
      { class: 'results' },
      errorBox(s.error),
      busyBox('measure'),
      state.result ? measureView(state.result) : null,
    ),
  );
}

function cliLine(make: () => string | undefined): HTMLElement | null {
  const line = make();
  if (!line) return null;
  return h(
    'div',
    { class: 'cli' },
    h('div', { class: 'muted small' }, T('equivalent')),
    h('code', { 'data-testid': 'cli-line' }, line),
  );
}

function measureView(r: MeasureView): HTMLElement {
  const d = state.data!;
  const system = state.view.system ?? r.systems[0].id;
  const sys = r.systems.find((s) => s.id === system)!;
  const { period, rows } = rankingRows(r.json.scores, d.entities, {
    system,
    period: state.view.period,
    query: state.view.query,
    sort: state.view.sort,
    lang: state.lang,
  });
  const info = new Map(d.entities.map((e) => [e.id, e]));
  const name = (id: string) => entityName(info.get(id), id, state.lang);
  const sortBy = (key: AppState['view']['sort']['key']) => () => {
    const s = state.view.sort;
    state.view.sort = { key, desc: s.key === key ? !s.desc : key === 'index' };
    render();
  };
  const periods = r.periods;
  const controls = h(
    'div',
    { class: 'row controls' },
    h(
      'label',
      {},
      T('system'),
      ' ',
      h(
        'select',
        {
          'data-testid': 'system-select',
          onchange: (e: Event) => ((state.view.system = (e.target as HTMLSelectElement).value), render()),
        },
        r.systems.map((s) => h('option', { value: s.id, selected: s.id === system }, L(s.name))),
      ),
    ),
    h(
      'label',
      {},
      `${T('period')} ${period} `,
      h('input', {
        type: 'range',
        'data-testid': 'period-slider',
        min: periods[0],
        max: periods[periods.length - 1],
        step: 1,
        value: period,
        onchange: (e: Event) => ((state.view.period = Number((e.target as HTMLInputElement).value)), render()),
      }),
    ),
    h(
      'label',
      {},
      T('search'),
      ' ',
      h('input', {
        type: 'search',
        'data-testid': 'ranking-search',
        value: state.view.query,
        oninput: (e: Event) => ((state.view.query = (e.target as HTMLInputElement).value), renderRankingOnly()),
      }),
    ),
  );
  const rankTable = h(
    'table',
    { class: 'ranking' },
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', { onclick: sortBy('rank'), class: 'sortable' }, T('rank')),
        h('th', { onclick: sortBy('entity'), class: 'sortable' }, T('entity')),
        h('th', { onclick: sortBy('index'), class: 'sortable' }, T('index')),
      ),
    ),
    h(
      'tbody',
      { 'data-testid': 'ranking-table' },
      rows.map((row) =>
        h(
          'tr',
          { 'data-entity': row.entity, 'data-rank': row.rank, 'data-index': String(row.index) },
          h('td', { class: 'num' }, row.rank),
          h('td', {}, row.label),
          h('td', { class: 'num' }, row.index.toFixed(4)),
        ),
      ),
    ),
  );
  // Charts: the same option builders as the report (src/report/charts).
  const ofSystem = r.json.scores.filter((s) => s.system === system);
  const shown = lineEntities ?? topEntities(r.json.scores, system, 5);
  const line = lineOption({
    lang: state.lang,
    periods,
    series: shown.map((id) => ({
      name: name(id),
      values: periods.map((p) => ofSystem.find((s) => s.entity === id && s.period === p)?.index ?? NaN),
    })),
    xName: T('period'),
    yName: T('index'),
  });
  const prof = [...topEntities(r.json.scores, system, 3), ...topEntities(r.json.scores, system, 3, 'bottom').reverse()];
  const radar =
    sys.dimensions.length >= 3
      ? radarOption({
          lang: state.lang,
          axes: sys.dimensions.map((dm) => ({ name: L(dm.name) })),
          series: prof.map((id) => {
            const row = ofSystem.find((s) => s.entity === id && s.period === period);
            return { name: name(id), values: sys.dimensions.map((dm) => row?.dimensions[dm.id] ?? NaN) };
          }),
        })
      : undefined;
  const weights = r.json.weights.filter((w) => w.system === system);
  const weightBar = barOption({
    lang: state.lang,
    categories: weights.map((w) => w.id),
    series: [{ name: T('weights'), values: weights.map((w) => w.weight) }],
    valueName: T('weights'),
  });
  const mapBox = h('div', { 'data-testid': 'map-box' });
  drawMap(
    mapBox,
    new Map(ofSystem.filter((s) => s.period === period).map((s) => [s.entity, s.index])),
    `${L(sys.name)} ${period}`,
    'index-map',
  );
  return h(
    'div',
    {},
    controls,
    h(
      'div',
      { class: 'two' },
      h(
        'div',
        {},
        h('h3', {}, `${T('ranking')}: ${L(sys.name)}, ${period}`),
        h('div', { class: 'scroll rank' }, rankTable),
      ),
      h('div', {}, h('h3', {}, T('map')), mapBox),
    ),
    h(
      'div',
      { class: 'row' },
      h(
        'label',
        {},
        T('entitiesShown'),
        ' ',
        h('input', {
          class: 'wide',
          value: shown.join(', '),
          onchange: (e: Event) => (
            (lineEntities = (e.target as HTMLInputElement).value
              .split(',')
              .map((x) => x.trim())
              .filter(Boolean)),
            render()
          ),
        }),
      ),
    ),
    chartFigure(line, 'index-over-time', `${T('overTime')}: ${L(sys.name)}`, { trigger: 'axis' }),
    radar ? chartFigure(radar, 'radar', T('radar')) : null,
    h('h3', {}, T('weightsTable')),
    h(
      'div',
      { class: 'two' },
      h(
        'div',
        { class: 'scroll' },
        table(
          r.weightRows[0] as string[],
          r.weightRows.slice(1).filter((w) => w[0] === system),
          'weights-table',
        ),
      ),
      chartFigure(weightBar, 'weights', T('weightsTable')),
    ),
    h('h3', {}, T('tree')),
    weightTree(system),
    notesList(r.json.notes),
  );
}

let lineEntities: string[] | undefined;

function renderRankingOnly(): void {
  const q = document.activeElement === root.querySelector('[data-testid=ranking-search]');
  render();
  if (q) {
    const el = root.querySelector<HTMLInputElement>('[data-testid=ranking-search]');
    el?.focus();
    el?.setSelectionRange(el.value.length, el.value.length);
  }
}

function weightTree(system: string): HTMLElement {
  const r = state.result!;
  const fw = state.framework!.framework;
  const sys = fw.systems.find((s) => s.id === system)!;
  const dimW = new Map(r.dimensionWeights.filter((d) => d.system === system).map((d) => [d.id, d.weight]));
  const indW = new Map(r.json.weights.filter((w) => w.system === system).map((w) => [w.id, w.weight]));
  const dim = (d: (typeof sys.dimensions)[number]): HTMLElement =>
    h(
      'li',
      {},
      h('strong', {}, L(d.name)),
      ` ${fmt(dimW.get(d.id) ?? NaN)}`,
      h(
        'ul',
        {},
        (d.dimensions ?? []).map(dim),
        (d.indicators ?? []).map((i) =>
          h(
            'li',
            {},
            `${L(i.name)} (${i.column}, ${i.direction === '-' ? '−' : '+'}) `,
            h('span', { class: 'num' }, fmt(indW.get(i.id) ?? NaN)),
          ),
        ),
      ),
    );
  return h(
    'ul',
    { class: 'wtree', 'data-testid': 'weight-tree' },
    h('li', {}, h('strong', {}, L(sys.name)), h('ul', {}, sys.dimensions.map(dim))),
  );
}

/** Draw a choropleth of `values` by entity into `box` (the map module and geometry load on demand). */
function drawMap(
  box: HTMLElement,
  values: ReadonlyMap<string, number | string>,
  caption: string,
  name: string,
  categorical: boolean | CategoricalScale = false,
): void {
  const d = state.data!;
  if (d.mapKind === 'none') {
    mount(box, h('p', { class: 'muted' }, T('noMap')));
    return;
  }
  const lang = state.lang;
  void import('./app/maps.js').then(({ mapOption }) => {
    if (!box.isConnected) return;
    mount(
      box,
      chartFigure(mapOption(d.mapKind as 'world' | 'china', d.entities, values, lang, categorical), name, caption),
    );
  });
}

/** Ten coordination levels from imbalance (red) to coordination (blue): ColorBrewer RdYlBu, colour-blind safe. */
const LEVEL_COLORS = [
  '#a50026',
  '#d73027',
  '#f46d43',
  '#fdae61',
  '#fee090',
  '#e0f3f8',
  '#abd9e9',
  '#74add1',
  '#4575b4',
  '#313695',
];

// ---- 4 analyse -----------------------------------------------------------------------------------

function analyseStep(): HTMLElement {
  const s = status.analyse ?? {};
  const r = state.result;
  if (!r) return h('div', { class: 'results' }, h('p', {}, T('measureFirst')));
  const sysIds = r.systems.length >= 2 ? r.systems.map((x) => x.id) : r.systems[0].dimensions.map((x) => x.id);
  state.couple ??= { systems: sysIds.slice(0, Math.min(3, sysIds.length)), method: 'wang' };
  const headline = state.view.system ?? r.systems[0].id;
  return h(
    'div',
    { class: 'step-grid' },
    h(
      'aside',
      {},
      h('h3', {}, T('couple')),
      h(
        'fieldset',
        {},
        h('legend', {}, T('systems')),
        sysIds.map((id) =>
          h(
            'label',
            { class: 'check' },
            h('input', {
              type: 'checkbox',
              checked: state.couple!.systems.includes(id),
              onchange: (e: Event) => toggleCoupleSystem(id, (e.target as HTMLInputElement).checked),
            }),
            ` ${id}`,
          ),
        ),
      ),
      h('label', { for: 'couple-method' }, T('method')),
      h(
        'select',
        {
          id: 'couple-method',
          onchange: (e: Event) => (state.couple!.method = (e.target as HTMLSelectElement).value as 'wang'),
        },
        ['wang', 'traditional', 'fan'].map((m) => h('option', { value: m, selected: state.couple!.method === m }, m)),
      ),
      h('button', { 'data-testid': 'run-couple', onclick: () => runCouple() }, T('run')),
      cliLine(() => {
        const p = projectOf(state);
        return p ? coupleCommand(p, state.frameworkFile) : undefined;
      }),
      h('hr'),
      h('h3', {}, `${T('disparity')} · ${T('density')} · ${T('moran')}`),
      h('p', { class: 'muted small' }, `${T('system')}: ${headline}`),
      h('button', { 'data-testid': 'run-disparity', onclick: () => runSimple('disparity', headline) }, T('disparity')),
      h('button', { 'data-testid': 'run-density', onclick: () => runSimple('density', headline) }, T('density')),
      h(
        'button',
        { 'data-testid': 'run-moran', onclick: () => runMoran(headline) },
        `${T('moran')} (999 ${T('permutations')})`,
      ),
      h('button', { 'data-testid': 'run-diagnose', onclick: () => runDiagnose(headline) }, T('diagnose')),
      h('hr'),
      regressionBuilder(r),
      h('hr'),
      mechanismControls(r, headline),
    ),
    h('div', { class: 'results' }, errorBox(s.error), busyBox('analyse'), analysisViews()),
  );
}

function toggleCoupleSystem(id: string, on: boolean): void {
  const c = state.couple!;
  c.systems = on ? [...new Set([...c.systems, id])] : c.systems.filter((x) => x !== id);
}

async function runCouple(): Promise<void> {
  const c = state.couple!;
  if (c.systems.length < 2) {
    status.analyse = { error: { message: T('needTwoSystems'), input: true } };
    render();
    return;
  }
  const v = await task('analyse', T('running'), () =>
    engine.call({ kind: 'couple', systems: c.systems, method: c.method }),
  );
  if (v) analysis.couple = v;
  render();
}

async function runSimple(kind: 'disparity' | 'density', system: string): Promise<void> {
  const v = await task('analyse', T('running'), () => engine.call({ kind, system }));
  if (v) analysis[kind] = v;
  render();
}

async function runMoran(system: string): Promise<void> {
  const v = await task('analyse', T('running'), (progress) =>
    engine.call({ kind: 'moran', system, permutations: 999, seed: 20240306 }, progress),
  );
  if (v) analysis.moran = v;
  render();
}

/** The three problems, computed in the worker on the coupled systems and the headline index. */
async function runDiagnose(system: string): Promise<void> {
  const c = state.couple!;
  const v = await task('analyse', T('running'), (progress) =>
    engine.call(
      { kind: 'diagnose', systems: c.systems, method: c.method, system, permutations: 999, seed: 20240306 },
      progress,
    ),
  );
  if (v) analysis.diagnosis = v;
  render();
}

/** The diagnosis as the worker wrote it (the report section's blocks): no statistic is computed here. */
function diagnosisView(v: DiagnosisView): HTMLElement {
  return h(
    'section',
    { 'data-testid': 'view-diagnosis' },
    h('h2', {}, T('diagnose')),
    v[state.lang].map((b) => {
      switch (b.kind) {
        case 'heading':
          return h('h3', {}, b.text);
        case 'paragraph':
          return h('p', {}, b.text);
        case 'list':
          return h(
            'ul',
            {},
            b.items.map((x) => h('li', {}, x)),
          );
        case 'table':
          return h(
            'figure',
            {},
            h('figcaption', {}, b.caption),
            h('div', { class: 'scroll' }, table(b.header, b.rows, b.testid)),
          );
      }
    }),
  );
}

function analysisViews(): HTMLElement {
  const out: (HTMLElement | null)[] = [];
  const d = state.data!;
  const info = new Map(d.entities.map((e) => [e.id, e]));
  const name = (id: string) => entityName(info.get(id), id, state.lang);
  const c = analysis.couple as
    | {
        systems: string[];
        rows: { entity: string; period: number; C: number; T: number; D: number; level?: string; levelZh?: string }[];
      }
    | undefined;
  if (c) {
    const ents = [...new Set(c.rows.map((x) => x.entity))];
    const periods = [...new Set(c.rows.map((x) => x.period))].sort((a, b) => a - b);
    const at = new Map(c.rows.map((x) => [`${x.entity}\u0000${x.period}`, x]));
    const heat = heatmapOption({
      lang: state.lang,
      rows: ents.map(name),
      columns: periods,
      values: ents.map((e) => periods.map((p) => at.get(`${e}\u0000${p}`)?.D ?? NaN)),
      valueName: 'D',
    });
    const last = periods[periods.length - 1];
    const mapBox = h('div', {});
    // The level map: each entity's coordination level in the latest period, as the result names it.
    const rank = new Map(COORDINATION_LEVELS.map((b) => [b.label.en, String(b.rank)]));
    const levels: CategoricalScale = {
      type: 'categorical',
      categories: COORDINATION_LEVELS.map((b, i) => ({
        value: String(b.rank),
        label: b.label,
        color: LEVEL_COLORS[i],
      })),
    };
    drawMap(
      mapBox,
      new Map(
        c.rows
          .filter((x) => x.period === last && x.level && rank.has(x.level))
          .map((x) => [x.entity, rank.get(x.level!)!]),
      ),
      `${T('level')} ${last}`,
      'coupling-map',
      levels,
    );
    out.push(
      h(
        'section',
        { 'data-testid': 'view-couple' },
        h('h2', {}, `${T('couple')}: ${c.systems.join(' × ')}`),
        chartFigure(heat, 'coupling-heatmap', `D (${c.systems.join(', ')})`),
        mapBox,
        h(
          'div',
          { class: 'scroll' },
          table(
            ['entity', 'period', 'C', 'T', 'D', T('level')],
            c.rows
              .filter((x) => x.period === last)
              .map((x) => [name(x.entity), x.period, x.C, x.T, x.D, (state.lang === 'zh' ? x.levelZh : x.level) ?? '']),
            'coupling-table',
          ),
        ),
      ),
    );
  }
  const g = analysis.disparity as
    | {
        value: string;
        periods: {
          period: number;
          gini: number;
          within: number;
          between: number;
          transvariation: number;
          contributions: Record<string, number>;
          theilT: number;
          cv: number;
        }[];
      }
    | undefined;
  if (g) {
    const periods = g.periods.map((p) => p.period);
    const lineG = lineOption({
      lang: state.lang,
      periods,
      series: [
        { name: T('gini'), values: g.periods.map((p) => p.gini) },
        { name: T('within'), values: g.periods.map((p) => p.within), dashed: true },
        { name: T('between'), values: g.periods.map((p) => p.between), dashed: true },
        { name: T('trans'), values: g.periods.map((p) => p.transvariation), dashed: true },
      ],
      xName: T('period'),
      yName: 'G',
    });
    out.push(
      h(
        'section',
        { 'data-testid': 'view-disparity' },
        h('h2', {}, `${T('disparity')}: ${g.value}`),
        chartFigure(lineG, 'dagum-gini', T('gini'), { trigger: 'axis' }),
        h(
          'div',
          { class: 'scroll' },
          table(
            ['period', 'G', 'Gw', 'Gnb', 'Gt', 'Theil T', 'CV'],
            g.periods.map((p) => [p.period, p.gini, p.within, p.between, p.transvariation, p.theilT, p.cv]),
            'disparity-table',
          ),
        ),
      ),
    );
  }
  const k = analysis.density as DensityView | undefined;
  if (k) out.push(densityView(k));
  const mo = analysis.moran as
    | {
        value: string;
        period: number;
        I: number;
        expected: number;
        z: number;
        pValue: number;
        pPermutation: number | null;
        permutations: number;
        local: { entity: string; Ii: number; pPermutation: number; cluster: string }[];
      }
    | undefined;
  if (mo) {
    const mapBox = h('div', {});
    // LISA classes as the report's map draws them (NS = not significant).
    const cats = new Map(mo.local.map((x) => [x.entity, x.cluster === 'NS' ? 'ns' : x.cluster]));
    drawMap(mapBox, cats, `LISA ${mo.value} ${mo.period}`, 'lisa-map', true);
    out.push(
      h(
        'section',
        { 'data-testid': 'view-moran' },
        h('h2', {}, `${T('moran')}: ${mo.value}, ${mo.period}`),
        h(
          'p',
          { 'data-testid': 'moran-i' },
          `I = ${fmt(mo.I)}, E(I) = ${fmt(mo.expected)}, z = ${fmt(mo.z)}, p = ${fmt(mo.pValue)}${mo.pPermutation !== null ? `, p(${mo.permutations} perm.) = ${fmt(mo.pPermutation)}` : ''}; W: k = 6 nearest neighbours`,
        ),
        mapBox,
        h(
          'div',
          { class: 'scroll' },
          table(
            ['entity', 'Ii', 'p (perm.)', 'cluster'],
            mo.local.map((x) => [name(x.entity), x.Ii, x.pPermutation, x.cluster]),
            'lisa-table',
          ),
        ),
      ),
    );
  }
  const dg = analysis.diagnosis as DiagnosisView | undefined;
  if (dg) out.push(diagnosisView(dg));
  const rg = analysis.regress as Parameters<typeof regressionView>[0] | undefined;
  if (rg && Array.isArray(rg.coefficients)) out.push(regressionView(rg));
  out.push(...mechanismViews());
  return h('div', {}, out);
}

type DensityView = {
  value: string;
  grid: ArrayLike<number>;
  periods: { period: number; y: ArrayLike<number>; peakX: number; peaks?: number }[];
};

function densityView(k: DensityView): HTMLElement {
  const xs = Array.from(k.grid);
  const step = Math.max(1, Math.floor(xs.length / 128));
  const idx = xs.map((_, i) => i).filter((i) => i % step === 0);
  // Every few periods (at most about 6 curves) and always the last, so the lines stay readable.
  const every = Math.max(1, Math.ceil(k.periods.length / 6));
  const shown = k.periods.filter((_, i) => i % every === 0 || i === k.periods.length - 1);
  const opt = lineOption({
    lang: state.lang,
    periods: idx.map((i) => Number(xs[i].toFixed(3))),
    series: shown.map((c) => ({ name: String(c.period), values: idx.map((i) => c.y[i]) })),
    xName: k.value,
    yName: 'density',
    symbols: false,
  });
  return h(
    'section',
    { 'data-testid': 'view-density' },
    h('h2', {}, `${T('density')}: ${k.value}`),
    chartFigure(opt, 'density', T('density'), { trigger: 'axis' }),
    h(
      'div',
      { class: 'scroll' },
      table(
        ['period', 'peak x', 'peaks'],
        k.periods.map((c) => [c.period, c.peakX, c.peaks ?? '']),
        'density-table',
      ),
    ),
  );
}

// Regression: a formula builder over the measured panel (each system's index is a column).
const reg: { y?: string; xs: string[]; entityFe: boolean; periodFe: boolean; vcov: string; formula?: string } = {
  xs: [],
  entityFe: true,
  periodFe: true,
  vcov: '',
};

function builtFormula(): string {
  const d = state.data!;
  const fe = [reg.entityFe ? d.entityColumn : '', reg.periodFe ? d.periodColumn : ''].filter(Boolean);
  const q = (c: string) => (/^[\p{L}_][\p{L}\p{N}_.]*$/u.test(c) ? c : `\`${c}\``);
  return `${q(reg.y ?? '')} ~ ${reg.xs.map(q).join(' + ') || '1'}${fe.length ? ` | ${fe.join(' + ')}` : ''}`;
}

function regressionBuilder(r: MeasureView): HTMLElement {
  const d = state.data!;
  const vars = [...r.systems.map((x) => x.id), ...d.columns.filter((c) => c.numeric).map((c) => c.name)];
  reg.y ??= r.systems[0].id;
  const refresh = () => {
    reg.formula = builtFormula();
    const el = document.getElementById('formula') as HTMLInputElement | null;
    if (el) el.value = reg.formula;
  };
  return h(
    'div',
    {},
    h('h3', {}, T('regression')),
    h('label', { for: 'reg-y' }, T('dependent')),
    h(
      'select',
      { id: 'reg-y', onchange: (e: Event) => ((reg.y = (e.target as HTMLSelectElement).value), refresh()) },
      vars.map((v) => h('option', { value: v, selected: v === reg.y }, v)),
    ),
    h('label', { for: 'reg-x' }, T('regressors')),
    h(
      'select',
      {
        id: 'reg-x',
        multiple: true,
        size: 5,
        onchange: (e: Event) => (
          (reg.xs = Array.from((e.target as HTMLSelectElement).selectedOptions, (o) => o.value)),
          refresh()
        ),
      },
      vars.map((v) => h('option', { value: v, selected: reg.xs.includes(v) }, v)),
    ),
    h(
      'label',
      { class: 'check' },
      h('input', {
        type: 'checkbox',
        checked: reg.entityFe,
        onchange: (e: Event) => ((reg.entityFe = (e.target as HTMLInputElement).checked), refresh()),
      }),
      ` ${T('entityFe')}`,
    ),
    h(
      'label',
      { class: 'check' },
      h('input', {
        type: 'checkbox',
        checked: reg.periodFe,
        onchange: (e: Event) => ((reg.periodFe = (e.target as HTMLInputElement).checked), refresh()),
      }),
      ` ${T('periodFe')}`,
    ),
    h('label', { for: 'reg-vcov' }, 'vcov'),
    h(
      'select',
      { id: 'reg-vcov', onchange: (e: Event) => (reg.vcov = (e.target as HTMLSelectElement).value) },
      [
        ['', T('vcovDefault')],
        ['iid', 'iid'],
        ['hc1', 'HC1'],
        [`cluster:${d.entityColumn}`, `cluster: ${d.entityColumn}`],
        ['dk', 'Driscoll–Kraay'],
      ].map(([v, l]) => h('option', { value: v, selected: v === reg.vcov }, l)),
    ),
    h('label', { for: 'formula' }, T('formula')),
    h('input', {
      id: 'formula',
      'data-testid': 'formula',
      value: reg.formula ?? builtFormula(),
      oninput: (e: Event) => (reg.formula = (e.target as HTMLInputElement).value),
    }),
    h('button', { 'data-testid': 'run-regress', onclick: () => runRegress() }, T('run')),
  );
}

async function runRegress(): Promise<void> {
  const formula = reg.formula ?? builtFormula();
  const v = await task('analyse', T('running'), () => engine.call({ kind: 'regress', formula, vcov: reg.vcov }));
  if (v) analysis.regress = v;
  render();
}

function regressionView(res: {
  formula: string;
  coefficients: {
    term: string;
    estimate: number;
    stdError: number;
    statistic: number;
    pValue: number;
    ciLow: number;
    ciHigh: number;
  }[];
  nobs: number;
  r2: number;
  r2Within: number | null;
  vcov: { label: string };
}): HTMLElement {
  const stars = (p: number) => starsFor(p); // the one star rule of every face (src/core/significance.ts)
  const d = state.data!;
  const line = `nqpf regress --data ${d.source && 'builtin' in d.source ? d.source.builtin : (d.source as { file: string }).file} --formula '${res.formula}'${reg.vcov ? ` --vcov ${reg.vcov}` : ''}`;
  return h(
    'section',
    { 'data-testid': 'view-regress' },
    h('h2', {}, `${T('regression')}: ${res.formula}`),
    table(
      ['term', 'estimate', 'std. error', 't', 'p', 'CI low', 'CI high', ''],
      res.coefficients.map((c) => [
        c.term,
        c.estimate,
        c.stdError,
        c.statistic,
        c.pValue,
        c.ciLow,
        c.ciHigh,
        stars(c.pValue),
      ]),
      'regress-table',
    ),
    h(
      'p',
      { class: 'small' },
      `N = ${res.nobs}, R² = ${fmt(res.r2)}${res.r2Within !== null ? `, within R² = ${fmt(res.r2Within)}` : ''}; ${res.vcov.label}. ${starLegend()}`,
    ),
    h('div', { class: 'cli' }, h('div', { class: 'muted small' }, T('regressCli')), h('code', {}, line)),
  );
}

// Mechanism (mediation, threshold) and GM(1,1) forecasts: the CLI's stage functions with its defaults.
const mech: { x?: string; m?: string; y?: string; q?: string; bootstrap: number } = { bootstrap: 500 };

function mechanismControls(r: MeasureView, headline: string): HTMLElement {
  const d = state.data!;
  const vars = [...r.systems.map((x) => x.id), ...d.columns.filter((c) => c.numeric).map((c) => c.name)];
  mech.x ??= r.systems[0].id;
  mech.y ??= r.systems[Math.min(1, r.systems.length - 1)].id;
  mech.m ??= r.systems[Math.min(2, r.systems.length - 1)].id;
  mech.q ??= vars.find((v) => /gdp_per_capita|gdp/i.test(v)) ?? vars[0];
  const pick = (id: string, label: Key, key: 'x' | 'm' | 'y' | 'q') =>
    h(
      'label',
      { class: 'check' },
      `${T(label)} `,
      h(
        'select',
        { id, onchange: (e: Event) => (mech[key] = (e.target as HTMLSelectElement).value) },
        vars.map((v) => h('option', { value: v, selected: v === mech[key] }, v)),
      ),
    );
  return h(
    'div',
    {},
    h('h3', {}, `${T('mediation')} · ${T('threshold')}`),
    pick('mech-x', 'xVar', 'x'),
    pick('mech-m', 'mediator', 'm'),
    pick('mech-y', 'yVar', 'y'),
    pick('mech-q', 'qVar', 'q'),
    h(
      'label',
      { class: 'check' },
      `${T('bootstrap')} `,
      h('input', {
        type: 'number',
        min: 0,
        step: 100,
        value: mech.bootstrap,
        class: 'w',
        onchange: (e: Event) => (mech.bootstrap = Number((e.target as HTMLInputElement).value)),
      }),
    ),
    h('button', { 'data-testid': 'run-mediate', onclick: () => runMech('mediate') }, T('mediation')),
    h('button', { 'data-testid': 'run-threshold', onclick: () => runMech('threshold') }, T('threshold')),
    h('hr'),
    h(
      'button',
      { 'data-testid': 'run-forecast', onclick: () => runForecast(headline) },
      `${T('forecast')}: ${headline}`,
    ),
  );
}

async function runMech(kind: 'mediate' | 'threshold'): Promise<void> {
  const seed = 20240306;
  const req: Request =
    kind === 'mediate'
      ? { kind, x: mech.x!, mediators: [mech.m!], y: mech.y!, bootstrap: mech.bootstrap, seed }
      : { kind, y: mech.y!, x: mech.x!, q: mech.q!, bootstrap: Math.min(mech.bootstrap, 300), seed };
  const v = await task('analyse', `${T('running')} (${T('bootstrap')} ${mech.bootstrap})`, () => engine.call(req));
  if (v) analysis[kind] = v;
  render();
}

async function runForecast(system: string): Promise<void> {
  const r = state.result!;
  const ids = topEntities(r.json.scores, system, 3);
  const v = await task('analyse', T('running'), () =>
    engine.call({ kind: 'forecast', system, ids, horizon: 3, last: 8 }),
  );
  if (v) analysis.forecast = { ...(v as object), system };
  render();
}

type PathJson = { path: string; estimate: number; stdError: number; pValue: number };

function mechanismViews(): HTMLElement[] {
  const out: HTMLElement[] = [];
  const me = analysis.mediate as
    | {
        total: PathJson;
        direct: PathJson;
        indirect: {
          mediator: string;
          estimate: number;
          ciLow: number;
          ciHigh: number;
          share: number;
          verdict?: string;
        }[];
        nobs: number;
        bootstrap: unknown;
      }
    | undefined;
  if (me?.total) {
    out.push(
      h(
        'section',
        { 'data-testid': 'view-mediate' },
        h('h2', {}, `${T('mediation')}: ${mech.x} → ${mech.m} → ${mech.y}`),
        table(
          ['path', 'estimate', 'std. error', 'p'],
          [me.total, me.direct].map((p) => [p.path, p.estimate, p.stdError, p.pValue]),
          'mediate-paths',
        ),
        table(
          ['mediator', 'indirect', 'CI low', 'CI high', 'share', ''],
          me.indirect.map((e) => [e.mediator, e.estimate, e.ciLow, e.ciHigh, e.share, e.verdict ?? '']),
          'mediate-indirect',
        ),
        h('p', { class: 'small' }, `N = ${me.nobs}; ${T('mediationNote')}`),
      ),
    );
  }
  const th = analysis.threshold as
    | {
        thresholds: { order: number; estimate: number; ciLow: number; ciHigh: number; F: number; pValue: number }[];
        coefficients: { term: string; estimate: number; stdError: number; pValue: number }[];
        nobs: number;
      }
    | undefined;
  if (th?.thresholds) {
    out.push(
      h(
        'section',
        { 'data-testid': 'view-threshold' },
        h('h2', {}, `${T('threshold')}: ${mech.y} ~ ${mech.x}, q = ${mech.q}`),
        table(
          ['threshold', 'estimate', 'CI low', 'CI high', 'F', 'p (bootstrap)'],
          th.thresholds.map((t) => [t.order, t.estimate, t.ciLow, t.ciHigh, t.F, t.pValue]),
          'threshold-table',
        ),
        table(
          ['term', 'estimate', 'std. error', 'p'],
          th.coefficients.map((c) => [c.term, c.estimate, c.stdError, c.pValue]),
          'threshold-coef',
        ),
      ),
    );
  }
  const fc = analysis.forecast as
    | {
        system: string;
        series: {
          entity: string;
          periods: number[];
          fitted: number[];
          forecastPeriods: number[];
          forecast: number[];
          C: number;
          P: number;
          grade: string;
          gradeZh?: string;
        }[];
      }
    | undefined;
  if (fc?.series?.length) {
    const r = state.result!;
    const periods = [...new Set(fc.series.flatMap((x) => [...x.periods, ...x.forecastPeriods]))].sort((a, b) => a - b);
    const info = new Map(state.data!.entities.map((e) => [e.id, e]));
    const actual = (id: string, p: number) =>
      r.json.scores.find((s) => s.system === fc.system && s.entity === id && s.period === p)?.index ?? NaN;
    const opt = lineOption({
      lang: state.lang,
      periods,
      series: fc.series.flatMap((x) => {
        const nm = entityName(info.get(x.entity), x.entity, state.lang);
        const at = new Map(x.forecastPeriods.map((p, i) => [p, x.forecast[i]]));
        return [
          { name: nm, values: periods.map((p) => actual(x.entity, p)) },
          {
            name: `${nm} GM(1,1)`,
            values: periods.map(
              (p) => at.get(p) ?? (p === x.periods[x.periods.length - 1] ? actual(x.entity, p) : NaN),
            ),
            dashed: true,
          },
        ];
      }),
      xName: T('period'),
      yName: T('index'),
    });
    out.push(
      h(
        'section',
        { 'data-testid': 'view-forecast' },
        h('h2', {}, `${T('forecast')}: ${fc.system}`),
        chartFigure(opt, 'forecast', `${T('forecast')} (GM(1,1))`, { trigger: 'axis' }),
        table(
          ['entity', 'C', 'P', 'grade', ...fc.series[0].forecastPeriods.map(String)],
          fc.series.map((x) => [
            entityName(info.get(x.entity), x.entity, state.lang),
            x.C,
            x.P,
            state.lang === 'zh' ? (x.gradeZh ?? x.grade) : x.grade,
            ...x.forecast,
          ]),
          'forecast-table',
        ),
      ),
    );
  }
  return out;
}

// ---- 5 export ------------------------------------------------------------------------------------

function exportStep(): HTMLElement {
  const s = status.export ?? {};
  const r = state.result;
  const p = projectOf(state);
  return h(
    'div',
    { class: 'results' },
    errorBox(s.error),
    busyBox('export'),
    !r ? h('p', {}, T('measureFirst')) : null,
    h(
      'div',
      { class: 'buttons' },
      h('button', { 'data-testid': 'export-xlsx', disabled: !r, onclick: exportXlsx }, T('exportXlsx')),
      h(
        'button',
        {
          'data-testid': 'export-scores-csv',
          disabled: !r,
          onclick: () => download('scores.csv', '\uFEFF' + formatCsv(scoreRows()), 'text/csv;charset=utf-8'),
        },
        T('exportScoresCsv'),
      ),
      h(
        'button',
        {
          'data-testid': 'export-weights-csv',
          disabled: !r,
          onclick: () => download('weights.csv', '\uFEFF' + formatCsv(r!.weightRows), 'text/csv;charset=utf-8'),
        },
        T('exportWeightsCsv'),
      ),
      h('button', { 'data-testid': 'export-report', disabled: !r, onclick: exportReport }, T('exportReport')),
      h(
        'button',
        {
          'data-testid': 'export-project',
          disabled: !p,
          onclick: () => download('nqpf-project.json', formatProject(p!), 'application/json'),
        },
        T('exportProject'),
      ),
      state.framework && !state.frameworkBuiltin
        ? h(
            'button',
            {
              onclick: () =>
                download(
                  state.frameworkFile ?? 'framework.yaml',
                  toYaml(state.framework!.definition),
                  'text/yaml;charset=utf-8',
                ),
            },
            T('downloadYaml'),
          )
        : null,
    ),
    p
      ? h(
          'div',
          { class: 'cli' },
          h('div', { class: 'muted small' }, T('runProject')),
          h('code', {}, 'nqpf run nqpf-project.json --out results'),
          h('div', { class: 'muted small' }, T('equivalent')),
          h('code', {}, measureCommand(p, state.frameworkFile)),
        )
      : null,
  );
}

function scoreRows(): unknown[][] {
  const r = state.result!;
  const d = state.data!;
  const dims = [...new Set(r.json.scores.flatMap((s) => Object.keys(s.dimensions)))];
  return [
    [d.entityColumn, d.periodColumn, 'system', 'index', 'rank', ...dims],
    ...r.json.scores.map((s) => [
      s.entity,
      s.period,
      s.system,
      s.index,
      s.rank,
      ...dims.map((k) => s.dimensions[k] ?? ''),
    ]),
  ];
}

async function exportXlsx(): Promise<void> {
  const blob = await task('export', T('running'), () => engine.call<Blob>({ kind: 'xlsx' }));
  if (blob) download('scores.xlsx', blob);
}

async function exportReport(): Promise<void> {
  const html = await task('export', T('running'), () => engine.call<string>({ kind: 'report', lang: state.lang }));
  if (html) download('nqpf-report.html', html, 'text/html;charset=utf-8');
}

// ---- start ---------------------------------------------------------------------------------------

declare module './app/state.js' {
  interface AppState {
    pendingProject?: Project;
  }
}

window.addEventListener('resize', resizeAll);
render();
document.body.dataset.ready = 'true';
