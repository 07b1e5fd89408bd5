#!/usr/bin/env node
// The CLI is compiled to dist/ by `npm run build` (run automatically by `npm ci` through `prepare`),
// which also bundles it into dist/nqpf/ for a fast start (scripts/bundle-cli.mjs); without the
// bundle (or with NQPF_UNBUNDLED=1) the compiled modules of dist/cli/ run.
import { existsSync } from 'node:fs';

const bundle = new URL('../dist/nqpf/main.js', import.meta.url);
const useBundle = !process.env.NQPF_UNBUNDLED && existsSync(bundle);
const { main, installReplicatePool } = await import(useBundle ? bundle.href : '../dist/cli/main.js');

// Bootstraps run on worker threads (NQPF_THREADS=1 for one thread; the results are identical).
installReplicatePool();

main(process.argv).then((code) => {
  process.exitCode = code;
});
