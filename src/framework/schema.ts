import { z } from 'zod';
import { normaliseDirection } from './flat.js';

/**
 * The zod schema of a framework file (YAML or JSON) as users write it, before normalisation to
 * {@link Framework}. Objects are strict so that a misspelt key (`colum:`) is reported instead of
 * silently ignored.
 */

const DIRECTION_MESSAGE = 'expected "+", "-", "benefit" or "cost" (also 正向/负向, 效益型/成本型)';

const label = z.union([z.string().min(1), z.strictObject({ en: z.string().min(1), zh: z.string().optional() })], {
  error: 'expected a name string or {en: ..., zh: ...}',
});

const id = z
  .string({ error: 'expected an id (text)' })
  .min(1, { error: 'expected a non-empty id' })
  .regex(/^[^\s./:]+$/, { error: 'ids may not contain spaces, ".", "/" or ":"' });

const weight = z.number({ error: 'expected a number' }).nonnegative({ error: 'weights must be ≥ 0' }).optional();

export const rawIndicator = z.strictObject({
  id,
  column: z.string({ error: 'expected the name of a data column' }).min(1),
  direction: z.preprocess(normaliseDirection, z.enum(['+', '-', 'benefit', 'cost'], { error: DIRECTION_MESSAGE })),
  weight,
  unit: z.string().optional(),
  name: label.optional(),
  description: z.string().optional(),
  source: z.string().optional(),
});

export interface RawDimension {
  id: string;
  name?: z.infer<typeof label>;
  weight?: number;
  description?: string;
  dimensions?: RawDimension[];
  indicators?: z.infer<typeof rawIndicator>[];
}

export const rawDimension: z.ZodType<RawDimension> = z.strictObject({
  id,
  name: label.optional(),
  weight,
  description: z.string().optional(),
  get dimensions() {
    return z.array(rawDimension).optional();
  },
  indicators: z.array(rawIndicator).optional(),
});

export const rawSystem = z.strictObject({
  id,
  name: label.optional(),
  description: z.string().optional(),
  dimensions: z.array(rawDimension).min(1, { error: 'a system needs at least one dimension' }),
});

export const rawFramework = z.strictObject({
  id: id.optional(),
  name: label.optional(),
  description: z.string().optional(),
  systems: z
    .array(rawSystem, { error: 'expected a list of systems' })
    .min(1, { error: 'a framework needs at least one system' }),
});

export type RawFramework = z.infer<typeof rawFramework>;

/** `systems[0].dimensions[1].indicators[2].direction` from a zod issue path. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out || 'top level';
}
