/**
 * The workbench's one store: what the user chose (the project), what the engine returned (typed by
 * handler: `Result<'couple'>` is what the worker's `couple` handler returns) and the status of each
 * step. Updates are immutable; a step's panel subscribes to the slice it shows ({@link useStore}),
 * so a change re-renders only the panels that read it.
 */
import { useEffect, useState } from 'preact/hooks';
import type { Project } from '../../run/project-file.js';
import { defaultMeasureSettings, type MeasureSettings } from '../../run/project-file.js';
import type {
  AnalysisRequest,
  DataSummary,
  ErrorInfo,
  FrameworkInfo,
  Inspection,
  ReadSettings,
  Result,
} from '../worker/protocol.js';
import type { Lang } from './i18n.js';
import type { MeasureView } from './scores.js';

export type Step = 'data' | 'framework' | 'measure' | 'analyse' | 'export';
export const STEPS: readonly Step[] = ['data', 'framework', 'measure', 'analyse', 'export'];

/** What a step shows besides its results: a busy line with progress, an error, or a message. */
export interface StepStatus {
  busy?: { label: string; done?: number; total?: number; stage?: string };
  error?: ErrorInfo;
  message?: 'cancelled' | 'projectNeedsFile';
  messageArgs?: Record<string, string>;
}

/** The analyses' results, by handler (each the `--json` object of the CLI command of that name). */
export interface Analyses {
  couple?: Result<'couple'>;
  disparity?: Result<'disparity'>;
  density?: Result<'density'>;
  moran?: Result<'moran'>;
  regress?: Result<'regress'> & { vcovArg: string };
  forecast?: Result<'forecast'>;
  mediate?: Result<'mediate'> & { x: string; m: string; y: string };
  threshold?: Result<'threshold'> & { x: string; q: string; y: string };
  diagnose?: Result<'diagnose'>;
  sensitivity?: Result<'sensitivity'>;
  spatialRegress?: Result<'spatialRegress'>;
  scenario?: Result<'scenario'>;
}

/** The last successful measurement and the project that produced it (exports read only this). */
export interface Run {
  view: MeasureView;
  project: Project;
  frameworkFile?: string;
}

/** The framework tree as the editor holds it (a framework file's definition). */
export interface EditorIndicator {
  id: string;
  column: string;
  direction: string;
  weight?: number;
  name?: { en: string; zh?: string } | string;
}
export interface EditorDimension {
  id: string;
  name?: { en: string; zh?: string } | string;
  dimensions?: EditorDimension[];
  indicators?: EditorIndicator[];
}
export interface EditorFramework {
  id?: string;
  name?: { en: string; zh?: string } | string;
  systems: { id: string; name?: { en: string; zh?: string } | string; dimensions: EditorDimension[] }[];
}

export interface State {
  lang: Lang;
  step: Step;
  /** The user's file (kept to read it again with other choices) and the reader's choices. */
  file?: { name: string; bytes: ArrayBuffer };
  read: ReadSettings;
  /** What the reader found in the file (the pickers' choices), even when the read failed. */
  inspection?: Inspection;
  data?: DataSummary;
  framework?: FrameworkInfo;
  frameworkBuiltin?: string;
  frameworkFile?: string;
  editor?: EditorFramework;
  /** The measure controls (a run copies them into its project). */
  settings: MeasureSettings;
  run?: Run;
  /** A measurement held back because the defaults left entities out: the page asks how to impute first. */
  held?: MeasureView;
  /** The user chose to leave incomplete rows out (no more asking for these data). */
  acceptDrop: boolean;
  view: { system?: string; period?: number; query: string; sort: { key: 'rank' | 'entity' | 'index'; desc: boolean } };
  lineEntities?: string[];
  couple?: { systems: string[]; method: 'traditional' | 'wang' | 'fan' };
  analyses: Analyses;
  /** The requests behind `analyses`, in the order run (the report replays them). */
  requests: AnalysisRequest[];
  status: Partial<Record<Step, StepStatus>>;
  /** A project file waiting for its data file. */
  pendingProject?: Project;
}

export function initialState(lang: Lang): State {
  return {
    lang,
    step: 'data',
    read: {},
    settings: defaultMeasureSettings(),
    acceptDrop: false,
    view: { query: '', sort: { key: 'rank', desc: false } },
    analyses: {},
    requests: [],
    status: {},
  };
}

type Listener = () => void;

/** A minimal observable store. */
export class Store {
  private listeners = new Set<Listener>();
  constructor(private state: State) {}

  get(): State {
    return this.state;
  }

  /** Replace fields of the state (a function gets the current state). */
  set(patch: Partial<State> | ((s: State) => Partial<State>)): void {
    const p = typeof patch === 'function' ? patch(this.state) : patch;
    this.state = { ...this.state, ...p };
    for (const l of [...this.listeners]) l();
  }

  /** Set the status of one step. */
  status(step: Step, s: StepStatus): void {
    this.set((st) => ({ status: { ...st.status, [step]: s } }));
  }

  subscribe(l: Listener): () => void {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }
}

/**
 * The slice `select` reads from the store; the component re-renders when it changes (each
 * selected value compared by identity).
 */
export function useStore<T extends readonly unknown[]>(store: Store, select: (s: State) => T): T {
  const [value, setValue] = useState(() => select(store.get()));
  useEffect(() => {
    let current = select(store.get());
    setValue(current);
    return store.subscribe(() => {
      const next = select(store.get());
      if (next.length !== current.length || next.some((v, i) => !Object.is(v, current[i]))) {
        current = next;
        setValue(next);
      }
    });
    // The selector is a pure function of the state; subscribing once per store is enough.
  }, [store]);
  return value;
}
