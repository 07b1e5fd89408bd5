/**
 * Step 4, analyse: the controls of each stage (coupling, disparity, density, Moran/LISA, the three
 * problems, regression, mediation, threshold, forecast, sensitivity, spatial regression,
 * scenarios) and their views (views.ts). Stages that the data cannot support are shown with the
 * reason instead of a button that fails.
 */
import { labelText } from '../../core/label.js';
import { coupleCommand } from '../../run/project-file.js';
import { task, type App } from '../app/context.js';
import { tr, type Key, type Lang } from '../app/i18n.js';
import { topEntities } from '../app/state.js';
import { useStore, type Analyses, type State } from '../app/store.js';
import { Busy, CliLine, ErrorBox, Select, h, useState } from '../app/ui.js';
import { projectOf } from './measure.js';
import { AnalysisViews } from './views.js';
import type { AnalysisRequest } from '../worker/protocol.js';
import type { MeasureView } from '../app/scores.js';
import type { SpatialModel } from '../worker/handlers.js';

const SEED = 20240306;

/** Remember the request behind an analysis (the report replays it) and store its result. */
function keep<K extends keyof Analyses>(app: App, req: AnalysisRequest & { kind: K }, value: Analyses[K]): void {
  app.store.set((s) => ({
    analyses: { ...s.analyses, [req.kind]: value },
    requests: [...s.requests.filter((r) => r.kind !== req.kind), req],
  }));
}

/** Variables an analysis can use: each system's index, then the data's numeric columns. */
export function variables(r: MeasureView, s: State): { id: string; label: string }[] {
  const lang = s.lang;
  return [
    ...r.systems.map((x) => ({ id: x.id, label: `${labelText(x.name, lang)} (${tr('indexWord', lang)})` })),
    ...(s.data?.columns.map((c) => ({ id: c.name, label: c.name })) ?? []),
  ];
}

/** A fixest name, backquoted when it is not a plain identifier. */
export const q = (c: string) => (/^[\p{L}_][\p{L}\p{N}_.]*$/u.test(c) ? c : `\`${c}\``);

export function AnalyseStep(props: { app: App }) {
  const { app } = props;
  const [lang, run, status, data] = useStore(app.store, (s) => [s.lang, s.run, s.status.analyse, s.data]);
  const T = (k: Key) => tr(k, lang);
  if (!run || !data) return h('div', { class: 'results' }, h('p', {}, T('measureFirst')));
  return h(
    'div',
    { class: 'step-grid' },
    h(
      'aside',
      { 'aria-label': T('stepAnalyse') },
      h(CoupleControls, { app, lang, run: run.view }),
      h('hr', {}),
      h(IndexControls, { app, lang, run: run.view }),
      h('hr', {}),
      h(RegressionControls, { app, lang, run: run.view }),
      h('hr', {}),
      h(MechanismControls, { app, lang, run: run.view }),
      h('hr', {}),
      h(SensitivityControls, { app, lang, run: run.view }),
      h('hr', {}),
      h(SpatialControls, { app, lang, run: run.view }),
    ),
    h(
      'div',
      { class: 'results', 'aria-live': 'polite' },
      h(ErrorBox, { error: status?.error, lang }),
      h(Busy, { status, lang, onCancel: () => app.engine.cancel() }),
      h(AnalysisViews, { app }),
    ),
  );
}

function headlineOf(s: State, r: MeasureView): string {
  return s.view.system ?? r.systems[0].id;
}

function CoupleControls(props: { app: App; lang: Lang; run: MeasureView }) {
  const { app, lang, run: r } = props;
  const [couple] = useStore(app.store, (s) => [s.couple]);
  const T = (k: Key) => tr(k, lang);
  const ids =
    r.systems.length >= 2
      ? r.systems.map((x) => ({ id: x.id, name: x.name }))
      : r.systems[0].dimensions.map((x) => ({ id: x.id, name: x.name }));
  const c = couple ?? { systems: ids.slice(0, Math.min(3, ids.length)).map((x) => x.id), method: 'wang' as const };
  const setC = (patch: Partial<typeof c>) => app.store.set({ couple: { ...c, ...patch } });
  const run = async () => {
    if (c.systems.length < 2) {
      app.store.status('analyse', { error: { message: T('needTwoSystems'), input: true } });
      return;
    }
    app.store.set({ couple: c });
    const req = { systems: [...c.systems], method: c.method };
    const v = await task(app, 'analyse', 'computing', () => app.engine.call('couple', req));
    if (v) keep(app, { kind: 'couple', req }, v);
  };
  const project = projectOf({ ...app.store.get(), couple: c });
  return h(
    'section',
    {},
    h('h3', {}, T('couple')),
    h(
      'fieldset',
      {},
      h('legend', {}, T('systems')),
      ids.map((x) =>
        h(
          'label',
          { class: 'check' },
          h('input', {
            type: 'checkbox',
            checked: c.systems.includes(x.id),
            onChange: (e: Event) =>
              setC({
                systems: (e.currentTarget as HTMLInputElement).checked
                  ? ids.map((y) => y.id).filter((y) => y === x.id || c.systems.includes(y))
                  : c.systems.filter((y) => y !== x.id),
              }),
          }),
          ` ${labelText(x.name, lang)}`,
        ),
      ),
    ),
    h(Select, {
      id: 'couple-method',
      label: T('method'),
      value: c.method,
      choices: (['wang', 'traditional', 'fan'] as const).map((m) => [m, T(`couple_${m}`)] as const),
      onChange: (v) => setC({ method: v === 'traditional' || v === 'fan' ? v : 'wang' }),
    }),
    h('button', { type: 'button', 'data-testid': 'run-couple', onClick: () => void run() }, T('run')),
    h(CliLine, {
      line: project ? coupleCommand(project, app.store.get().frameworkFile) : undefined,
      label: T('equivalent'),
      testid: 'couple-cli',
    }),
  );
}

/** Disparity, density, Moran/LISA, diagnosis and forecast of the headline index. */
function IndexControls(props: { app: App; lang: Lang; run: MeasureView }) {
  const { app, lang, run: r } = props;
  const [data, system] = useStore(app.store, (s) => [s.data!, s.view.system]);
  const T = (k: Key, v?: Record<string, string | number>) => tr(k, lang, v);
  const headline = system ?? r.systems[0].id;
  const sysName = labelText(r.systems.find((x) => x.id === headline)?.name ?? headline, lang);
  const disparity = async () => {
    const req = { system: headline };
    const v = await task(app, 'analyse', 'computing', () => app.engine.call('disparity', req));
    if (v) keep(app, { kind: 'disparity', req }, v);
  };
  const density = async () => {
    const req = { system: headline };
    const v = await task(app, 'analyse', 'computing', () => app.engine.call('density', req));
    if (v) keep(app, { kind: 'density', req }, v);
  };
  const moran = async () => {
    const req = { system: headline, permutations: 999, seed: SEED };
    const v = await task(app, 'analyse', 'computing', (p) => app.engine.call('moran', req, p));
    if (v) keep(app, { kind: 'moran', req }, v);
  };
  const diagnose = async () => {
    const s = app.store.get();
    const ids = r.systems.length >= 2 ? r.systems.map((x) => x.id) : r.systems[0].dimensions.map((x) => x.id);
    const c = s.couple ?? { systems: ids.slice(0, Math.min(3, ids.length)), method: 'wang' as const };
    const req = { systems: [...c.systems], method: c.method, system: headline, permutations: 999, seed: SEED };
    const v = await task(app, 'analyse', 'computing', (p) => app.engine.call('diagnose', req, p));
    if (v) keep(app, { kind: 'diagnose', req }, v);
  };
  const forecast = async () => {
    const ids = topEntities(r.json.scores, headline, 3);
    const req = { system: headline, ids, horizon: 3, last: 8 };
    const v = await task(app, 'analyse', 'computing', () => app.engine.call('forecast', req));
    if (v) keep(app, { kind: 'forecast', req }, v);
  };
  return h(
    'section',
    {},
    h('h3', {}, T('indexAnalyses')),
    h('p', { class: 'muted small' }, `${T('system')}: ${sysName}`),
    data.groups
      ? h('button', { type: 'button', 'data-testid': 'run-disparity', onClick: () => void disparity() }, T('disparity'))
      : h('p', { class: 'muted small', 'data-testid': 'disparity-hidden' }, T('disparityHidden')),
    h('button', { type: 'button', 'data-testid': 'run-density', onClick: () => void density() }, T('density')),
    data.spatial
      ? h(
          'button',
          { type: 'button', 'data-testid': 'run-moran', onClick: () => void moran() },
          `${T('moran')} (${T('permutationsN', { n: 999 })})`,
        )
      : h('p', { class: 'muted small', 'data-testid': 'moran-hidden' }, T('moranHidden')),
    h('button', { type: 'button', 'data-testid': 'run-diagnose', onClick: () => void diagnose() }, T('diagnose')),
    h(
      'button',
      { type: 'button', 'data-testid': 'run-forecast', onClick: () => void forecast() },
      `${T('forecast')}: ${sysName}`,
    ),
  );
}

interface RegState {
  y?: string;
  xs: string[];
  entityFe: boolean;
  periodFe: boolean;
  vcov: string;
  formula?: string;
}

export function builtFormula(reg: RegState, s: State, withFe = true): string {
  const d = s.data!;
  const fe = withFe ? [reg.entityFe ? d.entityColumn : '', reg.periodFe ? d.periodColumn : ''].filter(Boolean) : [];
  return `${q(reg.y ?? '')} ~ ${reg.xs.map(q).join(' + ') || '1'}${fe.length ? ` | ${fe.map(q).join(' + ')}` : ''}`;
}

/** The regression builder's state is kept per page (not in the project file). */
let regState: RegState = { xs: [], entityFe: true, periodFe: true, vcov: '' };

function RegressionControls(props: { app: App; lang: Lang; run: MeasureView }) {
  const { app, lang, run: r } = props;
  const s = app.store.get();
  const T = (k: Key) => tr(k, lang);
  const vars = variables(r, s);
  const known = new Set(vars.map((v) => v.id));
  if (regState.y && !known.has(regState.y)) regState = { ...regState, y: undefined, formula: undefined };
  if (regState.xs.some((x) => !known.has(x)))
    regState = { ...regState, xs: regState.xs.filter((x) => known.has(x)), formula: undefined };
  const [reg, setReg] = useState<RegState>({ ...regState, y: regState.y ?? r.systems[0].id });
  const update = (patch: Partial<RegState>) => {
    const next = { ...reg, ...patch };
    next.formula = 'formula' in patch ? patch.formula : builtFormula(next, app.store.get());
    regState = next;
    setReg(next);
  };
  const d = s.data!;
  const run = async () => {
    const formula = reg.formula ?? builtFormula(reg, app.store.get());
    const req = { formula, vcov: reg.vcov };
    const v = await task(app, 'analyse', 'computing', () => app.engine.call('regress', req));
    if (v) keep(app, { kind: 'regress', req }, { ...v, vcovArg: reg.vcov });
  };
  return h(
    'section',
    {},
    h('h3', {}, T('regression')),
    h(Select, {
      id: 'reg-y',
      label: T('dependent'),
      value: reg.y ?? '',
      choices: vars.map((v) => [v.id, v.label] as const),
      onChange: (v) => update({ y: v }),
    }),
    h('label', { for: 'reg-x' }, T('regressors')),
    h(
      'select',
      {
        id: 'reg-x',
        multiple: true,
        size: 5,
        onChange: (e: Event) =>
          update({ xs: Array.from((e.currentTarget as HTMLSelectElement).selectedOptions, (o) => o.value) }),
      },
      vars.map((v) => h('option', { value: v.id, selected: reg.xs.includes(v.id) }, v.label)),
    ),
    h(
      'label',
      { class: 'check' },
      h('input', {
        type: 'checkbox',
        checked: reg.entityFe,
        onChange: (e: Event) => update({ entityFe: (e.currentTarget as HTMLInputElement).checked }),
      }),
      ` ${T('entityFe')}`,
    ),
    h(
      'label',
      { class: 'check' },
      h('input', {
        type: 'checkbox',
        checked: reg.periodFe,
        onChange: (e: Event) => update({ periodFe: (e.currentTarget as HTMLInputElement).checked }),
      }),
      ` ${T('periodFe')}`,
    ),
    h(Select, {
      id: 'reg-vcov',
      label: T('vcov'),
      value: reg.vcov,
      choices: [
        ['', T('vcovDefault')],
        ['iid', T('vcov_iid')],
        ['hc1', T('vcov_hc1')],
        [`cluster:${d.entityColumn}`, `${T('vcov_cluster')}: ${d.entityColumn}`],
        ['dk', T('vcov_dk')],
      ],
      onChange: (v) => update({ vcov: v }),
    }),
    h('label', { for: 'formula' }, T('formula')),
    h('input', {
      id: 'formula',
      'data-testid': 'formula',
      value: reg.formula ?? builtFormula(reg, s),
      onInput: (e: Event) => update({ formula: (e.currentTarget as HTMLInputElement).value }),
    }),
    h('button', { type: 'button', 'data-testid': 'run-regress', onClick: () => void run() }, T('run')),
  );
}

function MechanismControls(props: { app: App; lang: Lang; run: MeasureView }) {
  const { app, lang, run: r } = props;
  const s = app.store.get();
  const T = (k: Key) => tr(k, lang);
  const vars = variables(r, s);
  const [m, setM] = useState(() => ({
    x: r.systems[0].id,
    y: r.systems[Math.min(1, r.systems.length - 1)].id,
    m: r.systems[Math.min(2, r.systems.length - 1)].id,
    q: (vars.find((v) => /gdp_per_capita|人均/i.test(v.id)) ?? vars.find((v) => /gdp/i.test(v.id)) ?? vars[0]).id,
    bootstrap: 500,
  }));
  const pick = (id: string, label: Key, key: 'x' | 'm' | 'y' | 'q') =>
    h(Select, {
      id,
      label: T(label),
      value: m[key],
      choices: vars.map((v) => [v.id, v.label] as const),
      onChange: (v) => setM({ ...m, [key]: v }),
    });
  const mediate = async () => {
    const req = { x: m.x, mediators: [m.m], y: m.y, bootstrap: m.bootstrap, seed: SEED };
    const v = await task(app, 'analyse', 'computing', (p) => app.engine.call('mediate', req, p));
    if (v) keep(app, { kind: 'mediate', req }, { ...v, x: m.x, m: m.m, y: m.y });
  };
  const threshold = async () => {
    const req = { y: m.y, x: m.x, q: m.q, bootstrap: Math.min(m.bootstrap, 300), seed: SEED };
    const v = await task(app, 'analyse', 'computing', (p) => app.engine.call('threshold', req, p));
    if (v) keep(app, { kind: 'threshold', req }, { ...v, x: m.x, q: m.q, y: m.y });
  };
  return h(
    'section',
    {},
    h('h3', {}, `${T('mediation')} · ${T('threshold')}`),
    pick('mech-x', 'xVar', 'x'),
    pick('mech-m', 'mediator', 'm'),
    pick('mech-y', 'yVar', 'y'),
    pick('mech-q', 'qVar', 'q'),
    h(
      'div',
      { class: 'field' },
      h('label', { for: 'bootstrap' }, T('bootstrap')),
      h('input', {
        id: 'bootstrap',
        'data-testid': 'bootstrap',
        type: 'number',
        min: 0,
        step: 100,
        value: m.bootstrap,
        class: 'w',
        onChange: (e: Event) => setM({ ...m, bootstrap: Number((e.currentTarget as HTMLInputElement).value) }),
      }),
    ),
    h('button', { type: 'button', 'data-testid': 'run-mediate', onClick: () => void mediate() }, T('mediation')),
    h('button', { type: 'button', 'data-testid': 'run-threshold', onClick: () => void threshold() }, T('threshold')),
  );
}

function SensitivityControls(props: { app: App; lang: Lang; run: MeasureView }) {
  const { app, lang, run: r } = props;
  const T = (k: Key) => tr(k, lang);
  const [runs, setRuns] = useState(256);
  const go = async () => {
    const s = app.store.get();
    const set = r.settings;
    const system = headlineOf(s, r);
    // The measurement chosen first, then the usual alternatives (the design's nominal run is the first level).
    const weights = [...new Set([set.weights, 'entropy', 'critic', 'equal'])];
    // Geometric means need positive values: offered only with a normalisation that has no zeros.
    const positive = set.normalize === 'minmax-shift' || set.normalize === 'minmax-range';
    const aggregate = [...new Set([set.aggregate, 'arithmetic', positive ? 'geometric' : 'topsis'])];
    const req = {
      system,
      vary: [
        { flag: 'weights' as const, levels: weights },
        { flag: 'aggregate' as const, levels: aggregate },
      ],
      runs,
      seed: 1,
    };
    const v = await task(app, 'analyse', 'computing', (p) => app.engine.call('sensitivity', req, p));
    if (v) keep(app, { kind: 'sensitivity', req }, v);
  };
  return h(
    'section',
    {},
    h('h3', {}, T('sensitivity')),
    h('p', { class: 'muted small' }, T('sensitivityHelp')),
    h(
      'div',
      { class: 'field' },
      h('label', { for: 'sens-runs' }, T('sensitivityRuns')),
      h('input', {
        id: 'sens-runs',
        type: 'number',
        min: 16,
        step: 64,
        value: runs,
        class: 'w',
        onChange: (e: Event) => setRuns(Number((e.currentTarget as HTMLInputElement).value)),
      }),
    ),
    h('button', { type: 'button', 'data-testid': 'run-sensitivity', onClick: () => void go() }, T('runSensitivity')),
  );
}

const MODELS: readonly SpatialModel[] = ['sdm', 'sar', 'sem', 'slx', 'sdem'];

interface SpatialState {
  y: string;
  x: string;
  model: SpatialModel;
  fe: 'entity' | 'period' | 'both' | 'none';
  delta: number;
  entities: string;
}

function SpatialControls(props: { app: App; lang: Lang; run: MeasureView }) {
  const { app, lang, run: r } = props;
  const [data] = useStore(app.store, (s) => [s.data!]);
  const T = (k: Key) => tr(k, lang);
  const s = app.store.get();
  const vars = variables(r, s);
  const [sp, setSp] = useState<SpatialState>(() => ({
    y: r.systems[0].id,
    x: vars.find((v) => !r.systems.some((x) => x.id === v.id))?.id ?? vars[0].id,
    model: 'sdm',
    fe: 'both',
    delta: 0.1,
    entities: '',
  }));
  if (!data.spatial)
    return h(
      'section',
      {},
      h('h3', {}, T('spatialRegress')),
      h('p', { class: 'muted small', 'data-testid': 'spatial-hidden' }, T('moranHidden')),
    );
  const base = () => ({ formula: `${q(sp.y)} ~ ${q(sp.x)}`, model: sp.model, fe: sp.fe, draws: 500, seed: 1 });
  const fit = async () => {
    const req = base();
    const v = await task(app, 'analyse', 'computing', (p) => app.engine.call('spatialRegress', req, p));
    if (v) keep(app, { kind: 'spatialRegress', req }, v);
  };
  const scenario = async () => {
    const entities = sp.entities
      .split(/[,，]/)
      .map((x) => x.trim())
      .filter(Boolean);
    const req = { ...base(), variable: sp.x, delta: sp.delta, entities };
    const v = await task(app, 'analyse', 'computing', (p) => app.engine.call('scenario', req, p));
    if (v) keep(app, { kind: 'scenario', req }, v);
  };
  return h(
    'section',
    {},
    h('h3', {}, T('spatialRegress')),
    h(Select, {
      id: 'sp-y',
      label: T('dependent'),
      value: sp.y,
      choices: vars.map((v) => [v.id, v.label] as const),
      onChange: (v) => setSp({ ...sp, y: v }),
    }),
    h(Select, {
      id: 'sp-x',
      label: T('regressorOne'),
      value: sp.x,
      choices: vars.map((v) => [v.id, v.label] as const),
      onChange: (v) => setSp({ ...sp, x: v }),
    }),
    h(Select, {
      id: 'sp-model',
      label: T('spatialModel'),
      value: sp.model,
      choices: MODELS.map((m) => [m, T(`model_${m}`)] as const),
      onChange: (v) => setSp({ ...sp, model: MODELS.find((m) => m === v) ?? 'sdm' }),
    }),
    h('button', { type: 'button', 'data-testid': 'run-spatial', onClick: () => void fit() }, T('runSpatial')),
    h('h4', {}, T('scenario')),
    h(
      'div',
      { class: 'field' },
      h('label', { for: 'sc-delta' }, `${T('scenarioDelta')} (${sp.x})`),
      h('input', {
        id: 'sc-delta',
        type: 'number',
        step: 'any',
        value: sp.delta,
        class: 'w',
        onChange: (e: Event) => setSp({ ...sp, delta: Number((e.currentTarget as HTMLInputElement).value) }),
      }),
    ),
    h(
      'div',
      { class: 'field' },
      h('label', { for: 'sc-entities' }, T('scenarioEntities')),
      h('input', {
        id: 'sc-entities',
        value: sp.entities,
        placeholder: T('allEntities'),
        onChange: (e: Event) => setSp({ ...sp, entities: (e.currentTarget as HTMLInputElement).value }),
      }),
    ),
    h('button', { type: 'button', 'data-testid': 'run-scenario', onClick: () => void scenario() }, T('runScenario')),
  );
}
