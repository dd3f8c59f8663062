#!/usr/bin/env bash
# Regenerates the golden outputs in tests/golden/ that tests/app/golden_test.cpp compares with:
# for each line NAME ARGS... of tests/golden/commands.txt, runs `kvlab ARGS` from the
# repository's root and writes NAME.txt: standard output, then "--- stderr ---" and standard
# error when there is any, then "--- exit N ---" when the exit code is not 0.
#
#   scripts/update-golden.sh [KVLAB]    # KVLAB: the kvlab binary (default build/app/kvlab,
#                                       # or $KVLAB when set)
# Run it after an intended change of the samples or of kvlab's output, then review the diff
# (git diff tests/golden) before committing it.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
kvlab="${1:-${KVLAB:-$root/build/app/kvlab}}"
case "$kvlab" in /*) ;; *) kvlab="$PWD/$kvlab" ;; esac
if [ ! -x "$kvlab" ]; then
  echo "update-golden.sh: no kvlab binary at $kvlab (build it, or pass its path)" >&2
  exit 2
fi

golden="$root/tests/golden"
err="$(mktemp)"
trap 'rm -f "$err"' EXIT
cd "$root"
count=0
while read -r name args; do
  case "$name" in '' | '#'*) continue ;; esac
  out="$golden/$name.txt"
  # shellcheck disable=SC2086  # ARGS are words without spaces or quotes, split on purpose
  set +e
  "$kvlab" $args >"$out" 2>"$err"
  code=$?
  set -e
  if [ -s "$err" ]; then
    printf -- '--- stderr ---\n' >>"$out"
    cat "$err" >>"$out"
  fi
  if [ "$code" -ne 0 ]; then
    printf -- '--- exit %d ---\n' "$code" >>"$out"
  fi
  count=$((count + 1))
  echo "wrote tests/golden/$name.txt"
done <"$golden/commands.txt"
echo "$count golden outputs written with $kvlab"
