import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/root.js';

const eslint = new ESLint({ cwd: ROOT });
const fixture = (name: string) => readFileSync(path.join(ROOT, 'test/fixtures/lint', name), 'utf8');

/** Lint `code` as if it were the file `as` of the repository; the rule ids and lines of the errors. */
async function lintAs(code: string, as: string): Promise<{ rule: string | null; line: number; message: string }[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, as) });
  return result.messages.map((m) => ({ rule: m.ruleId, line: m.line, message: m.message }));
}

describe('ESLint layering rules (eslint.config.js)', () => {
  it('fail on an engine module that imports node:fs, a bare builtin, src/io or src/cli, or uses process', async () => {
    const errors = await lintAs(fixture('engine-imports-node.ts'), 'src/measure/bad.ts');
    const imports = errors.filter((e) => e.rule === 'no-restricted-imports');
    expect(imports.map((e) => e.line)).toEqual([3, 4, 5, 6]);
    expect(imports[0].message).toMatch(/'node:fs' import is restricted.*runs in a browser/);
    expect(imports[2].message).toMatch(/src\/io is Node-only/);
    expect(imports[3].message).toMatch(/src\/cli/);
    expect(errors.filter((e) => e.rule === 'no-restricted-globals').map((e) => e.line)).toEqual([9]);
  });

  it('allow the same imports in src/io and src/cli, where Node belongs', async () => {
    const errors = await lintAs(fixture('engine-imports-node.ts'), 'src/io/bad.ts');
    expect(errors.filter((e) => e.rule === 'no-restricted-imports' || e.rule === 'no-restricted-globals')).toEqual([]);
  });

  it('fail on a command that imports another command', async () => {
    const errors = await lintAs(fixture('command-imports-command.ts'), 'src/cli/commands/bad.ts');
    expect(errors.map((e) => [e.rule, e.line])).toEqual([['no-restricted-imports', 2]]);
  });

  it('fail on a command that imports the report or XLSX statically (start-up), but not on a dynamic import', async () => {
    const statik = "import { renderReport } from '../../report/document.js';\nexport const r = renderReport;\n";
    expect((await lintAs(statik, 'src/cli/commands/bad.ts')).map((e) => [e.rule, e.line])).toEqual([
      ['no-restricted-imports', 1],
    ]);
    const dynamic =
      "export async function r() {\n  return (await import('../../report/document.js')).renderReport;\n}\n";
    expect(await lintAs(dynamic, 'src/cli/commands/bad.ts')).toEqual([]);
    expect(await lintAs(statik, 'src/cli/commands/demo.ts')).toEqual([]);
  });

  it('pass on the real engine and commands (the committed code keeps the rules)', async () => {
    const results = await eslint.lintFiles(['src/api', 'src/pipeline', 'src/measure', 'src/cli/commands']);
    const layering = results.flatMap((r) =>
      r.messages
        .filter((m) => m.ruleId?.startsWith('no-restricted'))
        .map((m) => `${r.filePath}:${m.line} ${m.message}`),
    );
    expect(layering).toEqual([]);
  });
});
