#!/usr/bin/env bash
# Whole-process comparison of saltlab and cdk8s rendering the same labs (issues #7 and #14).
#
# Usage, from the repository root after `mvn -B package -DskipTests`:
#   bench/run.sh [--runs N] [--sizes "6 100 1000 5000"] [--layouts "stream files"]
#                [--heap256 "5000"] [--out FILE]
#
# Every run interleaves the tools (cdk8s, the launcher, plain java; run by run) so that all see
# the same machine load, and prints Markdown tables of median wall time, the ratio to cdk8s, CPU
# time and peak RSS (from /usr/bin/time -v).
#
# saltlab runs two ways, each for every layout asked for:
#   launcher  cli/target/saltlab/bin/saltlab, as users run it (its class-data archive or AOT cache
#             is made before timing starts, in a cache folder of this run's own);
#   plain     java -cp cli/target/saltlab.jar ... io.saltlab.cli.Main, no JVM option at all.
# The lab is the cdk8s-shaped one (bench/src/main/java/io/saltlab/bench/BenchLabs.java and
# bench/cdk8s-lab.js: a namespace, a pull Secret, the master's Service and Deployment with five
# host paths, and ROLES x (headless Service + Deployment with port 8080 and one env var)), given to
# saltlab as a Java class (--class io.saltlab.bench.BenchLabProvider, sized by $SALTLAB_BENCH_ROLES),
# as the cdk8s script is JavaScript. --layout stream writes one manifests.yaml, as cdk8s writes one
# file; files (saltlab's default) one file per object. Either way saltlab also validates and writes
# kustomization.yaml and topology.md.
# The seed row is the command of the README: `saltlab render` of the built-in seed lab, files
# layout, against the cdk8s script at 6 roles.
# --heap256 SIZES adds runs of the launcher with SALTLAB_JAVA_OPTS=-Xmx256m, stream layout.
#
# cdk8s is installed from the npm registry into a temporary folder (cdk8s@2, constructs@10,
# cdk8s-plus-32@2). Needs java 17+, node, npm and /usr/bin/time; nothing else outside the
# repository.
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)

RUNS=7
SIZES="6 100 1000 5000"
LAYOUTS="stream files"
HEAP256=""
OUT=""
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) RUNS=$2; shift 2 ;;
    --sizes) SIZES=$2; shift 2 ;;
    --layouts) LAYOUTS=$2; shift 2 ;;
    --heap256) HEAP256=$2; shift 2 ;;
    --out) OUT=$2; shift 2 ;;
    -h|--help) sed -n '2,29p' "$0"; exit 0 ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
done
for l in $LAYOUTS; do
  case "$l" in files|stream) ;; *) echo "--layouts takes stream and/or files" >&2; exit 2 ;; esac
done

CLI_JAR=$ROOT/cli/target/saltlab.jar
LAUNCHER=$ROOT/cli/target/saltlab/bin/saltlab
BENCH_JAR=""
for jar in "$ROOT"/bench/target/saltlab-bench-*.jar; do
  case "$jar" in *-sources.jar|*-javadoc.jar) ;; *) [ -f "$jar" ] && BENCH_JAR=$jar ;; esac
done
PEER_SCRIPT=$ROOT/bench/cdk8s-lab.js
for need in java node npm /usr/bin/time; do
  command -v "$need" >/dev/null || { echo "missing: $need" >&2; exit 2; }
done
for f in "$CLI_JAR" "$LAUNCHER" "$BENCH_JAR"; do
  [ -n "$f" ] && [ -f "$f" ] || { echo "missing build output: run mvn -B package -DskipTests" >&2; exit 2; }
done

WORK=$(mktemp -d "${TMPDIR:-/tmp}/saltlab-bench.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
export SALTLAB_CACHE_DIR=$WORK/cache
unset SALTLAB_JAVA_OPTS SALTLAB_CACHE

echo "installing cdk8s into $WORK/peer ..." >&2
mkdir -p "$WORK/peer"
cp "$PEER_SCRIPT" "$WORK/peer/cdk8s-lab.js"
(cd "$WORK/peer" && npm init -y >/dev/null && npm install --no-audit --no-fund --silent \
  cdk8s@2 constructs@10 cdk8s-plus-32@2 >/dev/null)
CDK8S_VERSION=$(node -p "require('$WORK/peer/node_modules/cdk8s/package.json').version")

# The launcher's archive, made by its own first run and background training, before any timing.
echo "making the launcher's class-data archive ..." >&2
# has GLOB: whether any file matches
has() {
  local f
  for f in "$@"; do [ -e "$f" ] && return 0; done
  return 1
}
"$LAUNCHER" versions >/dev/null
for ((i = 0; i < 600; i++)); do
  if has "$SALTLAB_CACHE_DIR"/*.jsa "$SALTLAB_CACHE_DIR"/*.aot && ! has "$SALTLAB_CACHE_DIR"/*.lock; then
    break
  fi
  sleep 0.5
done
has "$SALTLAB_CACHE_DIR"/*.jsa "$SALTLAB_CACHE_DIR"/*.aot \
  || echo "note: the launcher made no archive; its runs go without one" >&2

# measure NAME COMMAND...: runs once with a fresh output folder $OUTDIR; appends "wall_ms rss_kb user_s sys_s".
measure() {
  local name=$1; shift
  rm -rf "$OUTDIR"
  local start end
  start=$(date +%s%N)
  if ! /usr/bin/time -v -o "$WORK/time.txt" "$@" >"$WORK/stdout.txt" 2>"$WORK/stderr.txt"; then
    if [ -n "${MAY_FAIL:-}" ]; then
      echo "failed: $(head -1 "$WORK/stderr.txt")" >"$WORK/$name.failed"
      return 0
    fi
    echo "run failed: $*" >&2
    cat "$WORK/stderr.txt" >&2
    exit 1
  fi
  end=$(date +%s%N)
  local rss user sys
  rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$WORK/time.txt")
  user=$(awk -F': ' '/User time/ {print $2}' "$WORK/time.txt")
  sys=$(awk -F': ' '/System time/ {print $2}' "$WORK/time.txt")
  echo "$(( (end - start) / 1000000 )) $rss $user $sys" >> "$WORK/$name.samples"
}

# median FILE COLUMN
median() {
  sort -n -k"$2","$2" "$1" | awk -v c="$2" '{v[NR] = $c} END {m = int((NR + 1) / 2); print v[m]}'
}
cpu() { awk '{print $3 + $4}' "$1" | sort -n | awk '{v[NR] = $1} END {printf "%.2f", v[int((NR + 1) / 2)]}'; }
seconds() { awk -v ms="$1" 'BEGIN {printf "%.3f", ms / 1000}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; }
mib() { awk -v kb="$1" 'BEGIN {printf "%.0f", kb / 1024}'; }

OUTDIR=$WORK/out
plain=(java -cp "$CLI_JAR:$BENCH_JAR" io.saltlab.cli.Main)
for ((run = 1; run <= RUNS; run++)); do
  echo "seed lab, run $run/$RUNS" >&2
  measure "cdk8s-seed" node "$WORK/peer/cdk8s-lab.js" 6 "$OUTDIR"
  measure "launcher-seed" "$LAUNCHER" render --out "$OUTDIR"
  measure "plain-seed" java -jar "$CLI_JAR" render --out "$OUTDIR"
done
for size in $SIZES; do
  for ((run = 1; run <= RUNS; run++)); do
    echo "size $size, run $run/$RUNS" >&2
    measure "cdk8s-$size" node "$WORK/peer/cdk8s-lab.js" "$size" "$OUTDIR"
    for layout in $LAYOUTS; do
      args=(render --class io.saltlab.bench.BenchLabProvider --target 1.36 --out "$OUTDIR" --layout "$layout")
      measure "launcher-$layout-$size" env "SALTLAB_BENCH_ROLES=$size" "SALTLAB_CLASSPATH=$BENCH_JAR" "$LAUNCHER" "${args[@]}"
      measure "plain-$layout-$size" env "SALTLAB_BENCH_ROLES=$size" "${plain[@]}" "${args[@]}"
    done
    case " $HEAP256 " in
      *" $size "*)
        MAY_FAIL=1 measure "heap256-$size" env "SALTLAB_BENCH_ROLES=$size" "SALTLAB_CLASSPATH=$BENCH_JAR" \
          SALTLAB_JAVA_OPTS=-Xmx256m "$LAUNCHER" render --class io.saltlab.bench.BenchLabProvider \
          --target 1.36 --out "$OUTDIR" --layout stream
        ;;
    esac
  done
done

report() {
  echo "Whole-process render, median of $RUNS interleaved runs, $(date -u +%Y-%m-%d), $(nproc) cores,"
  echo "$(java -version 2>&1 | sed -n 1p | tr -d '"'), node $(node --version), cdk8s $CDK8S_VERSION."
  echo "launcher: \`cli/target/saltlab/bin/saltlab render ...\` (its archive made beforehand);"
  echo "plain: \`java -cp saltlab.jar:saltlab-bench.jar io.saltlab.cli.Main render ...\` (no JVM option);"
  echo "lab: \`--class io.saltlab.bench.BenchLabProvider --target 1.36\` (render, validate, write);"
  echo "cdk8s: \`node bench/cdk8s-lab.js ROLES DIR\` (synth, no validation, one file)."
  echo "Seed lab: \`saltlab render\` (built-in seed lab, files layout) against cdk8s at 6 roles."
  echo
  echo "| lab | layout | cdk8s s | launcher s | launcher / cdk8s | plain s | plain / cdk8s | CPU s launcher / plain / cdk8s | RSS MiB launcher / plain / cdk8s |"
  echo "|---|---|---:|---:|---:|---:|---:|---:|---:|"
  local c l p
  c=$(median "$WORK/cdk8s-seed.samples" 1)
  l=$(median "$WORK/launcher-seed.samples" 1)
  p=$(median "$WORK/plain-seed.samples" 1)
  echo "| seed | files | $(seconds "$c") | $(seconds "$l") | $(ratio "$l" "$c") | $(seconds "$p") | $(ratio "$p" "$c") | $(cpu "$WORK/launcher-seed.samples") / $(cpu "$WORK/plain-seed.samples") / $(cpu "$WORK/cdk8s-seed.samples") | $(mib "$(median "$WORK/launcher-seed.samples" 2)") / $(mib "$(median "$WORK/plain-seed.samples" 2)") / $(mib "$(median "$WORK/cdk8s-seed.samples" 2)") |"
  local size layout
  for size in $SIZES; do
    for layout in $LAYOUTS; do
      c=$(median "$WORK/cdk8s-$size.samples" 1)
      l=$(median "$WORK/launcher-$layout-$size.samples" 1)
      p=$(median "$WORK/plain-$layout-$size.samples" 1)
      echo "| $size roles | $layout | $(seconds "$c") | $(seconds "$l") | $(ratio "$l" "$c") | $(seconds "$p") | $(ratio "$p" "$c") | $(cpu "$WORK/launcher-$layout-$size.samples") / $(cpu "$WORK/plain-$layout-$size.samples") / $(cpu "$WORK/cdk8s-$size.samples") | $(mib "$(median "$WORK/launcher-$layout-$size.samples" 2)") / $(mib "$(median "$WORK/plain-$layout-$size.samples" 2)") / $(mib "$(median "$WORK/cdk8s-$size.samples" 2)") |"
    done
  done
  # RSS growth per role between consecutive sizes of 1,000 roles and more (launcher, first layout).
  local first prev="" prev_rss="" rss
  first=${LAYOUTS%% *}
  for size in $SIZES; do
    [ "$size" -ge 1000 ] || continue
    rss=$(median "$WORK/launcher-$first-$size.samples" 2)
    if [ -n "$prev" ]; then
      echo
      echo "RSS per role from $prev to $size roles ($first layout, launcher): $(awk -v a="$prev_rss" -v b="$rss" -v n="$((size - prev))" 'BEGIN {printf "%.1f", (b - a) / n}') KB (cdk8s: $(awk -v a="$(median "$WORK/cdk8s-$prev.samples" 2)" -v b="$(median "$WORK/cdk8s-$size.samples" 2)" -v n="$((size - prev))" 'BEGIN {printf "%.1f", (b - a) / n}') KB)."
    fi
    prev=$size prev_rss=$rss
  done
  for size in $HEAP256; do
    if [ -f "$WORK/heap256-$size.failed" ]; then
      echo
      echo "$size roles, stream, launcher with -Xmx256m: $(cat "$WORK/heap256-$size.failed")"
      continue
    fi
    [ -f "$WORK/heap256-$size.samples" ] || continue
    echo
    echo "$size roles, stream, launcher with -Xmx256m: $(seconds "$(median "$WORK/heap256-$size.samples" 1)") s, $(mib "$(median "$WORK/heap256-$size.samples" 2)") MiB RSS."
  done
}

if [ -n "$OUT" ]; then
  report | tee "$OUT"
else
  report
fi
