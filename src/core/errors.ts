/**
 * Errors a user can fix: bad input data, an unknown column, a wrong option.
 *
 * The CLI prints `message` (and `hint`) without a stack trace and exits with code 2. Everything else
 * that is thrown is a bug in nqpf (exit 1, stack trace with `--debug`).
 *
 * Convention: the message names *where* (file, row, column, framework entry, option) and *what*, the
 * hint says *how to fix it*. Rows are 1-based as a spreadsheet shows them (header = row 1).
 *
 * Options are named by their catalog key (src/options), never by a command-line flag: a message or
 * hint writes `{{weights}}` for the option and `{{level=0.95}}` for an option with a value, and each
 * face renders them in its own syntax ({@link OptionFace}): `--weights` and `--level 0.95` on the
 * command line, `weights` and `level: 0.95` in the library (the default, in `message`), the
 * control's label on the workbench page.
 */

/** How a face writes an option (`key`, the catalog's camelCase name) and, for an example, its value. */
export type OptionFace = (key: string, value?: string) => string;

/** The library's syntax (the option records of the stage functions): `weights`, `level: 0.95`. */
export const libraryFace: OptionFace = (key, value) => (value === undefined ? key : `${key}: ${value}`);

const TOKEN = /\{\{([A-Za-z][A-Za-z0-9]*)(?:=([^}]*))?\}\}/g;

/** `text` with its option tokens (`{{key}}`, `{{key=value}}`) written by `face`. */
export function renderOptions(text: string, face: OptionFace = libraryFace): string {
  return text.replace(TOKEN, (_, key: string, value: string | undefined) => face(key, value));
}

/** The option keys a text names with `{{key}}` tokens, in order of first appearance. */
export function optionKeys(text: string): string[] {
  return [...new Set([...text.matchAll(TOKEN)].map((m) => m[1]))];
}

/** Where an {@link InputError} happened and how to fix it. */
export interface InputErrorWhere {
  readonly file?: string;
  readonly row?: number;
  readonly column?: string;
  /** The option at fault (its catalog key); default: the first `{{key}}` of the message. */
  readonly option?: string;
  readonly hint?: string;
}

export class InputError extends Error {
  override readonly name = 'InputError';
  readonly file?: string;
  readonly row?: number;
  readonly column?: string;
  /** The option at fault, by its catalog key (`weights`), for a face to render or highlight. */
  readonly option?: string;
  /** The message as written, with its `{{key}}` option tokens (`message` renders them in the library's syntax). */
  readonly template: string;
  /** The hint as written, with its option tokens (`hint` renders them in the library's syntax). */
  readonly hintTemplate?: string;
  readonly hint?: string;

  constructor(message: string, where: InputErrorWhere = {}) {
    super(renderOptions(message));
    this.template = message;
    this.file = where.file;
    this.row = where.row;
    this.column = where.column;
    this.option = where.option ?? optionKeys(message)[0] ?? (where.hint ? optionKeys(where.hint)[0] : undefined);
    this.hintTemplate = where.hint;
    this.hint = where.hint === undefined ? undefined : renderOptions(where.hint);
  }

  /**
   * One line for a face: `file, row 12, column "gdp": message. Fix: hint`, with options written by
   * `face` (the library's syntax by default; the CLI passes its flags).
   */
  format(lang: 'en' | 'zh' = 'en', face: OptionFace = libraryFace): string {
    const zh = lang === 'zh';
    const where: string[] = [];
    if (this.file) where.push(zh ? `文件 ${this.file}` : this.file);
    if (this.row !== undefined) where.push(zh ? `第 ${this.row} 行` : `row ${this.row}`);
    if (this.column !== undefined) where.push(zh ? `列“${this.column}”` : `column "${this.column}"`);
    const message = renderOptions(this.template, face);
    const hint = this.hintTemplate === undefined ? undefined : renderOptions(this.hintTemplate, face);
    const head =
      where.length && !(this.file && message.startsWith(this.file))
        ? `${where.join(zh ? '，' : ', ')}${zh ? '：' : ': '}`
        : '';
    return `${head}${message}${hint ? `\n  ${zh ? '解决办法：' : 'Fix: '}${hint}` : ''}`;
  }
}

/** True for errors the user caused and can fix (exit code 2). */
export function isInputError(e: unknown): e is InputError {
  return e instanceof InputError;
}
