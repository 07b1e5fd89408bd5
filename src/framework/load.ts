import { parse as parseYaml, YAMLParseError } from 'yaml';
import type { z } from 'zod';
import { InputError } from '../core/errors.js';
import type { Label } from '../core/label.js';
import { NoteLog } from '../core/notes.js';
import { expandFlatFramework } from './flat.js';
import { formatPath, rawFramework, type RawDimension, type RawFramework } from './schema.js';
import type { Dimension, Framework, Indicator, System } from './types.js';
import { systemIndicators } from './tree.js';

/**
 * Parse and validate a framework from YAML/JSON text (or an already parsed object) and normalise it:
 * directions `benefit`/`cost` (also 正向/负向, 效益型/成本型) become `+`/`-`, names become
 * {@link Label}s (an indicator without a name is named by its id). A flat list of indicators (or a
 * mapping with `indicators:` and no `systems:`) is one system with one dimension ({@link expandFlatFramework}).
 *
 * Checks, each an {@link InputError} naming `fileName` and the entry (`systems[0].dimensions[1]…`):
 * YAML syntax, schema (zod), duplicate system ids, duplicate dimension or indicator ids within a
 * system, a dimension with neither indicators nor sub-dimensions, or with both.
 * Warnings (on `framework.notes`): the same column used by two systems (coupling or regressing one
 * on the other would then be partly mechanical: the shared indicator correlates the scores by
 * construction) or twice within one system.
 *
 * @param input YAML or JSON text, or a parsed object.
 * @param fileName shown in error messages; its base name (without extension) is the default id.
 */
export function loadFramework(input: string | unknown, fileName = 'framework'): Framework {
  let raw: unknown = input;
  if (typeof input === 'string') {
    if (!input.trim())
      throw new InputError(`${fileName}: the framework file is empty`, {
        file: fileName,
        hint: 'see docs/measure.md for a minimal framework',
      });
    try {
      raw = parseYaml(input);
    } catch (e) {
      if (e instanceof YAMLParseError) {
        const line = e.linePos?.[0]?.line;
        throw new InputError(
          `${fileName}${line ? `, line ${line}` : ''}: not valid YAML/JSON: ${e.message.split('\n')[0]}`,
          {
            file: fileName,
            hint: 'check indentation and quote "+" and "-" directions',
          },
        );
      }
      throw e;
    }
  }
  raw = expandFlatFramework(raw, baseName(fileName));
  const parsed = rawFramework.safeParse(raw);
  if (!parsed.success) throw schemaError(parsed.error, fileName, raw);
  return normalise(parsed.data, fileName);
}

function schemaError(error: z.ZodError, fileName: string, raw: unknown): InputError {
  const lines = error.issues.slice(0, 3).map((issue) => {
    let where = formatPath(issue.path);
    let message = issue.message;
    if (issue.code === 'unrecognized_keys') {
      message = `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    } else if (issue.code === 'invalid_type' && valueAt(raw, issue.path) === undefined) {
      message = `missing (${message})`;
    }
    if (where === 'top level' && issue.code === 'invalid_type') {
      where = 'the file';
      message = `expected a mapping with a "systems:" list, got ${raw === null ? 'nothing' : Array.isArray(raw) ? 'a list' : `a ${typeof raw}`}`;
    }
    return `${where}: ${message}`;
  });
  const more = error.issues.length > 3 ? ` (and ${error.issues.length - 3} more)` : '';
  return new InputError(`${fileName}: ${lines.join('; ')}${more}`, {
    file: fileName,
    hint: 'a framework has systems → dimensions → indicators with id, column and direction; see docs/measure.md',
  });
}

function valueAt(raw: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = raw;
  for (const k of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[k];
  }
  return v;
}

function toLabel(name: string | { en: string; zh?: string } | undefined, fallback: string): Label {
  if (name === undefined) return { en: fallback };
  if (typeof name === 'string') return { en: name };
  return name.zh === undefined ? { en: name.en } : { en: name.en, zh: name.zh };
}

function baseName(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  return base.replace(/\.(ya?ml|json)$/i, '') || 'framework';
}

function normalise(raw: RawFramework, fileName: string): Framework {
  const fail = (where: string, message: string, hint: string): never => {
    throw new InputError(`${fileName}: ${where}: ${message}`, { file: fileName, hint });
  };
  const systemIds = new Set<string>();
  const systems: System[] = raw.systems.map((s, si) => {
    const sWhere = `systems[${si}]`;
    if (systemIds.has(s.id)) fail(`${sWhere}.id`, `duplicate system id "${s.id}"`, 'give every system its own id');
    systemIds.add(s.id);
    const dimIds = new Set<string>();
    const indIds = new Set<string>();
    const dimension = (d: RawDimension, where: string): Dimension => {
      if (dimIds.has(d.id))
        fail(
          `${where}.id`,
          `duplicate dimension id "${d.id}" in system "${s.id}"`,
          'dimension ids must be unique within a system',
        );
      dimIds.add(d.id);
      const hasInd = (d.indicators?.length ?? 0) > 0;
      const hasDim = (d.dimensions?.length ?? 0) > 0;
      if (!hasInd && !hasDim)
        fail(where, `dimension "${d.id}" is empty`, 'add indicators (or sub-dimensions) to it, or delete it');
      if (hasInd && hasDim)
        fail(
          where,
          `dimension "${d.id}" has both indicators and sub-dimensions`,
          'move its indicators into a sub-dimension of their own',
        );
      const out: { -readonly [K in keyof Dimension]: Dimension[K] } = { id: d.id, name: toLabel(d.name, d.id) };
      if (d.weight !== undefined) out.weight = d.weight;
      if (d.description !== undefined) out.description = d.description;
      if (hasDim) out.dimensions = d.dimensions!.map((c, ci) => dimension(c, `${where}.dimensions[${ci}]`));
      if (hasInd) {
        out.indicators = d.indicators!.map((ind, ii): Indicator => {
          const iWhere = `${where}.indicators[${ii}]`;
          if (indIds.has(ind.id))
            fail(
              `${iWhere}.id`,
              `duplicate indicator id "${ind.id}" in system "${s.id}"`,
              'indicator ids must be unique within a system',
            );
          indIds.add(ind.id);
          const o: { -readonly [K in keyof Indicator]: Indicator[K] } = {
            id: ind.id,
            column: ind.column,
            direction: ind.direction === '+' || ind.direction === 'benefit' ? '+' : '-',
            name: toLabel(ind.name, ind.id),
          };
          if (ind.weight !== undefined) o.weight = ind.weight;
          if (ind.unit !== undefined) o.unit = ind.unit;
          if (ind.description !== undefined) o.description = ind.description;
          if (ind.source !== undefined) o.source = ind.source;
          return o;
        });
      }
      return out;
    };
    const sys: { -readonly [K in keyof System]: System[K] } = {
      id: s.id,
      name: toLabel(s.name, s.id),
      dimensions: s.dimensions.map((d, di) => dimension(d, `${sWhere}.dimensions[${di}]`)),
    };
    if (s.description !== undefined) sys.description = s.description;
    return sys;
  });
  const framework: { -readonly [K in keyof Framework]: Framework[K] } = {
    id: raw.id ?? baseName(fileName),
    name: toLabel(raw.name, raw.id ?? baseName(fileName)),
    systems,
  };
  if (raw.description !== undefined) framework.description = raw.description;
  const notes = frameworkNotes(framework);
  if (notes.length) framework.notes = notes;
  return framework;
}

/**
 * Warnings about a valid framework: a column used by two systems, or twice within one system.
 * Built-in frameworks are checked by the same function in the tests.
 */
export function frameworkNotes(framework: Framework): NoteLog['notes'] {
  const log = new NoteLog();
  const owner = new Map<string, string>();
  for (const s of framework.systems) {
    const seen = new Set<string>();
    for (const { indicator } of systemIndicators(s)) {
      if (seen.has(indicator.column)) {
        log.warn(
          'column-twice',
          `column "${indicator.column}" is used by two indicators of system "${s.id}": it is counted twice`,
          {
            system: s.id,
            column: indicator.column,
          },
        );
      }
      seen.add(indicator.column);
      const other = owner.get(indicator.column);
      if (other !== undefined && other !== s.id) {
        log.warn(
          'shared-indicator',
          `column "${indicator.column}" is used by systems "${other}" and "${s.id}": coupling or regressing one on the other would be partly mechanical`,
          { systems: [other, s.id], column: indicator.column },
        );
      }
      if (other === undefined) owner.set(indicator.column, s.id);
    }
  }
  return log.notes;
}
