/**
 * The views of the analyses: each renders the `--json` object of its CLI command (typed by the
 * worker's handler) as charts of the report's chart module and tables, and re-renders only when its
 * own result changes. Nothing here computes a statistic.
 */
import { labelText } from '../../core/label.js';
import { starLegend, starsFor } from '../../core/significance.js';
import { COORDINATION_LEVELS } from '../../couple/levels.js';
import { lineOption } from '../../report/charts/line.js';
import { heatmapOption } from '../../report/charts/heatmap.js';
import { barOption } from '../../report/charts/bar.js';
import { PALETTE } from '../../report/charts/theme.js';
import type { CategoricalScale } from '../../report/charts/map.js';
import { wenYeText } from '../../report/mediation-text.js';
import { vcovText, specDecisionText, shockText } from '../../report/i18n.js';
import type { App } from '../app/context.js';
import { tr, type Key, type Lang } from '../app/i18n.js';
import { entityName } from '../app/state.js';
import { useStore, type Analyses } from '../app/store.js';
import { CliLine, Figure, Notes, Table, fmt, fmtP, h, useMemo } from '../app/ui.js';
import { MapFigure } from './map.js';
import { regressCommand } from './commands.js';
import type { DataSummary, ViewBlock } from '../worker/protocol.js';

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

/** "= 0.123" or "< 0.001": a p-value after its "p". */
const pIs = (p: number, reps?: number) => {
  const t = fmtP(p, reps);
  return t.startsWith('<') ? t : `= ${t}`;
};

/** The one star rule of every face (src/core/significance.ts). */
const stars = (p: number) => starsFor(p);

type ViewProps<K extends keyof Analyses> = { app: App; lang: Lang; data: DataSummary; value: NonNullable<Analyses[K]> };

function useNamer(data: DataSummary, lang: Lang) {
  return useMemo(() => {
    const info = new Map(data.entities.map((e) => [e.id, e]));
    return (id: string) => entityName(info.get(id), id, lang);
  }, [data, lang]);
}

/** A system's or column's display name. */
function useVarName(app: App, lang: Lang) {
  const run = app.store.get().run;
  return (id: string) => {
    const sys =
      run?.view.systems.find((s) => s.id === id) ??
      run?.view.systems.flatMap((s) => s.dimensions).find((d) => d.id === id);
    return sys ? labelText(sys.name, lang) : id;
  };
}

export function AnalysisViews(props: { app: App }) {
  const { app } = props;
  const [lang, data, a] = useStore(app.store, (s) => [s.lang, s.data!, s.analyses]);
  const p = { app, lang, data };
  return h(
    'div',
    {},
    a.couple ? h(CoupleView, { ...p, value: a.couple }) : null,
    a.disparity ? h(DisparityView, { ...p, value: a.disparity }) : null,
    a.density ? h(DensityView, { ...p, value: a.density }) : null,
    a.moran ? h(MoranView, { ...p, value: a.moran }) : null,
    a.diagnose ? h(DiagnosisView, { ...p, value: a.diagnose }) : null,
    a.regress ? h(RegressView, { ...p, value: a.regress }) : null,
    a.mediate ? h(MediateView, { ...p, value: a.mediate }) : null,
    a.threshold ? h(ThresholdView, { ...p, value: a.threshold }) : null,
    a.forecast ? h(ForecastView, { ...p, value: a.forecast }) : null,
    a.sensitivity ? h(SensitivityView, { ...p, value: a.sensitivity }) : null,
    a.spatialRegress ? h(SpatialView, { ...p, value: a.spatialRegress }) : null,
    a.scenario ? h(ScenarioView, { ...p, value: a.scenario }) : null,
  );
}

function CoupleView({ app, lang, data, value: c }: ViewProps<'couple'>) {
  const T = (k: Key) => tr(k, lang);
  const name = useNamer(data, lang);
  const vname = useVarName(app, lang);
  const view = useMemo(() => {
    const ents = [...new Set(c.rows.map((x) => x.entity))];
    const periods = [...new Set(c.rows.map((x) => x.period))].sort((a, b) => a - b);
    const at = new Map(c.rows.map((x) => [`${x.entity}\u0000${x.period}`, x]));
    const heat = heatmapOption({
      lang,
      rows: ents.map(name),
      columns: periods,
      values: ents.map((e) => periods.map((p) => at.get(`${e}\u0000${p}`)?.D ?? NaN)),
      valueName: 'D',
    });
    const last = periods[periods.length - 1];
    const rank = new Map(COORDINATION_LEVELS.map((b) => [b.label.en, String(b.rank)]));
    const levels: CategoricalScale = {
      type: 'categorical',
      categories: COORDINATION_LEVELS.map((b, i) => ({
        value: String(b.rank),
        label: b.label,
        color: LEVEL_COLORS[i],
      })),
    };
    const mapValues = new Map(
      c.rows
        .filter((x) => x.period === last && x.level && rank.has(x.level))
        .map((x) => [x.entity, rank.get(x.level!)!]),
    );
    return { ents, periods, at, heat, last, levels, mapValues };
  }, [c, lang]);
  const title = c.systems.map(vname).join(' × ');
  return h(
    'section',
    { 'data-testid': 'view-couple' },
    h('h2', {}, `${T('couple')}: ${title}`),
    h(Figure, {
      option: view.heat,
      name: 'coupling-heatmap',
      caption: `${T('coordinationD')} (${title})`,
      lang,
      data: {
        header: [T('entity'), ...view.periods.map(String)],
        rows: view.ents.map((e) => [name(e), ...view.periods.map((p) => view.at.get(`${e}\u0000${p}`)?.D ?? null)]),
      },
    }),
    h(MapFigure, {
      lang,
      data,
      values: view.mapValues,
      caption: `${T('level')} ${view.last}`,
      name: 'coupling-map',
      categorical: view.levels,
      valueLabel: (v) => labelText(COORDINATION_LEVELS.find((b) => String(b.rank) === String(v))?.label, lang),
    }),
    h(Table, {
      header: [T('entity'), T('period'), T('couplingC'), T('developmentT'), T('coordinationD'), T('level')],
      rows: c.rows
        .filter((x) => x.period === view.last)
        .map((x) => [name(x.entity), x.period, x.C, x.T, x.D, (lang === 'zh' ? x.levelZh : x.level) ?? '']),
      testid: 'coupling-table',
    }),
    h(Notes, { notes: c.notes, lang }),
  );
}

function DisparityView({ app, lang, value: g }: ViewProps<'disparity'>) {
  const T = (k: Key) => tr(k, lang);
  const vname = useVarName(app, lang);
  const option = useMemo(() => {
    const periods = g.periods.map((p) => p.period);
    return lineOption({
      lang,
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
  }, [g, lang]);
  const rows = g.periods.map((p) => [p.period, p.gini, p.within, p.between, p.transvariation, p.theilT, p.cv]);
  const header = [T('period'), T('gini'), T('within'), T('between'), T('trans'), T('theilT'), T('cvWord')];
  return h(
    'section',
    { 'data-testid': 'view-disparity' },
    h('h2', {}, `${T('disparity')}: ${vname(g.value)}`),
    h('p', { class: 'muted small' }, g.group === 'region4' ? T('groupsRegion4') : T('groupsOwn')),
    h(Figure, {
      option,
      name: 'dagum-gini',
      caption: T('gini'),
      lang,
      tooltip: { trigger: 'axis' },
      data: { header, rows },
    }),
    h(Table, { header, rows, testid: 'disparity-table' }),
    h(Notes, { notes: g.notes, lang }),
  );
}

function DensityView({ app, lang, value: k }: ViewProps<'density'>) {
  const T = (key: Key) => tr(key, lang);
  const vname = useVarName(app, lang);
  const option = useMemo(() => {
    const xs = Array.from(k.grid);
    const step = Math.max(1, Math.floor(xs.length / 128));
    const idx = xs.map((_, i) => i).filter((i) => i % step === 0);
    const every = Math.max(1, Math.ceil(k.periods.length / 6));
    const shown = k.periods.filter((_, i) => i % every === 0 || i === k.periods.length - 1);
    return lineOption({
      lang,
      periods: idx.map((i) => Number(xs[i].toFixed(3))),
      series: shown.map((c) => ({ name: String(c.period), values: idx.map((i) => c.y[i]) })),
      xName: vname(k.value),
      yName: T('densityWord'),
      symbols: false,
    });
  }, [k, lang]);
  const rows = k.periods.map((c) => [c.period, c.peakX, c.peaks ?? '']);
  const header = [T('period'), T('peakX'), T('peaksWord')];
  return h(
    'section',
    { 'data-testid': 'view-density' },
    h('h2', {}, `${T('density')}: ${vname(k.value)}`),
    h(Figure, {
      option,
      name: 'density',
      caption: T('density'),
      lang,
      tooltip: { trigger: 'axis' },
      data: { header, rows },
    }),
    h(Table, { header, rows, testid: 'density-table' }),
    h(Notes, { notes: k.notes, lang }),
  );
}

function MoranView({ app, lang, data, value: mo }: ViewProps<'moran'>) {
  const T = (k: Key, v?: Record<string, string | number>) => tr(k, lang, v);
  const name = useNamer(data, lang);
  const vname = useVarName(app, lang);
  const cats = useMemo(() => new Map(mo.local.map((x) => [x.entity, x.cluster === 'NS' ? 'ns' : x.cluster])), [mo]);
  const w = mo.weightsKind === 'borders' ? T('weightsBorders') : T('weightsKnn');
  return h(
    'section',
    { 'data-testid': 'view-moran' },
    h('h2', {}, `${T('moran')}: ${vname(mo.value)}, ${mo.period}`),
    h(
      'p',
      { 'data-testid': 'moran-i' },
      T('moranLine', {
        I: fmt(mo.I),
        E: fmt(mo.expected),
        z: fmt(mo.z),
        p: pIs(mo.pValue),
        perm:
          mo.pPermutation !== null
            ? T('moranPerm', { n: mo.permutations, p: pIs(mo.pPermutation, mo.permutations + 1) })
            : '',
        w,
      }),
    ),
    h(MapFigure, {
      lang,
      data,
      values: cats,
      caption: `LISA ${vname(mo.value)} ${mo.period}`,
      name: 'lisa-map',
      categorical: true,
      valueLabel: (v) => T(`lisa_${String(v)}` as Key),
    }),
    h(Table, {
      header: [T('entity'), T('localI'), T('pPerm'), T('cluster')],
      rows: mo.local.map((x) => [
        name(x.entity),
        x.Ii,
        fmtP(x.pPermutation, mo.permutations + 1),
        T(`lisa_${x.cluster === 'NS' ? 'ns' : x.cluster}` as Key),
      ]),
      testid: 'lisa-table',
    }),
    h(Notes, { notes: mo.notes, lang }),
  );
}

function DiagnosisView({ lang, value: v }: ViewProps<'diagnose'>) {
  const block = (b: ViewBlock) => {
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
          h(Table, { header: b.header, rows: b.rows, testid: b.testid }),
        );
    }
  };
  return h('section', { 'data-testid': 'view-diagnosis' }, h('h2', {}, tr('diagnose', lang)), v[lang].map(block));
}

function RegressView({ app, lang, value: res }: ViewProps<'regress'>) {
  const T = (k: Key) => tr(k, lang);
  const s = app.store.get();
  const line = regressCommand(s, res.formula, res.vcovArg);
  return h(
    'section',
    { 'data-testid': 'view-regress' },
    h('h2', {}, `${T('regression')}: ${res.formula}`),
    h(Table, {
      header: [T('term'), T('estimate'), T('stdError'), 't', 'p', T('ciLow'), T('ciHigh'), ''],
      rows: res.coefficients.map((c) => [
        c.term,
        c.estimate,
        c.stdError,
        c.statistic,
        fmtP(c.pValue),
        c.ciLow,
        c.ciHigh,
        stars(c.pValue),
      ]),
      testid: 'regress-table',
    }),
    h(
      'p',
      { class: 'small' },
      `N = ${res.nobs}, R² = ${fmt(res.r2)}${res.r2Within !== null ? `, ${T('withinR2')} = ${fmt(res.r2Within)}` : ''}; ${vcovText(res.vcov.label, lang)}. ${starLegend(lang)}`,
    ),
    h(Notes, { notes: res.notes, lang }),
    line.line ? h(CliLine, { line: line.line, label: T('regressCli'), testid: 'regress-cli' }) : null,
  );
}

function MediateView({ app, lang, value: me }: ViewProps<'mediate'>) {
  const T = (k: Key) => tr(k, lang);
  const vname = useVarName(app, lang);
  const reps = me.bootstrap.reps;
  return h(
    'section',
    { 'data-testid': 'view-mediate' },
    h('h2', {}, `${T('mediation')}: ${vname(me.x)} → ${vname(me.m)} → ${vname(me.y)}`),
    h(Table, {
      header: [T('path'), T('estimate'), T('stdError'), 'p'],
      rows: [me.total, me.direct, ...me.xToM, ...me.mToY].map((p) => [p.path, p.estimate, p.stdError, fmtP(p.pValue)]),
      testid: 'mediate-paths',
    }),
    h(Table, {
      header: [T('mediator'), T('indirect'), T('ciLow'), T('ciHigh'), T('share'), T('verdict')],
      rows: me.indirect.map((e) => [
        vname(e.mediator),
        e.estimate,
        e.ciLow,
        e.ciHigh,
        e.share,
        wenYeText(e.verdict, lang),
      ]),
      testid: 'mediate-indirect',
    }),
    h('p', { class: 'small' }, `N = ${me.nobs}; ${T('bootstrap')} ${reps}; ${T('mediationNote')}`),
    h(Notes, { notes: me.notes, lang }),
  );
}

function ThresholdView({ app, lang, value: th }: ViewProps<'threshold'>) {
  const T = (k: Key) => tr(k, lang);
  const vname = useVarName(app, lang);
  const reps = th.options.bootstrap;
  return h(
    'section',
    { 'data-testid': 'view-threshold' },
    h('h2', {}, `${T('threshold')}: ${vname(th.y)} ~ ${vname(th.x)}, q = ${vname(th.q)}`),
    h(Table, {
      header: [T('thresholdWord'), T('estimate'), T('ciLow'), T('ciHigh'), 'F', T('pBootstrap')],
      rows: th.thresholds.map((t) => [t.order, t.estimate, t.ciLow, t.ciHigh, t.F, fmtP(t.pValue, reps)]),
      testid: 'threshold-table',
    }),
    h(Table, {
      header: [T('term'), T('estimate'), T('stdError'), 'p'],
      rows: th.coefficients.map((c) => [c.term, c.estimate, c.stdError, fmtP(c.pValue)]),
      testid: 'threshold-coef',
    }),
    h('p', { class: 'small' }, T('thresholdNote').replace('{n}', String(reps))),
    h(Notes, { notes: th.notes, lang }),
  );
}

function ForecastView({ app, lang, data, value: fc }: ViewProps<'forecast'>) {
  const T = (k: Key) => tr(k, lang);
  const name = useNamer(data, lang);
  const vname = useVarName(app, lang);
  const run = app.store.get().run!;
  const option = useMemo(() => {
    const periods = [...new Set(fc.series.flatMap((x) => [...x.periods, ...x.forecastPeriods]))].sort((a, b) => a - b);
    const scores = new Map(
      run.view.json.scores.filter((s) => s.system === fc.system).map((s) => [`${s.entity}\u0000${s.period}`, s.index]),
    );
    const actual = (id: string, p: number) => scores.get(`${id}\u0000${p}`) ?? NaN;
    return lineOption({
      lang,
      periods,
      // Each entity's forecast continues its own line, in its colour.
      series: fc.series.flatMap((x, i) => {
        const color = PALETTE[i % PALETTE.length];
        const at = new Map(x.forecastPeriods.map((p, k) => [p, x.forecast[k]]));
        const lastObserved = x.periods[x.periods.length - 1];
        return [
          { name: name(x.entity), values: periods.map((p) => actual(x.entity, p)), color },
          {
            name: `${name(x.entity)} GM(1,1)`,
            values: periods.map((p) => at.get(p) ?? (p === lastObserved ? actual(x.entity, p) : NaN)),
            dashed: true,
            color,
          },
        ];
      }),
      xName: T('period'),
      yName: T('index'),
    });
  }, [fc, lang]);
  const header = [T('entity'), 'C', 'P', T('grade'), ...(fc.series[0]?.forecastPeriods.map(String) ?? [])];
  const rows = fc.series.map((x) => [
    name(x.entity),
    x.C,
    x.P,
    lang === 'zh' ? (x.gradeZh ?? x.grade) : x.grade,
    ...x.forecast,
  ]);
  return h(
    'section',
    { 'data-testid': 'view-forecast' },
    h('h2', {}, `${T('forecast')}: ${vname(fc.system)}`),
    h(Figure, {
      option,
      name: 'forecast',
      caption: `${T('forecast')} (GM(1,1))`,
      lang,
      tooltip: { trigger: 'axis' },
      data: { header, rows },
    }),
    h(Table, { header, rows, testid: 'forecast-table' }),
    h(Notes, { notes: fc.notes, lang }),
  );
}

function SensitivityView({ app, lang, data, value: r }: ViewProps<'sensitivity'>) {
  const T = (k: Key) => tr(k, lang);
  const name = useNamer(data, lang);
  const vname = useVarName(app, lang);
  const factor = (f: string) => T(`factor_${f}` as Key);
  const option = useMemo(
    () =>
      barOption({
        lang,
        categories: r.sensitivity.map((f) => factor(f.factor)),
        series: [
          { name: T('firstOrder'), values: r.sensitivity.map((f) => f.firstOrder) },
          { name: T('totalOrder'), values: r.sensitivity.map((f) => f.total) },
        ],
        valueName: T('sobolIndex'),
      }),
    [r, lang],
  );
  const header = [T('factorWord'), T('firstOrder'), T('totalOrder')];
  const rows = r.sensitivity.map((f) => [factor(f.factor), f.firstOrder, f.total]);
  return h(
    'section',
    { 'data-testid': 'view-sensitivity' },
    h('h2', {}, `${T('sensitivity')}: ${vname(r.system)}, ${r.year}`),
    h(
      'p',
      { class: 'small' },
      T('sensitivityLine')
        .replace('{runs}', String(r.runs))
        .replace('{factors}', r.factors.map((f) => `${factor(f.name)} (${f.levels.join(', ')})`).join('; ')),
    ),
    h(Figure, { option, name: 'sensitivity', caption: T('sobolIndex'), lang, data: { header, rows } }),
    h(Table, { header, rows, testid: 'sensitivity-table' }),
    h('h3', {}, T('rankUncertainty')),
    h(Table, {
      header: [T('entity'), T('nominalRank'), T('medianRank'), T('rank5'), T('rank95')],
      rows: r.uncertainty.map((u) => [name(u.entity), u.nominalRank, u.medianRank, u.q05, u.q95]),
      testid: 'uncertainty-table',
      virtualAbove: 200,
    }),
    h(Notes, { notes: r.notes, lang }),
  );
}

function SpatialView({ app, lang, value: r }: ViewProps<'spatialRegress'>) {
  const T = (k: Key) => tr(k, lang);
  const vname = useVarName(app, lang);
  const ev = (e: { estimate: number; pValue?: number }) => e.estimate;
  const tests = (
    [
      ['LM lag', r.tests.lmLag],
      ['LM error', r.tests.lmError],
      ['Robust LM lag', r.tests.robustLmLag],
      ['Robust LM error', r.tests.robustLmError],
      ['Wald SAR', r.tests.waldSar],
      ['Wald SEM', r.tests.waldSem],
      ['LR SAR', r.tests.lrSar],
      ['LR SEM', r.tests.lrSem],
    ] as const
  ).filter(([, t]) => t !== undefined);
  return h(
    'section',
    { 'data-testid': 'view-spatial' },
    h('h2', {}, `${T('spatialRegress')}: ${T(`model_${r.model}` as Key)}, ${vname(r.dependent)}`),
    h(Table, {
      header: [T('term'), T('estimate'), T('stdError'), 'z', 'p'],
      rows: [
        ...(r.rho ? [['ρ', r.rho.estimate, r.rho.stdError, '', fmtP(r.rho.pValue)]] : []),
        ...(r.lambda ? [['λ', r.lambda.estimate, r.lambda.stdError, '', fmtP(r.lambda.pValue)]] : []),
        ...r.coefficients.map((c) => [c.term, c.estimate, c.stdError, c.statistic, fmtP(c.pValue)]),
      ],
      testid: 'spatial-table',
    }),
    h('h3', {}, T('effects')),
    h(Table, {
      header: [T('variableWord'), T('direct'), T('indirect'), T('total')],
      rows: r.effects.map((e) => [vname(e.variable), ev(e.direct), ev(e.indirect), ev(e.total)]),
      testid: 'effects-table',
    }),
    tests.length
      ? h(Table, {
          header: [T('testWord'), T('statistic'), 'df', 'p'],
          rows: tests.map(([n, t]) => [n, t!.statistic, t!.df, fmtP(t!.pValue)]),
          testid: 'spatial-tests',
        })
      : null,
    r.tests.decision ? h('p', { class: 'small' }, specDecisionText(r.tests.decision, lang)) : null,
    h(
      'p',
      { class: 'small' },
      `N = ${r.entities}, T = ${r.periods}, ${T('weightsBorders')}; ${T(('fe_' + r.fe) as Key)}`,
    ),
    h(Notes, { notes: r.notes, lang }),
  );
}

function ScenarioView({ lang, data, value: r }: ViewProps<'scenario'>) {
  const T = (k: Key) => tr(k, lang);
  const name = useNamer(data, lang);
  const values = useMemo(() => new Map(r.rows.map((x) => [x.entity, x.total.estimate])), [r]);
  return h(
    'section',
    { 'data-testid': 'view-scenario' },
    h('h2', {}, `${T('scenario')}: ${shockText(r.shockText, lang)}`),
    h(MapFigure, { lang, data, values, caption: T('scenarioMap'), name: 'scenario-map' }),
    h(Table, {
      header: [T('entity'), T('total'), T('own'), T('spillover')],
      rows: r.rows.map((x) => [name(x.entity), x.total.estimate, x.own.estimate, x.spillover.estimate]),
      testid: 'scenario-table',
    }),
    h(Notes, { notes: r.notes, lang }),
  );
}
