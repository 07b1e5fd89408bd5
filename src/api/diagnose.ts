/**
 * `diagnose`: the seed paper's three problems on a measured panel — data dormancy (coverage and
 * imputed cells), structural disorder (coupling of the systems) and ecological isolation (LISA of
 * the headline index) — as `nqpf demo` computes them (src/pipeline/demo.ts) and the report's
 * diagnosis section shows them. The workbench calls it; the CLI reaches it through `demo` and `report`.
 */
import { isInputError, type InputError } from '../core/errors.js';
import type { Panel } from '../data/panel.js';
import { dataDormancy, type DormancyResult } from '../diagnose/dormancy.js';
import { structuralDisorder, type DisorderResult } from '../diagnose/disorder.js';
import { ecologicalIsolation, type IsolationResult } from '../diagnose/isolation.js';
import type { MeasuredPanel } from '../measure/pipeline.js';
import { runCouple, type CoupleRun } from './couple.js';
import { runMoran, type MoranRun } from './moran.js';
import type { SpatialWeightsOptions } from './spatial-weights.js';

/** Options of {@link runDiagnose}. */
export interface DiagnoseOptions {
  /** Systems (or dimensions) whose coupling shows the structural disorder (at least two). */
  readonly systems: readonly string[];
  readonly method?: 'traditional' | 'wang' | 'fan';
  /** The index whose LISA shows the isolation. */
  readonly system: string;
  /** Spatial weights of the LISA (the same options as `moran`). */
  readonly weights: SpatialWeightsOptions;
  readonly permutations?: number;
  readonly seed?: number;
  /** A coupling of the same systems computed before (the workbench's coupling view), reused. */
  readonly coupling?: CoupleRun;
}

/** What {@link runDiagnose} found; `isolationError` says why the isolation could not be read. */
export interface DiagnoseRun {
  readonly dormancy: DormancyResult;
  readonly disorder: DisorderResult;
  readonly isolation: IsolationResult;
  readonly isolationPeriod: number;
  readonly isolationError?: InputError;
  readonly coupling: CoupleRun;
  readonly lisa?: MoranRun;
}

/**
 * The three problems of `measured` (scores as columns in `scores`). Without locations or
 * neighbours the isolation cannot be read: the other two are returned with `isolationError`.
 */
export function runDiagnose(measured: MeasuredPanel, scores: Panel, options: DiagnoseOptions): DiagnoseRun {
  const dormancy = dataDormancy(measured.coverage, measured.imputation.imputed);
  const systems = [...options.systems];
  const coupling =
    options.coupling && options.coupling.result.systems.join() === systems.join()
      ? options.coupling
      : runCouple(scores, undefined, { systems, method: options.method ?? 'wang' });
  const disorder = structuralDisorder(coupling.result.rows, { systems: coupling.result.systems });
  try {
    const lisa = runMoran(scores, {
      ...options.weights,
      value: options.system,
      permutations: options.permutations ?? 999,
      seed: options.seed ?? 1,
    });
    const isolation = ecologicalIsolation(
      lisa.local.rows,
      lisa.weights.isolates.map((i) => lisa.weights.ids[i]),
    );
    return { dormancy, disorder, isolation, isolationPeriod: lisa.section.period, coupling, lisa };
  } catch (e) {
    if (!isInputError(e)) throw e;
    return {
      dormancy,
      disorder,
      isolation: ecologicalIsolation([]),
      isolationPeriod: NaN,
      isolationError: e,
      coupling,
    };
  }
}
