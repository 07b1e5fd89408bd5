#!/usr/bin/env bash
# CI check of the published package: `npm pack` (which builds dist/ through `prepare`), install the
# tarball into an empty project, run the README's library example there and check that it gives
# the same object as the installed CLI's `nqpf measure --json`. Needs only the npm registry.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d "${TMPDIR:-/tmp}/nqpf-pack-XXXXXX")"
trap 'rm -rf "$work"' EXIT

cd "$root"
tarball="$(npm pack --silent --pack-destination "$work" | tail -n 1)"
echo "packed $tarball ($(du -k "$work/$tarball" | cut -f1) kB)"
if tar -tzf "$work/$tarball" | grep -qE '^package/(src|test)/'; then echo "error: the tarball ships src/ or test/" >&2; exit 1; fi

mkdir -p "$work/project/examples"
cd "$work/project"
printf '{ "name": "nqpf-pack-check", "private": true, "type": "module" }\n' > package.json
npm install --no-audit --no-fund --prefer-offline --silent "$work/$tarball"
cp "$root/examples/provinces.csv" "$root/examples/framework.yaml" examples/

# The README example, verbatim, then one line that prints its result as the CLI would.
node -e '
const fs = require("fs");
const m = /<!-- library-example[^>]*-->\s*```js\n([\s\S]*?)```/.exec(fs.readFileSync(process.argv[1], "utf8"));
if (!m) { console.error("README.md has no library example"); process.exit(1); }
fs.writeFileSync("example.mjs", m[1] + "\nconst { toJsonText } = await import(\"nqpf\");\nprocess.stdout.write(\"@@\" + toJsonText(result) + \"\\n\");\n");
' "$root/README.md"
node example.mjs > example.out
./node_modules/.bin/nqpf measure --data examples/provinces.csv --entity province --period year \
  --framework examples/framework.yaml --weights entropy --json > cli.out
node -e '
const fs = require("fs");
const lib = fs.readFileSync("example.out", "utf8").split("\n").find((l) => l.startsWith("@@")).slice(2);
const cli = fs.readFileSync("cli.out", "utf8").trim();
if (lib !== cli) { console.error("error: the README example differs from nqpf measure --json"); process.exit(1); }
const n = JSON.parse(cli).scores.length;
console.log(`ok: the installed package runs the README example; its ${n} scores equal nqpf measure --json`);
'
# The browser entry resolves and holds no Node reader.
node --input-type=module -e 'const b = await import("nqpf/browser"); if (typeof b.measure !== "function" || "readPanel" in b) process.exit(1); console.log("ok: nqpf/browser");'
# The declared types resolve for a TypeScript user of either entry (the repository's tsc, no emit).
cat > types.ts <<'TS'
import { readPanel, loadFramework, measure, type MeasureJson } from 'nqpf';
import { moran, getBuiltinFramework, type Panel } from 'nqpf/browser';
const panel: Panel = await readPanel('examples/provinces.csv', { entity: 'province', period: 'year' });
const r: MeasureJson = measure(panel, await loadFramework('seed'), { weights: 'entropy' });
const i: number = moran(panel, { value: 'rd', distance: 'lat,lon' }).I;
console.log(r.scores[0].index, i, getBuiltinFramework('pwt').id);
TS
"$root/node_modules/.bin/tsc" --noEmit --strict --target es2022 --module nodenext --moduleResolution nodenext \
  --skipLibCheck --types node --typeRoots "$root/node_modules/@types" types.ts
echo "ok: the package's types check (nodenext)"
