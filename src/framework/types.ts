import type { Label } from '../core/label.js';
import type { Note } from '../core/notes.js';

/** Benefit (`+`, larger is better) or cost (`-`, smaller is better) indicator. */
export type Direction = '+' | '-';

/** A measured variable in the framework, read from `column` of the panel. */
export interface Indicator {
  readonly id: string;
  readonly column: string;
  readonly direction: Direction;
  /** Fixed weight (used with `--weights fixed`), relative to its siblings. */
  readonly weight?: number;
  readonly unit?: string;
  readonly name: Label;
  /** Why this indicator is here, and its source. */
  readonly description?: string;
  /** Usual data source (yearbook, database). */
  readonly source?: string;
}

/** A node of the tree: holds either sub-dimensions or indicators. */
export interface Dimension {
  readonly id: string;
  readonly name: Label;
  readonly weight?: number;
  readonly description?: string;
  readonly dimensions?: readonly Dimension[];
  readonly indicators?: readonly Indicator[];
}

/** One composite index: a tree of dimensions. */
export interface System {
  readonly id: string;
  readonly name: Label;
  readonly description?: string;
  readonly dimensions: readonly Dimension[];
}

/** An indicator framework: one or more systems (indices), validated and normalised. */
export interface Framework {
  readonly id: string;
  readonly name: Label;
  readonly description?: string;
  readonly systems: readonly System[];
  /** Warnings found while loading (e.g. a column used by two systems); `measure` copies them to its result. */
  readonly notes?: readonly Note[];
}
