/**
 * Step 2, framework: a built-in framework, a YAML/JSON file, or the tree editor (systems →
 * dimensions → indicators), checked by the CLI's loader when applied, downloadable as YAML.
 */
import { stringify as toYaml } from 'yaml';
import { labelText } from '../../core/label.js';
import { download } from '../app/dom.js';
import { task, type App } from '../app/context.js';
import { tr, type Key, type Lang } from '../app/i18n.js';
import { useStore, type EditorDimension, type EditorFramework, type EditorIndicator } from '../app/store.js';
import type { ComponentChild } from 'preact';
import { Busy, ErrorBox, Notes, h } from '../app/ui.js';

/**
 * Load a framework (built-in, file text or the editor's definition). `stay` keeps the user on the
 * framework step (the editor's Apply); otherwise the workbench moves on to Measure when data is loaded.
 */
export async function loadFrameworkReq(
  app: App,
  req: { builtin?: string; text?: string; definition?: unknown; fileName?: string },
  stay = false,
): Promise<boolean> {
  const fw = await task(app, 'framework', 'loading', () => app.engine.call('loadFramework', req));
  if (!fw) return false;
  const s = app.store.get();
  app.store.set({
    framework: fw,
    frameworkBuiltin: req.builtin,
    frameworkFile: req.builtin ? undefined : (req.fileName ?? 'framework.yaml'),
    run: undefined,
    held: undefined,
    analyses: {},
    requests: [],
    editor: structuredClone(editorOf(fw.definition)),
    step: stay ? s.step : s.data ? 'measure' : s.step,
  });
  return true;
}

function editorOf(def: Record<string, unknown>): EditorFramework {
  const systems = Array.isArray(def.systems) ? def.systems : [];
  return { ...def, systems } as EditorFramework;
}

type Name = { en: string; zh?: string };
const asName = (n: unknown): Name =>
  typeof n === 'string' ? { en: n } : n && typeof n === 'object' && 'en' in n ? { ...(n as Name) } : { en: '' };

/** Every id in the tree (systems, dimensions, indicators), for new ids that clash with none. */
function allIds(fw: EditorFramework): Set<string> {
  const ids = new Set<string>();
  const dim = (d: EditorDimension) => {
    ids.add(d.id);
    d.dimensions?.forEach(dim);
    d.indicators?.forEach((i) => ids.add(i.id));
  };
  for (const s of fw.systems) {
    ids.add(s.id);
    s.dimensions.forEach(dim);
  }
  return ids;
}

function freshId(fw: EditorFramework, prefix: string, preferred?: string): string {
  const ids = allIds(fw);
  if (preferred && /^[\p{L}_][\p{L}\p{N}_]*$/u.test(preferred) && !ids.has(preferred)) return preferred;
  let k = 1;
  while (ids.has(`${prefix}${k}`)) k++;
  return `${prefix}${k}`;
}

export function FrameworkStep(props: { app: App }) {
  const { app } = props;
  const [lang, fw, editor, status, data, builtin] = useStore(app.store, (s) => [
    s.lang,
    s.framework,
    s.editor,
    s.status.framework,
    s.data,
    s.frameworkBuiltin,
  ]);
  const T = (k: Key, v?: Record<string, string | number>) => tr(k, lang, v);
  const newFromColumns = () => {
    const d = app.store.get().data;
    if (!d) return;
    const draft: EditorFramework = { id: 'framework', name: { en: 'My framework', zh: '我的指标体系' }, systems: [] };
    const indicators: EditorIndicator[] = [];
    const sys = {
      id: 's1',
      name: { en: 'Index', zh: '综合指数' },
      dimensions: [{ id: 'd1', name: { en: 'All indicators', zh: '全部指标' }, indicators }],
    };
    draft.systems.push(sys);
    for (const c of d.columns) indicators.push({ id: freshId(draft, 'x', c.name), column: c.name, direction: '+' });
    app.store.set({ editor: draft });
  };
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
        onChange: async (ev: Event) => {
          const f = (ev.currentTarget as HTMLInputElement).files?.[0];
          if (f) await loadFrameworkReq(app, { text: await f.text(), fileName: f.name });
        },
      }),
      h('label', { for: 'builtin-fw' }, T('builtinFramework')),
      h(
        'div',
        { class: 'row' },
        h(
          'select',
          { id: 'builtin-fw', 'data-testid': 'builtin-fw' },
          h('option', { value: 'seed', selected: builtin === 'seed' }, T('fw_seed')),
          h('option', { value: 'pwt', selected: builtin === 'pwt' }, T('fw_pwt')),
        ),
        h(
          'button',
          {
            type: 'button',
            'data-testid': 'load-builtin-fw',
            onClick: () =>
              void loadFrameworkReq(app, {
                builtin: (document.getElementById('builtin-fw') as HTMLSelectElement).value,
              }),
          },
          T('load'),
        ),
      ),
      data
        ? h('button', { type: 'button', 'data-testid': 'new-framework', onClick: newFromColumns }, T('newFramework'))
        : null,
      fw
        ? h(
            'button',
            {
              type: 'button',
              'data-testid': 'download-yaml',
              onClick: () => download(`${fw.framework.id}.yaml`, toYaml(fw.definition), 'text/yaml;charset=utf-8'),
            },
            T('downloadYaml'),
          )
        : null,
    ),
    h(
      'div',
      { class: 'results' },
      h(ErrorBox, { error: status?.error, lang }),
      h(Busy, { status, lang, onCancel: () => app.engine.cancel() }),
      fw ? h('h2', {}, labelText(fw.framework.name, lang)) : null,
      fw ? h(Notes, { notes: fw.notes, lang, testid: 'framework-notes' }) : null,
      editor ? h(Editor, { app, lang, editor, columns: data?.columns.map((c) => c.name) ?? [] }) : null,
    ),
  );
}

/** The tree editor: one row per node, labelled fields, ids kept unique. */
function Editor(props: { app: App; lang: Lang; editor: EditorFramework; columns: string[] }) {
  const { app, lang, editor, columns } = props;
  const T = (k: Key) => tr(k, lang);
  const changed = () => app.store.set({ editor: { ...editor } });
  const names = (o: { name?: unknown }, what: string) => [
    h('input', {
      class: 'name',
      value: asName(o.name).en,
      placeholder: T('nameEn'),
      'aria-label': `${what}: ${T('nameEn')}`,
      // Each field updates its own language from the node's current name, so typing one keeps the other.
      onInput: (e: Event) => (o.name = { ...asName(o.name), en: (e.currentTarget as HTMLInputElement).value }),
    }),
    h('input', {
      class: 'name',
      value: asName(o.name).zh ?? '',
      placeholder: T('nameZh'),
      'aria-label': `${what}: ${T('nameZh')}`,
      onInput: (e: Event) => {
        const zh = (e.currentTarget as HTMLInputElement).value;
        const n = asName(o.name);
        o.name = zh ? { ...n, zh } : { en: n.en };
      },
    }),
  ];
  const idInput = (o: { id: string }, what: string) =>
    h('input', {
      class: 'id',
      value: o.id,
      'aria-label': `${what}: ${T('idLabel')}`,
      onInput: (e: Event) => (o.id = (e.currentTarget as HTMLInputElement).value),
    });
  const rm = <X>(list: X[], x: X, what: string) =>
    h(
      'button',
      {
        type: 'button',
        class: 'small',
        'aria-label': `${T('remove')} ${what}`,
        onClick: () => (list.splice(list.indexOf(x), 1), changed()),
      },
      '×',
    );
  const indicator = (list: EditorIndicator[], i: EditorIndicator) =>
    h(
      'li',
      { class: 'ind' },
      idInput(i, T('indicatorWord')),
      h(
        'select',
        {
          'aria-label': T('columnWord'),
          onChange: (e: Event) => (i.column = (e.currentTarget as HTMLSelectElement).value),
        },
        [...new Set([i.column, ...columns])].map((c) => h('option', { value: c, selected: c === i.column }, c)),
      ),
      h(
        'select',
        {
          'aria-label': T('directionWord'),
          onChange: (e: Event) => (i.direction = (e.currentTarget as HTMLSelectElement).value),
        },
        h('option', { value: '+', selected: i.direction === '+' || i.direction === 'benefit' }, T('benefit')),
        h('option', { value: '-', selected: i.direction === '-' || i.direction === 'cost' }, T('cost')),
      ),
      h('input', {
        class: 'w',
        type: 'number',
        step: 'any',
        min: '0',
        placeholder: T('fixedWeight'),
        value: i.weight ?? '',
        'aria-label': T('fixedWeight'),
        onInput: (e: Event) => {
          const v = (e.currentTarget as HTMLInputElement).value;
          i.weight = v === '' ? undefined : Number(v);
        },
      }),
      names(i, T('indicatorWord')),
      rm(list, i, T('indicatorWord')),
    );
  const dimension = (list: EditorDimension[], d: EditorDimension): ComponentChild =>
    h(
      'li',
      { class: 'dim' },
      h(
        'div',
        { class: 'node' },
        h('span', { class: 'kind' }, T('dimensionWord')),
        idInput(d, T('dimensionWord')),
        names(d, T('dimensionWord')),
        rm(list, d, T('dimensionWord')),
      ),
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
              type: 'button',
              class: 'small',
              onClick: () => {
                const col = columns.find((c) => !allIds(editor).has(c)) ?? columns[0] ?? '';
                d.indicators!.push({ id: freshId(editor, 'x', col), column: col, direction: '+' });
                changed();
              },
            },
            T('addIndicator'),
          )
        : null,
    );
  return h(
    'div',
    { class: 'editor', 'data-testid': 'framework-editor' },
    h('h3', {}, T('editor')),
    h('p', { class: 'muted small' }, T('editorHelp')),
    h(
      'ul',
      { class: 'tree' },
      editor.systems.map((s) =>
        h(
          'li',
          { class: 'sys' },
          h(
            'div',
            { class: 'node' },
            h('span', { class: 'kind' }, T('systemWord')),
            idInput(s, T('systemWord')),
            names(s, T('systemWord')),
            rm(editor.systems, s, T('systemWord')),
          ),
          h(
            'ul',
            {},
            s.dimensions.map((d) => dimension(s.dimensions, d)),
          ),
          h(
            'button',
            {
              type: 'button',
              class: 'small',
              onClick: () => (s.dimensions.push({ id: freshId(editor, 'd'), indicators: [] }), changed()),
            },
            T('addDimension'),
          ),
        ),
      ),
    ),
    h(
      'button',
      {
        type: 'button',
        class: 'small',
        onClick: () => (
          editor.systems.push({ id: freshId(editor, 's'), dimensions: [{ id: freshId(editor, 'd'), indicators: [] }] }),
          changed()
        ),
      },
      T('addSystem'),
    ),
    ' ',
    h(
      'button',
      {
        type: 'button',
        'data-testid': 'apply-framework',
        onClick: () =>
          void loadFrameworkReq(
            app,
            { definition: structuredClone(editor), fileName: app.store.get().frameworkFile ?? 'framework.yaml' },
            true,
          ),
      },
      T('apply'),
    ),
  );
}
