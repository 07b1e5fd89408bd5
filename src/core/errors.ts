/**
 * Errors a user can fix: bad input data, an unknown column, a wrong option.
 *
 * The CLI prints `message` (and `hint`) without a stack trace and exits with code 2. Everything else
 * that is thrown is a bug in nqpf (exit 1, stack trace with `--debug`).
 *
 * Convention: the message names *where* (file, row, column, framework entry) and *what*, the hint says
 * *how to fix it*. Rows are 1-based as a spreadsheet shows them (header = row 1).
 */
export class InputError extends Error {
  override readonly name = 'InputError';
  readonly file?: string;
  readonly row?: number;
  readonly column?: string;
  readonly hint?: string;

  constructor(message: string, where: { file?: string; row?: number; column?: string; hint?: string } = {}) {
    super(message);
    this.file = where.file;
    this.row = where.row;
    this.column = where.column;
    this.hint = where.hint;
  }

  /** One line for the terminal: `file, row 12, column "gdp": message. Fix: hint`. */
  format(lang: 'en' | 'zh' = 'en'): string {
    const zh = lang === 'zh';
    const where: string[] = [];
    if (this.file) where.push(zh ? `文件 ${this.file}` : this.file);
    if (this.row !== undefined) where.push(zh ? `第 ${this.row} 行` : `row ${this.row}`);
    if (this.column !== undefined) where.push(zh ? `列“${this.column}”` : `column "${this.column}"`);
    const head =
      where.length && !(this.file && this.message.startsWith(this.file))
        ? `${where.join(zh ? '，' : ', ')}${zh ? '：' : ': '}`
        : '';
    return `${head}${this.message}${this.hint ? `\n  ${zh ? '解决办法：' : 'Fix: '}${this.hint}` : ''}`;
  }
}

/** True for errors the user caused and can fix (exit code 2). */
export function isInputError(e: unknown): e is InputError {
  return e instanceof InputError;
}
