#!/usr/bin/env bash
# Whole-process comparison of saltlab and cdk8s rendering the same labs (issue #7).
#
# Usage, from the repository root after `mvn -B package -DskipTests`:
#   bench/run.sh [--runs N] [--sizes "6 100 1000 5000"] [--layout stream|files] [--source class|spec]
#                [--out FILE]
#
# For each size it renders the cdk8s-shaped lab (bench/src/main/java/io/saltlab/bench/BenchLabs.java
# and shared/bench/cdk8s-lab.js: a namespace, a pull Secret, the master's Service and Deployment
# with five host paths, and ROLES x (headless Service + Deployment with port 8080 and one env var))
# as whole processes, interleaving the tools run by run so that both see the same machine load,
# and prints Markdown tables of median wall time and peak RSS (from /usr/bin/time -v).
#
# saltlab runs three ways:
#   plain  java -jar-style command, no JVM options;
#   tuned  the same with an AppCDS archive made by a training run of this script
#          (-XX:SharedArchiveFile), C1 only (-XX:TieredStopAtLevel=1) and -XX:+UseParallelGC;
#   256m   tuned with -Xmx256m (the heap limit of issue #7).
# The command is the command line itself, `saltlab render --target 1.36 --out DIR --layout L`
# (cli/target/saltlab.jar). --source class (the default) gives it the lab written in Java, as the
# cdk8s script is written in JavaScript: `--class io.saltlab.bench.BenchLabProvider` from the
# bench module's jar, sized by $SALTLAB_BENCH_ROLES. --source spec gives it the same lab as a spec
# file (`--lab SPEC`, written by this script), which adds reading YAML. --layout stream (the
# default) writes one multi-document manifests.yaml, as the cdk8s script writes one file; --layout
# files writes one file per object. Either way it also writes kustomization.yaml and topology.md.
#
# cdk8s is installed from the npm registry into a temporary folder (cdk8s@2, constructs@10,
# cdk8s-plus-32@2). Needs java 17+, node, npm and /usr/bin/time.
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)

RUNS=5
SIZES="6 100 1000 5000"
LAYOUT=stream
SOURCE=class
OUT=""
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) RUNS=$2; shift 2 ;;
    --sizes) SIZES=$2; shift 2 ;;
    --layout) LAYOUT=$2; shift 2 ;;
    --source) SOURCE=$2; shift 2 ;;
    --out) OUT=$2; shift 2 ;;
    -h|--help) sed -n '2,29p' "$0"; exit 0 ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
done
case "$LAYOUT" in files|stream) ;; *) echo "--layout is stream or files" >&2; exit 2 ;; esac
case "$SOURCE" in class|spec) ;; *) echo "--source is class or spec" >&2; exit 2 ;; esac

CLI_JAR=$ROOT/cli/target/saltlab.jar
BENCH_CLASSES_JAR=""
for jar in "$ROOT"/bench/target/saltlab-bench-*.jar; do
  case "$jar" in *-sources.jar|*-javadoc.jar) ;; *) [ -f "$jar" ] && BENCH_CLASSES_JAR=$jar ;; esac
done
PEER_SCRIPT=$ROOT/../shared/bench/cdk8s-lab.js
[ -f "$PEER_SCRIPT" ] || PEER_SCRIPT=/work/shared/bench/cdk8s-lab.js
for need in java node npm /usr/bin/time; do
  command -v "$need" >/dev/null || { echo "missing: $need" >&2; exit 2; }
done
[ -f "$CLI_JAR" ] || { echo "missing $CLI_JAR: run mvn -B package -DskipTests first" >&2; exit 2; }
if [ "$SOURCE" = class ] && [ ! -f "$BENCH_CLASSES_JAR" ]; then
  echo "missing bench/target/saltlab-bench-*.jar: run mvn -B package -DskipTests first" >&2
  exit 2
fi
[ -f "$PEER_SCRIPT" ] || { echo "missing the cdk8s script (shared/bench/cdk8s-lab.js)" >&2; exit 2; }

WORK=$(mktemp -d "${TMPDIR:-/tmp}/saltlab-bench.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

echo "installing cdk8s into $WORK/peer ..." >&2
mkdir -p "$WORK/peer"
cp "$PEER_SCRIPT" "$WORK/peer/cdk8s-lab.js"
(cd "$WORK/peer" && npm init -y >/dev/null && npm install --no-audit --no-fund --silent \
  cdk8s@2 constructs@10 cdk8s-plus-32@2 >/dev/null)
CDK8S_VERSION=$(node -p "require('$WORK/peer/node_modules/cdk8s/package.json').version")

# A lab spec for the command line, with the bench lab's content (BenchLabs.lab).
write_spec() {
  local roles=$1 file=$2 i
  {
    echo "name: salt-lab"
    echo "registry:"
    echo "  server: registry.example.com"
    echo "  username: user"
    echo "  passwordEnv: SALTLAB_BENCH_PASSWORD"
    echo "  secretName: registry-pull"
    echo "master:"
    echo "  image: registry.example.com/salt/master:2017.7"
    echo "  hostRoot: /home/vagrant/salt"
    echo "  node: kube0"
    echo "autosignTokenEnv: SALTLAB_BENCH_TOKEN"
    echo "minionImage: registry.example.com/salt/minion:2017.7"
    echo "roles:"
    for ((i = 0; i < roles; i++)); do
      echo "  - {name: role-$i, identity: FIXED, ports: [{name: app, port: 8080}], env: {SALT_ROLE: role-$i}}"
    done
  } > "$file"
}
export SALTLAB_BENCH_PASSWORD=pass SALTLAB_BENCH_TOKEN=bench-token-not-a-secret

# saltlab_cmd ROLES OUTDIR [JVM_OPTION...]: sets CMD to the saltlab command line of one run.
CMD=()
saltlab_cmd() {
  local roles=$1 out=$2
  shift 2
  if [ "$SOURCE" = class ]; then
    CMD=(env "SALTLAB_BENCH_ROLES=$roles" java "$@" -cp "$CLI_JAR:$BENCH_CLASSES_JAR" io.saltlab.cli.Main
      render --class io.saltlab.bench.BenchLabProvider --target 1.36 --out "$out" --layout "$LAYOUT")
  else
    CMD=(java "$@" -jar "$CLI_JAR" render --lab "$WORK/spec-$roles.yaml" --target 1.36 --out "$out" --layout "$LAYOUT")
  fi
}

# The AppCDS archive: classes loaded by a training render, dumped at exit.
CDS=$WORK/saltlab.jsa
TUNED=(-XX:TieredStopAtLevel=1 -XX:+UseParallelGC)
write_spec 100 "$WORK/spec-100.yaml"
saltlab_cmd 100 "$WORK/train" "-XX:ArchiveClassesAtExit=$CDS" "${TUNED[@]}"
"${CMD[@]}" >/dev/null 2>&1 || true
if [ -f "$CDS" ]; then
  TUNED=("-XX:SharedArchiveFile=$CDS" "${TUNED[@]}")
else
  echo "note: no AppCDS archive could be made; tuned runs go without it" >&2
fi

# measure NAME COMMAND...: runs once with a fresh output folder; appends "wall_s rss_kb user_s sys_s".
measure() {
  local name=$1; shift
  local out=$WORK/out-$name
  rm -rf "$out"
  local start end
  start=$(date +%s%N)
  if ! /usr/bin/time -v -o "$WORK/time.txt" "$@" >"$WORK/stdout.txt" 2>"$WORK/stderr.txt"; then
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

for size in $SIZES; do
  write_spec "$size" "$WORK/spec-$size.yaml"
  for ((run = 1; run <= RUNS; run++)); do
    echo "size $size, run $run/$RUNS" >&2
    measure "cdk8s-$size" node "$WORK/peer/cdk8s-lab.js" "$size" "$WORK/out-cdk8s-$size"
    saltlab_cmd "$size" "$WORK/out-plain-$size"
    measure "plain-$size" "${CMD[@]}"
    saltlab_cmd "$size" "$WORK/out-tuned-$size" "${TUNED[@]}"
    measure "tuned-$size" "${CMD[@]}"
    saltlab_cmd "$size" "$WORK/out-256m-$size" "${TUNED[@]}" -Xmx256m
    measure "256m-$size" "${CMD[@]}"
  done
done

seconds() { awk -v ms="$1" 'BEGIN {printf "%.2f", ms / 1000}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; }
mib() { awk -v kb="$1" 'BEGIN {printf "%.0f MiB", kb / 1024}'; }

report() {
  local cmd="java -jar cli/target/saltlab.jar render --lab SPEC --target 1.36 --out DIR --layout $LAYOUT"
  if [ "$SOURCE" = class ]; then
    cmd="java -cp cli/target/saltlab.jar:bench/target/saltlab-bench.jar io.saltlab.cli.Main render --class io.saltlab.bench.BenchLabProvider --target 1.36 --out DIR --layout $LAYOUT"
  fi
  echo "Whole-process render of the cdk8s-shaped lab, median of $RUNS runs, $(date -u +%Y-%m-%d),"
  echo "$(nproc) cores, $(java -version 2>&1 | sed -n 1p | tr -d '"'), node $(node --version), cdk8s $CDK8S_VERSION."
  echo "saltlab: \`$cmd\` (lab from $SOURCE; render, validate, write);"
  echo "tuned: \`${TUNED[*]/#-XX:SharedArchiveFile=*/-XX:SharedArchiveFile=saltlab.jsa}\` (AppCDS archive from a training run, C1 only, parallel GC)."
  echo "cdk8s: \`node cdk8s-lab.js ROLES DIR\` (synth, no validation, one file)."
  echo
  echo "| roles | objects (saltlab / cdk8s) | saltlab s (plain) | saltlab s (tuned) | cdk8s s | ratio plain | ratio tuned | saltlab RSS (tuned) | saltlab RSS (-Xmx256m) | cdk8s RSS |"
  echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
  local size
  for size in $SIZES; do
    local c p t
    c=$(median "$WORK/cdk8s-$size.samples" 1)
    p=$(median "$WORK/plain-$size.samples" 1)
    t=$(median "$WORK/tuned-$size.samples" 1)
    echo "| $size | $((6 + 3 * size)) / $((4 + 2 * size)) | $(seconds "$p") | $(seconds "$t") | $(seconds "$c") | $(ratio "$p" "$c") | $(ratio "$t" "$c") | $(mib "$(median "$WORK/tuned-$size.samples" 2)") | $(mib "$(median "$WORK/256m-$size.samples" 2)") | $(mib "$(median "$WORK/cdk8s-$size.samples" 2)") |"
  done
  echo
  echo "CPU time (user + system, median), which a loaded machine distorts less than wall time:"
  echo
  echo "| roles | saltlab plain | saltlab tuned | saltlab tuned -Xmx256m | saltlab -Xmx256m wall | cdk8s |"
  echo "|---:|---:|---:|---:|---:|---:|"
  for size in $SIZES; do
    cpu() { awk '{print $3 + $4}' "$1" | sort -n | awk '{v[NR] = $1} END {printf "%.2f s", v[int((NR + 1) / 2)]}'; }
    echo "| $size | $(cpu "$WORK/plain-$size.samples") | $(cpu "$WORK/tuned-$size.samples") | $(cpu "$WORK/256m-$size.samples") | $(seconds "$(median "$WORK/256m-$size.samples" 1)") s | $(cpu "$WORK/cdk8s-$size.samples") |"
  done
}

if [ -n "$OUT" ]; then
  report | tee "$OUT"
else
  report
fi
