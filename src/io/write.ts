/** Writing result tables to CSV files. Node only. */
import { formatCsv, type CsvData } from '../data/csv.js';
import { writeFileAtomic } from './atomic.js';

export interface WriteCsvOptions {
  /** Start the file with a UTF-8 byte-order mark so that Excel reads Chinese text correctly. Default false. */
  bom?: boolean;
  delimiter?: string;
}

/**
 * Write rows (first row = header) or named columns as a UTF-8 CSV file (RFC 4180 quoting, CRLF), atomically.
 */
export async function writeCsv(path: string, data: CsvData, options: WriteCsvOptions = {}): Promise<void> {
  const text = formatCsv(data, { delimiter: options.delimiter });
  await writeFileAtomic(path, (options.bom ? '\uFEFF' : '') + text);
}
