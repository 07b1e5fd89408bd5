// @vitest-environment happy-dom
/**
 * The workbench's views under a DOM emulator (happy-dom): notes reach the user grouped by severity
 * with the rows left out, tables sort from the keyboard and keep focus, errors name the page's
 * controls (not CLI flags) and speak Chinese, the catalog's options become controls, and a failed
 * measurement leaves no ranking behind.
 */
import { render, type ComponentChild } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import type { Note } from '../../src/core/notes.js';
import { MEASURE_OPTIONS, optionControls } from '../../src/options/index.js';
import { ErrorBox, Notes, OptionField, Table, fmtP, h } from '../../src/web/app/ui.js';
import { initialState, Store } from '../../src/web/app/store.js';
import type { App } from '../../src/web/app/context.js';
import { MeasureStep } from '../../src/web/steps/measure.js';
import { EngineClient } from '../../src/web/app/engine-client.js';

let root: HTMLElement;
function mount(vnode: ComponentChild): HTMLElement {
  root = document.createElement('div');
  document.body.append(root);
  act(() => render(vnode, root));
  return root;
}
afterEach(() => {
  render(null, root);
  root.remove();
});

const note = (level: 'warning' | 'info', code: Note['code'], message: string): Note => ({ level, code, message });

describe('workbench views (happy-dom)', () => {
  it('every note reaches the user, warnings first and open, each once, with the rows left out', () => {
    const notes = [
      note(
        'info',
        'imputed',
        'column "rd": imputed 3 cells by linear interpolation within entity (nearest value at the ends)',
      ),
      note(
        'warning',
        'dropped-rows',
        '5 of 20 rows have a missing indicator and are left out of the index (impute first to keep them, e.g. --impute linear): A 2020',
      ),
      note(
        'warning',
        'dropped-rows',
        '5 of 20 rows have a missing indicator and are left out of the index (impute first to keep them, e.g. --impute linear): A 2020',
      ),
      ...Array.from({ length: 10 }, (_, i) => note('info', 'header-rows', `note ${i}`)),
    ];
    const el = mount(h(Notes, { notes, lang: 'en', leftOut: { rows: 5, of: 20 } }));
    expect(el.querySelector('[data-testid=left-out]')?.textContent).toMatch(/^5 of 20 rows are left out/);
    const groups = Array.from(el.querySelectorAll('details'));
    expect(groups.map((d) => d.className)).toEqual(['warn', 'info']);
    expect(groups[0].open).toBe(true);
    expect(groups[0].querySelectorAll('li').length).toBe(1);
    expect(groups[1].querySelectorAll('li').length).toBe(11);
    expect(groups[0].querySelector('summary')?.textContent).toBe('Warnings (1)');
    // In Chinese, the note's sentence in Chinese (a note without one shows its Chinese title).
    render(null, root);
    const zh = mount(h(Notes, { notes, lang: 'zh' }));
    expect(zh.textContent).toContain('20 行中有 5 行存在缺失指标');
    expect(zh.textContent).toContain('已插补单元格');
  });

  it('sortable headers are buttons: Enter sorts, focus stays on the header', () => {
    let sort = { key: 0, desc: false };
    const draw = () =>
      h(Table, {
        header: ['Rank', 'Entity'],
        rows: [
          [1, 'b'],
          [2, 'a'],
        ],
        sort: {
          ...sort,
          onSort: (k: number) => (
            (sort = { key: k, desc: sort.key === k ? !sort.desc : false }),
            act(() => render(draw(), root))
          ),
        },
      });
    const el = mount(draw());
    const button = el.querySelectorAll<HTMLButtonElement>('th button.sort')[1];
    button.focus();
    act(() => button.click());
    expect(sort.key).toBe(1);
    expect(document.activeElement).toBe(el.querySelectorAll('th button.sort')[1]);
    expect(el.querySelectorAll('th')[1].getAttribute('aria-sort')).toBe('ascending');
  });

  it('a long table is virtualised: only the visible rows are in the page', () => {
    const rows = Array.from({ length: 3000 }, (_, i) => [i + 1, `firm ${i}`]);
    const el = mount(h(Table, { header: ['Rank', 'Firm'], rows, virtualAbove: 200, bodyTestid: 'body' }));
    const shown = el.querySelectorAll('[data-testid=body] tr:not(.spacer)').length;
    expect(shown).toBeGreaterThan(10);
    expect(shown).toBeLessThan(60);
  });

  it('errors name the page’s controls instead of CLI flags, in English and Chinese', () => {
    const error = {
      message: 'entropy weights need non-negative normalised values, but indicator "rd" has -1.2',
      hint: 'z-scores are negative: use --normalize minmax (or minmax-shift/minmax-range) with entropy weights, or --weights critic',
      column: 'rd',
      input: true,
    };
    const en = mount(h(ErrorBox, { error, lang: 'en' }));
    expect(en.textContent).toContain('the Normalisation choice in step 3');
    expect(en.textContent).not.toContain('--normalize');
    render(null, root);
    const zh = mount(h(ErrorBox, { error, lang: 'zh' }));
    expect(zh.textContent).toContain('熵值法要求标准化值非负');
    expect(zh.textContent).toContain('列“rd”');
  });

  it('the measure controls are the option catalog’s, with its labels', () => {
    const controls = optionControls(MEASURE_OPTIONS, 'zh');
    const weights = controls.find((c) => c.key === 'weights')!;
    let value: unknown;
    const el = mount(h(OptionField, { control: weights, value: 'entropy', onChange: (v) => (value = v) }));
    expect(el.querySelector('label')?.textContent).toBe('权重');
    const options = Array.from(el.querySelectorAll('option'), (o) => o.value);
    expect(options).toContain('critic');
    expect(options).toContain('entropy+critic');
    const select = el.querySelector('select')!;
    select.value = 'critic';
    act(() => {
      select.dispatchEvent(new Event('change'));
    });
    expect(value).toBe('critic');
  });

  it('p-values: never a bare 0 from a bootstrap', () => {
    expect(fmtP(0, 300)).toBe('< 0.0033');
    expect(fmtP(0.0004)).toBe('< 0.001');
    expect(fmtP(0.0421)).toBe('0.042');
  });

  it('a failed measurement leaves no ranking of other settings on screen', async () => {
    const store = new Store(initialState('en'));
    const app: App = { store, engine: new EngineClient(() => ({}) as Worker) };
    const el = mount(h(MeasureStep, { app }));
    expect(el.querySelector('[data-testid=measure-results]')).toBeNull();
    expect(el.querySelector('#weights')).not.toBeNull();
    act(() => store.status('measure', { error: { message: 'measure failed', input: true } }));
    expect(el.querySelector('[data-testid=error]')?.textContent).toContain('measure failed');
    expect(el.querySelectorAll('[data-testid=ranking-table] tr').length).toBe(0);
  });
});
