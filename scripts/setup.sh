#!/usr/bin/env bash
# KV Lab set-up on Debian 12: installs what the project needs (idempotently), builds, then runs
# the main job on a sample (`run`) or the whole test suite (`test`).
#
#   scripts/setup.sh run        install, build, then plan, propose and simulate the shop sample
#   scripts/setup.sh test       install, build, run every test (ctest)
#   scripts/setup.sh sanitize   install, build with AddressSanitizer + UBSan in build-asan, test
#   scripts/setup.sh deps       install the Debian packages only
#   scripts/setup.sh build      install and build only
set -euo pipefail

cd "$(dirname "$0")/.."
mode="${1:-run}"
jobs="${KVLAB_JOBS:-$(nproc)}"

# Everything the build, the tests and the studio's headless screenshots need, from Debian 12.
packages=(
  build-essential cmake ninja-build pkg-config
  libsqlite3-dev sqlite3 nlohmann-json3-dev libcli11-dev libboost-graph-dev
  libglpk-dev libyaml-cpp-dev libgtest-dev libgmock-dev libbenchmark-dev
  qt6-base-dev qt6-charts-dev qt6-svg-dev libqt6opengl6-dev libgl-dev
  fonts-dejavu-core clang-format
  libpq-dev postgresql-15 libhiredis-dev redis-server
  libxlsxwriter-dev poppler-utils
  libcurl4-openssl-dev libssl-dev
)

# Node.js and npm for dynalite; Debian's packages only when no npm is there (a NodeSource nodejs
# bundles npm and conflicts with Debian's npm package).
if ! command -v npm > /dev/null 2>&1; then packages+=(nodejs npm); fi

install_packages() {
  local missing=()
  for package in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
      missing+=("$package")
    fi
  done
  if [ ${#missing[@]} -eq 0 ]; then
    echo "setup: all ${#packages[@]} Debian packages are installed"
    return
  fi
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  echo "setup: installing ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

build() {
  local dir="$1"
  shift
  cmake -S . -B "$dir" -G Ninja "$@"
  cmake --build "$dir" -j "$jobs"
}

# dynalite (the DynamoDB HTTP API on LevelDB, in Node.js) for the dynamodb-api tests, in the
# project's own folder; npm installs it only when it is not there yet.
install_dynalite() {
  if [ -f third_party/dynalite/node_modules/dynalite/cli.js ]; then
    echo "setup: dynalite is installed (third_party/dynalite)"
    return
  fi
  echo "setup: installing dynalite 4 in third_party/dynalite (npm)"
  (cd third_party/dynalite && npm install --no-audit --no-fund dynalite@4)
}

install_packages
install_dynalite
case "$mode" in
  deps) ;;
  build)
    build build -DCMAKE_BUILD_TYPE=RelWithDebInfo
    ;;
  run)
    build build -DCMAKE_BUILD_TYPE=RelWithDebInfo
    sample=samples/online-shop.kvlab.json
    ./build/app/kvlab validate "$sample"
    echo; echo "== How each access pattern runs on the sample's design, and what it costs"
    ./build/app/kvlab plan "$sample"
    echo; echo "== The design the modeler proposes"
    ./build/app/kvlab propose "$sample" --top 1
    echo "== 60 seconds of the workload on every engine: DynamoDB, a PostgreSQL-like server,"
    echo "== a Redis cache, and the cache in front of the database (the side-by-side table is last)"
    ./build/app/kvlab simulate "$sample" --engine all --duration 60s --quiet
    echo
    echo "Open the same project in the studio: ./build/app/kvlab-studio $sample"
    ;;
  test)
    build build -DCMAKE_BUILD_TYPE=RelWithDebInfo
    ctest --test-dir build --output-on-failure -j "$jobs"
    ;;
  sanitize)
    build build-asan -DCMAKE_BUILD_TYPE=Debug -DKVLAB_SANITIZE=ON
    ASAN_OPTIONS="detect_leaks=1:abort_on_error=1" \
      LSAN_OPTIONS="suppressions=$PWD/tests/support/lsan.supp:print_suppressions=0" \
      UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1" \
      ctest --test-dir build-asan --output-on-failure -j "$jobs"
    ;;
  *)
    echo "usage: scripts/setup.sh [run|test|sanitize|deps|build]" >&2
    exit 2
    ;;
esac
