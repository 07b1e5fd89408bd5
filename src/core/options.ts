/**
 * `o` without its undefined fields, so that `{ ...defaults, ...definedOnly(options) }` keeps a default
 * when a caller passes `{ key: undefined }` (as the CLI does for a flag that was not given).
 */
export function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
