/** `mediate`: panel mediation with cluster-bootstrap intervals, as `nqpf mediate --json`. */
import type { ImputeMethod } from '../data/impute.js';
import type { Panel } from '../data/panel.js';
import { mediation, type MediationResult } from '../explain/mechanisms/mediation.js';
import { imputeColumns, listOf } from './common.js';
import { robustnessSamples, sampleResultsJson, type SampleOptions, type SampleResult } from './samples.js';

/** Options of {@link mediate}; the defaults are the CLI's. */
export interface MediateStageOptions extends SampleOptions {
  /** Explanatory variable X. */
  readonly x: string;
  /** Mediators (in causal order with `chain`). */
  readonly mediators: string | readonly string[];
  /** Outcome Y. */
  readonly y: string;
  readonly controls?: string | readonly string[];
  /** Fixed effects (e.g. the entity and period columns). */
  readonly fe?: string | readonly string[];
  /** Cluster variable: bootstrap resampling unit and clustered SEs; default the entity (SEs iid). */
  readonly cluster?: string;
  /** SEs of the paths: iid | hc1 | cluster:COL; default cluster:`cluster` if given, else iid. */
  readonly vcov?: string;
  /** Cluster-bootstrap replications; default 5000. */
  readonly bootstrap?: number;
  /** Random seed; default 1. */
  readonly seed?: number;
  /** Confidence level of the bootstrap intervals; default 0.95. */
  readonly level?: number;
  /** Chained mediators X → M1 → M2 → Y; default false (parallel). */
  readonly chain?: boolean;
  /** Missing values of the variables used: linear, mean, drop or none (default). */
  readonly impute?: ImputeMethod;
}

/** The mediation result object of one sample: the contract plus the stepwise evidence. */
export function mediationJson(r: MediationResult) {
  const pe = (p: MediationResult['total']) => ({
    path: p.path,
    estimate: p.estimate,
    stdError: p.stdError,
    pValue: p.pValue,
  });
  return {
    layout: r.layout,
    total: pe(r.total),
    direct: pe(r.direct),
    indirect: r.indirect.map((e) => ({
      mediator: e.mediator,
      estimate: e.estimate,
      ciLow: e.ciLow,
      ciHigh: e.ciHigh,
      bcLow: e.bcLow,
      bcHigh: e.bcHigh,
      bootSe: e.bootSe,
      sobelZ: e.sobelZ,
      sobelP: e.sobelP,
      share: e.share,
      verdict: e.verdict,
    })),
    shareMediated: r.shareMediated,
    xToM: r.xToM.map(pe),
    mToY: r.mToY.map(pe),
    mToM: r.mToM.map(pe),
    baronKenny: r.baronKenny,
    caution: r.caution,
    nobs: r.nobs,
    nClusters: r.nClusters,
    bootstrap: r.bootstrap,
    vcov: r.vcov,
    notes: r.notes,
  };
}

/** Mediation on each subsample (imputation first, then the robustness options). */
export function runMediate(
  raw: Panel,
  options: MediateStageOptions,
): { panel: Panel; by?: string; results: SampleResult<MediationResult>[] } {
  const mediators = listOf(options.mediators);
  const controls = listOf(options.controls);
  const panel = imputeColumns(raw, options.impute, [options.y, options.x, ...mediators, ...controls]);
  const samples = robustnessSamples(panel, options, [options.y, options.x, ...mediators, ...controls]);
  const results = samples.map((s) => ({
    group: s.group,
    result: mediation(s.panel, {
      x: options.x,
      mediators,
      y: options.y,
      controls,
      fe: listOf(options.fe),
      cluster: options.cluster,
      vcov: options.vcov,
      bootstrap: options.bootstrap ?? 5000,
      seed: options.seed ?? 1,
      level: options.level ?? 0.95,
      chain: options.chain,
    }),
    notes: s.panel.notes,
  }));
  return { panel, by: options.by, results };
}

/**
 * Mediation analysis for panels: stepwise (Baron–Kenny, Wen–Ye), Sobel, and cluster-bootstrap
 * (percentile and bias-corrected) intervals of the indirect effects, parallel or chained; as
 * `nqpf mediate --json`. Read Jiang (2022) on what the stepwise test can and cannot show.
 */
export function mediate(panel: Panel, options: MediateStageOptions) {
  const run = runMediate(panel, options);
  return sampleResultsJson(run.panel, run.by, run.results, mediationJson);
}
