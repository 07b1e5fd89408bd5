/**
 * Step 5, export: everything here comes from the last successful run (`state.run`) and the analyses
 * made on it — never from controls changed since — so the files of one download belong together.
 */
import { stringify as toYaml } from 'yaml';
import { formatCsv } from '../../data/csv.js';
import { formatProject, measureCommand } from '../../run/project-file.js';
import { download } from '../app/dom.js';
import { task, type App } from '../app/context.js';
import { tr, type Key } from '../app/i18n.js';
import { useStore, type Run } from '../app/store.js';
import { Busy, CliLine, ErrorBox, h } from '../app/ui.js';

function scoreRows(run: Run, entityColumn: string, periodColumn: string): unknown[][] {
  const scores = run.view.json.scores;
  const dims = [...new Set(scores.flatMap((s) => Object.keys(s.dimensions)))];
  return [
    [entityColumn, periodColumn, 'system', 'index', 'rank', ...dims],
    ...scores.map((s) => [s.entity, s.period, s.system, s.index, s.rank, ...dims.map((k) => s.dimensions[k] ?? '')]),
  ];
}

export function ExportStep(props: { app: App }) {
  const { app } = props;
  const [lang, run, status, data, framework, frameworkBuiltin, requests] = useStore(app.store, (s) => [
    s.lang,
    s.run,
    s.status.export,
    s.data,
    s.framework,
    s.frameworkBuiltin,
    s.requests,
  ]);
  const T = (k: Key, v?: Record<string, string | number>) => tr(k, lang, v);
  const xlsx = async () => {
    const blob = await task(app, 'export', 'exporting', () => app.engine.call('xlsx', { lang }));
    if (blob) download('scores.xlsx', blob);
  };
  const report = async () => {
    const html = await task(app, 'export', 'exporting', (p) =>
      app.engine.call('report', { lang, analyses: requests }, p),
    );
    if (html) download('nqpf-report.html', html, 'text/html;charset=utf-8');
  };
  const r = run;
  return h(
    'div',
    { class: 'results export' },
    h(ErrorBox, { error: status?.error, lang }),
    h(Busy, { status, lang, onCancel: () => app.engine.cancel() }),
    !r ? h('p', {}, T('measureFirst')) : h('p', { class: 'muted' }, T('exportFromRun', { n: requests.length })),
    h(
      'div',
      { class: 'buttons' },
      h(
        'button',
        { type: 'button', 'data-testid': 'export-xlsx', disabled: !r, onClick: () => void xlsx() },
        T('exportXlsx'),
      ),
      h(
        'button',
        {
          type: 'button',
          'data-testid': 'export-scores-csv',
          disabled: !r,
          onClick: () =>
            r &&
            data &&
            download(
              'scores.csv',
              '\uFEFF' + formatCsv(scoreRows(r, data.entityColumn, data.periodColumn)),
              'text/csv;charset=utf-8',
            ),
        },
        T('exportScoresCsv'),
      ),
      h(
        'button',
        {
          type: 'button',
          'data-testid': 'export-weights-csv',
          disabled: !r,
          onClick: () =>
            r && download('weights.csv', '\uFEFF' + formatCsv(r.view.weightRows), 'text/csv;charset=utf-8'),
        },
        T('exportWeightsCsv'),
      ),
      h(
        'button',
        { type: 'button', 'data-testid': 'export-report', disabled: !r, onClick: () => void report() },
        T('exportReport'),
      ),
      h(
        'button',
        {
          type: 'button',
          'data-testid': 'export-project',
          // The project file is the successful run's: its settings are the ones the results came from.
          disabled: !r,
          onClick: () => r && download('nqpf-project.json', formatProject({ ...r.project, lang }), 'application/json'),
        },
        T('exportProject'),
      ),
      framework && !frameworkBuiltin
        ? h(
            'button',
            {
              type: 'button',
              'data-testid': 'export-framework',
              onClick: () =>
                download(
                  app.store.get().frameworkFile ?? 'framework.yaml',
                  toYaml(framework.definition),
                  'text/yaml;charset=utf-8',
                ),
            },
            T('downloadYaml'),
          )
        : null,
    ),
    r
      ? h(
          'div',
          {},
          h(CliLine, { line: 'nqpf run nqpf-project.json --out results', label: T('runProject'), testid: 'run-line' }),
          h(CliLine, {
            line: measureCommand(r.project, r.frameworkFile),
            label: T('equivalent'),
            testid: 'export-cli',
          }),
        )
      : null,
  );
}
