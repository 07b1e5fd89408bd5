import type { Dimension, Indicator, Framework, System } from './types.js';

/** An indicator with its place in the tree: the dimension ids from the top level down to its parent. */
export interface PlacedIndicator {
  readonly indicator: Indicator;
  readonly system: string;
  /** Dimension ids, top level first; `path[0]` is the top-level dimension. */
  readonly path: readonly string[];
}

/** A dimension node with the positions (in {@link systemIndicators} order) of the indicators under it. */
export interface PlacedDimension {
  readonly dimension: Dimension;
  readonly parent?: string;
  readonly depth: number;
  readonly members: readonly number[];
}

/** The indicators of a system in depth-first (file) order, with their dimension paths. */
export function systemIndicators(system: System): PlacedIndicator[] {
  const out: PlacedIndicator[] = [];
  const walk = (d: Dimension, path: string[]) => {
    const here = [...path, d.id];
    for (const c of d.dimensions ?? []) walk(c, here);
    for (const indicator of d.indicators ?? []) out.push({ indicator, system: system.id, path: here });
  };
  for (const d of system.dimensions) walk(d, []);
  return out;
}

/** Every dimension node of a system (parents before children) with the indicators below it. */
export function systemDimensions(system: System): PlacedDimension[] {
  const placed = systemIndicators(system);
  const out: PlacedDimension[] = [];
  const walk = (d: Dimension, parent: string | undefined, depth: number) => {
    const members: number[] = [];
    placed.forEach((p, i) => {
      if (p.path[depth] === d.id) members.push(i);
    });
    out.push(parent === undefined ? { dimension: d, depth, members } : { dimension: d, parent, depth, members });
    for (const c of d.dimensions ?? []) walk(c, d.id, depth + 1);
  };
  for (const d of system.dimensions) walk(d, undefined, 0);
  return out;
}

/** The indicator columns a framework reads, each once, in framework order. */
export function frameworkColumns(framework: Framework): string[] {
  return [...new Set(framework.systems.flatMap((s) => systemIndicators(s).map((p) => p.indicator.column)))];
}
