// STUB: replaced by the data/io work (issue 2). Signature is the contract the CLI relies on.
import type { Panel } from '../data/panel.js';

/** Options for reading a panel file (CSV, XLSX, JSON; long or wide-by-year layout). */
export interface ReadPanelOptions {
  /** Entity column; default: auto-detected (first text column, or one named id/entity/region/country/province/code). */
  entity?: string;
  /** Period column; default: auto-detected (year/period/time/年份). */
  period?: string;
  /** Text encoding of CSV files: `utf-8`, `gb18030` (GBK); default: detected. */
  encoding?: string;
  /** XLSX sheet name; default: the first. */
  sheet?: string;
  /** `long` (entity, period, variables…), `wide` (entity, variable, one column per year), or `auto`. */
  layout?: 'long' | 'wide' | 'auto';
}

export async function readPanel(_path: string, _options: ReadPanelOptions = {}): Promise<Panel> {
  throw new Error('readPanel: not implemented yet');
}
