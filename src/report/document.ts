import type { Lang } from '../core/label.js';
import { datasetText, type ReportDataset, type ReportSection } from './blocks.js';
import { txt, type Text } from './charts/theme.js';
import { CSS } from './document-styles.js';
import { escapeHtml } from './html.js';
import { t } from './i18n.js';
import { renderBlock, type Context } from './render-blocks.js';

/** Input of {@link renderReport}. */
export interface ReportInput {
  readonly title: Text;
  readonly subtitle?: Text;
  /** Language of built-in words and of {@link Label} texts (default English). */
  readonly lang?: Lang;
  /** Every dataset a section refers to; cited in the sources section. */
  readonly datasets: readonly ReportDataset[];
  readonly sections: readonly ReportSection[];
  /** Free text for the footer, e.g. the nqpf version and the command that produced the report. */
  readonly footer?: Text;
}

const SECTION_ID = /^[A-Za-z][A-Za-z0-9_-]*$/;

/**
 * One self-contained HTML document: inline CSS and inline SVG, no scripts, fonts or URLs to fetch,
 * so it opens offline and prints cleanly. It has a table of contents, a red SIMULATED DATA banner on
 * every section that shows a simulated dataset, the dataset citation under each figure and table
 * of a section, and a sources section. All text is escaped; SVG figures are inserted as they are
 * (they must come from the chart functions) with their ids made unique per figure.
 *
 * @throws RangeError on a bad or duplicate section id, a section naming an unknown dataset, or a
 * figure that is not an `<svg>` element.
 */
export function renderReport(input: ReportInput): string {
  const lang = input.lang ?? 'en';
  const datasets = new Map(input.datasets.map((d) => [d.name, d]));
  const ids = new Set<string>(['sources', 'contents']);
  for (const s of input.sections) {
    if (!SECTION_ID.test(s.id))
      throw new RangeError(
        `renderReport: section id "${s.id}" must start with a letter and use only letters, digits, "-" and "_"`,
      );
    if (ids.has(s.id)) throw new RangeError(`renderReport: duplicate section id "${s.id}"`);
    ids.add(s.id);
    if (s.datasetName !== undefined && !datasets.has(s.datasetName)) {
      throw new RangeError(
        `renderReport: section "${s.id}" names dataset "${s.datasetName}", which is not in datasets (${[...datasets.keys()].join(', ')})`,
      );
    }
  }
  const ctx: Context = { lang, figure: 0, table: 0 };
  const title = txt(input.title, lang);
  const toc = [
    ...input.sections.map(
      (s, i) =>
        `<li><a href="#${s.id}">${i + 1}. ${escapeHtml(txt(s.title, lang))}</a>${isSimulated(s, datasets) ? ` <span class="badge sim">${escapeHtml(t('simulatedBadge', lang))}</span>` : ''}</li>`,
    ),
    `<li><a href="#sources">${input.sections.length + 1}. ${escapeHtml(t('sources', lang))}</a></li>`,
  ].join('\n');
  const body = input.sections
    .map((s, i) => renderSection(s, i + 1, datasets.get(s.datasetName ?? ''), isSimulated(s, datasets), ctx))
    .join('\n');
  const datasetBadges = input.datasets
    .map(
      (d) =>
        `<li>${escapeHtml(datasetText(d, 'title', lang)!)} <code>${escapeHtml(d.name)}</code> <span class="badge ${d.simulated ? 'sim' : d.citation ? 'real' : 'user'}">${escapeHtml(t(d.simulated ? 'simulatedBadge' : d.citation ? 'realBadge' : 'userBadge', lang))}</span></li>`,
    )
    .join('\n');
  return `<!DOCTYPE html>
<html lang="${lang === 'zh' ? 'zh-CN' : 'en'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${CSS}</style>
</head>
<body>
<header>
<h1>${escapeHtml(title)}</h1>
${input.subtitle !== undefined ? `<p class="subtitle">${escapeHtml(txt(input.subtitle, lang))}</p>` : ''}
<p class="datasets-head">${escapeHtml(t('datasets', lang))}:</p>
<ul class="datasets">${datasetBadges}</ul>
</header>
<nav id="contents">
<h2>${escapeHtml(t('contents', lang))}</h2>
<ol>
${toc}
</ol>
</nav>
<main>
${body}
${renderSources(input.datasets, input.sections.length + 1, lang)}
</main>
<footer>${escapeHtml(input.footer !== undefined ? txt(input.footer, lang) : t('generatedBy', lang))}</footer>
</body>
</html>
`;
}

function isSimulated(s: ReportSection, datasets: ReadonlyMap<string, ReportDataset>): boolean {
  return s.simulated ?? (s.datasetName !== undefined && datasets.get(s.datasetName)!.simulated);
}

function renderSection(
  s: ReportSection,
  n: number,
  dataset: ReportDataset | undefined,
  simulated: boolean,
  ctx: Context,
): string {
  const banner = simulated
    ? `<div class="sim-banner" role="note"><strong>SIMULATED DATA</strong>${ctx.lang === 'zh' ? '（模拟数据）' : ''} — ${escapeHtml(t('simulatedBanner', ctx.lang))}</div>`
    : '';
  const blocks = s.blocks.map((b) => renderBlock(b, dataset, simulated, ctx)).join('\n');
  return `<section id="${s.id}"${simulated ? ' class="simulated"' : ''}>
<h2>${n}. ${escapeHtml(txt(s.title, ctx.lang))}</h2>
${banner}
${blocks}
</section>`;
}

function renderSources(datasets: readonly ReportDataset[], n: number, lang: Lang): string {
  const items = datasets
    .map((d) => {
      const cite = datasetText(d, 'citation', lang) ?? (d.simulated ? t('simulatedSource', lang) : '');
      const lic = datasetText(d, 'licence', lang);
      const licence = lic
        ? ` ${escapeHtml(t('licence', lang))}${lang === 'zh' ? '：' : ': '}${escapeHtml(lic)}${lang === 'zh' ? '。' : '.'}`
        : '';
      const sim = d.simulated ? ` <span class="badge sim">${escapeHtml(t('simulatedBadge', lang))}</span>` : '';
      return `<li><strong>${escapeHtml(datasetText(d, 'title', lang)!)}</strong> (<code>${escapeHtml(d.name)}</code>)${sim}. ${escapeHtml(cite)}${licence}</li>`;
    })
    .join('\n');
  return `<section id="sources">
<h2>${n}. ${escapeHtml(t('sources', lang))}</h2>
<ul class="sources">
${items}
</ul>
</section>`;
}
