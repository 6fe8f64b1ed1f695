#!/usr/bin/env bash
# Analyzer throughput of this checkout against another revision, on the same input: the corpus of that
# revision repeated to 100 MB, fed in 64 KiB chunks, best of 3 per run, runs alternated N times (the
# machine's noise is large: compare the best of each side). Time is the process's CPU time, not the wall
# clock, so other work on the machine skews it less. Usage: bash bench/compare.sh REV [N]
set -euo pipefail
rev=${1:?usage: bash bench/compare.sh REV [RUNS]}
runs=${2:-4}
here=$(cd "$(dirname "$0")/.." && pwd)
old=$(mktemp -d)
trap 'git -C "$here" worktree remove --force "$old" >/dev/null 2>&1 || true' EXIT
git -C "$here" worktree add -q --detach "$old" "$rev"
ln -s "$here/node_modules" "$old/node_modules"
(cd "$old" && npx tsc -p tsconfig.json >/dev/null)
(cd "$here" && npx tsc -p tsconfig.json >/dev/null)
cat > "$old/bench-input.mjs" <<'JS'
const [mod, corpus] = process.argv.slice(2);
const { Analyzer } = await import(mod);
const fs = await import('node:fs');
const path = await import('node:path');
const files = [];
const walk = (d) => { for (const e of fs.readdirSync(d, { withFileTypes: true })) { const p = path.join(d, e.name); if (e.isDirectory()) walk(p); else if (e.name === 'console.log') files.push(p); } };
walk(corpus);
const unit = Buffer.concat(files.sort().map((f) => fs.readFileSync(f)));
const total = 100 * 1024 * 1024;
let best = Infinity;
for (let rep = 0; rep < 3; rep++) {
  const a = new Analyzer({ name: 'bench' });
  let sent = 0, at = 0;
  const t0 = process.cpuUsage();
  while (sent < total) { const n = Math.min(65536, total - sent, unit.length - at); a.write(unit.subarray(at, at + n)); sent += n; at = (at + n) % unit.length; }
  a.end();
  const used = process.cpuUsage(t0);
  best = Math.min(best, (used.user + used.system) / 1e6);
}
console.log((total / 1048576 / best).toFixed(1));
JS
b=0; a=0
for _ in $(seq "$runs"); do
  x=$(node "$old/bench-input.mjs" "$old/dist/parsers/index.js" "$old/corpora"); b=$(echo "$x $b" | awk '{print ($1>$2)?$1:$2}')
  y=$(node "$old/bench-input.mjs" "$here/dist/parsers/index.js" "$old/corpora"); a=$(echo "$y $a" | awk '{print ($1>$2)?$1:$2}')
done
echo "analyzer on ${rev}'s corpus repeated to 100 MB (best of $runs runs): $rev $b MB/s, this checkout $a MB/s ($(echo "$a $b" | awk '{printf "%+.0f%%", 100*($1/$2-1)}'))"
