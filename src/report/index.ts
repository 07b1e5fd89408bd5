export * from './charts/index.js';
export { renderReport, type ReportInput } from './document.js';
export type {
  Block,
  HeadingBlock,
  ParagraphBlock,
  ListBlock,
  FigureBlock,
  TableBlock,
  GridBlock,
  GridRow,
  TableColumn,
  Cell,
  FormulaBlock,
  TreeBlock,
  TreeNode,
  NotesBlock,
  ReportSection,
  ReportDataset,
} from './blocks.js';
export { escapeHtml, formatNumber, MISSING, type NumberFormat } from './html.js';
export { texToHtml, textWithMath } from './formula.js';
export { t, tf, term, registerTerms } from './i18n.js';
export { entityMapFigure, entityMapKind, type EntityMapKind, type EntityMapOptions } from './sections/entity-map.js';
export { entityLabel, provinceOf } from './entity-label.js';
export { measureSections, reportDataset, type MeasureSectionOptions } from './sections/measure.js';
export { methodsBlocks } from './sections/measure-methods.js';
export { couplingSection } from './sections/coupling.js';
export { datasetSection, frameworkNames, sectionId, type SectionOptions } from './sections/section.js';
export { disparitySection } from './sections/disparity.js';
export { densitySection } from './sections/density.js';
export { lisaSection, ellipseSection } from './sections/spatial.js';
export { forecastSection, type ForecastSeries } from './sections/forecast.js';
export { coverageSection } from './sections/coverage.js';
export { regressionSection, regressionTableBlock, type TruthRow } from './sections/regression.js';
export * from './paper-table.js';
export { docxTables, tableLabel, DOCX_STYLE, type DocxOptions } from './docx.js';
export {
  describeTable,
  correlationTable,
  type DescribeRow,
  type CorrelationTableInput,
  type StatTableOptions,
} from './descriptive-tables.js';
export { spatialEffectsTable } from './spatial-regression.js';
