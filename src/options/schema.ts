/**
 * JSON Schema (draft 2020-12) of option records, generated from the catalog: the project file's
 * schema (src/run/project-schema.ts, written to docs/project.schema.json) is made of these.
 */
import { labelText } from '../core/label.js';
import type { AnyOption } from './option.js';

/** A JSON Schema object. */
export type JsonSchema = Record<string, unknown>;

/** The schema of one option's value (with its title, description and default). */
export function optionSchema(def: AnyOption): JsonSchema {
  const info: JsonSchema = {
    title: labelText(def.label, 'en'),
    description: labelText(def.help, 'en'),
    ...(def.default !== undefined ? { default: def.default } : {}),
  };
  const bounds = (s: JsonSchema): JsonSchema => {
    if (def.min !== undefined) s[def.exclusive ? 'exclusiveMinimum' : 'minimum'] = def.min;
    if (def.max !== undefined) s[def.exclusive ? 'exclusiveMaximum' : 'maximum'] = def.max;
    return s;
  };
  if (def.schema) return { ...info, ...def.schema };
  switch (def.kind) {
    case 'text':
      return { ...info, type: 'string' };
    case 'boolean':
      return { ...info, type: 'boolean' };
    case 'number':
      return { ...info, ...bounds({ type: 'number' }) };
    case 'integer':
      return { ...info, ...bounds({ type: 'integer', ...(def.min === undefined ? { minimum: 0 } : {}) }) };
    case 'list':
    case 'repeat':
      return {
        ...info,
        oneOf: [
          { type: 'array', items: { type: 'string' } },
          { type: 'string', description: def.kind === 'list' ? 'comma-separated' : 'one value' },
        ],
      };
    case 'numbers': {
      const arr: JsonSchema = { type: 'array', items: { type: 'number' } };
      if (def.count !== undefined) Object.assign(arr, { minItems: def.count, maxItems: def.count });
      return { ...info, oneOf: [arr, { type: 'string', description: 'comma-separated numbers' }] };
    }
    case 'choice': {
      const names = (def.choices?.() ?? []).flatMap((c) => [c.name, ...(c.aliases ?? [])]);
      if (def.open) return { ...info, type: 'string', examples: names };
      return { ...info, enum: names };
    }
    case 'value':
      return info;
  }
}

/** The schema of an object of options (unknown keys refused, required ones listed). */
export function optionsSchema(defs: readonly AnyOption[], description?: string): JsonSchema {
  const req = defs.filter((d) => d.required).map((d) => d.key);
  return {
    type: 'object',
    ...(description ? { description } : {}),
    properties: Object.fromEntries(defs.map((d) => [d.key, optionSchema(d)])),
    ...(req.length ? { required: req } : {}),
    additionalProperties: false,
  };
}
