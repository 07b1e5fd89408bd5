import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { optionsMarkdown, START } from '../../scripts/options-docs.js';
import { ROOT } from '../helpers/root.js';

describe('docs/options.md', () => {
  it('carries the option tables generated from the catalog (run: npx tsx scripts/options-docs.ts)', () => {
    const text = readFileSync(path.join(ROOT, 'docs/options.md'), 'utf8');
    expect(text).toContain(START);
    expect(text).toContain(optionsMarkdown());
  });
});
