import { describe, expect, it } from 'vitest';
import { notesFor } from '../../src/api/common.js';
import { noteColumn, type Note } from '../../src/core/notes.js';
import { NOTE_LABELS } from '../../src/report/note-labels.js';
import { renderBlock } from '../../src/report/render-blocks.js';

const notes: Note[] = [
  {
    level: 'info',
    code: 'imputed',
    message: 'column "gdp": imputed 2 cells by linear',
    detail: { column: 'gdp', cells: [] },
  },
  // The message does not start with the column: only detail.column says which column it is about.
  { level: 'warning', code: 'text-column', message: 'read as text: "rd" has 3 text cells', detail: { column: 'rd' } },
  { level: 'info', code: 'dropped-rows', message: 'column "x" mentioned in passing, 3 rows dropped', detail: [1, 2] },
];

describe('notes', () => {
  it('the CLI keeps the notes about the columns used, by detail.column, not by message text', () => {
    expect(notesFor(notes, ['gdp']).map((n) => n.code)).toEqual(['imputed', 'dropped-rows']);
    expect(notesFor(notes, ['rd']).map((n) => n.code)).toEqual(['text-column', 'dropped-rows']);
    expect(noteColumn(notes[2])).toBeUndefined();
  });
  it('the report translates the code', () => {
    const html = renderBlock({ kind: 'notes', notes: [notes[0]] }, undefined, false, {
      lang: 'zh',
      figure: 0,
      table: 0,
    });
    expect(html).toContain(NOTE_LABELS.imputed.zh);
    expect(html).toContain('<code>imputed</code>');
    expect(NOTE_LABELS['constant-within-periods'].en).toBe('Constant within every period');
  });
});
