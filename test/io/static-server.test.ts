import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { chooseEncoding, serveStatic, type StaticServer } from '../../src/io/static-server.js';

let dir: string;
let server: StaticServer;

/** A raw GET (fetch would normalise "/../" away before it reaches the server). */
function get(p: string, method = 'GET'): Promise<{ status: number; type?: string; body: string }> {
  const u = new URL(server.url);
  return new Promise((resolve, reject) => {
    const req = request({ host: u.hostname, port: u.port, path: p, method }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, type: res.headers['content-type'], body }));
    });
    req.on('error', reject);
    req.end();
  });
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'nqpf-static-'));
  mkdirSync(path.join(dir, 'site', 'assets'), { recursive: true });
  writeFileSync(path.join(dir, 'site', 'index.html'), '<!doctype html><title>x</title>');
  writeFileSync(path.join(dir, 'site', 'assets', 'a.js'), 'export {};');
  writeFileSync(path.join(dir, 'site', 'assets', 'big.js'), 'export const x = 1;\n'.repeat(500));
  writeFileSync(path.join(dir, 'secret.txt'), 'secret');
  server = await serveStatic(path.join(dir, 'site'), { port: 0 });
});

afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('serveStatic (nqpf app)', () => {
  it('listens on 127.0.0.1 and serves index.html for /, with MIME types', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const root = await get('/');
    expect(root.status).toBe(200);
    expect(root.type).toBe('text/html; charset=utf-8');
    expect(root.body).toContain('<title>x</title>');
    const js = await get('/assets/a.js');
    expect(js.type).toBe('text/javascript; charset=utf-8');
    expect((await get('/assets/a.js', 'HEAD')).body).toBe('');
  });

  it('refuses paths outside its folder, unknown files and other methods', async () => {
    // URL parsing removes dot segments, and a path resolved outside the folder is refused: never the file.
    for (const p of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/assets/..%2f..%2fsecret.txt']) {
      const r = await get(p);
      expect([403, 404], p).toContain(r.status);
      expect(r.body).not.toContain('secret');
    }
    expect((await get('/nope.js')).status).toBe(404);
    expect((await get('/', 'POST')).status).toBe(405);
  });

  it('sends text files brotli- or gzip-compressed when the browser accepts it, and the same bytes', async () => {
    const u = new URL(server.url);
    const raw = (enc: string) =>
      new Promise<{ enc?: string; vary?: string; body: Buffer }>((resolve, reject) => {
        const req = request(
          { host: u.hostname, port: u.port, path: '/assets/big.js', headers: { 'accept-encoding': enc } },
          (res) => {
            const parts: Buffer[] = [];
            res.on('data', (c: Buffer) => parts.push(c));
            res.on('end', () =>
              resolve({ enc: res.headers['content-encoding'], vary: res.headers.vary, body: Buffer.concat(parts) }),
            );
          },
        );
        req.on('error', reject);
        req.end();
      });
    const plain = 'export const x = 1;\n'.repeat(500);
    const br = await raw('gzip, deflate, br');
    expect(br.enc).toBe('br');
    expect(br.vary).toBe('Accept-Encoding');
    expect(br.body.length).toBeLessThan(plain.length / 10);
    expect(brotliDecompressSync(br.body).toString()).toBe(plain);
    const gz = await raw('gzip');
    expect(gz.enc).toBe('gzip');
    expect(gunzipSync(gz.body).toString()).toBe(plain);
    const none = await raw('identity');
    expect(none.enc).toBeUndefined();
    expect(none.body.toString()).toBe(plain);
    expect(chooseEncoding('br;q=0, gzip')).toBe('gzip');
    expect(chooseEncoding('*')).toBe('br');
    expect(chooseEncoding(undefined)).toBeUndefined();
  });
});
