import type { Command } from 'commander';

/**
 * One CLI command in the registry: its name and one-line summary (what `nqpf --help` lists, without
 * loading anything) and `load`, which imports the command's module only when the command runs.
 * The module exports `register<Name>(program)`, which adds the command with its options, help text
 * and action; `main` gives it the summary below as its description.
 */
export interface CommandEntry {
  readonly name: string;
  readonly summary: string;
  readonly load: () => Promise<(program: Command) => void>;
}

/**
 * Every command, in the order `nqpf --help` lists them. Adding a command: write
 * src/cli/commands/<name>.ts exporting `register<Name>` (computation in src/api/<name>.ts), then add
 * one line here. Keep the imports dynamic: a static import here would load the command (and its
 * dependencies, e.g. ECharts) on every start.
 */
export const commands: readonly CommandEntry[] = [
  {
    name: 'demo',
    summary:
      'run every stage on the built-in examples (world-pwt: real PWT 9.1 data; china-sim: SIMULATED provinces) and write an HTML report',
    load: async () => (await import('./demo.js')).registerDemo,
  },
  {
    name: 'datasets',
    summary: 'list the built-in datasets (world-pwt: real; china-sim: SIMULATED) with size, source and citation',
    load: async () => (await import('./datasets.js')).registerDatasets,
  },
  {
    name: 'frameworks',
    summary: 'list the built-in indicator frameworks (seed, pwt), or show one as a tree with units and directions',
    load: async () => (await import('./frameworks.js')).registerFrameworks,
  },
  {
    name: 'measure',
    summary: 'composite index of each system of a framework: normalise, weight (entropy, CRITIC, ...), aggregate, rank',
    load: async () => (await import('./measure.js')).registerMeasure,
  },
  {
    name: 'sensitivity',
    summary:
      'robustness of the index: uncertainty and variance-based sensitivity (Saltelli/Jansen) of the ranks over measurement choices, leave-one-out and statistical coherence (JRC audit)',
    load: async () => (await import('./sensitivity.js')).registerSensitivity,
  },
  {
    name: 'describe',
    summary:
      "descriptive statistics table (N, mean, SD, min, quartiles, max), per group or on a model's estimation sample",
    load: async () => (await import('./describe.js')).registerDescribe,
  },
  {
    name: 'correlate',
    summary: 'correlation matrix (Pearson or Spearman, pairwise) with stars by p-value and optional VIFs',
    load: async () => (await import('./correlate.js')).registerCorrelate,
  },
  {
    name: 'regress',
    summary:
      'linear regression with any number of fixed effects or IV/2SLS (fixest formulas), and robust, clustered or Driscoll–Kraay standard errors',
    load: async () => (await import('./regress.js')).registerRegress,
  },
  {
    name: 'moran',
    summary: "global Moran's I (normality, randomisation, permutation), Geary's C and local Moran (LISA) clusters",
    load: async () => (await import('./moran.js')).registerMoran,
  },
  {
    name: 'ellipse',
    summary:
      'standard deviational ellipse (ArcGIS Directional Distribution) of entity locations weighted by a variable, per period',
    load: async () => (await import('./ellipse.js')).registerEllipse,
  },
  {
    name: 'forecast',
    summary:
      'grey forecast GM(1,1) per entity: class-ratio test, posterior variance ratio C, small-error probability P, grade',
    load: async () => (await import('./forecast.js')).registerForecast,
  },
  {
    name: 'couple',
    summary: 'coupling coordination degree (C, T, D, ten levels) and relative development of two or more systems',
    load: async () => (await import('./couple.js')).registerCouple,
  },
  {
    name: 'obstacle',
    summary:
      'obstacle degree (障碍度) of every indicator and dimension, with the most frequent top obstacles per period',
    load: async () => (await import('./obstacle.js')).registerObstacle,
  },
  {
    name: 'disparity',
    summary: 'regional disparity by period: Dagum Gini with its decomposition, Theil T and L, coefficient of variation',
    load: async () => (await import('./disparity.js')).registerDisparity,
  },
  {
    name: 'density',
    summary: 'Gaussian kernel density of a variable in each period on a common grid (for ridgeline and 3D plots)',
    load: async () => (await import('./density.js')).registerDensity,
  },
  {
    name: 'markov',
    summary:
      "Markov transition matrix of quantile classes; with --spatial, conditioned on the neighbours' class (Rey 2001) with the homogeneity test",
    load: async () => (await import('./markov.js')).registerMarkov,
  },
  {
    name: 'convergence',
    summary:
      'σ-convergence (CV or sd of logs by period) and β-convergence (absolute or conditional) with speed and half-life',
    load: async () => (await import('./convergence.js')).registerConvergence,
  },
  {
    name: 'mediate',
    summary:
      'mediation analysis for panels: stepwise (Baron–Kenny, Wen–Ye), Sobel, cluster-bootstrap intervals of indirect effects; parallel or chained mediators',
    load: async () => (await import('./mediate.js')).registerMediate,
  },
  {
    name: 'app',
    summary:
      'open the workbench in your browser (served from this computer on 127.0.0.1; all computation stays in the browser)',
    load: async () => (await import('./app.js')).registerApp,
  },
  {
    name: 'run',
    summary:
      'run a project file saved by the workbench (data source, framework and every setting) and give the same results',
    load: async () => (await import('./run.js')).registerRun,
  },
  {
    name: 'threshold',
    summary:
      'panel threshold regression (Hansen 1999, as Stata xthreg): 1–3 thresholds, exhaustive or grid search, bootstrap F tests, LR intervals',
    load: async () => (await import('./threshold.js')).registerThreshold,
  },
  {
    name: 'spatial-regress',
    summary:
      'spatial panel models (SDM, SAR, SEM, SLX, SDEM) with fixed effects by ML: LeSage–Pace direct/indirect/total effects, LM, Wald and LR tests',
    load: async () => (await import('./spatial-regress.js')).registerSpatialRegress,
  },
  {
    name: 'report',
    summary:
      'run the stages on your data into one report (measure, coupling, disparity, densities, LISA, ellipse, forecasts, diagnosis), as nqpf demo does for the built-in data',
    load: async () => (await import('./report.js')).registerReport,
  },
  {
    name: 'scenario',
    summary:
      'policy scenario on a spatial panel model: change a regressor in chosen entities and see the predicted change everywhere (own and spillover parts)',
    load: async () => (await import('./scenario.js')).registerScenario,
  },
];

/** The registry entry of `name`, if it is a command. */
export function findCommand(name: string): CommandEntry | undefined {
  return commands.find((c) => c.name === name);
}
