/**
 * Frameworks without a tree: a flat list of indicators (in a file, or `--indicators rd,patents,-energy`)
 * becomes one system with one dimension, and directions may be written as Chinese papers write them
 * (正向/负向, 效益型/成本型). Browser-safe.
 */

const BENEFIT = new Set([
  '+',
  'benefit',
  'positive',
  'pos',
  'larger',
  '正向',
  '正',
  '正向指标',
  '效益型',
  '效益',
  '效益型指标',
  '越大越好',
]);
const COST = new Set([
  '-',
  '−',
  'cost',
  'negative',
  'neg',
  'smaller',
  '负向',
  '负',
  '负向指标',
  '成本型',
  '成本',
  '成本型指标',
  '越小越好',
  '逆向',
  '逆向指标',
]);

/**
 * A direction as written in a framework mapped to `+` or `-`: "+"/benefit/positive/正向/效益型 (larger
 * is better), "-"/cost/negative/负向/成本型/逆向 (smaller is better). Anything else is returned as it is,
 * for the schema to reject with its message.
 */
export function normaliseDirection(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const s = value.normalize('NFKC').trim().toLowerCase();
  if (BENEFIT.has(s)) return '+';
  if (COST.has(s)) return '-';
  return value;
}

/** One indicator of a flat list as written: "rd", "+rd", "-energy", or an indicator mapping. */
function flatIndicator(item: unknown): unknown {
  if (typeof item !== 'string') {
    if (item && typeof item === 'object' && !Array.isArray(item)) {
      const o = item as Record<string, unknown>;
      // {column: rd} alone: the id is the column, larger is better unless said otherwise.
      return {
        ...(o.id === undefined && typeof o.column === 'string' ? { id: o.column } : {}),
        ...(o.direction === undefined ? { direction: '+' } : {}),
        ...o,
      };
    }
    return item;
  }
  const s = item.normalize('NFKC').trim();
  const sign = /^[+-]/.test(s) ? s[0]! : '+';
  const column = s.replace(/^[+-]\s*/, '');
  return { id: idOf(column), column, direction: sign };
}

/** An indicator id from a column name (ids may not contain spaces, ".", "/" or ":"). */
function idOf(column: string): string {
  return column.replace(/[\s./:]+/g, '_') || 'x';
}

/**
 * The raw framework of a flat list, or `raw` unchanged when it has systems: a YAML/JSON list of
 * indicators, or a mapping with `indicators:` (and optionally id, name, description) and no
 * `systems:`, becomes one system `index` with one dimension `all`.
 */
export function expandFlatFramework(raw: unknown, fallbackId = 'index'): unknown {
  let top: Record<string, unknown>;
  let items: unknown[];
  if (Array.isArray(raw)) {
    top = {};
    items = raw;
  } else if (
    raw &&
    typeof raw === 'object' &&
    !('systems' in raw) &&
    Array.isArray((raw as Record<string, unknown>).indicators)
  ) {
    const { indicators, ...rest } = raw as Record<string, unknown>;
    top = rest;
    items = indicators as unknown[];
  } else return raw;
  // Only lists of names and mappings are indicator lists; anything else is left for the schema's error.
  if (!items.every((x) => typeof x === 'string' || (x !== null && typeof x === 'object' && !Array.isArray(x))))
    return raw;
  const id = typeof top.id === 'string' ? top.id : fallbackId;
  return {
    ...top,
    id,
    systems: [
      {
        id,
        ...(top.name !== undefined ? { name: top.name } : {}),
        dimensions: [{ id: 'all', indicators: items.map(flatIndicator) }],
      },
    ],
  };
}

/**
 * The raw framework of `--indicators rd,patents,-energy`: one system `index`, one dimension, each
 * name a column ("-" before it marks a cost indicator). Load it with {@link loadFramework}.
 */
export function flatFrameworkSpec(indicators: readonly string[], id = 'index'): unknown {
  return expandFlatFramework({ id, name: { en: 'Composite index', zh: '综合指数' }, indicators: [...indicators] });
}
