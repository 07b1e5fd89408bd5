import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { tableGrid, tableLatex, tableMarkdown, type RegressionTable } from '../report/regression-table.js';
import { writeFileAtomic } from '../io/atomic.js';
import { writeCsv } from '../io/write.js';

/** Write a regression table as regression.md, .tex, .csv and .xlsx in `dir` (`regress`, `spatial-regress`); returns the file names. */
export async function writeRegressionFiles(dir: string, table: RegressionTable): Promise<string[]> {
  const { writeXlsx } = await import('../io/xlsx.js'); // the XLSX writer loads only with --out
  await mkdir(dir, { recursive: true });
  const files = ['regression.md', 'regression.tex', 'regression.csv', 'regression.xlsx'];
  await writeFileAtomic(path.join(dir, files[0]), tableMarkdown(table) + '\n');
  await writeFileAtomic(path.join(dir, files[1]), tableLatex(table) + '\n');
  await writeCsv(path.join(dir, files[2]), tableGrid(table), { bom: true });
  await writeXlsx(path.join(dir, files[3]), [{ name: 'regression', rows: [...tableGrid(table), [table.note]] }]);
  return files;
}
