import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

describe('src/report', () => {
  it('uses no Node APIs, so it runs in a browser', () => {
    const offenders = files('src/report').filter((f) =>
      /from ['"](node:|fs|path|os|child_process)['"/]|\bprocess\.|\bBuffer\b|__dirname/.test(readFileSync(f, 'utf8')),
    );
    expect(offenders).toEqual([]);
  });
});
