/**
 * Checking option values: the one place where an option's value is converted from text, checked
 * against its kind, bounds and choices, and given its default. The CLI (flag texts), the project
 * file and the library's stage functions (values) all go through {@link resolveOptions}, so the same
 * value is accepted or refused with the same message everywhere.
 */
import { InputError } from '../core/errors.js';
import type { AnyOption, Choice, OptionValues } from './option.js';

const isNum = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

/** Split comma-separated text into trimmed, non-empty parts. */
export function splitList(value: string): string[] {
  return value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/** The choice named `name` (or one of its aliases, case-insensitive) among `choices`. */
export function findChoice(choices: readonly Choice[], name: string): Choice | undefined {
  const k = name.trim().toLowerCase();
  return choices.find((c) => c.name.toLowerCase() === k || (c.aliases ?? []).some((a) => a.toLowerCase() === k));
}

/** The value of a flag's text (the command line, a URL), before {@link checkOption}. */
export function fromText(def: AnyOption, value: string | boolean | readonly string[]): unknown {
  if (def.kind === 'repeat') return (Array.isArray(value) ? value : [value]).map(String);
  if (typeof value === 'boolean') return value;
  if (Array.isArray(value)) return value;
  const t = String(value);
  if (def.parse) return def.parse(t);
  switch (def.kind) {
    case 'number':
    case 'integer': {
      const n = t.trim() === '' ? NaN : Number(t);
      if (def.kind === 'integer' ? !Number.isInteger(n) : !Number.isFinite(n))
        throw new InputError(
          `{{${def.key}}} takes ${def.kind === 'integer' ? 'a whole number' : 'a number'} (got "${t}")`,
          {
            hint: def.example === undefined ? undefined : `e.g. {{${def.key}=${def.example}}}`,
          },
        );
      return n;
    }
    case 'boolean':
      if (/^(true|yes|1)$/i.test(t)) return true;
      if (/^(false|no|0)$/i.test(t)) return false;
      throw new InputError(`{{${def.key}}} is on or off (got "${t}")`);
    case 'list':
      return splitList(t);
    case 'numbers': {
      const v = splitList(t).map(Number);
      if (!v.length || v.some((x) => !Number.isFinite(x)))
        throw new InputError(`{{${def.key}}} takes comma-separated numbers (got "${t}")`, {
          hint: def.example === undefined ? undefined : `e.g. {{${def.key}=${def.example}}}`,
        });
      return v;
    }
    default:
      return t;
  }
}

function boundsText(def: AnyOption): string {
  const { min, max, exclusive } = def;
  if (min !== undefined && max !== undefined) return exclusive ? `between ${min} and ${max}` : `from ${min} to ${max}`;
  if (min !== undefined) return exclusive ? `greater than ${min}` : `at least ${min}`;
  return exclusive ? `less than ${max}` : `at most ${max}`;
}

function got(value: unknown): string {
  return typeof value === 'string' ? `"${value}"` : JSON.stringify(value);
}

/**
 * Check one value (already of the library's form: from {@link fromText} or from data) and return it
 * in canonical form: aliases resolved, lists as arrays. Throws an InputError naming `{{key}}`.
 */
export function checkOption(def: AnyOption, value: unknown): unknown {
  const key = def.key;
  const eg = def.example === undefined ? undefined : `e.g. {{${key}=${def.example}}}`;
  const wrong = (what: string) => new InputError(`{{${key}}} takes ${what} (got ${got(value)})`, { hint: eg });
  let v: unknown = value;
  switch (def.kind) {
    case 'text':
      if (typeof v !== 'string') throw wrong('text');
      break;
    case 'boolean':
      if (typeof v !== 'boolean') throw wrong('true or false');
      break;
    case 'number':
    case 'integer': {
      if (def.parse && typeof v === 'string') v = def.parse(v);
      if (def.kind === 'integer' ? !Number.isInteger(v) : !isNum(v))
        throw wrong(def.kind === 'integer' ? 'a whole number' : 'a number');
      const n = v as number;
      const min = def.min ?? (def.kind === 'integer' ? 0 : undefined);
      const below = min !== undefined && (def.exclusive ? n <= min : n < min);
      const above = def.max !== undefined && (def.exclusive ? n >= def.max : n > def.max);
      if (below || above)
        throw new InputError(`{{${key}}} must be ${boundsText({ ...def, min })} (got ${n})`, { hint: eg });
      break;
    }
    case 'list':
    case 'repeat':
      if (typeof v === 'string') v = def.kind === 'list' ? splitList(v) : [v];
      if (!Array.isArray(v) || v.some((x) => typeof x !== 'string'))
        throw wrong(def.kind === 'list' ? 'a list of names' : 'one text or a list of them');
      v = (v as string[]).map((s) => s.trim()).filter(Boolean);
      break;
    case 'numbers':
      if (typeof v === 'string') v = fromText(def, v);
      if (!Array.isArray(v) || v.some((x) => !isNum(x))) throw wrong('a list of numbers');
      if (def.count !== undefined && (v as number[]).length !== def.count)
        throw new InputError(`{{${key}}} takes ${def.count} numbers (got ${(v as number[]).join(',')})`, { hint: eg });
      break;
    case 'value':
      if (def.parse && typeof v === 'string') v = def.parse(v);
      break;
    case 'choice': {
      if (def.parse && typeof v === 'string') v = def.parse(v);
      const choices = def.choices?.() ?? [];
      if (typeof v === 'string') {
        const c = findChoice(choices, v);
        if (c) v = c.name;
        else if (!def.open)
          throw new InputError(`{{${key}}} must be one of ${choices.map((x) => x.name).join(', ')} (got "${v}")`, {
            hint: `e.g. {{${key}=${def.example ?? choices[0]?.name}}}`,
          });
      } else if (!def.open) throw wrong(`one of ${choices.map((x) => x.name).join(', ')}`);
      break;
    }
  }
  return def.check ? def.check(v) : v;
}

/** How {@link resolveOptions} treats keys that are not options of the list. */
export interface ResolveSettings {
  /** `error` (a project file: a typo is refused) or `ignore` (default: a library record may carry other fields). */
  readonly unknown?: 'error' | 'ignore';
  /** Where the values come from, for the unknown-option error ("analysis 2 (regress)"). */
  readonly where?: string;
  /** Give `required` options a pass when missing (the workbench's half-filled form). */
  readonly partial?: boolean;
}

/**
 * Every option of `defs` checked and given its default: the one validation of a command's or a
 * stage's options. `given` holds values (not flag texts; see {@link fromText}); undefined means
 * "not given".
 */
export function resolveOptions<const L extends readonly AnyOption[]>(
  defs: L,
  values: object,
  settings: ResolveSettings = {},
): OptionValues<L> {
  const given = values as Readonly<Record<string, unknown>>;
  const out: Record<string, unknown> = {};
  if (settings.unknown === 'error') {
    const known = new Set(defs.map((d) => d.key));
    const extra = Object.keys(given).filter((k) => !known.has(k) && given[k] !== undefined);
    if (extra.length)
      throw new InputError(
        `${settings.where ? `${settings.where}: ` : ''}unknown option${extra.length > 1 ? 's' : ''} ${extra.map((k) => `"${k}"`).join(', ')}`,
        { hint: `the options are ${defs.map((d) => d.key).join(', ')}` },
      );
  }
  for (const def of defs) {
    const v = given[def.key];
    if (v === undefined || v === null) {
      if (def.default !== undefined) out[def.key] = def.default;
      else if (def.required && !settings.partial)
        throw new InputError(`{{${def.key}}} is required${settings.where ? ` (${settings.where})` : ''}`, {
          hint: def.example === undefined ? undefined : `e.g. {{${def.key}=${def.example}}}`,
        });
      continue;
    }
    out[def.key] = checkOption(def, v);
  }
  return out as OptionValues<L>;
}

/** The options of `defs` whose value differs from the default (what a project file or a CLI line needs to say). */
export function nonDefault(
  defs: readonly AnyOption[],
  values: Readonly<Record<string, unknown>>,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const d of defs) {
    const v = values[d.key];
    if (v === undefined || JSON.stringify(v) === JSON.stringify(d.default)) continue;
    out[d.key] = v;
  }
  return out;
}
