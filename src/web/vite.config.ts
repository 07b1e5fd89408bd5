/**
 * Build of the workbench (`npm run build:web` → dist/web): static files with relative URLs, so any
 * static host (or `nqpf app`) serves them; the built-in datasets are copied beside them.
 */
import { cp } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

/** Copy data/builtin (the two datasets the data step offers) into the build. */
function builtinData(): Plugin {
  return {
    name: 'nqpf-builtin-data',
    apply: 'build',
    async closeBundle() {
      await cp(here('../../data/builtin'), here('../../dist/web/data/builtin'), { recursive: true, filter: (f) => !/latent|truth|dropped/.test(f) });
    },
  };
}

export default defineConfig({
  root: here('.'),
  base: './',
  publicDir: false,
  resolve: {
    alias: [{ find: /^echarts$/, replacement: here('./echarts-lite.ts') }],
  },
  worker: { format: 'es' },
  build: {
    outDir: here('../../dist/web'),
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 2000,
    reportCompressedSize: false,
  },
  server: { fs: { allow: [here('../..')] } },
  plugins: [builtinData()],
});
