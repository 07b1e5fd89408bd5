/**
 * The reader is browser-safe: src/data/read-table.ts bundled by Vite (no Node built-ins) reads the GBK
 * NBS export and the yearbook XLSX of test/fixtures/files inside Debian's Chromium, with the same
 * result as in Node.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { build } from 'vite';
import { afterAll, describe, expect, it } from 'vitest';
import { readPanelFromBytes } from '../../src/data/read-table.js';

const CHROMIUM = '/usr/bin/chromium';
const fixture = (name: string) => new URL(`../fixtures/files/${name}`, import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'nqpf-browser-read-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.skipIf(!existsSync(CHROMIUM))('reading files in a browser', () => {
  it('reads a GBK CSV, an XLSX, a Stata .dta and an SPSS .zsav from bytes in Chromium as Node does', { timeout: 120_000 }, async () => {
    const entry = new URL('../../src/data/read-table.ts', import.meta.url).pathname;
    writeFileSync(join(dir, 'index.html'), '<!doctype html><script type="module" src="./main.ts"></script>');
    writeFileSync(join(dir, 'main.ts'), `import { readPanelFromBytes } from ${JSON.stringify(entry)};\n(window as any).read = readPanelFromBytes;\n`);
    await build({ root: dir, logLevel: 'silent', build: { outDir: join(dir, 'dist'), emptyOutDir: true } });
    const bundle = readFileSync(join(dir, 'dist', 'index.html'), 'utf8');
    expect(bundle).toContain('<script');
    const server = http
      .createServer((req, res) => {
        const file = join(dir, 'dist', req.url === '/' ? 'index.html' : req.url!);
        if (!existsSync(file)) return void res.writeHead(404).end();
        res.writeHead(200, { 'content-type': file.endsWith('.js') ? 'text/javascript' : 'text/html' }).end(readFileSync(file));
      })
      .listen(0);
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    try {
      const page = await browser.newPage();
      await page.goto(`http://localhost:${(server.address() as AddressInfo).port}/`);
      await page.waitForFunction(() => (window as unknown as { read?: unknown }).read);
      // Stata and SPSS files too (test/fixtures/tables): the .dta and .zsav (zlib) readers are browser-safe.
      for (const name of ['nbs-export-gbk.csv', 'yearbook-gdp.xlsx', '../tables/held-out-118.dta', '../tables/held-out.zsav']) {
        const b64 = readFileSync(fixture(name)).toString('base64');
        const inBrowser = await page.evaluate(
          async ([b64, name]) => {
            const bytes = Uint8Array.from(atob(b64!), (c) => c.charCodeAt(0));
            const read = (window as unknown as { read: typeof readPanelFromBytes }).read;
            const p = await read(bytes, { fileName: name! });
            return { entities: p.entities.map((e) => e.id), periods: p.periods, columns: Object.fromEntries(Object.entries(p.columns).map(([k, v]) => [k, Array.from(v)])) };
          },
          [b64, name],
        );
        const p = await readPanelFromBytes(new Uint8Array(readFileSync(fixture(name))), { fileName: name });
        expect(inBrowser).toEqual({ entities: p.entities.map((e) => e.id), periods: p.periods, columns: Object.fromEntries(Object.entries(p.columns).map(([k, v]) => [k, Array.from(v)])) });
      }
    } finally {
      await browser.close();
      server.close();
    }
  });
});
