// Bundle the CLI for a fast start (`npm run build` runs it after tsc): src/cli/main.ts and the worker
// entries into dist/nqpf/, one ES module per entry plus shared chunks, commands still loaded lazily
// (esbuild code splitting keeps each `import()` a chunk). bin/nqpf.js runs dist/nqpf/main.js when it
// exists. Bundled: the small pure dependencies of every start (commander, zod, yaml, @stdlib — 559
// small files unbundled); left to Node: the large ones loaded on demand (ECharts, XLSX) and the native
// SVG renderer; map data (JSON) is bundled into the chunks of the report. dist/nqpf/ sits two levels below the package root, as dist/cli/ and src/cli/ do.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outdir = path.join(root, 'dist', 'nqpf');
rmSync(outdir, { recursive: true, force: true });
const result = await build({
  absWorkingDir: root,
  entryPoints: {
    main: 'src/cli/main.ts',
    'sensitivity-worker': 'src/io/sensitivity-worker.ts',
    'replicate-worker': 'src/io/replicate-worker.ts',
    'csv-worker': 'src/io/csv-worker.ts',
  },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  chunkNames: 'chunk-[hash]',
  external: [
    '@resvg/resvg-js',
    'echarts',
    'echarts/*',
    'read-excel-file',
    'read-excel-file/*',
    'write-excel-file',
    'write-excel-file/*',
    'vite',
  ],
  // CommonJS dependencies inside an ES module bundle call require() for Node built-ins.
  banner: {
    js: "import { createRequire as __nqpfCreateRequire } from 'node:module'; const require = __nqpfCreateRequire(import.meta.url);",
  },
  legalComments: 'none',
  // Whitespace and syntax minified (a third less to parse at start); names kept readable for --debug traces.
  minifyWhitespace: true,
  minifySyntax: true,
  logLevel: 'warning',
  metafile: true,
});
const outputs = Object.keys(result.metafile.outputs).filter((f) => f.endsWith('.js'));
console.log(`bundled the CLI into dist/nqpf/ (${outputs.length} files)`);
