/**
 * The nqpf workbench: Data → Framework → Measure → Analyse → Export. The page is Preact components
 * over one store (app/store.ts); each step is a module that renders its own panel from the slice of
 * the store it reads. Every computation runs in the engine worker (worker/handlers.ts).
 */
import './style.css';
import { h, render } from 'preact';
import { EngineClient } from './app/engine-client.js';
import type { App } from './app/context.js';
import { defaultLang, tr, type Key } from './app/i18n.js';
import { initialState, Store, useStore, STEPS, type Step } from './app/store.js';
import { useEffect, useMemo } from './app/ui.js';
import { DataStep, takeFile } from './steps/data.js';
import { FrameworkStep } from './steps/framework.js';
import { MeasureStep } from './steps/measure.js';
import { AnalyseStep } from './steps/analyse.js';
import { ExportStep } from './steps/export.js';

const STEP_KEYS: Record<Step, Key> = {
  data: 'stepData',
  framework: 'stepFramework',
  measure: 'stepMeasure',
  analyse: 'stepAnalyse',
  export: 'stepExport',
};

const PANELS = {
  data: DataStep,
  framework: FrameworkStep,
  measure: MeasureStep,
  analyse: AnalyseStep,
  export: ExportStep,
};

/** The header: the title, the steps, the SIMULATED banner and the language toggle. */
function Header(props: { app: App }) {
  const { app } = props;
  const [lang, step, simulated] = useStore(app.store, (s) => [s.lang, s.step, Boolean(s.data?.simulated)]);
  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    document.title = tr('appTitle', lang);
  }, [lang]);
  return h(
    'header',
    {},
    h('div', { class: 'brand' }, h('h1', {}, tr('appTitle', lang)), h('span', { class: 'muted' }, tr('tagline', lang))),
    simulated
      ? h('span', { class: 'badge sim', 'data-testid': 'simulated-banner', role: 'status' }, tr('simulated', lang))
      : null,
    h(
      'nav',
      { 'aria-label': tr('stepsNav', lang) },
      STEPS.map((s) =>
        h(
          'button',
          {
            type: 'button',
            class: s === step ? 'step active' : 'step',
            'aria-current': s === step ? 'step' : undefined,
            'data-testid': `step-${s}`,
            onClick: () => {
              app.store.set({ step: s });
              window.scrollTo(0, 0);
            },
          },
          tr(STEP_KEYS[s], lang),
        ),
      ),
    ),
    h(
      'button',
      {
        type: 'button',
        'data-testid': 'lang-toggle',
        class: 'lang',
        lang: lang === 'en' ? 'zh' : 'en',
        'aria-label': tr('langToggleLabel', lang),
        onClick: () => app.store.set({ lang: app.store.get().lang === 'en' ? 'zh' : 'en' }),
      },
      tr('langToggle', lang),
    ),
  );
}

/** One step's panel: mounted always (its state stays), shown when it is the current step. */
function Panel(props: { app: App; step: Step }) {
  const [current] = useStore(props.app.store, (s) => [s.step]);
  // The same vnode on every render: Preact skips the step's body, which re-renders from its own
  // store subscription only (switching steps does not redraw a 3,000-row ranking).
  const body = useMemo(() => h(PANELS[props.step], { app: props.app }), [props.app, props.step]);
  return h(
    'section',
    {
      class: 'panel',
      'data-step': props.step,
      hidden: current !== props.step,
      'aria-label': tr(STEP_KEYS[props.step], props.app.store.get().lang),
    },
    body,
  );
}

function Footer(props: { app: App }) {
  const [lang] = useStore(props.app.store, (s) => [s.lang]);
  return h('footer', { class: 'privacy', role: 'note' }, tr('privacy', lang));
}

function Root(props: { app: App }) {
  return [
    h(Header, props),
    h(
      'main',
      {},
      STEPS.map((s) => h(Panel, { app: props.app, step: s, key: s })),
    ),
    h(Footer, props),
  ];
}

const app: App = {
  store: new Store(initialState(defaultLang(navigator.languages ?? [navigator.language]))),
  engine: new EngineClient(() => new Worker(new URL('./worker/worker.ts', import.meta.url), { type: 'module' })),
};

// A file dropped anywhere on the page is read as data (a .yaml/.yml as a framework).
document.addEventListener('dragover', (e) => {
  if (e.dataTransfer?.types.includes('Files')) e.preventDefault();
});
document.addEventListener('drop', (e) => {
  const f = e.dataTransfer?.files[0];
  if (!f) return;
  e.preventDefault();
  void f.arrayBuffer().then(async (bytes) => {
    if (/\.ya?ml$/i.test(f.name)) {
      const { loadFrameworkReq } = await import('./steps/framework.js');
      await loadFrameworkReq(app, { text: new TextDecoder().decode(bytes), fileName: f.name });
    } else {
      app.store.set({ step: 'data' });
      await takeFile(app, f.name, bytes);
    }
  });
});
window.addEventListener('resize', () => void import('./app/charts.js').then((c) => c.resizeAll()));

const root = document.getElementById('app')!;
root.replaceChildren();
render(h(Root, { app }), root);
document.body.dataset.ready = 'true';
