/**
 * `--out DIR` of every command: the command's tables as CSV (UTF-8 with BOM) and as one XLSX
 * workbook (with a notes sheet), its charts as SVG and PNG, and an HTML report of its sections — the
 * same sections and charts as `nqpf demo` (src/report/sections). Every file is written atomically.
 */
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { labelText, type Label, type Lang } from '../core/label.js';
import type { Note } from '../core/notes.js';
import type { Panel } from '../data/panel.js';
import { writeFileAtomic } from '../io/atomic.js';
import { writeXlsx } from '../io/xlsx.js';
import type { Block, ReportDataset, ReportSection } from '../report/blocks.js';
import { renderReport } from '../report/document.js';
import { reportDataset } from '../report/sections/measure.js';
import { mechanismSection } from '../report/sections/mechanism.js';
import { wenYeText } from '../report/mediation-text.js';
import type { MediationResult } from '../explain/mechanisms/mediation.js';
import type { ThresholdResult } from '../explain/mechanisms/threshold.js';
import { writeTables } from './common.js';
import { paperTableFromBlock, sourceNote, type PaperTable } from '../report/paper-table.js';
import { writeDocxTables } from './table-files.js';

/** Fonts for deterministic PNGs: DejaVu Sans (Latin) and Droid Sans Fallback (CJK), where installed (.ci/run installs them). */
export const PNG_FONT_FILES = [
  '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf',
  '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf',
  '/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf',
];

/** What a command writes with `--out`. */
export interface CommandOutputs {
  /** Tables, first row = header: `<name>.csv` each, and one sheet each in `<command>.xlsx`. */
  readonly tables: Readonly<Record<string, readonly (readonly unknown[])[]>>;
  /** Report sections (figures become `charts/*.svg` and `.png`); none → no index.html. */
  readonly sections?: readonly ReportSection[];
  readonly panel: Panel;
  readonly notes: readonly Note[];
  readonly title: Label;
  readonly lang?: Lang;
  /** Write PNGs beside the SVGs (default true). */
  readonly png?: boolean;
  /** Publication tables for tables.docx before those of the sections (e.g. a regression table). */
  readonly paperTables?: readonly PaperTable[];
}

/** Rows a table of tables.docx holds before it refers to the XLSX for the rest (Word slows down on long tables). */
export const DOCX_TABLE_ROWS = 500;

/**
 * A table cut to {@link DOCX_TABLE_ROWS} rows, with a note naming the workbook that holds all of them
 * (Word slows down on long tables).
 */
export function capPaperTable(t: PaperTable, workbook: string, lang: Lang): PaperTable {
  if (t.rows.length <= DOCX_TABLE_ROWS) return t;
  const more =
    lang === 'zh'
      ? `表中列出前 ${DOCX_TABLE_ROWS} 行，共 ${t.rows.length} 行；完整表格见 ${workbook}。`
      : `The first ${DOCX_TABLE_ROWS} of ${t.rows.length} rows; the full table is in ${workbook}.`;
  return { ...t, rows: t.rows.slice(0, DOCX_TABLE_ROWS), notes: [...t.notes, more] };
}

/**
 * The publication tables of `sections` (every `table`, `grid` and `tree` block) with the source line
 * of the section's dataset under each (`data`: the one panel, or the datasets of a report of several).
 */
export function sectionPaperTables(
  sections: readonly ReportSection[],
  data: Panel | readonly ReportDataset[],
  lang: Lang,
): PaperTable[] {
  const datasets = Array.isArray(data) ? (data as readonly ReportDataset[]) : [reportDataset(data as Panel)];
  const out: PaperTable[] = [];
  for (const s of sections) {
    const d = datasets.find((x) => x.name === s.datasetName) ?? (datasets.length === 1 ? datasets[0] : undefined);
    const source = d ? sourceNote(d, lang) : undefined;
    for (const b of s.blocks) {
      const t = paperTableFromBlock(b, lang);
      if (!t || t.rows.length === 0) continue;
      const cite = source && b.kind !== 'tree' && (b as { citation?: boolean }).citation !== false;
      out.push({ ...t, title: t.title || labelText(s.title, lang), notes: [...t.notes, ...(cite ? [source] : [])] });
    }
  }
  return out;
}

/**
 * Write tables.docx (Word, three-line tables) into `dir`, long tables cut with a note naming
 * `workbook`; returns its name, or nothing without tables.
 */
export async function writeTablesDocx(
  dir: string,
  tables: readonly PaperTable[],
  lang: Lang,
  heading: string,
  workbook: string,
): Promise<string[]> {
  if (!tables.length) return [];
  await writeDocxTables(
    dir,
    'tables',
    tables.map((t) => capPaperTable(t, workbook, lang)),
    lang,
    heading,
  );
  return ['tables.docx'];
}

/** Render an SVG string to PNG with resvg and nqpf's font files (system fonts only as a fallback). */
export async function svgToPng(svg: string, scale = 2): Promise<Uint8Array> {
  const { Resvg } = await import('@resvg/resvg-js');
  const fontFiles = PNG_FONT_FILES.filter((f) => existsSync(f));
  const r = new Resvg(svg, {
    font: {
      fontFiles,
      loadSystemFonts: fontFiles.length === 0,
      defaultFontFamily: 'DejaVu Sans',
      sansSerifFamily: 'DejaVu Sans',
    },
    fitTo: { mode: 'zoom', value: scale },
    background: '#ffffff',
  });
  return r.render().asPng();
}

/** Rows a report table shows before it refers to the XLSX for the rest. */
export const REPORT_TABLE_ROWS = 50;

type TableBlock = Extract<Block, { kind: 'table' }>;

/**
 * Report tables longer than {@link REPORT_TABLE_ROWS} show their first rows and a note; the full
 * tables are returned as XLSX sheets (header = the column labels).
 */
export function capTables(
  sections: readonly ReportSection[],
  workbook: string,
  lang: Lang,
): { sections: ReportSection[]; sheets: { name: string; rows: unknown[][] }[] } {
  const sheets: { name: string; rows: unknown[][] }[] = [];
  const capped = sections.map((s) => ({
    ...s,
    blocks: s.blocks.map((b, k): Block => {
      if (b.kind !== 'table' || b.rows.length <= REPORT_TABLE_ROWS) return b;
      const t = b as TableBlock;
      const name = `${s.id}-${k + 1}`.slice(-31);
      const cell = (v: unknown) =>
        v !== null && typeof v === 'object' && 'en' in (v as object) ? labelText(v as Label, lang) : v;
      sheets.push({
        name,
        rows: [
          t.columns.map((c) => labelText(c.label, lang)),
          ...t.rows.map((r) => t.columns.map((c) => cell(r[c.key]))),
        ],
      });
      const more =
        lang === 'zh'
          ? `表中显示前 ${REPORT_TABLE_ROWS} 行，共 ${t.rows.length} 行；完整表格见 ${workbook} 的工作表“${name}”。`
          : `The first ${REPORT_TABLE_ROWS} of ${t.rows.length} rows; the full table is sheet "${name}" of ${workbook}.`;
      const note = t.note === undefined ? more : `${labelText(t.note, lang)} ${more}`;
      return { ...t, rows: t.rows.slice(0, REPORT_TABLE_ROWS), note };
    }),
  }));
  return { sections: capped, sheets };
}

function figures(blocks: readonly Block[]): { svg: string }[] {
  return blocks.filter((b): b is Extract<Block, { kind: 'figure' }> => b.kind === 'figure');
}

/**
 * Write a command's outputs into `dir` and return the paths written (relative to `dir`): the
 * tables as CSV and XLSX, every figure of the sections as `charts/<section>-<k>.svg` (+ `.png`), and
 * `index.html`, the report of the sections.
 */
export async function writeCommandOutputs(dir: string, command: string, out: CommandOutputs): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const lang = out.lang ?? 'en';
  const written = await writeTables(dir, out.tables as Record<string, readonly (readonly unknown[])[]>);
  const notesSheet = [['level', 'code', 'message'], ...out.notes.map((n) => [n.level, n.code, n.message])];
  const { sections, sheets } = capTables(out.sections ?? [], `${command}.xlsx`, lang);
  await writeXlsx(path.join(dir, `${command}.xlsx`), [
    ...Object.entries(out.tables).map(([name, rows]) => ({ name: name.slice(0, 31), rows: rows as unknown[][] })),
    ...sheets.filter((s) => !(s.name in out.tables)),
    { name: 'notes', rows: notesSheet },
  ] as Parameters<typeof writeXlsx>[1]);
  written.push(`${command}.xlsx`);
  const heading = `nqpf ${command}: ${labelText(out.title, lang)}`;
  written.push(
    ...(await writeTablesDocx(
      dir,
      [...(out.paperTables ?? []), ...sectionPaperTables(out.sections ?? [], out.panel, lang)],
      lang,
      heading,
      `${command}.xlsx`,
    )),
  );
  if (sections.length === 0) return written;
  let charts = 0;
  for (const s of sections) {
    const figs = figures(s.blocks);
    for (let k = 0; k < figs.length; k++) {
      if (charts === 0) await mkdir(path.join(dir, 'charts'), { recursive: true });
      const base = path.join('charts', `${s.id}-${k + 1}`);
      await writeFileAtomic(path.join(dir, `${base}.svg`), figs[k].svg);
      written.push(`${base}.svg`);
      if (out.png !== false) {
        await writeFileAtomic(path.join(dir, `${base}.png`), await svgToPng(figs[k].svg));
        written.push(`${base}.png`);
      }
      charts++;
    }
  }
  const html = renderReport({
    title: { en: `nqpf ${command}: ${out.title.en}`, zh: `nqpf ${command}：${out.title.zh ?? out.title.en}` },
    subtitle: out.panel.meta.title ?? out.panel.meta.name,
    lang,
    datasets: [reportDataset(out.panel)],
    sections: [...sections],
    footer: { en: `Generated by nqpf ${command}`, zh: `由 nqpf ${command} 生成` },
  });
  await writeFileAtomic(path.join(dir, 'index.html'), html);
  written.push('index.html');
  return written;
}

/** `--out` of `mediate` and `threshold`: one table row set per sample (`--by` groups), the mechanism section per sample. */
export async function writeMechanismOutputs(
  dir: string,
  command: 'mediate' | 'threshold',
  run: {
    readonly panel: Panel;
    readonly by?: string;
    readonly results: readonly {
      readonly group: string;
      readonly notes: readonly Note[];
      readonly result: MediationResult | ThresholdResult;
    }[];
  },
  lang: Lang,
): Promise<string[]> {
  const g = (group: string) => (run.by ? [group] : []);
  const gh = run.by ? ['group'] : [];
  const notes = run.results.flatMap((r) => [...r.notes, ...r.result.notes]);
  const sections = run.results.map((r) =>
    mechanismSection(
      command === 'mediate' ? { mediation: r.result as MediationResult } : { threshold: r.result as ThresholdResult },
      {
        lang,
        datasetName: run.panel.meta.name,
        id: `${command}${run.by ? `-${r.group}` : ''}`.replace(/[^A-Za-z0-9_-]/g, '-'),
        title: run.by
          ? `${command === 'mediate' ? (lang === 'zh' ? '中介效应' : 'Mediation') : lang === 'zh' ? '门槛效应' : 'Threshold'}: ${run.by} = ${r.group}`
          : undefined,
      },
    ),
  );
  let tables: Record<string, unknown[][]>;
  if (command === 'mediate') {
    const res = run.results as readonly { group: string; result: MediationResult }[];
    tables = {
      'mediation-paths': [
        [...gh, 'path', 'estimate', 'std_error', 'p_value'],
        ...res.flatMap((r) =>
          [r.result.total, ...r.result.xToM, ...r.result.mToY, ...r.result.mToM, r.result.direct].map((p) => [
            ...g(r.group),
            p.path,
            p.estimate,
            p.stdError,
            p.pValue,
          ]),
        ),
      ],
      'mediation-indirect': [
        [
          ...gh,
          'mediator',
          'estimate',
          'ci_low',
          'ci_high',
          'bc_low',
          'bc_high',
          'boot_se',
          'sobel_z',
          'sobel_p',
          'share',
          'verdict',
        ],
        ...res.flatMap((r) =>
          r.result.indirect.map((e) => [
            ...g(r.group),
            e.mediator,
            e.estimate,
            e.ciLow,
            e.ciHigh,
            e.bcLow,
            e.bcHigh,
            e.bootSe,
            e.sobelZ,
            e.sobelP,
            e.share,
            wenYeText(e.verdict, lang),
          ]),
        ),
      ],
    };
  } else {
    const res = run.results as readonly { group: string; result: ThresholdResult }[];
    tables = {
      'threshold-estimates': [
        [...gh, 'order', 'gamma', 'ci_low', 'ci_high', 'F', 'p_value'],
        ...res.flatMap((r) =>
          r.result.thresholds.map((t) => [...g(r.group), t.order, t.estimate, t.ciLow, t.ciHigh, t.F, t.pValue]),
        ),
      ],
      'threshold-coefficients': [
        [...gh, 'term', 'estimate', 'std_error', 'statistic', 'p_value'],
        ...res.flatMap((r) =>
          r.result.coefficients.map((c) => [...g(r.group), c.term, c.estimate, c.stdError, c.statistic, c.pValue]),
        ),
      ],
    };
  }
  const title =
    command === 'mediate'
      ? { en: 'mediation', zh: '中介效应检验' }
      : { en: 'panel threshold model', zh: '面板门槛模型' };
  return writeCommandOutputs(dir, command, { panel: run.panel, notes, lang, title, tables, sections });
}
