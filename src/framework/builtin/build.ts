import type { Dimension, Direction, Indicator } from '../types.js';

/** An indicator of a built-in framework whose column has the same name as its id. */
export function ind(
  id: string,
  direction: Direction,
  unit: string,
  en: string,
  zh: string,
  description: string,
  source: string,
): Indicator {
  return { id, column: id, direction, unit, name: { en, zh }, description, source };
}

/** A dimension of a built-in framework holding indicators. */
export function dim(id: string, en: string, zh: string, indicators: Indicator[]): Dimension {
  return { id, name: { en, zh }, indicators };
}
