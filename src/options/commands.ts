/**
 * Every command's options, in `--help` order: the shared data options, then the stage's own, then
 * the outputs. The CLI builds its flags from these lists (src/cli/options.ts), the docs tables and
 * the workbench's controls read them (src/options/describe.ts), and the project file's analyses
 * take the stage options among them (those not `cliOnly`, without the data-reading ones).
 */
import { required, type AnyOption } from './option.js';
import { dataOptions, OUTPUT_OPTIONS } from './data.js';
import {
  APPEND,
  APPEND_DIMENSIONS,
  FRAMEWORK_OPTIONS,
  MEASURE_OPTIONS,
  ROBUSTNESS_SECTION,
  SCORE_DIGITS,
} from './measure.js';
import { FORMULAS, KEEP_SINGLETONS, LEVEL, REGRESS_TABLE_OPTIONS, SUBSAMPLE_OPTIONS, TABLE, VCOV } from './models.js';
import { CORRELATE_OPTIONS, DESCRIBE_OPTIONS, STAT_DIGITS, STAT_TABLE } from './descriptive.js';

/** `nqpf measure`. */
export const MEASURE_COMMAND = [
  ...dataOptions(),
  ...FRAMEWORK_OPTIONS,
  ...MEASURE_OPTIONS,
  ...OUTPUT_OPTIONS,
  ROBUSTNESS_SECTION,
  SCORE_DIGITS,
  APPEND,
  APPEND_DIMENSIONS,
] as const;

/** The options of `regress` as a stage (library, project file). */
export const REGRESS_OPTIONS = [
  required(FORMULAS),
  VCOV,
  LEVEL,
  KEEP_SINGLETONS,
  ...SUBSAMPLE_OPTIONS,
  ...REGRESS_TABLE_OPTIONS,
] as const;

/** `nqpf regress`. */
export const REGRESS_COMMAND = [...dataOptions(), ...REGRESS_OPTIONS, ...OUTPUT_OPTIONS, TABLE] as const;

/** `nqpf describe`. */
export const DESCRIBE_COMMAND = [
  ...dataOptions(),
  ...DESCRIBE_OPTIONS,
  ...OUTPUT_OPTIONS,
  STAT_TABLE,
  STAT_DIGITS,
] as const;

/** `nqpf correlate`. */
export const CORRELATE_COMMAND = [
  ...dataOptions(),
  ...CORRELATE_OPTIONS,
  ...OUTPUT_OPTIONS,
  STAT_TABLE,
  STAT_DIGITS,
] as const;

/** The options of each command, by command name (commands without options of their own are absent). */
export const COMMAND_OPTIONS: Readonly<Record<string, readonly AnyOption[]>> = {
  measure: MEASURE_COMMAND,
  regress: REGRESS_COMMAND,
  describe: DESCRIBE_COMMAND,
  correlate: CORRELATE_COMMAND,
};
