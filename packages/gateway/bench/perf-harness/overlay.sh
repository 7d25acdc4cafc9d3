#!/usr/bin/env bash
# Copies this overlay onto a writable copy of the perf harness:
#   packages/gateway/bench/perf-harness/overlay.sh /tmp/perf-harness-bench
set -euo pipefail
dest=${1:?the harness copy to overlay (a writable copy of the perf harness of the team: cp -r "\$PERF_HARNESS" DEST; chmod -R u+w DEST)}
[[ -f "$dest/bench/main.mjs" ]] || { echo "$dest is not a perf harness copy" >&2; exit 2; }
here=$(cd "$(dirname "$0")" && pwd)
for part in ssp servers targets queries bench; do
  [[ -d "$here/$part" ]] && cp -r "$here/$part/." "$dest/$part/"
done
echo "overlay copied onto $dest"
