// ESLint flat config. The layering rules are the point: they enforce ARCHITECTURE.md.
//  - The engine (src/ minus src/cli, src/io and the Node entry src/index.ts) runs in a browser: it
//    imports no Node built-in (node:fs, fs, path, ...) and nothing from src/io or src/cli.
//  - A CLI command (src/cli/commands/<name>.ts) imports no other command: shared code lives in
//    src/api (computation) or src/cli/*.ts (flags, printing). It imports the report, charts and XLSX
//    only dynamically (`await import()` in the --out branch), so start-up stays fast; the demo excepted.
// test/lint.test.ts proves the engine rule fails on a fixture that imports node:fs.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';

const nodeBuiltins = builtinModules.filter((m) => !m.startsWith('_'));

/** no-restricted-imports options of the engine. */
export const engineImportRule = [
  'error',
  {
    paths: nodeBuiltins.map((name) => ({ name, message: 'the engine runs in a browser: Node APIs belong in src/io or src/cli' })),
    patterns: [
      { group: ['node:*', ...nodeBuiltins.map((m) => `${m}/*`)], message: 'the engine runs in a browser: Node APIs belong in src/io or src/cli' },
      { group: ['**/io', '**/io/*', '!**/io/*/**'], message: 'the engine does not read files: take the data as an argument (src/io is Node-only)' },
      { group: ['**/cli', '**/cli/*', '**/cli/**'], message: 'the engine does not depend on the command line (src/cli)' },
    ],
  },
];

const commandImportPattern = { group: ['./*'], message: 'a command does not import another command: move shared code to src/api or src/cli/*.ts' };

/** Modules that cost most of a second at start-up: a command imports them with `await import()` where it needs them (--out). */
const heavyImportPatterns = [
  {
    group: ['echarts', 'echarts/*', '**/report/document*', '**/report/sections/*', '**/report/charts/*', '**/io/xlsx*', 'write-excel-file*', 'read-excel-file*'],
    message: 'keep start-up fast: import the report, charts and XLSX with `await import(...)` inside the --out branch',
  },
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'nqpf-report/**', 'bench/out/**', 'test/fixtures/lint/**', '**/*.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    files: ['src/**/*.ts'],
    ignores: ['src/cli/**', 'src/io/**', 'src/index.ts', 'src/web/vite.config.ts'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': engineImportRule,
      'no-restricted-globals': ['error', ...['process', 'Buffer', '__dirname', '__filename', 'require', 'global'].map((name) => ({ name, message: 'the engine runs in a browser: no Node globals' }))],
    },
  },
  {
    files: ['src/cli/commands/*.ts'],
    ignores: ['src/cli/commands/index.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [commandImportPattern, ...heavyImportPatterns] }] },
  },
  {
    // The demo renders the whole report: it needs the heavy modules on every run.
    files: ['src/cli/commands/demo.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [commandImportPattern] }] },
  },
);
