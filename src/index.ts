/**
 * nqpf for Node (`import … from 'nqpf'`): everything in the browser entry (`nqpf/browser`) plus
 * reading and writing files.
 *
 * ```ts
 * import { readPanel, loadFramework, measure } from 'nqpf';
 * const panel = await readPanel('provinces.csv', { entity: 'province', period: 'year' });
 * const framework = await loadFramework('framework.yaml'); // or a built-in: 'seed', 'pwt'
 * const result = await measure(panel, framework, { weights: 'entropy' }); // = `nqpf measure --json`
 * ```
 */
export * from './browser.js';

// ── Reading: panel files (CSV/TSV/XLSX/JSON, UTF-8 or GB18030), frameworks, built-in data ───────
export { readPanel, type ReadPanelOptions } from './io/read-panel.js';
export { resolveFramework as loadFramework, readFrameworkFile } from './io/framework-file.js';
export { decodeText, type DecodedText } from './io/encoding.js';
export { readNeighbourFile } from './io/neighbours.js';
export {
  isBuiltinDataset,
  loadBuiltinDataset,
  loadChinaProvinceBorders,
  loadChinaSimLatent,
  loadChinaSimTruth,
  loadChinaSimMechanismPanel,
  type ProvinceBorder,
} from './io/builtin.js';
export { datasets, listDatasets, type DatasetListing } from './io/datasets.js';
// `sensitivity` over worker threads (the browser entry's `sensitivity` runs in one thread).
export { runSensitivity, type PoolOptions } from './io/sensitivity-pool.js';
// Bootstraps (mediate, threshold) on worker threads, identical results: install once.
export { installReplicatePool, replicatePool, type ReplicatePoolOptions } from './io/replicate-pool.js';

// ── Writing: atomic (temporary name, then rename), CSV with an optional BOM, XLSX ────────────────
export { writeFileAtomic } from './io/atomic.js';
export { writeCsv, type WriteCsvOptions } from './io/write.js';
export { writeXlsx, type XlsxSheet } from './io/xlsx.js';
