import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runInProcess } from '../helpers/cli.js';

const COMMANDS = [
  'convergence',
  'couple',
  'correlate',
  'datasets',
  'demo',
  'describe',
  'density',
  'disparity',
  'ellipse',
  'forecast',
  'frameworks',
  'markov',
  'measure',
  'mediate',
  'moran',
  'obstacle',
  'regress',
  'report',
  'threshold',
];

/** Split a shell command line into arguments (double quotes group; no other shell syntax in the examples). */
function shellWords(line: string): string[] {
  return [...line.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2]);
}

/** The `nqpf …` lines of a help text's Example(s) block. */
function helpExamples(help: string): string[] {
  const lines = help.split('\n');
  const start = lines.findIndex((l) => /^Examples?:/.test(l));
  if (start < 0) return [];
  const out: string[] = [];
  for (const l of lines.slice(start + 1)) {
    if (/^\s+nqpf /.test(l)) out.push(l.replace(/\s+#.*$/, '').trim());
    else if (l.trim() === '' || !/^\s/.test(l)) break;
  }
  return out;
}

/** The `npx nqpf …` lines of the README's shell blocks (continuation lines joined, comments dropped). */
function readmeExamples(): string[] {
  const lines = readFileSync(path.join(ROOT, 'README.md'), 'utf8').split('\n');
  const out: string[] = [];
  let fence: string | undefined;
  let pending = '';
  for (const l of lines) {
    const open = /^\s*```(\w*)\s*$/.exec(l);
    if (open) {
      fence = fence === undefined ? open[1] : undefined;
      continue;
    }
    if (fence !== 'sh' && fence !== 'bash') continue;
    const line = pending + l.trim();
    if (line.endsWith('\\')) {
      pending = line.slice(0, -1) + ' ';
      continue;
    }
    pending = '';
    for (const part of line.split('&&')) {
      const m = /^(?:npx )?(nqpf .*)$/.exec(part.trim());
      if (m) out.push(m[1].replace(/\s+#.*$/, '').trim());
    }
  }
  return out;
}

/**
 * Arguments to run an example fast and without writing into the repository: --out and --append go to a
 * temporary folder; bootstrap replications and permutations are capped (the example's flags are still parsed
 * and exercised, only the number of draws is smaller).
 */
function runnable(line: string, dir: string): string[] {
  const args = shellWords(line).slice(1);
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--out' || a === '--append') {
      out.push(a, path.join(dir, args[++i]));
    } else if (a === '--bootstrap' || a === '--permutations') {
      out.push(a, String(Math.min(Number(args[++i]), 19)));
    } else out.push(a);
  }
  if (out[0] === 'demo' && !out.includes('--bootstrap')) out.push('--bootstrap', '19');
  return out;
}

describe('every example in --help and in the README runs', async () => {
  const examples: { source: string; line: string }[] = [];
  for (const c of COMMANDS) {
    const r = await runInProcess([c, '--help']);
    for (const line of helpExamples(r.stdout)) examples.push({ source: `${c} --help`, line });
  }
  for (const line of readmeExamples()) examples.push({ source: 'README.md', line });

  it('finds the examples (every command has some; the README has its tour)', () => {
    const withExamples = new Set(
      examples.filter((e) => e.source.endsWith('--help')).map((e) => e.source.split(' ')[0]),
    );
    expect([...withExamples].sort()).toEqual([...COMMANDS].sort());
    expect(examples.filter((e) => e.source === 'README.md').length).toBeGreaterThanOrEqual(8);
  });

  const seen = new Set<string>();
  for (const { source, line } of examples) {
    // the same line in two places (demo in its help and the README) runs once
    if (seen.has(line.replace(/\s+/g, ' '))) continue;
    // `nqpf app` serves the workbench until stopped: not a command that finishes (test/web covers it)
    if (/^nqpf app\b/.test(line)) continue;
    seen.add(line.replace(/\s+/g, ' '));
    it(`${source}: ${line}`, async () => {
      // every file an example names is shipped (examples/ or data/builtin/) or is a built-in dataset
      const words = shellWords(line);
      // (what --append writes goes to the temporary folder like --out; it is not an input)
      for (const [i, a] of words.entries())
        if (/\.(csv|xlsx|ya?ml|json)$/.test(a) && words[i - 1] !== '--append')
          expect(a).toMatch(/^(examples|data\/builtin)\//);
      const dir = mkdtempSync(path.join(tmpdir(), 'nqpf-example-'));
      const r = await runInProcess(runnable(line, dir));
      expect(r.stderr.match(/^error:.*$/m)?.[0] ?? '').toBe('');
      expect(r.code).toBe(0);
      if (line.includes('--json')) expect(() => JSON.parse(r.stdout)).not.toThrow();
    }, 60_000);
  }
});
