import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { tableGrid, tableLatex, tableMarkdown, type RegressionTable } from '../report/regression-table.js';
import { writeFileAtomic } from '../io/atomic.js';
import { writeCsv } from '../io/write.js';
import type { Lang } from '../core/label.js';
import { paperTableFromRegression, type PaperTable } from '../report/paper-table.js';
import { writeDocxTables } from './table-files.js';

/**
 * Write a regression table as regression.md, .tex, .csv, .xlsx and .docx (Word, three-line table) in
 * `dir` (`regress`, `spatial-regress`), with `more` tables (e.g. spatial effects) after it in the .docx;
 * returns the file names.
 */
export async function writeRegressionFiles(
  dir: string,
  table: RegressionTable,
  lang: Lang = 'en',
  more: readonly PaperTable[] = [],
): Promise<string[]> {
  const { writeXlsx } = await import('../io/xlsx.js'); // the XLSX writer loads only with --out
  await mkdir(dir, { recursive: true });
  const files = ['regression.md', 'regression.tex', 'regression.csv', 'regression.xlsx', 'regression.docx'];
  await writeFileAtomic(path.join(dir, files[0]), tableMarkdown(table) + '\n');
  await writeFileAtomic(path.join(dir, files[1]), tableLatex(table) + '\n');
  await writeCsv(path.join(dir, files[2]), tableGrid(table), { bom: true });
  await writeXlsx(path.join(dir, files[3]), [{ name: 'regression', rows: [...tableGrid(table), [table.note]] }]);
  const title = lang === 'zh' ? '回归结果' : 'Regression results';
  await writeDocxTables(dir, 'regression', [paperTableFromRegression(table, title), ...more], lang);
  return files;
}
