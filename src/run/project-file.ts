/**
 * The nqpf project file: one JSON object holding the data source and every setting of a workbench
 * session, so that the workbench reopens it and `nqpf run project.json` replays it with the same
 * numbers. Browser-safe (no Node APIs): the workbench and the CLI share this module.
 *
 * Convention: like RAWGraphs' and Datawrapper's project files, the data itself is not embedded; a
 * file source is found next to the project file (the CLI) or picked again by the user (the
 * workbench), and a built-in dataset is named.
 */
import { z } from 'zod';
import { InputError } from '../core/errors.js';
import type { Framework } from '../framework/types.js';
import {
  AGGREGATE_METHODS,
  NORMALIZE_METHODS,
  resolveMeasureOptions,
  type MeasureOptions,
} from '../measure/options.js';

/** Current version of the project file format. */
export const PROJECT_VERSION = 1;

const IMPUTE = ['linear', 'mean', 'drop', 'none'] as const;
const COUPLING = ['traditional', 'wang', 'fan'] as const;

const dataSource = z.union([
  z.strictObject({ builtin: z.string().min(1) }),
  z.strictObject({
    file: z.string().min(1),
    entity: z.string().optional(),
    period: z.string().optional(),
    sheet: z.string().optional(),
    encoding: z.string().optional(),
    layout: z.enum(['long', 'wide', 'auto']).optional(),
  }),
]);

const frameworkSource = z.union([
  z.strictObject({ builtin: z.string().min(1) }),
  // The definition is checked by loadFramework (the same checks as a framework file).
  z.strictObject({ file: z.string().optional(), definition: z.record(z.string(), z.unknown()) }),
]);

const measureSettings = z.strictObject({
  weights: z.string().default('entropy'),
  normalize: z
    .enum(NORMALIZE_METHODS as [MeasureOptions['normalize'], ...MeasureOptions['normalize'][]])
    .default('minmax'),
  perPeriod: z.boolean().default(false),
  aggregate: z
    .enum(AGGREGATE_METHODS as [MeasureOptions['aggregate'], ...MeasureOptions['aggregate'][]])
    .default('arithmetic'),
  impute: z.enum(IMPUTE).default('none'),
  shift: z.number().optional(),
  range: z.tuple([z.number(), z.number()]).optional(),
});

const coupleSettings = z.strictObject({
  systems: z.array(z.string()).min(2),
  method: z.enum(COUPLING).default('wang'),
});

const projectSchema = z.strictObject({
  nqpf: z.literal('project'),
  version: z.literal(PROJECT_VERSION),
  data: dataSource,
  framework: frameworkSource,
  measure: measureSettings.default(() => measureSettings.parse({})),
  couple: coupleSettings.optional(),
  lang: z.enum(['en', 'zh']).default('en'),
});

/** A parsed, checked project file. */
export type Project = z.infer<typeof projectSchema>;
/** Where the data comes from. */
export type DataSource = Project['data'];
/** The measurement settings (the flags of `nqpf measure`). */
export type MeasureSettings = Project['measure'];

/** Default measurement settings (those of `nqpf measure` without flags). */
export function defaultMeasureSettings(): MeasureSettings {
  return measureSettings.parse({});
}

/** A new project on `data` with `framework` and default settings. */
export function newProject(data: DataSource, framework: Project['framework'], lang: 'en' | 'zh' = 'en'): Project {
  return { nqpf: 'project', version: PROJECT_VERSION, data, framework, measure: defaultMeasureSettings(), lang };
}

/**
 * Parse a project file (JSON text or an already parsed value) and check it: InputError naming the
 * entry and the fix otherwise. Defaults are filled in, so older files without a stage keep working.
 */
export function parseProject(input: string | unknown, file = 'project.json'): Project {
  let value = input;
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input.replace(/^\uFEFF/, ''));
    } catch (e) {
      throw new InputError(`not valid JSON: ${(e as Error).message}`, {
        file,
        hint: 'save the project again from the workbench, or check it with a JSON validator',
      });
    }
  }
  const r = projectSchema.safeParse(value);
  if (!r.success) {
    const issue = r.error.issues[0];
    const where = issue.path.map(String).join('.') || '(top level)';
    throw new InputError(`${where}: ${issue.message}`, {
      file,
      hint: 'a project file starts with {"nqpf": "project", "version": 1, "data": {...}, "framework": {...}}; see docs/workbench.md',
    });
  }
  // Options are checked as the CLI checks its flags, so a project never runs what `nqpf measure` refuses.
  resolveMeasureOptions(measureOptionsOf(r.data.measure));
  return r.data;
}

/** The project as the JSON text of a project file (2-space indent, stable key order). */
export function formatProject(project: Project): string {
  return JSON.stringify(project, null, 2) + '\n';
}

/** The {@link MeasureOptions} part of the settings (impute is separate: it belongs to the data step). */
export function measureOptionsOf(s: MeasureSettings): Partial<MeasureOptions> {
  return {
    weights: s.weights as MeasureOptions['weights'],
    normalize: s.normalize,
    perPeriod: s.perPeriod,
    aggregate: s.aggregate,
    ...(s.shift !== undefined ? { shift: s.shift } : {}),
    ...(s.range !== undefined ? { range: s.range } : {}),
  };
}

/**
 * A framework as the plain object a framework file holds (what `loadFramework` reads back): the
 * loading notes are left out and so are empty fields, so the YAML the workbench downloads is the
 * framework the CLI reads.
 */
export function frameworkDefinition(framework: Framework): Record<string, unknown> {
  const { notes: _notes, ...rest } = framework;
  return JSON.parse(JSON.stringify(rest)) as Record<string, unknown>;
}

/** Quote one argument for a POSIX shell when it needs it. */
export function shellQuote(arg: string): string {
  return /^[A-Za-z0-9_./:+,=@-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}

/**
 * The `nqpf measure` command line that gives the same result as the project's measurement.
 * `frameworkFile` names the framework file for a framework that is not built in (the workbench
 * offers it as a download).
 */
export function measureCommand(project: Project, frameworkFile = 'framework.yaml'): string {
  const args = ['nqpf', 'measure', ...dataArgs(project.data)];
  args.push('--framework', frameworkArg(project, frameworkFile));
  const m = project.measure;
  if (m.weights !== 'entropy') args.push('--weights', m.weights);
  if (m.normalize !== 'minmax') args.push('--normalize', m.normalize);
  if (m.shift !== undefined) args.push('--shift', String(m.shift));
  if (m.range !== undefined) args.push('--range', `${m.range[0]},${m.range[1]}`);
  if (m.perPeriod) args.push('--per-period');
  if (m.aggregate !== 'arithmetic') args.push('--aggregate', m.aggregate);
  if (m.impute !== 'none') args.push('--impute', m.impute);
  return args.map(shellQuote).join(' ');
}

/** `nqpf couple` for the project's coupling settings (it measures first with the same framework and options). */
export function coupleCommand(project: Project, frameworkFile = 'framework.yaml'): string | undefined {
  if (!project.couple) return undefined;
  const args = ['nqpf', 'couple', ...dataArgs(project.data)];
  args.push('--framework', frameworkArg(project, frameworkFile));
  const m = project.measure;
  if (m.weights !== 'entropy') args.push('--weights', m.weights);
  if (m.normalize !== 'minmax') args.push('--normalize', m.normalize);
  args.push('--impute', m.impute, '--systems', project.couple.systems.join(','));
  if (project.couple.method !== 'wang') args.push('--method', project.couple.method);
  return args.map(shellQuote).join(' ');
}

/** The `--framework` value: the built-in name, else the project's file, else `frameworkFile`. */
function frameworkArg(project: Project, frameworkFile: string): string {
  return 'builtin' in project.framework ? project.framework.builtin : (project.framework.file ?? frameworkFile);
}

/** The `--data` flags of a data source (and the reader's options). */
export function dataArgs(d: DataSource): string[] {
  if ('builtin' in d) return ['--data', d.builtin];
  const a = ['--data', d.file];
  if (d.entity) a.push('--entity', d.entity);
  if (d.period) a.push('--period', d.period);
  if (d.sheet) a.push('--sheet', d.sheet);
  if (d.encoding) a.push('--encoding', d.encoding);
  if (d.layout && d.layout !== 'auto') a.push('--layout', d.layout);
  return a;
}
