/**
 * The workbench's building blocks (Preact components, written with `h`): errors, the busy line,
 * notes grouped by severity, figures with a data-table alternative, and tables — sortable from the
 * keyboard and virtualised when long.
 */
import { h, type ComponentChildren } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Note } from '../../core/notes.js';
import { NOTE_LABELS } from '../../report/note-labels.js';
import { noteText } from '../../report/i18n.js';
import type { ChartOption } from '../../report/charts/theme.js';
import type { ECharts } from '../echarts-lite.js';
import type { OptionControl } from '../../options/describe.js';
import type { ErrorInfo } from '../worker/protocol.js';
import { errorHint, errorText, untranslated } from './errors.js';
import { tr, type Key, type Lang } from './i18n.js';
import type { StepStatus } from './store.js';

export { h };

/** Format a number for a table cell: 4 decimals, exponent for very large or small values, — for missing. */
export function fmt(x: number | null | undefined, d = 4): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '—';
  return Math.abs(x) >= 1e6 || (x !== 0 && Math.abs(x) < 1e-3) ? x.toExponential(3) : x.toFixed(d);
}

/**
 * A p-value as papers print it: three decimals, and "< 0.001" below (a bootstrap p-value of 0 means
 * no replicate exceeded the statistic: "< 1/B" when the replications are known).
 */
export function fmtP(p: number | null | undefined, reps?: number): string {
  if (p === null || p === undefined || !Number.isFinite(p)) return '—';
  if (p === 0 && reps) return `< ${fmt(1 / reps, 4).replace(/0+$/, '')}`;
  if (p < 0.001) return '< 0.001';
  return p.toFixed(3);
}

/** The inline error of a step: where (file, row, column), what, and the fix — in the page's language. */
export function ErrorBox(props: { error?: ErrorInfo; lang: Lang }) {
  const e = props.error;
  if (!e) return null;
  const T = (k: Key, v?: Record<string, string | number>) => tr(k, props.lang, v);
  const where = [
    e.file,
    e.row !== undefined ? T('rowN', { n: e.row }) : undefined,
    e.column !== undefined ? T('columnN', { c: e.column }) : undefined,
  ]
    .filter(Boolean)
    .join(props.lang === 'zh' ? '，' : ', ');
  const hint = errorHint(e, props.lang);
  return h(
    'div',
    { class: 'error', role: 'alert', 'data-testid': 'error' },
    where ? h('strong', {}, `${where}${props.lang === 'zh' ? '：' : ': '}`) : null,
    errorText(e, props.lang),
    hint ? h('div', { class: 'hint' }, `${T('fix')}${props.lang === 'zh' ? '：' : ': '}${hint}`) : null,
    untranslated(e, props.lang)
      ? h(
          'details',
          {},
          h('summary', {}, T('errorDetails')),
          h('p', { lang: 'en' }, e.message, e.hint ? ` — ${e.hint}` : ''),
        )
      : null,
  );
}

/** The busy line of a step with its progress and a Cancel button; kept in view while it runs. */
export function Busy(props: { status?: StepStatus; lang: Lang; onCancel: () => void }) {
  const s = props.status;
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // A task started from the bottom of the sidebar must show its busy line and results where the user looks.
    ref.current?.scrollIntoView?.({ block: 'nearest' });
  }, [Boolean(s?.busy)]);
  if (!s?.busy)
    return s?.message ? h('p', { class: 'muted', role: 'status' }, tr(s.message, props.lang, s.messageArgs)) : null;
  const b = s.busy;
  const progress = b.stage && b.total ? ` · ${tr(`progress_${b.stage}` as Key, props.lang, { n: b.total })}` : '';
  return h(
    'div',
    { class: 'busy', role: 'status', 'data-testid': 'busy', ref },
    h('span', { class: 'spinner', 'aria-hidden': 'true' }),
    h('span', {}, `${b.label}${progress}`),
    ' ',
    h('button', { type: 'button', onClick: props.onCancel }, tr('cancel', props.lang)),
  );
}

/** The title and sentence of a note in `lang`. */
export function noteLine(n: Note, lang: Lang): string {
  const title = NOTE_LABELS[n.code];
  const text = lang === 'zh' ? noteText(n, 'zh') : n.message;
  const zhFallback = lang === 'zh' && text === n.message && /[A-Za-z]{3}/.test(text);
  // A note without a Chinese sentence shows its Chinese title; the English record stays in the XLSX and --json.
  return zhFallback ? `${title.zh ?? title.en}` : `${lang === 'zh' ? (title.zh ?? title.en) : title.en}: ${text}`;
}

/**
 * Every note, grouped by severity (warnings open, records folded), each once, with a count of the
 * rows left out when there are any.
 */
export function Notes(props: {
  notes: readonly Note[];
  lang: Lang;
  leftOut?: { rows: number; of: number };
  testid?: string;
}) {
  const { lang } = props;
  const seen = new Set<string>();
  const unique = props.notes.filter((n) => {
    const k = `${n.code}\u0000${n.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  const warnings = unique.filter((n) => n.level === 'warning');
  const infos = unique.filter((n) => n.level !== 'warning');
  if (!unique.length && !props.leftOut?.rows) return null;
  const list = (ns: Note[]) =>
    h(
      'ul',
      {},
      ns.map((n) => h('li', { 'data-code': n.code }, noteLine(n, lang))),
    );
  return h(
    'div',
    { class: 'notes', 'data-testid': props.testid ?? 'notes' },
    props.leftOut && props.leftOut.rows > 0
      ? h(
          'p',
          { class: 'left-out', 'data-testid': 'left-out' },
          tr('leftOut', lang, { n: props.leftOut.rows, of: props.leftOut.of }),
        )
      : null,
    warnings.length
      ? h(
          'details',
          { open: warnings.length <= 6, class: 'warn' },
          h('summary', {}, tr('warningsN', lang, { n: warnings.length })),
          list(warnings),
        )
      : null,
    infos.length
      ? h('details', { class: 'info' }, h('summary', {}, tr('recordsN', lang, { n: infos.length })), list(infos))
      : null,
  );
}

type Cell = string | number | null | undefined;

/**
 * A table. `sort` makes the headers buttons (keyboard: Tab, Enter); with more than `virtualAbove`
 * rows only the visible rows are in the page (rows of fixed height).
 */
export function Table(props: {
  header: readonly string[];
  rows: readonly (readonly Cell[])[];
  testid?: string;
  caption?: string;
  rowAttrs?: (i: number) => Record<string, string | number>;
  sort?: { key: number; desc: boolean; onSort: (k: number) => void; keys?: readonly number[] };
  virtualAbove?: number;
  bodyTestid?: string;
  digits?: number;
}) {
  const { rows } = props;
  const virtual = rows.length > (props.virtualAbove ?? Infinity);
  const ROW = 28;
  const [top, setTop] = useState(0);
  const HEIGHT = 440;
  const first = virtual ? Math.max(0, Math.floor(top / ROW) - 10) : 0;
  const last = virtual ? Math.min(rows.length, first + Math.ceil(HEIGHT / ROW) + 20) : rows.length;
  const cell = (c: Cell) =>
    typeof c === 'number'
      ? h('td', { class: 'num' }, Number.isInteger(c) ? String(c) : fmt(c, props.digits))
      : h('td', {}, c ?? '');
  const th = (c: string, k: number) => {
    const s = props.sort;
    if (!s || (s.keys && !s.keys.includes(k))) return h('th', { scope: 'col' }, c);
    const active = s.key === k;
    return h(
      'th',
      { scope: 'col', 'aria-sort': active ? (s.desc ? 'descending' : 'ascending') : 'none' },
      h(
        'button',
        { type: 'button', class: 'sort', onClick: () => s.onSort(k) },
        c,
        active ? (s.desc ? ' ▼' : ' ▲') : '',
      ),
    );
  };
  const body = [];
  if (virtual && first > 0)
    body.push(h('tr', { class: 'spacer', style: `height:${first * ROW}px`, 'aria-hidden': 'true' }));
  for (let i = first; i < last; i++) body.push(h('tr', { key: i, ...(props.rowAttrs?.(i) ?? {}) }, rows[i].map(cell)));
  if (virtual && last < rows.length)
    body.push(h('tr', { class: 'spacer', style: `height:${(rows.length - last) * ROW}px`, 'aria-hidden': 'true' }));
  const table = h(
    'table',
    { 'data-testid': props.testid, class: virtual ? 'virtual' : undefined },
    props.caption ? h('caption', {}, props.caption) : null,
    h('thead', {}, h('tr', {}, props.header.map(th))),
    h('tbody', { 'data-testid': props.bodyTestid }, body),
  );
  return h(
    'div',
    {
      class: 'scroll',
      style: virtual ? `max-height:${HEIGHT}px` : undefined,
      onScroll: virtual ? (e: Event) => setTop((e.currentTarget as HTMLElement).scrollTop) : undefined,
      tabIndex: virtual ? 0 : undefined,
    },
    table,
  );
}

/**
 * A chart of nqpf's chart module drawn live (ECharts, SVG renderer), with SVG/PNG downloads and its
 * data as a table for screen readers and keyboard users.
 */
export function Figure(props: {
  option: ChartOption;
  name: string;
  caption: string;
  lang: Lang;
  tooltip?: Record<string, unknown>;
  data?: { header: readonly string[]; rows: readonly (readonly Cell[])[] };
  children?: ComponentChildren;
}) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | undefined>(undefined);
  const { option } = props;
  useEffect(() => {
    let disposed = false;
    void import('./charts.js').then(({ drawChart }) => {
      if (disposed || !box.current) return;
      chart.current = drawChart(box.current, option, props.tooltip, chart.current);
    });
    return () => {
      disposed = true;
    };
  }, [option]);
  useEffect(() => () => chart.current?.dispose(), []);
  const save = (kind: 'svg' | 'png') => () =>
    void import('./charts.js').then(
      (c) =>
        chart.current &&
        (kind === 'svg' ? c.saveSvg(chart.current, props.name) : c.savePng(chart.current, props.name, option)),
    );
  return h(
    'figure',
    {},
    h(
      'figcaption',
      {},
      props.caption,
      ' ',
      h(
        'button',
        { type: 'button', class: 'small', onClick: save('svg'), 'aria-label': `${props.caption}: SVG` },
        'SVG',
      ),
      h(
        'button',
        { type: 'button', class: 'small', onClick: save('png'), 'aria-label': `${props.caption}: PNG` },
        'PNG',
      ),
    ),
    h('div', {
      ref: box,
      class: 'chart',
      'data-testid': 'chart',
      'data-chart': props.name,
      role: 'img',
      'aria-label': props.caption,
      style: `height:${option.height}px;max-width:${option.width}px`,
    }),
    props.data
      ? h(
          'details',
          { class: 'chart-data' },
          h('summary', {}, tr('chartData', props.lang)),
          h(Table, { header: props.data.header, rows: props.data.rows, testid: `${props.name}-data` }),
        )
      : null,
    props.children,
  );
}

/** A labelled select of `choices` (value and text). */
export function Select(props: {
  id: string;
  label: string;
  value: string;
  choices: readonly (readonly [string, string])[];
  onChange: (v: string) => void;
  testid?: string;
}) {
  return h(
    'div',
    { class: 'field' },
    h('label', { for: props.id }, props.label),
    h(
      'select',
      {
        id: props.id,
        'data-testid': props.testid ?? props.id,
        value: props.value,
        onChange: (e: Event) => props.onChange((e.currentTarget as HTMLSelectElement).value),
      },
      props.choices.map(([v, t]) => h('option', { value: v, selected: v === props.value }, t)),
    ),
  );
}

/**
 * The control of one option of the catalog (src/options): a select for a choice (an open choice
 * also offers the catalog's example, e.g. `entropy+critic`), a checkbox, or a number field; label
 * and help from the catalog in the page's language.
 */
export function OptionField(props: {
  control: OptionControl;
  id?: string;
  value: unknown;
  onChange: (v: unknown) => void;
}) {
  const c = props.control;
  const id = props.id ?? c.key;
  if (c.kind === 'boolean')
    return h(
      'label',
      { class: 'check', title: c.help },
      h('input', {
        type: 'checkbox',
        id,
        'data-testid': id,
        checked: props.value === true,
        onChange: (e: Event) => props.onChange((e.currentTarget as HTMLInputElement).checked),
      }),
      ' ',
      c.label,
    );
  if (c.kind === 'choice') {
    const choices = (c.choices ?? []).map((x) => [x.value, x.label] as const);
    const value = String(props.value ?? c.default ?? '');
    const extra = [c.open && c.example ? c.example : undefined, value]
      .filter((v): v is string => Boolean(v) && !choices.some(([x]) => x === v))
      .map((v) => [v, v] as const);
    return h(Select, { id, label: c.label, value, choices: [...choices, ...extra], onChange: props.onChange });
  }
  if (c.kind === 'numbers')
    return h(
      'div',
      { class: 'field', title: c.help },
      h('label', { for: id }, c.label),
      h('input', {
        id,
        'data-testid': id,
        value: Array.isArray(props.value) ? props.value.join(', ') : (c.example ?? ''),
        onChange: (e: Event) =>
          props.onChange(
            (e.currentTarget as HTMLInputElement).value
              .split(/[,，\s]+/)
              .filter(Boolean)
              .map(Number),
          ),
      }),
    );
  return h(
    'div',
    { class: 'field', title: c.help },
    h('label', { for: id }, c.label),
    h('input', {
      id,
      'data-testid': id,
      type: c.kind === 'number' || c.kind === 'integer' ? 'number' : 'text',
      step: c.kind === 'integer' ? 1 : 'any',
      min: c.min,
      max: c.max,
      value: props.value === undefined ? '' : String(props.value),
      placeholder: c.example ?? c.defaultText ?? '',
      onChange: (e: Event) => {
        const t = (e.currentTarget as HTMLInputElement).value;
        props.onChange(c.kind === 'number' || c.kind === 'integer' ? (t === '' ? undefined : Number(t)) : t);
      },
    }),
  );
}

/** The equivalent command line. */
export function CliLine(props: { line?: string; label: string; testid?: string }) {
  if (!props.line) return null;
  return h(
    'div',
    { class: 'cli' },
    h('div', { class: 'muted small' }, props.label),
    h('code', { 'data-testid': props.testid ?? 'cli-line' }, props.line),
  );
}

/** A debounced value: follows `value` after `ms` without a change. */
export function useDebounced<T>(value: T, ms: number): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setV(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return v;
}

/** `useMemo` re-exported for the steps. */
export { useMemo, useRef, useState, useEffect };
