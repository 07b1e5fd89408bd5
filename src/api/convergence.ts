/** `convergence`: σ- and β-convergence, as `nqpf convergence --json`. */
import type { Note } from '../core/notes.js';
import type { Panel } from '../data/panel.js';
import { betaConvergence, type BetaConvergenceResult, type BetaForm } from '../dynamics/beta-convergence.js';
import { sigmaConvergence, type SigmaConvergenceResult } from '../dynamics/sigma-convergence.js';
import { listOf, notesFor } from './common.js';

/** Options of {@link convergence}. */
export interface ConvergenceStageOptions {
  /** The variable (positive levels). */
  readonly value: string;
  /** β form: `cross-section` (default; first → last period), `panel` (annual pooled OLS), `conditional` (two-way FE + controls). */
  readonly form?: BetaForm;
  /** Control columns of the conditional form. */
  readonly controls?: string | readonly string[];
  /** Start and end of the cross-section; default the first and last period. */
  readonly from?: number;
  readonly to?: number;
  /** Standard errors: iid, hc1, cluster:COL; default iid (conditional: clustered by entity). */
  readonly vcov?: string;
  /** σ measure: `cv` (default) or `sd-log`. */
  readonly sigma?: 'cv' | 'sd-log';
}

/** What {@link runConvergence} computed. */
export interface ConvergenceRun {
  readonly panel: Panel;
  readonly value: string;
  readonly sigma: SigmaConvergenceResult;
  readonly beta: BetaConvergenceResult;
  readonly notes: readonly Note[];
}

export function runConvergence(panel: Panel, options: ConvergenceStageOptions): ConvergenceRun {
  const controls = listOf(options.controls);
  const sigma = sigmaConvergence(panel, options.value, { measure: options.sigma ?? 'cv' });
  const beta = betaConvergence(panel, options.value, {
    form: options.form ?? 'cross-section',
    controls: controls.length ? controls : undefined,
    from: options.from,
    to: options.to,
    vcov: options.vcov,
  });
  const notes = [...notesFor(panel.notes, [options.value, ...controls]), ...beta.notes];
  return { panel, value: options.value, sigma, beta, notes };
}

/** The `--json` object of `nqpf convergence`. */
export function convergenceJson(r: ConvergenceRun) {
  return { value: r.value, sigma: r.sigma, beta: r.beta, simulated: r.panel.meta.simulated, notes: r.notes };
}

/**
 * σ-convergence (CV or sd of logs by period, with its trend) and β-convergence (absolute or
 * conditional) with speed θ = −ln(1 + β)/τ and half-life ln 2/θ, as `nqpf convergence --json`.
 */
export function convergence(panel: Panel, options: ConvergenceStageOptions) {
  return convergenceJson(runConvergence(panel, options));
}
