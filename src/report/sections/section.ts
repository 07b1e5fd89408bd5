import type { Lang } from '../../core/label.js';
import type { Panel } from '../../data/panel.js';
import type { Block, ReportSection } from '../blocks.js';
import { txt, type Text } from '../charts/theme.js';
import { t } from '../i18n.js';

/** Options of the sections that show one dataset. */
export interface SectionOptions {
  readonly lang?: Lang;
  /** Section id (default derived from the stage and dataset name). */
  readonly id?: string;
  readonly title?: Text;
  /** Display names of systems, variables or groups, by id. */
  readonly names?: Readonly<Record<string, Text>>;
}

/** Section id from a stage and a dataset name, made safe for an HTML id. */
export function sectionId(stage: string, dataset: string): string {
  return `${stage}-${dataset}`.replace(/[^A-Za-z0-9_-]/g, '-');
}

/**
 * A section of one dataset: id `<stage>-<dataset>`, title "<term> — <dataset title>" unless the
 * options give them, and `datasetName` set so that the banner and citation follow the dataset.
 */
export function datasetSection(stage: string, titleKey: string, panel: Panel, options: SectionOptions, blocks: Block[]): ReportSection {
  const lang = options.lang ?? 'en';
  return {
    id: options.id ?? sectionId(stage, panel.meta.name),
    title: options.title ?? `${t(titleKey, lang)} — ${txt(panel.meta.title ?? panel.meta.name, lang)}`,
    datasetName: panel.meta.name,
    blocks,
  };
}
