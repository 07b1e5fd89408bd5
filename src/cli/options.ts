/**
 * The command line's face of the option catalog (src/options): commander options generated from
 * option records, flag texts converted and checked by the catalog as they are parsed, and errors
 * naming an option by its flag. A command declares its options once:
 *
 * ```ts
 * const OPTIONS = [...dataOptions(), required(FORMULA), VCOV, LEVEL] as const;
 * addOptions(program.command('regress'), OPTIONS).action(async (raw) => {
 *   const o = cliValues(OPTIONS, raw); // checked values with their defaults, typed
 * });
 * ```
 */
import { Option, type Command } from 'commander';
import type { OptionFace } from '../core/errors.js';
import { labelText } from '../core/label.js';
import { checkOption, fromText, resolveOptions } from '../options/check.js';
import { flagName, kebab, type AnyOption, type OptionGroup, type OptionValues } from '../options/option.js';

const GROUP_HEADINGS: Readonly<Record<OptionGroup, string>> = {
  data: 'Data:',
  missing: 'Missing values:',
  sample: 'Sample:',
  framework: 'Framework:',
  measure: 'Measurement:',
  stage: 'Options:',
  model: 'Model:',
  weights: 'Spatial weights:',
  inference: 'Inference:',
  output: 'Output:',
};

/** The options each command was built with (for its error face). */
const commandOptions = new WeakMap<Command, readonly AnyOption[]>();

/** The description of an option in `--help`: its help, the registry's names for an open choice, a default in words. */
export function describeOption(def: AnyOption): string {
  let d = labelText(def.help, 'en');
  if (def.kind === 'choice' && def.open && def.choices) {
    const names = def.choices().map((c) => c.name);
    d += ` (${names.join(', ')}${def.example && !names.includes(def.example) ? `; e.g. ${def.example}` : ''})`;
  }
  if (def.default === undefined && def.defaultText) d += ` (default: ${labelText(def.defaultText, 'en')})`;
  return d;
}

function argName(def: AnyOption): string {
  if (def.arg) return def.arg;
  switch (def.kind) {
    case 'number':
      return '<x>';
    case 'integer':
      return '<n>';
    case 'list':
      return '<a,b,...>';
    case 'numbers':
      return '<x,y,...>';
    default:
      return '<value>';
  }
}

/** The commander option of an option record (the value is converted and checked as it is parsed). */
export function commanderOption(def: AnyOption): Option {
  const flag = flagName(def);
  const negated = def.kind === 'boolean' && def.default === true;
  const spec = def.kind === 'boolean' ? `--${negated ? 'no-' : ''}${flag}` : `--${flag} ${argName(def)}`;
  const o = new Option(spec, describeOption(def)).helpGroup(GROUP_HEADINGS[def.group]);
  if (def.kind === 'boolean') return o;
  if (def.kind === 'repeat') {
    o.argParser((text: string, previous: unknown) => [
      ...(Array.isArray(previous) ? previous : []),
      ...(checkOption(def, fromText(def, [text])) as string[]),
    ]);
  } else o.argParser((text: string) => checkOption(def, fromText(def, text)));
  if (def.default !== undefined)
    o.default(def.default, Array.isArray(def.default) ? JSON.stringify(def.default.join(',')) : undefined);
  if (def.kind === 'choice' && !def.open && def.choices) o.argChoices = def.choices().map((c) => c.name);
  if (def.required) o.makeOptionMandatory();
  return o;
}

/** Add the options to a command (in order) and remember them for the command's error messages. */
export function addOptions(cmd: Command, defs: readonly AnyOption[]): Command {
  for (const def of defs) cmd.addOption(commanderOption(def));
  commandOptions.set(cmd, [...(commandOptions.get(cmd) ?? []), ...defs]);
  return cmd;
}

/**
 * The checked values of a command's options from commander's parsed options: every option of
 * `defs` with its default, typed (flags that commander names differently, such as `--m` or
 * `--no-tests`, are read under their key).
 */
export function cliValues<const L extends readonly AnyOption[]>(
  defs: L,
  raw: Readonly<Record<string, unknown>>,
): OptionValues<L> {
  const given: Record<string, unknown> = {};
  for (const def of defs) {
    const attr = new Option(`--${flagName(def)}`).attributeName();
    given[def.key] = raw[attr];
  }
  return resolveOptions(defs, given);
}

/** How the command line writes an option: `--per-period`, `--level 0.95`, `--no-tests`. */
export function cliFace(defs: readonly AnyOption[] = []): OptionFace {
  return (key, value) => {
    const def = defs.find((d) => d.key === key);
    const flag = def ? flagName(def) : kebab(key);
    if (value === undefined) return `--${def?.kind === 'boolean' && def.default === true ? 'no-' : ''}${flag}`;
    if (def?.kind === 'boolean') return value === 'false' ? `--no-${flag}` : `--${flag}`;
    return `--${flag} ${value}`;
  };
}

/** The error face of a command built with {@link addOptions} (flags as that command spells them). */
export function commandFace(cmd: Command | undefined): OptionFace {
  return cliFace(cmd ? (commandOptions.get(cmd) ?? []) : []);
}
