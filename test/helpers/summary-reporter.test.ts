import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './root.js';

/** Run vitest on some of the deliberately broken suites of test/fixtures/reporter; the closing line. */
function closingLine(...suites: string[]): { line: string; code: number | null } {
  const r = spawnSync(
    process.execPath,
    [
      path.join(ROOT, 'node_modules/vitest/vitest.mjs'),
      'run',
      '--config',
      'test/fixtures/reporter/vitest.config.ts',
      '--root',
      ROOT,
      ...suites.map((s) => `test/fixtures/reporter/${s}`),
    ],
    { cwd: ROOT, encoding: 'utf8', timeout: 120_000, env: { ...process.env, NO_COLOR: '1', CI: '1' } },
  );
  const lines = r.stdout.trim().split('\n');
  return { line: lines[lines.length - 1], code: r.status };
}

describe('the closing "N passed, N failed" line', () => {
  it('counts a test file that fails to load as a failure', () => {
    const { line, code } = closingLine('passing.suite.ts', 'broken.suite.ts');
    expect(line).toBe('1 passed, 1 failed, 0 skipped');
    expect(code).toBe(1);
  });
  it('counts an unhandled error as a failure even when every test passed', () => {
    const { line, code } = closingLine('unhandled.suite.ts');
    expect(line).toBe('1 passed, 1 failed, 0 skipped');
    expect(code).toBe(1);
  });
  it('says 0 failed when everything passes', () => {
    expect(closingLine('passing.suite.ts').line).toBe('1 passed, 0 failed, 0 skipped');
  });
});
