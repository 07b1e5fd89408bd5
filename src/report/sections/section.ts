import type { Label, Lang } from '../../core/label.js';
import type { Dimension, Framework } from '../../framework/types.js';
import type { Panel } from '../../data/panel.js';
import { datasetText, type Block, type ReportSection } from '../blocks.js';
import type { Text } from '../charts/theme.js';
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
export function datasetSection(
  stage: string,
  titleKey: string,
  panel: Panel,
  options: SectionOptions,
  blocks: Block[],
): ReportSection {
  const lang = options.lang ?? 'en';
  return {
    id: options.id ?? sectionId(stage, panel.meta.name),
    title: options.title ?? `${t(titleKey, lang)} — ${datasetText(panel.meta, 'title', lang)}`,
    datasetName: panel.meta.name,
    blocks,
  };
}

/**
 * Display names of a framework's systems, dimensions (at any depth) and indicators by id, for the
 * `names` option of the stage sections (e.g. coupled systems, the headline index). On an id used
 * twice, the system wins over a dimension and a dimension over an indicator.
 */
export function frameworkNames(framework: Framework): Record<string, Label> {
  const names: Record<string, Label> = {};
  const dims = (ds: readonly Dimension[]) => {
    for (const d of ds) {
      for (const i of d.indicators ?? []) names[i.id] ??= i.name;
      dims(d.dimensions ?? []);
    }
    for (const d of ds) names[d.id] = d.name;
  };
  for (const s of framework.systems) dims(s.dimensions);
  for (const s of framework.systems) names[s.id] = s.name;
  return names;
}
