/** True parameters of china-sim's data-generating process (see data/builtin/china-sim-truth.json). */
export interface ChinaSimTruth {
  readonly simulated: true;
  readonly seed: number;
  readonly years: [number, number];
  readonly equations: string[];
  readonly parameters: {
    readonly innovation: Record<string, number>;
    readonly industry: Record<string, number> & { a: number };
    readonly talent: Record<string, number> & { b: number };
    readonly nqpf: Record<string, number> & { c_low: number; c_high: number; gamma: number; d: number; e: number };
    readonly [k: string]: unknown;
  };
  readonly [k: string]: unknown;
}
