/**
 * Notes recorded on results: warnings about suspicious but legal input, and a record of what was
 * dropped, imputed or removed (fixest's `collin.var` / `obs_selection`, COINr's log). Results carry their
 * notes; the CLI prints warnings once on stderr and puts all notes in `--json` output.
 */
export interface Note {
  /** `warning`: the user should look; `info`: a record of what was done. */
  readonly level: 'warning' | 'info';
  /** Stable machine-readable code, e.g. `constant-indicator`, `imputed`, `dropped-rows`, `collinear`. */
  readonly code: string;
  /** Human-readable sentence naming the entity, indicator or term concerned. */
  readonly message: string;
  /** Optional structured detail (ids, counts, cells). */
  readonly detail?: unknown;
}

/** Collects notes, keeping one note per (code, message) so a warning is given once. */
export class NoteLog {
  private readonly seen = new Set<string>();
  readonly notes: Note[] = [];

  constructor(initial: readonly Note[] = []) {
    for (const n of initial) this.add(n);
  }

  add(note: Note): void {
    const key = `${note.code}\u0000${note.message}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.notes.push(note);
  }

  warn(code: string, message: string, detail?: unknown): void {
    this.add({ level: 'warning', code, message, detail });
  }

  info(code: string, message: string, detail?: unknown): void {
    this.add({ level: 'info', code, message, detail });
  }
}
