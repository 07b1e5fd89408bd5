/**
 * A small static file server for the built workbench (node:http, no dependency): GET/HEAD only,
 * files under one folder, bound to 127.0.0.1 by default; text files are sent brotli- or
 * gzip-compressed when the browser accepts it (compressed once, then from memory). Node only.
 */
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import path from 'node:path';
import { brotliCompress, constants as zlib, gzip } from 'node:zlib';
import { promisify } from 'node:util';

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

/** Text files worth compressing (the app's scripts are most of its bytes; PNG and WASM are left as they are). */
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.csv', '.svg', '.md', '.webmanifest']);

/** The encoding to answer with: brotli, else gzip, else none (Accept-Encoding, q=0 refuses). */
export function chooseEncoding(header: string | string[] | undefined): 'br' | 'gzip' | undefined {
  const accepted = new Map<string, number>();
  for (const part of String(header ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = params.map((p) => /^\s*q=([\d.]+)/.exec(p)).find(Boolean);
    accepted.set(name, q ? Number(q[1]) : 1);
  }
  const ok = (e: string) => (accepted.get(e) ?? accepted.get('*') ?? 0) > 0;
  return ok('br') ? 'br' : ok('gzip') ? 'gzip' : undefined;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.md': 'text/markdown; charset=utf-8',
  '.wasm': 'application/wasm',
  '.webmanifest': 'application/manifest+json',
};

/** A running server and its URL. */
export interface StaticServer {
  readonly server: Server;
  readonly url: string;
  close(): Promise<void>;
}

/**
 * Serve the files of `root` on `host:port` (port 0 = any free port). Paths outside `root` are
 * refused; `/` serves index.html. Hashed assets are cached for a year, everything else revalidated.
 */
export function serveStatic(root: string, options: { port?: number; host?: string } = {}): Promise<StaticServer> {
  const base = path.resolve(root);
  const host = options.host ?? '127.0.0.1';
  // Compressed bodies by file, encoding and modification time: each file is compressed once.
  const cache = new Map<string, Promise<Buffer>>();
  const compressed = (file: string, mtime: number, enc: 'br' | 'gzip'): Promise<Buffer> => {
    const key = `${enc}\u0000${mtime}\u0000${file}`;
    let hit = cache.get(key);
    if (!hit) {
      hit = readFile(file).then((b) =>
        enc === 'br'
          ? brotli(b, { params: { [zlib.BROTLI_PARAM_QUALITY]: 9, [zlib.BROTLI_PARAM_SIZE_HINT]: b.length } })
          : gz(b, { level: 9 }),
      );
      cache.set(key, hit);
    }
    return hit;
  };
  const server = createServer(async (req: IncomingMessage, res) => {
    try {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405, { Allow: 'GET, HEAD' }).end();
        return;
      }
      const urlPath = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
      let file = path.resolve(base, '.' + (urlPath.endsWith('/') ? urlPath + 'index.html' : urlPath));
      if (file !== base && !file.startsWith(base + path.sep)) {
        res.writeHead(403).end();
        return;
      }
      let st = await stat(file).catch(() => undefined);
      if (st?.isDirectory()) {
        file = path.join(file, 'index.html');
        st = await stat(file).catch(() => undefined);
      }
      if (!st?.isFile()) {
        res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('not found');
        return;
      }
      const ext = path.extname(file).toLowerCase();
      const headers: Record<string, string | number> = {
        'Content-Type': TYPES[ext] ?? 'application/octet-stream',
        'Cache-Control': file.includes(`${path.sep}assets${path.sep}`)
          ? 'public, max-age=31536000, immutable'
          : 'no-cache',
        'X-Content-Type-Options': 'nosniff',
      };
      const enc = COMPRESSIBLE.has(ext) && st.size > 1024 ? chooseEncoding(req.headers['accept-encoding']) : undefined;
      if (COMPRESSIBLE.has(ext)) headers.Vary = 'Accept-Encoding';
      if (enc) {
        const body = await compressed(file, st.mtimeMs, enc);
        res.writeHead(200, { ...headers, 'Content-Encoding': enc, 'Content-Length': body.length });
        res.end(req.method === 'HEAD' ? undefined : body);
        return;
      }
      res.writeHead(200, { ...headers, 'Content-Length': st.size });
      if (req.method === 'HEAD') res.end();
      else createReadStream(file).pipe(res);
    } catch {
      if (!res.headersSent) res.writeHead(400);
      res.end();
    }
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      const addr = server.address();
      const port = typeof addr === 'object' && addr ? addr.port : options.port;
      resolve({ server, url: `http://${host}:${port}/`, close: () => new Promise((r) => server.close(() => r())) });
    });
  });
}
