/**
 * Step 3, measure: the options of `nqpf measure` (from the method registry), the run, and its
 * results — ranking (sortable, searchable, virtualised when long), map, index over time, radar,
 * weights and notes. A run that would leave entities of the latest period unranked asks how to
 * treat the missing values first; a failed run leaves no result of other settings on screen.
 */
import { labelText } from '../../core/label.js';
import { AGGREGATIONS, NORMALIZATIONS } from '../../measure/registry.js';
import { MEASURE_OPTIONS, optionControls } from '../../options/index.js';
import type { Dimension } from '../../framework/types.js';
import { measureCommand, newProject, type Project } from '../../run/project-file.js';
import { lineOption } from '../../report/charts/line.js';
import { radarOption } from '../../report/charts/radar.js';
import { barOption } from '../../report/charts/bar.js';
import { task, type App } from '../app/context.js';
import { tr, type Key, type Lang } from '../app/i18n.js';
import { entityName, rankingRows, topEntities } from '../app/state.js';
import { useStore, type State } from '../app/store.js';
import {
  Busy,
  CliLine,
  ErrorBox,
  Figure,
  Notes,
  OptionField,
  Select,
  Table,
  fmt,
  h,
  useDebounced,
  useEffect,
  useMemo,
  useState,
} from '../app/ui.js';
import { imputeOf } from './data.js';
import { MapFigure } from './map.js';
import { measureView, type MeasureView } from '../app/scores.js';

type Settings = State['settings'];

/** The value of option `key` in the settings (the project file's `measure` entry uses the catalog's keys). */
function settingValue(s: Settings, key: string): unknown {
  const entries: Record<string, unknown> = { ...s };
  return entries[key];
}

/** The settings change of a control, checked against the catalog's records (choices, numbers). */
function settingPatch(key: string, v: unknown): Partial<Settings> {
  switch (key) {
    case 'weights':
      return typeof v === 'string' ? { weights: v } : {};
    case 'normalize': {
      const n = NORMALIZATIONS.find((r) => r.name === v);
      return n ? { normalize: n.name } : {};
    }
    case 'aggregate': {
      const a = AGGREGATIONS.find((r) => r.name === v);
      return a ? { aggregate: a.name } : {};
    }
    case 'perPeriod':
      return { perPeriod: v === true };
    case 'impute':
      return { impute: imputeOf(String(v)) };
    case 'shift':
      return typeof v === 'number' && v > 0 ? { shift: v } : { shift: undefined };
    case 'range':
      return Array.isArray(v) && v.length === 2 && v.every((x) => typeof x === 'number') ? { range: [v[0], v[1]] } : {};
  }
  return {};
}

/** The project of the current choices (undefined until data and a framework are chosen). */
export function projectOf(s: State): Project | undefined {
  if (!s.data || !s.framework) return undefined;
  const fw: Project['framework'] = s.frameworkBuiltin
    ? { builtin: s.frameworkBuiltin }
    : { file: s.frameworkFile ?? 'framework.yaml', definition: s.framework.definition };
  const p = newProject(s.data.source, fw, s.lang);
  p.measure = { ...s.settings };
  if (s.couple) p.couple = { ...s.couple, systems: [...s.couple.systems] };
  return p;
}

/** Would this result leave entities of the latest period out (and has the user not said that is fine)? */
function needsImputeChoice(v: MeasureView, s: State): boolean {
  return v.settings.impute === 'none' && v.coverage.rankedLatest < v.coverage.entitiesLatest && !s.acceptDrop;
}

/** Run the measurement with the current settings. */
export async function runMeasure(app: App): Promise<void> {
  const s0 = app.store.get();
  const project = projectOf(s0);
  // The results of other settings go at once: nothing stale stays on screen or in the exports.
  app.store.set({ run: undefined, held: undefined, analyses: {}, requests: [] });
  const t = await task(app, 'measure', 'measuring', () => app.engine.call('measure', { settings: { ...s0.settings } }));
  const v = t && measureView(t);
  if (!v || !project) return;
  const s = app.store.get();
  if (needsImputeChoice(v, s)) {
    app.store.set({ held: v, step: 'measure' });
    return;
  }
  accept(app, v, project);
}

function accept(app: App, v: MeasureView, project: Project): void {
  const s = app.store.get();
  const ids = new Set([...v.systems.map((x) => x.id), ...v.systems.flatMap((x) => x.dimensions.map((d) => d.id))]);
  app.store.set({
    run: { view: v, project: { ...project, measure: { ...v.settings } }, frameworkFile: s.frameworkFile },
    held: undefined,
    view: {
      ...s.view,
      system: s.view.system && v.systems.some((x) => x.id === s.view.system) ? s.view.system : v.systems[0]?.id,
      period: undefined,
    },
    // Coupling settings made for another framework no longer apply.
    couple: s.couple && s.couple.systems.every((x) => ids.has(x)) ? s.couple : undefined,
    step: 'measure',
  });
}

export function MeasureStep(props: { app: App }) {
  const { app } = props;
  const [lang, settings, status, run, held, data, framework] = useStore(app.store, (s) => [
    s.lang,
    s.settings,
    s.status.measure,
    s.run,
    s.held,
    s.data,
    s.framework,
  ]);
  const T = (k: Key, v?: Record<string, string | number>) => tr(k, lang, v);
  const set = (patch: Partial<Settings>) => app.store.set((s) => ({ settings: { ...s.settings, ...patch } }));
  const project = projectOf(app.store.get());
  return h(
    'div',
    { class: 'step-grid' },
    h(
      'aside',
      {},
      // The controls of `nqpf measure`'s options, from the option catalog (src/options): labels, choices, defaults.
      optionControls(MEASURE_OPTIONS, lang)
        .filter((c) =>
          c.key === 'shift'
            ? settings.normalize === 'minmax-shift'
            : c.key === 'range'
              ? settings.normalize === 'minmax-range'
              : true,
        )
        .map((c) =>
          h(OptionField, {
            control: c,
            id: c.key === 'impute' ? 'impute-m' : c.key === 'perPeriod' ? 'per-period' : c.key,
            value: settingValue(settings, c.key),
            onChange: (v) => set(settingPatch(c.key, v)),
          }),
        ),
      h(
        'button',
        {
          type: 'button',
          class: 'primary',
          'data-testid': 'run-measure',
          disabled: !data || !framework,
          onClick: () => void runMeasure(app),
        },
        T('runMeasure'),
      ),
      h(CliLine, {
        line: project ? measureCommand(project, app.store.get().frameworkFile) : undefined,
        label: T('equivalent'),
      }),
    ),
    h(
      'div',
      { class: 'results', 'aria-live': 'polite' },
      h(ErrorBox, { error: status?.error, lang }),
      h(Busy, { status, lang, onCancel: () => app.engine.cancel() }),
      !data || !framework ? h('p', { class: 'muted' }, T(!data ? 'needData' : 'needFramework')) : null,
      held ? h(ImputeChoice, { app, lang, held }) : null,
      run ? h(MeasureResults, { app, lang, view: run.view }) : null,
    ),
  );
}

/** The defaults would leave entities out: how should missing values be treated? */
function ImputeChoice(props: { app: App; lang: Lang; held: MeasureView }) {
  const { app, lang, held } = props;
  const T = (k: Key, v?: Record<string, string | number>) => tr(k, lang, v);
  const c = held.coverage;
  const rerun = (impute: State['settings']['impute']) => {
    app.store.set((s) => ({ settings: { ...s.settings, impute } }));
    void runMeasure(app);
  };
  return h(
    'div',
    { class: 'choice', role: 'alertdialog', 'aria-labelledby': 'impute-choice-title', 'data-testid': 'impute-choice' },
    h('h2', { id: 'impute-choice-title' }, T('imputeChoiceTitle')),
    h(
      'p',
      {},
      T('imputeChoiceText', {
        ranked: c.rankedLatest,
        entities: c.entitiesLatest,
        period: c.latestPeriod,
        left: c.leftOut,
        rows: c.rows,
      }),
    ),
    h(
      'div',
      { class: 'buttons' },
      h(
        'button',
        { type: 'button', class: 'primary', 'data-testid': 'impute-linear', onClick: () => rerun('linear') },
        T('impute_linear'),
      ),
      h('button', { type: 'button', 'data-testid': 'impute-mean', onClick: () => rerun('mean') }, T('impute_mean')),
      h(
        'button',
        {
          type: 'button',
          'data-testid': 'impute-keep-none',
          onClick: () => {
            app.store.set({ acceptDrop: true });
            const p = projectOf(app.store.get());
            if (p) accept(app, held, p);
          },
        },
        T('imputeLeaveOut'),
      ),
    ),
  );
}

function MeasureResults(props: { app: App; lang: Lang; view: MeasureView }) {
  const { app, lang, view: r } = props;
  const [viewState, data, lineEntities] = useStore(app.store, (s) => [s.view, s.data, s.lineEntities]);
  const T = (k: Key, v?: Record<string, string | number>) => tr(k, lang, v);
  const d = data!;
  const system = viewState.system ?? r.systems[0].id;
  const sys = r.systems.find((s) => s.id === system) ?? r.systems[0];
  const query = useDebounced(viewState.query, 150);
  const info = useMemo(() => new Map(d.entities.map((e) => [e.id, e])), [d]);
  const name = (id: string) => entityName(info.get(id), id, lang);
  const ofSystem = useMemo(() => r.json.scores.filter((s) => s.system === system), [r, system]);
  const { period, rows } = useMemo(
    () =>
      rankingRows(r.json.scores, d.entities, { system, period: viewState.period, query, sort: viewState.sort, lang }),
    [r, d, system, viewState.period, query, viewState.sort, lang],
  );
  const setView = (patch: Partial<State['view']>) => app.store.set((s) => ({ view: { ...s.view, ...patch } }));
  const sortKeys = ['rank', 'entity', 'index'] as const;
  const periods = r.periods;
  const shown = lineEntities ?? topEntities(r.json.scores, system, 5);
  // Indicator and dimension names of the framework (the weights table and chart show names, not ids).
  const names = useMemo(() => {
    const out = new Map<string, string>();
    const fw = app.store.get().framework?.framework;
    const walk = (d: Dimension) => {
      out.set(d.id, labelText(d.name, lang));
      d.dimensions?.forEach(walk);
      d.indicators?.forEach((i) => out.set(i.id, labelText(i.name, lang)));
    };
    fw?.systems.forEach((sy) => sy.dimensions.forEach(walk));
    return out;
  }, [lang, r]);
  const byKey = useMemo(() => new Map(ofSystem.map((s) => [`${s.entity}\u0000${s.period}`, s])), [ofSystem]);
  // Charts that do not depend on the period are not rebuilt when the slider moves.
  const stable = useMemo(() => {
    const line = lineOption({
      lang,
      periods,
      series: shown.map((id) => ({
        name: name(id),
        values: periods.map((p) => byKey.get(`${id}\u0000${p}`)?.index ?? NaN),
      })),
      xName: T('period'),
      yName: T('index'),
    });
    const prof = [
      ...topEntities(r.json.scores, system, 3),
      ...topEntities(r.json.scores, system, 3, 'bottom').reverse(),
    ];
    const weights = r.json.weights.filter((w) => w.system === system);
    const bar = barOption({
      lang,
      categories: weights.map((w) => names.get(w.id) ?? w.id),
      series: [{ name: T('weight'), values: weights.map((w) => w.weight) }],
      valueName: T('weight'),
    });
    return { line, prof, weights, bar };
  }, [r, system, lang, shown.join('\u0000')]);
  const radar = useMemo(
    () =>
      sys.dimensions.length >= 3
        ? radarOption({
            lang,
            axes: sys.dimensions.map((dm) => ({ name: labelText(dm.name, lang) })),
            series: stable.prof.map((id) => ({
              name: name(id),
              values: sys.dimensions.map((dm) => byKey.get(`${id}\u0000${period}`)?.dimensions[dm.id] ?? NaN),
            })),
          })
        : undefined,
    [stable, period, lang],
  );
  const charts = { ...stable, radar, byKey };
  // The ranking is drawn first; the charts, weights and tree follow in the next task, so no single
  // task of the main thread draws everything at once.
  const [full, setFull] = useState(false);
  useEffect(() => {
    setFull(false);
    const t = setTimeout(() => setFull(true), 0);
    return () => clearTimeout(t);
  }, [r]);
  const mapValues = useMemo(
    () => new Map(ofSystem.filter((s) => s.period === period).map((s) => [s.entity, s.index])),
    [ofSystem, period],
  );
  const c = r.coverage;
  return h(
    'div',
    { 'data-testid': 'measure-results' },
    h(
      'div',
      { class: 'row controls' },
      h(Select, {
        id: 'system-select',
        label: T('system'),
        value: system,
        choices: r.systems.map((s) => [s.id, labelText(s.name, lang)] as const),
        onChange: (v) => setView({ system: v }),
      }),
      h(
        'div',
        { class: 'field' },
        h('label', { for: 'period-slider' }, `${T('period')} ${period}`),
        h('input', {
          id: 'period-slider',
          type: 'range',
          'data-testid': 'period-slider',
          min: periods[0],
          max: periods[periods.length - 1],
          step: 1,
          value: period,
          onChange: (e: Event) => setView({ period: Number((e.currentTarget as HTMLInputElement).value) }),
        }),
      ),
      h(
        'div',
        { class: 'field' },
        h('label', { for: 'ranking-search' }, T('search')),
        h('input', {
          id: 'ranking-search',
          type: 'search',
          'data-testid': 'ranking-search',
          placeholder: T('searchPlaceholder'),
          value: viewState.query,
          onInput: (e: Event) => setView({ query: (e.currentTarget as HTMLInputElement).value }),
        }),
      ),
    ),
    h(Notes, {
      notes: r.notes,
      lang,
      leftOut: c.leftOut ? { rows: c.leftOut, of: c.rows } : undefined,
      testid: 'measure-notes',
    }),
    h(
      'div',
      { class: 'two' },
      h(
        'div',
        {},
        h(
          'h3',
          { id: 'ranking-title' },
          `${T('ranking')}: ${labelText(sys.name, lang)}, ${period} (${T('rankedOf', { n: rows.length, of: c.entitiesLatest })})`,
        ),
        h(Table, {
          header: [T('rank'), T('entity'), T('index')],
          rows: rows.map((row) => [row.rank, row.label, row.index.toFixed(4)]),
          testid: 'ranking',
          bodyTestid: 'ranking-table',
          rowAttrs: (i) => ({
            'data-entity': rows[i].entity,
            'data-rank': rows[i].rank,
            'data-index': String(rows[i].index),
          }),
          sort: {
            key: sortKeys.indexOf(viewState.sort.key),
            desc: viewState.sort.desc,
            onSort: (k) => {
              const key = sortKeys[k];
              setView({ sort: { key, desc: viewState.sort.key === key ? !viewState.sort.desc : key === 'index' } });
            },
          },
          virtualAbove: 200,
        }),
      ),
      h(
        'div',
        {},
        h('h3', {}, T('map')),
        h(MapFigure, {
          lang,
          data: d,
          values: mapValues,
          caption: `${labelText(sys.name, lang)} ${period}`,
          name: 'index-map',
        }),
      ),
    ),
    full
      ? [
          h(
            'div',
            { class: 'field' },
            h('label', { for: 'line-entities' }, T('entitiesShown')),
            h('input', {
              id: 'line-entities',
              class: 'wide',
              value: shown.map(name).join(lang === 'zh' ? '，' : ', '),
              onChange: (e: Event) => {
                // Names (in either language) or ids.
                const byName = new Map(
                  d.entities.flatMap((en) =>
                    [en.id, en.name, en.nameZh].filter(Boolean).map((k) => [String(k), en.id] as const),
                  ),
                );
                app.store.set({
                  lineEntities: (e.currentTarget as HTMLInputElement).value
                    .split(/[,，、]/)
                    .map((x) => byName.get(x.trim()) ?? x.trim())
                    .filter(Boolean),
                });
              },
            }),
          ),
          h(Figure, {
            option: charts.line,
            name: 'index-over-time',
            caption: `${T('overTime')}: ${labelText(sys.name, lang)}`,
            lang,
            tooltip: { trigger: 'axis' },
            data: {
              header: [T('entity'), ...periods.map(String)],
              rows: shown.map((id) => [
                name(id),
                ...periods.map((p) => charts.byKey.get(`${id}\u0000${p}`)?.index ?? null),
              ]),
            },
          }),
          charts.radar
            ? h(Figure, {
                option: charts.radar,
                name: 'radar',
                caption: T('radar'),
                lang,
                data: {
                  header: [T('entity'), ...sys.dimensions.map((dm) => labelText(dm.name, lang))],
                  rows: charts.prof.map((id) => [
                    name(id),
                    ...sys.dimensions.map((dm) => charts.byKey.get(`${id}\u0000${period}`)?.dimensions[dm.id] ?? null),
                  ]),
                },
              })
            : null,
          h('h3', {}, T('weightsTable')),
          h(
            'div',
            { class: 'two' },
            h(Table, {
              header: [T('indicatorWord'), T('dimensionWord'), T('weight')],
              rows: charts.weights.map((w) => [
                names.get(w.id) ?? w.id,
                names.get(w.dimension) ?? w.dimension,
                w.weight,
              ]),
              testid: 'weights-table',
            }),
            h(Figure, { option: charts.bar, name: 'weights', caption: T('weightsTable'), lang }),
          ),
          h('h3', {}, T('tree')),
          h(WeightTree, { app, lang, system, view: r }),
        ]
      : null,
  );
}

function WeightTree(props: { app: App; lang: Lang; system: string; view: MeasureView }) {
  const { app, lang, system, view: r } = props;
  const fw = app.store.get().framework?.framework;
  const sys = fw?.systems.find((s) => s.id === system);
  if (!sys) return null;
  const dimW = new Map(r.dimensionWeights.filter((d) => d.system === system).map((d) => [d.id, d.weight]));
  const indW = new Map(r.json.weights.filter((w) => w.system === system).map((w) => [w.id, w.weight]));
  type Dim = (typeof sys.dimensions)[number];
  const dim = (d: Dim): ReturnType<typeof h> =>
    h(
      'li',
      {},
      h('strong', {}, labelText(d.name, lang)),
      ` ${fmt(dimW.get(d.id) ?? NaN)}`,
      h(
        'ul',
        {},
        (d.dimensions ?? []).map(dim),
        (d.indicators ?? []).map((i) =>
          h(
            'li',
            {},
            `${labelText(i.name, lang)} (${i.column}, ${i.direction === '-' ? '−' : '+'}) `,
            h('span', { class: 'num' }, fmt(indW.get(i.id) ?? NaN)),
          ),
        ),
      ),
    );
  return h(
    'ul',
    { class: 'wtree', 'data-testid': 'weight-tree' },
    h('li', {}, h('strong', {}, labelText(sys.name, lang)), h('ul', {}, sys.dimensions.map(dim))),
  );
}
