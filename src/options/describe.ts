/**
 * The catalog's faces other than the command line: the workbench's controls (plain JSON the page
 * renders), option names in a face's own words (the page's labels), and the docs tables.
 */
import type { OptionFace } from '../core/errors.js';
import { labelText, type Lang } from '../core/label.js';
import { flagName, type AnyOption, type OptionGroup, type OptionKind } from './option.js';

/** One control of the workbench: everything the page needs to draw, label and check an option. */
export interface OptionControl {
  readonly key: string;
  readonly kind: OptionKind;
  /** The CLI flag (`--per-period`), for the page's "command line" view. */
  readonly flag: string;
  readonly group: OptionGroup;
  readonly label: string;
  readonly help: string;
  readonly required: boolean;
  readonly default?: unknown;
  /** The default in words when it depends on other options or on the data. */
  readonly defaultText?: string;
  /** The values of a choice (value = what is stored, label = what is shown). */
  readonly choices?: readonly { readonly value: string; readonly label: string }[];
  /** The choice also takes other values (typed in a text box). */
  readonly open?: boolean;
  readonly min?: number;
  readonly max?: number;
  readonly exclusive?: boolean;
  readonly count?: number;
  readonly example?: string;
}

/** The control of one option in `lang` (plain data: it can cross a worker boundary or be saved). */
export function optionControl(def: AnyOption, lang: Lang = 'en'): OptionControl {
  return {
    key: def.key,
    kind: def.kind,
    flag: `--${flagName(def)}`,
    group: def.group,
    label: labelText(def.label, lang),
    help: labelText(def.help, lang),
    required: def.required === true,
    ...(def.default !== undefined ? { default: def.default } : {}),
    ...(def.defaultText ? { defaultText: labelText(def.defaultText, lang) } : {}),
    ...(def.choices
      ? { choices: def.choices().map((c) => ({ value: c.name, label: labelText(c.label, lang).replace(/\$/g, '') })) }
      : {}),
    ...(def.open ? { open: true } : {}),
    ...(def.min !== undefined ? { min: def.min } : {}),
    ...(def.max !== undefined ? { max: def.max } : {}),
    ...(def.exclusive ? { exclusive: true } : {}),
    ...(def.count !== undefined ? { count: def.count } : {}),
    ...(def.example !== undefined ? { example: def.example } : {}),
  };
}

/** The controls of a list of options, command-line-only ones (output folders, threads) left out. */
export function optionControls(defs: readonly AnyOption[], lang: Lang = 'en'): OptionControl[] {
  return defs.filter((d) => !d.cliOnly).map((d) => optionControl(d, lang));
}

/**
 * How the workbench names an option in a message: its control's label in quotes (`“Weights”`,
 * `“权重” = entropy`). Pass it to `InputError.format(lang, labelFace(defs, lang))`.
 */
export function labelFace(defs: readonly AnyOption[], lang: Lang = 'en'): OptionFace {
  const [open, close] = lang === 'zh' ? ['“', '”'] : ['“', '”'];
  return (key, value) => {
    const def = defs.find((d) => d.key === key);
    const name = `${open}${def ? labelText(def.label, lang) : key}${close}`;
    return value === undefined ? name : `${name} = ${value.replace(/^"(.*)"$/, '$1')}`;
  };
}

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function defaultCell(def: AnyOption): string {
  if (def.default !== undefined) {
    const v = def.default;
    if (typeof v === 'boolean') return v ? 'on' : 'off';
    return `\`${Array.isArray(v) ? v.join(',') : String(v)}\``;
  }
  if (def.required) return 'required';
  return def.defaultText ? labelText(def.defaultText, 'en') : '';
}

/** The docs table of a list of options: flag, key, value, default, choices and help (en). */
export function optionsTable(defs: readonly AnyOption[]): string {
  const rows = ['| flag | key | value | default | meaning |', '|---|---|---|---|---|'];
  for (const d of defs) {
    const negated = d.kind === 'boolean' && d.default === true;
    const flag = `\`--${negated ? 'no-' : ''}${flagName(d)}\``;
    const value =
      d.kind === 'choice'
        ? (d.choices?.() ?? []).map((c) => `\`${c.name}\``).join(', ') + (d.open ? ', …' : '')
        : d.kind === 'value'
          ? 'see meaning'
          : d.kind;
    rows.push(
      `| ${flag} | \`${d.key}\` | ${cell(value)} | ${cell(defaultCell(d))} | ${cell(labelText(d.help, 'en'))} |`,
    );
  }
  return rows.join('\n');
}
