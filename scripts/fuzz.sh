#!/usr/bin/env bash
# Builds the libFuzzer targets of tests/fuzz with Clang, AddressSanitizer and UBSan in build-fuzz,
# then runs each for SECONDS (default 20) on a fresh copy of its seed corpus. Exits non-zero when
# any target finds a crash, a hang (> 10 s on one input), a leak or more than 2 GB of memory, and
# prints the saved input; see docs/reliability.md for turning one into a regression test.
#
#   scripts/fuzz.sh [SECONDS_PER_TARGET]
#   KVLAB_FUZZ_TARGETS="csv_rate key_template" scripts/fuzz.sh 120    some targets only
#   KVLAB_JOBS=1 scripts/fuzz.sh                                     build on one core
#
# The seeds: samples/*.kvlab.json, the shared corpus (../shared/corpus/designs and
# ../shared/corpus/nosql-workbench, or under $KVLAB_SHARED_DIR), data/prices/*.json,
# data/engines/*.json, the key templates those files use, and the files in tests/fuzz/seeds/TARGET/
# (hand-written, or exported by kvlab and kept). Findings go to build-fuzz/fuzz/findings/TARGET/.
set -euo pipefail

cd "$(dirname "$0")/.."
seconds="${1:-20}"
jobs="${KVLAB_JOBS:-$(nproc)}"
build=build-fuzz
work="$build/fuzz"
shared="${KVLAB_SHARED_DIR:-../shared}"
all_targets=(key_template csv_rate price_sheet project_json planner native_project nosql_workbench
  cloudformation run_result redis_parameters relational_profile)
read -r -a targets <<<"${KVLAB_FUZZ_TARGETS:-${all_targets[*]}}"

if ! [[ "$seconds" =~ ^[0-9]+$ ]] || [ "$seconds" -lt 1 ]; then
  echo "usage: scripts/fuzz.sh [SECONDS_PER_TARGET]" >&2
  exit 2
fi

# The project's own packages, then Debian's Clang; libFuzzer (libclang_rt.fuzzer) comes with
# libclang-rt-14-dev, which clang-14 only recommends.
scripts/setup.sh deps
fuzz_packages=(clang libclang-rt-14-dev)
missing=()
for package in "${fuzz_packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  echo "fuzz: installing ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# -O1 keeps assertions (no NDEBUG) and builds faster than -O2; UI and GoogleTest are not needed.
CC=clang CXX=clang++ cmake -S . -B "$build" -G Ninja -DKVLAB_FUZZ=ON -DKVLAB_BUILD_UI=OFF \
  -DKVLAB_BUILD_TESTS=OFF -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O1 -g" >/dev/null
cmake --build "$build" -j "$jobs" --target fuzzers

# --- seed corpora, made afresh from the sources of truth each run ---
rm -rf "$work"
mkdir -p "$work"
projects=(samples/*.kvlab.json tests/fuzz/seeds/project_json/*)
if compgen -G "$shared/corpus/designs/*.kvlab.json" >/dev/null; then
  projects+=("$shared"/corpus/designs/*.kvlab.json)
else
  echo "fuzz: no shared corpus at $shared/corpus/designs; seeding from samples only"
fi
seed() {  # seed TARGET FILE...: copies the files into TARGET's corpus
  local target="$1"
  shift
  mkdir -p "$work/corpus/$target"
  if [ $# -gt 0 ]; then cp "$@" "$work/corpus/$target/"; fi
}
seed project_json "${projects[@]}"
seed planner "${projects[@]}"
seed price_sheet data/prices/*.json tests/fuzz/seeds/price_sheet/*
seed csv_rate tests/fuzz/seeds/csv_rate/*
seed key_template tests/fuzz/seeds/key_template/*
workbench_models=(tests/fuzz/seeds/nosql_workbench/*)
if compgen -G "$shared/corpus/nosql-workbench/*.json" >/dev/null; then
  workbench_models+=("$shared"/corpus/nosql-workbench/*.json)
else
  echo "fuzz: no shared corpus at $shared/corpus/nosql-workbench; seeding from tests/fuzz/seeds"
fi
seed nosql_workbench "${workbench_models[@]}"
seed cloudformation tests/fuzz/seeds/cloudformation/*
seed run_result tests/fuzz/seeds/run_result/*
# Each engine file seeds both engine readers: the other's file exercises the refusals.
seed redis_parameters data/engines/*.json tests/fuzz/seeds/redis_parameters/*
seed relational_profile data/engines/*.json tests/fuzz/seeds/relational_profile/*
# Every key template the projects use, one per file.
n=0
while IFS= read -r template; do
  printf '%s' "$template" >"$work/corpus/key_template/project-template-$n"
  n=$((n + 1))
done < <(grep -ho '"[^"{}]*{[^"]*}[^"]*"' "${projects[@]}" | tr -d '"' | sort -u)
mkdir -p "$work/corpus/native_project"
"$build/tests/fuzz/make_native_seeds" "$work/corpus/native_project" "${projects[@]}"

# --- runs ---
max_len() {
  case "$1" in
    key_template) echo 1024 ;;
    csv_rate | price_sheet) echo 16384 ;;
    project_json | planner | nosql_workbench | cloudformation | run_result) echo 65536 ;;
    native_project) echo 131072 ;;
    redis_parameters | relational_profile) echo 16384 ;;
  esac
}
dictionary() {
  case "$1" in
    key_template) echo tests/fuzz/key_template.dict ;;
    csv_rate) echo tests/fuzz/csv_rate.dict ;;
    price_sheet) echo tests/fuzz/price_sheet.dict ;;
    project_json | planner) echo tests/fuzz/kvlab_json.dict ;;
    nosql_workbench) echo tests/fuzz/nosql_workbench.dict ;;
    cloudformation) echo tests/fuzz/cloudformation.dict ;;
    run_result) echo tests/fuzz/run_result.dict ;;
    redis_parameters | relational_profile) echo tests/fuzz/engines.dict ;;
  esac
}

passed=0
failed=0
failures=()
for target in "${targets[@]}"; do
  binary="$build/tests/fuzz/${target}_fuzzer"
  if [ ! -x "$binary" ]; then
    echo "fuzz: no target $target (known: ${all_targets[*]})" >&2
    exit 2
  fi
  findings="$work/findings/$target"
  log="$work/$target.log"
  mkdir -p "$findings"
  args=(-max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len="$(max_len "$target")"
    -artifact_prefix="$findings/" -print_final_stats=1)
  dict="$(dictionary "$target")"
  if [ -n "$dict" ]; then args+=(-dict="$dict"); fi
  set +e
  ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:symbolize=1" \
    UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1" \
    "$binary" "${args[@]}" "$work/corpus/$target" >"$log" 2>&1
  rc=$?
  set -e
  runs="$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1 || true)"
  rate="$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1 || true)"
  coverage="$(grep -o 'cov: [0-9]* ft: [0-9]* corp: [0-9]*' "$log" | tail -1 || true)"
  mapfile -t artifacts < <(find "$findings" -type f | sort)
  if [ "$rc" -eq 0 ] && [ ${#artifacts[@]} -eq 0 ]; then
    echo "fuzz: $target: ok, ${seconds} s, ${runs:-?} runs (${rate:-?}/s), ${coverage:-no coverage line}"
    passed=$((passed + 1))
  else
    echo "fuzz: $target: FAILED (exit $rc) after ${runs:-?} runs; the fuzzer's report:"
    grep -v -E '^#[0-9]+|^INFO: ' "$log" | tail -60 | cut -c1-400 || true
    for artifact in "${artifacts[@]}"; do
      echo "fuzz: $target: crashing input: $artifact"
      echo "fuzz:   reproduce: $binary $artifact"
    done
    failed=$((failed + 1))
    failures+=("$target")
  fi
done

echo "fuzz: $passed passed, $failed failed"
if [ "$failed" -gt 0 ]; then
  echo "fuzz: findings in ${failures[*]}; logs in $work/*.log" >&2
  exit 1
fi
