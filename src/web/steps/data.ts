/**
 * Step 1, data: a file (chosen, dropped on the page or pasted from Excel) or a built-in dataset.
 * The reader's choices — sheet, header row, entity, period, encoding, layout — are on screen before
 * the read and stay there when it fails, with what the reader found in the file.
 */
import { parseProject } from '../../run/project-file.js';
import { isInputError } from '../../core/errors.js';
import { ENCODING, ENTITY, HEADER_ROWS, LAYOUT, PERIOD, SHEET, SKIP_ROWS, optionControl } from '../../options/index.js';
import { task, text, type App } from '../app/context.js';
import { tr, type Key, type Lang } from '../app/i18n.js';
import { useStore, type State } from '../app/store.js';
import { Busy, ErrorBox, Notes, Select, Table, h } from '../app/ui.js';
import { loadFrameworkReq } from './framework.js';
import { runMeasure } from './measure.js';
import type { DataSummary, Inspection, ReadSettings } from '../worker/protocol.js';

const IMPUTE: readonly State['settings']['impute'][] = ['none', 'linear', 'mean', 'drop'];

/** Take a file's bytes (chosen, dropped or pasted) and read it with the current choices. */
export async function takeFile(app: App, name: string, bytes: ArrayBuffer): Promise<void> {
  const p = app.store.get().pendingProject;
  const src = p && !('builtin' in p.data) ? p.data : undefined;
  const read: ReadSettings = src
    ? { entity: src.entity, period: src.period, sheet: src.sheet, encoding: src.encoding, layout: src.layout }
    : // A new file starts from the detected choices, except an encoding the user chose before.
      { encoding: app.store.get().read.encoding };
  app.store.set({ file: { name, bytes }, read, inspection: undefined });
  await readFile(app);
  if (p && app.store.get().data) {
    app.store.set({ pendingProject: undefined });
    app.store.status('data', {});
    await runMeasure(app);
  }
}

/** Read the file with the current choices; on failure, show what the reader found (the pickers' options). */
export async function readFile(app: App): Promise<void> {
  const { file, read } = app.store.get();
  if (!file) return;
  const d = await task(app, 'data', 'reading', () =>
    app.engine.call('loadFile', { fileName: file.name, bytes: file.bytes.slice(0), settings: read }),
  );
  if (d) {
    dataLoaded(app, d);
    return;
  }
  // The file could not become a panel: read its table for the choices (a file that is not a table at all fails here too).
  const error = app.store.get().status.data?.error;
  try {
    const inspection = await app.engine.call('inspectFile', {
      fileName: file.name,
      bytes: file.bytes.slice(0),
      settings: read,
    });
    app.store.set({ inspection });
  } catch {
    app.store.set({ inspection: undefined });
  }
  app.store.status('data', { error });
}

function dataLoaded(app: App, d: DataSummary): void {
  const s = app.store.get();
  app.store.set({
    data: d,
    inspection: d.inspection,
    run: undefined,
    held: undefined,
    acceptDrop: false,
    analyses: {},
    requests: [],
    view: { ...s.view, period: undefined },
    step: s.framework ? 'measure' : 'framework',
  });
}

export async function loadBuiltin(app: App, name: string): Promise<void> {
  app.store.set({ file: undefined, inspection: undefined });
  const d = await task(app, 'data', 'reading', () =>
    app.engine.call('loadBuiltin', { name, baseUrl: document.baseURI }),
  );
  if (!d) return;
  dataLoaded(app, d);
  // A built-in dataset comes with its framework: seed for china-sim, pwt for world-pwt.
  const s = app.store.get();
  const fw = name === 'world-pwt' ? 'pwt' : 'seed';
  if (!s.framework || (s.frameworkBuiltin && s.frameworkBuiltin !== fw)) await loadFrameworkReq(app, { builtin: fw });
}

/** Tab-separated cells from the clipboard (what Excel and WPS copy) as a file. */
export async function takePasted(app: App, tsv: string): Promise<void> {
  if (!tsv.trim()) return;
  const bytes = new TextEncoder().encode(tsv);
  await takeFile(app, tsv.includes('\t') ? 'pasted.tsv' : 'pasted.csv', bytes.buffer);
}

async function openProject(app: App, input: HTMLInputElement): Promise<void> {
  const f = input.files?.[0];
  if (!f) return;
  let p;
  try {
    p = parseProject(await f.text(), f.name);
  } catch (e) {
    if (!isInputError(e)) throw e;
    app.store.status('data', { error: { message: e.message, file: e.file, hint: e.hint, input: true } });
    return;
  }
  app.store.set({
    lang: p.lang,
    settings: { ...p.measure },
    couple: p.couple ? { ...p.couple, systems: [...p.couple.systems] } : undefined,
    run: undefined,
  });
  if ('builtin' in p.framework) await loadFrameworkReq(app, { builtin: p.framework.builtin });
  else await loadFrameworkReq(app, { definition: p.framework.definition, fileName: p.framework.file });
  if ('builtin' in p.data) {
    await loadBuiltin(app, p.data.builtin);
    await runMeasure(app);
  } else {
    app.store.set({ pendingProject: p, step: 'data' });
    app.store.status('data', { message: 'projectNeedsFile', messageArgs: { file: p.data.file } });
  }
}

export function DataStep(props: { app: App }) {
  const { app } = props;
  const [lang, data, inspection, read, file, status, impute] = useStore(app.store, (s) => [
    s.lang,
    s.data,
    s.inspection,
    s.read,
    s.file,
    s.status.data,
    s.settings.impute,
  ]);
  const T = (k: Key, v?: Record<string, string | number>) => tr(k, lang, v);
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
        accept: '.csv,.tsv,.txt,.xlsx,.xlsm,.xls,.json,.dta,.sav,.zsav',
        onChange: async (ev: Event) => {
          const f = (ev.currentTarget as HTMLInputElement).files?.[0];
          if (f) await takeFile(app, f.name, await f.arrayBuffer());
        },
      }),
      h('p', { class: 'muted small' }, T('dataHelp')),
      h('label', { for: 'paste' }, T('pasteLabel')),
      h('textarea', {
        id: 'paste',
        'data-testid': 'paste-data',
        rows: 3,
        placeholder: T('pastePlaceholder'),
        onPaste: (ev: ClipboardEvent) => {
          const tsv = ev.clipboardData?.getData('text/plain');
          if (tsv) {
            ev.preventDefault();
            void takePasted(app, tsv);
          }
        },
      }),
      h(
        'button',
        {
          type: 'button',
          'data-testid': 'use-pasted',
          onClick: () => void takePasted(app, (document.getElementById('paste') as HTMLTextAreaElement).value),
        },
        T('usePasted'),
      ),
      h('label', { for: 'builtin' }, T('orBuiltin')),
      h(
        'div',
        { class: 'row' },
        h(
          'select',
          { id: 'builtin', 'data-testid': 'builtin-select' },
          h('option', { value: 'china-sim' }, T('builtinSim')),
          h('option', { value: 'world-pwt' }, T('builtinPwt')),
        ),
        h(
          'button',
          {
            type: 'button',
            'data-testid': 'load-builtin',
            onClick: () => void loadBuiltin(app, (document.getElementById('builtin') as HTMLSelectElement).value),
          },
          T('load'),
        ),
      ),
      h(ReadChoices, { app, lang, read, inspection, file: Boolean(file) }),
      data
        ? h(Select, {
            id: 'impute',
            label: T('impute'),
            value: impute,
            choices: IMPUTE.map((m) => [m, T(`impute_${m}`)] as const),
            onChange: (v) => app.store.set((s) => ({ settings: { ...s.settings, impute: imputeOf(v) } })),
          })
        : null,
      h('hr', {}),
      h('label', { for: 'project-file' }, T('openProject')),
      h('input', {
        id: 'project-file',
        type: 'file',
        'data-testid': 'project-file',
        accept: '.json',
        onChange: (ev: Event) => void openProject(app, ev.currentTarget as HTMLInputElement),
      }),
    ),
    h(
      'div',
      { class: 'results', 'aria-live': 'polite' },
      h(ErrorBox, { error: status?.error, lang }),
      h(Busy, { status, lang, onCancel: () => app.engine.cancel() }),
      !data && inspection && status?.error ? h(Preview, { lang, inspection }) : null,
      data ? h(DataView, { d: data, lang }) : null,
    ),
  );
}

export function imputeOf(v: string): State['settings']['impute'] {
  return IMPUTE.find((m) => m === v) ?? 'none';
}

/** The reader's choices, before the read: what was detected is preselected; "auto" lets the reader decide. */
function ReadChoices(props: { app: App; lang: Lang; read: ReadSettings; inspection?: Inspection; file: boolean }) {
  const { app, lang, read, inspection } = props;
  const T = (k: Key, v?: Record<string, string | number>) => tr(k, lang, v);
  // Labels of the reader's options from the option catalog (the CLI's --sheet, --entity, … in the page's words).
  const label = (def: Parameters<typeof optionControl>[0]) => optionControl(def, lang).label;
  const set = (patch: Partial<ReadSettings>) => app.store.set((s) => ({ read: { ...s.read, ...patch } }));
  const auto = (detected?: string | number) =>
    detected !== undefined && detected !== '' ? T('autoDetected', { v: detected }) : T('auto');
  const header = inspection?.header ?? [];
  const wide = inspection?.roles.layout === 'wide';
  const col = (id: 'entity' | 'period', title: string, detected?: string) =>
    header.length
      ? h(Select, {
          id: `${id}-col`,
          label: title,
          value: read[id] ?? '',
          // A wide yearbook file has no period column (the years are columns): nothing is preselected.
          choices: [
            ['', id === 'period' && wide ? T('periodWide') : auto(detected)] as const,
            ...header.map((c) => [c, c] as const),
          ],
          onChange: (v) => set({ [id]: v || undefined }),
        })
      : h(
          'div',
          { class: 'field' },
          h('label', { for: `${id}-col` }, title),
          h('input', {
            id: `${id}-col`,
            'data-testid': `${id}-col`,
            value: read[id] ?? '',
            placeholder: T('auto'),
            onChange: (e: Event) => set({ [id]: (e.currentTarget as HTMLInputElement).value.trim() || undefined }),
          }),
        );
  return h(
    'details',
    { class: 'read-choices', open: props.file || undefined, 'data-testid': 'read-choices' },
    h('summary', {}, T('readChoices')),
    inspection?.sheets.length
      ? h(Select, {
          id: 'sheet',
          label: label(SHEET),
          value: read.sheet ?? '',
          choices: [['', auto(inspection.sheet)] as const, ...inspection.sheets.map((c) => [c, c] as const)],
          onChange: (v) => set({ sheet: v || undefined }),
        })
      : h(
          'div',
          { class: 'field' },
          h('label', { for: 'sheet' }, label(SHEET)),
          h('input', {
            id: 'sheet',
            'data-testid': 'sheet',
            value: read.sheet ?? '',
            placeholder: T('sheetFirst'),
            onChange: (e: Event) => set({ sheet: (e.currentTarget as HTMLInputElement).value.trim() || undefined }),
          }),
        ),
    h(
      'div',
      { class: 'field two-fields' },
      h(
        'label',
        {},
        label(SKIP_ROWS),
        h('input', {
          type: 'number',
          min: 0,
          'data-testid': 'skip-rows',
          value: read.skipRows ?? '',
          placeholder: inspection?.skipRows !== undefined ? String(inspection.skipRows) : T('auto'),
          onChange: (e: Event) => {
            const v = (e.currentTarget as HTMLInputElement).valueAsNumber;
            set({ skipRows: Number.isFinite(v) && v >= 0 ? v : undefined });
          },
        }),
      ),
      h(
        'label',
        {},
        label(HEADER_ROWS),
        h('input', {
          type: 'number',
          min: 1,
          max: 5,
          'data-testid': 'header-rows',
          value: read.headerRows ?? '',
          placeholder: inspection?.headerRows !== undefined ? String(inspection.headerRows) : T('auto'),
          onChange: (e: Event) => {
            const v = (e.currentTarget as HTMLInputElement).valueAsNumber;
            set({ headerRows: Number.isFinite(v) && v >= 1 ? v : undefined });
          },
        }),
      ),
    ),
    col('entity', label(ENTITY), inspection?.roles.entity),
    col('period', label(PERIOD), inspection?.roles.period),
    h(Select, {
      id: 'encoding',
      label: label(ENCODING),
      value: read.encoding ?? '',
      choices: [
        ['', auto(inspection?.encoding)],
        ['utf-8', 'UTF-8'],
        ['gb18030', T('encodingGbk')],
      ],
      onChange: (v) => set({ encoding: v || undefined }),
    }),
    h(Select, {
      id: 'layout',
      label: label(LAYOUT),
      value: read.layout ?? '',
      choices: [
        ['', auto(inspection ? T(`layout_${inspection.roles.layout}`) : undefined)],
        ...(optionControl(LAYOUT, lang).choices ?? [])
          .filter((c) => c.value !== 'auto')
          .map((c) => [c.value, c.label] as const),
      ],
      onChange: (v) => set({ layout: v === 'long' || v === 'wide' ? v : undefined }),
    }),
    h(
      'button',
      { type: 'button', 'data-testid': 'reread', disabled: !props.file, onClick: () => void readFile(app) },
      T('reread'),
    ),
  );
}

/** The table as the reader saw it, when it could not become a panel (the choices above fix it). */
function Preview(props: { lang: Lang; inspection: Inspection }) {
  const { lang, inspection } = props;
  return h(
    'div',
    {},
    h('h3', {}, tr('previewRaw', lang)),
    h(Table, { header: inspection.preview.header, rows: inspection.preview.rows.slice(0, 12), testid: 'preview' }),
  );
}

function DataView(props: { d: DataSummary; lang: Lang }) {
  const { d, lang } = props;
  const T = (k: Key, v?: Record<string, string | number>) => tr(k, lang, v);
  const label = d.simulated ? 'simulated' : d.builtin && d.citation ? 'realData' : 'userData';
  return h(
    'div',
    {},
    h(
      'h2',
      {},
      d.builtin
        ? T(d.source && 'builtin' in d.source && d.source.builtin === 'world-pwt' ? 'builtinPwt' : 'builtinSim')
        : d.title,
    ),
    h(
      'p',
      { class: `badge ${d.simulated ? 'sim' : label === 'realData' ? 'real' : 'user'}`, 'data-testid': 'data-label' },
      T(label),
    ),
    d.citation ? h('p', { class: 'muted small citation' }, d.citation) : null,
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
    h(Notes, { notes: d.notes, lang, testid: 'data-notes' }),
    d.inspection
      ? [
          h('h3', {}, T('preview')),
          h(Table, {
            header: d.inspection.preview.header,
            rows: d.inspection.preview.rows.slice(0, 12),
            testid: 'preview',
          }),
        ]
      : null,
    h('h3', {}, T('coverage')),
    h(Table, {
      header: [T('column'), T('observed'), T('missing')],
      rows: d.columns.map((c) => [c.name, `${(c.coverage * 100).toFixed(1)}%`, c.missing]),
      testid: 'coverage',
      rowAttrs: (i): Record<string, string> => (d.columns[i].coverage < 0.65 ? { class: 'low' } : {}),
      virtualAbove: 200,
    }),
  );
}

/** The label of the data for other steps (the SIMULATED banner). */
export function isSimulated(s: State): boolean {
  return Boolean(s.data?.simulated);
}

export { text };
