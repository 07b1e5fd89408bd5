/**
 * The JSON form of result objects. Results keep typed arrays and NaN (the engine's missing value);
 * `--json` output and {@link toPlain} turn them into plain arrays and `null`, as JSON has no NaN.
 */

/** JSON replacer: typed arrays as arrays, non-finite numbers as null. */
export function jsonReplacer(_key: string, value: unknown): unknown {
  if (ArrayBuffer.isView(value) && !(value instanceof DataView))
    return Array.from(value as unknown as ArrayLike<number>);
  if (typeof value === 'number' && !Number.isFinite(value)) return null;
  return value;
}

/** A result object as one line of JSON, exactly as the CLI prints it with `--json`. */
export function toJsonText(value: unknown): string {
  return JSON.stringify(value, jsonReplacer, 0);
}

/**
 * A deep copy of a result object as plain JSON data (typed arrays → arrays, NaN and ±Infinity →
 * null): what `JSON.parse` of the CLI's `--json` output gives.
 */
export function toPlain<T>(value: T): unknown {
  return JSON.parse(toJsonText(value));
}
