/**
 * The option record: one compute-free description of an option of a stage or command, from which
 * the CLI flags, the checks, the project file's JSON Schema, the workbench's controls and the docs
 * tables are made (src/options/index.ts lists who reads it). An option is named by its **key**, the
 * camelCase field of the library's option records and of the project file; its command-line flag
 * is the kebab-case key (`perPeriod` → `--per-period`) unless `flag` says otherwise (`mediators` is
 * `--m`).
 *
 * Convention: the value of an option is the library's value (a number, an array, a method name),
 * never the CLI text; {@link fromText} turns a flag's text into it, {@link checkOption} checks it.
 */
import type { Label } from '../core/label.js';

/** What values an option takes. */
export type OptionKind =
  /** A string (a column, a file, a formula). */
  | 'text'
  /** A finite number, within `min`/`max`. */
  | 'number'
  /** A whole number, within `min` (default 0) and `max`. */
  | 'integer'
  /** On or off (a flag without a value on the command line). */
  | 'boolean'
  /** One name of `choices` (aliases accepted and resolved), or with `open` any text `check` accepts. */
  | 'choice'
  /** Several strings: an array, or comma-separated text (`a,b`). */
  | 'list'
  /** Several numbers: an array, or comma-separated text (`0.4,0.3,0.3`); `count` fixes how many. */
  | 'numbers'
  /** Several strings, one per repetition of the flag (`--formula A --formula B`); an array in data. */
  | 'repeat'
  /** A structured value (`years`: a list or a range): `parse` reads its text, `check` its value, `schema` describes it. */
  | 'value';

/** One value of a choice option: the name written, other accepted spellings and a label. */
export interface Choice<N extends string = string> {
  readonly name: N;
  readonly aliases?: readonly string[];
  readonly label: Label;
}

/** Which group an option belongs to (the order of `--help`, the workbench's fieldsets, the docs). */
export type OptionGroup =
  'data' | 'missing' | 'sample' | 'framework' | 'measure' | 'stage' | 'model' | 'weights' | 'inference' | 'output';

/**
 * One option. `V` is its value's type and `H` whether it always has a value after checking (a
 * default or required), which makes the field of {@link OptionValues} optional or not.
 */
export interface OptionDef<K extends string = string, V = unknown, H extends boolean = boolean> {
  readonly key: K;
  readonly kind: OptionKind;
  /** The CLI flag without dashes when it is not the kebab-case key (`m` for `mediators`). */
  readonly flag?: string;
  /** The CLI's name for the value in `--help` (`<method>`); default from the kind. */
  readonly arg?: string;
  /** Short name, English and Chinese: the workbench control's label. */
  readonly label: Label;
  /** One or two sentences: the CLI's `--help` line, the control's help, the docs table. */
  readonly help: Label;
  readonly group: OptionGroup;
  /** The value when the option is not given. */
  readonly default?: V;
  /** The default in words when it depends on other options or on the data ("detected"). */
  readonly defaultText?: Label;
  /** Must be given (the CLI refuses to run without it). */
  readonly required?: boolean;
  /** The values of a `choice` option, read from the method registries where one exists. */
  readonly choices?: () => readonly Choice[];
  /** A `choice` option that also takes other values (`entropy+critic`, `cluster:province`, a number): `check` decides. */
  readonly open?: boolean;
  /** Bounds of a number (inclusive unless `exclusive`). */
  readonly min?: number;
  readonly max?: number;
  readonly exclusive?: boolean;
  /** `numbers`: exactly this many. */
  readonly count?: number;
  /** A value for the hints and the docs (`0.95`, `cluster:province`). */
  readonly example?: string;
  /** Only on the command line (output, threads, ...): not a stage option, not in the project file. */
  readonly cliOnly?: boolean;
  /** Text → value beyond the kind's rule (a bandwidth that is a name or a number). */
  readonly parse?: (text: string) => unknown;
  /** Further checks of a value of the right kind; returns the value in canonical form or throws an InputError naming `{{key}}`. */
  readonly check?: (value: V) => V;
  /** The JSON Schema of the value, where the kind's own does not say enough (kind `value`). */
  readonly schema?: Readonly<Record<string, unknown>>;
  /** Phantom field carrying `H` (never set). */
  readonly hasValue?: H;
}

/** Any option record. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyOption = OptionDef<string, any, boolean>;

type HasValue<D> = D extends { readonly hasValue?: infer H } ? Exclude<H, undefined> : never;
type ValueOf<D> = D extends OptionDef<string, infer V, boolean> ? V : never;

/**
 * The checked values of a list of options, keyed by option key: a field with a default or a
 * required one is always set, the others are optional.
 */
export type OptionValues<L extends readonly AnyOption[]> = {
  -readonly [D in L[number] as HasValue<D> extends true ? D['key'] : never]: ValueOf<D>;
} & {
  -readonly [D in L[number] as HasValue<D> extends true ? never : D['key']]?: ValueOf<D>;
};

/** What a builder takes: everything but the key and kind. */
type Spec<V> = Omit<OptionDef<string, V, boolean>, 'key' | 'kind' | 'hasValue' | 'default' | 'required'>;

function make<K extends string, V>(key: K, kind: OptionKind, spec: Spec<V>): OptionDef<K, V, false> {
  return { key, kind, ...spec } as OptionDef<K, V, false>;
}

/** A text option (a column, a file, a formula). */
export const text = <K extends string>(key: K, spec: Spec<string>) => make<K, string>(key, 'text', spec);
/** A number option. */
export const num = <K extends string>(key: K, spec: Spec<number>) => make<K, number>(key, 'number', spec);
/** A whole-number option (≥ 0 unless `min` says otherwise). */
export const int = <K extends string>(key: K, spec: Spec<number>) => make<K, number>(key, 'integer', spec);
/** An on/off option. */
export const bool = <K extends string>(key: K, spec: Spec<boolean>) => make<K, boolean>(key, 'boolean', spec);
/** A list of strings (array, or comma-separated text). */
export const list = <K extends string>(key: K, spec: Spec<string[]>) => make<K, string[]>(key, 'list', spec);
/** A list of numbers (array, or comma-separated text). */
export const numbers = <K extends string>(key: K, spec: Spec<number[]>) => make<K, number[]>(key, 'numbers', spec);
/** A repeatable text option (one element per use of the flag). */
export const repeat = <K extends string>(key: K, spec: Spec<string[]>) => make<K, string[]>(key, 'repeat', spec);
/**
 * A choice among named values; `choices` returns the records of a method registry (or literal
 * records), whose `name` type becomes the option's value type.
 */
export const choice = <K extends string, N extends string>(
  key: K,
  spec: Omit<Spec<N>, 'choices' | 'check'> & { choices: () => readonly Choice<N>[]; check?: (value: N) => N },
) => make<K, N>(key, 'choice', spec as Spec<N>);

/** Choices from plain names and labels: `names({ long: ['long', '长格式'] })`. */
export function named<N extends string>(labels: Record<N, readonly [string, string]>): () => readonly Choice<N>[] {
  const list = (Object.keys(labels) as N[]).map((name) => ({
    name,
    label: { en: labels[name][0], zh: labels[name][1] },
  }));
  return () => list;
}

/** The option with a default value (its field is then always set). */
export function withDefault<K extends string, V, H extends boolean>(
  def: OptionDef<K, V, H>,
  value: V,
): OptionDef<K, V, true> {
  return { ...def, default: value } as OptionDef<K, V, true>;
}

/** The option as a required one. */
export function required<K extends string, V, H extends boolean>(def: OptionDef<K, V, H>): OptionDef<K, V, true> {
  return { ...def, required: true } as OptionDef<K, V, true>;
}

/**
 * The option as one command uses it: another help text, default text or set of choices (the
 * key, kind and checks stay those of the one definition).
 */
export function use<K extends string, V, H extends boolean>(
  def: OptionDef<K, V, H>,
  overrides: Partial<
    Pick<OptionDef<K, V, H>, 'help' | 'label' | 'defaultText' | 'choices' | 'arg' | 'example' | 'group'>
  >,
): OptionDef<K, V, H> {
  return { ...def, ...overrides };
}

/** `perPeriod` → `per-period`. */
export function kebab(key: string): string {
  return key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

/** The command-line flag of an option, without dashes. */
export function flagName(def: Pick<AnyOption, 'key' | 'flag'>): string {
  return def.flag ?? kebab(def.key);
}
