#!/usr/bin/env bash
# `bun run test`: type check and lint, unit tests, then the whole-process tests twice — against the
# embedded database and against the Postgres server at TEST_POSTGRES_URL (default 127.0.0.1:5432).
# Ends with one line "N passed, N failed"; exits non-zero if anything failed.
set -uo pipefail
cd "$(dirname "$0")/.."

passed=0
failed=0
log=$(mktemp)

run_suite() {
  local name="$1"; shift
  echo "=== ${name}"
  "$@" 2>&1 | tee "$log"
  local status=${PIPESTATUS[0]}
  local p f
  p=$(grep -Eo '^ *[0-9]+ pass$' "$log" | tail -1 | grep -Eo '[0-9]+' || echo 0)
  f=$(grep -Eo '^ *[0-9]+ fail$' "$log" | tail -1 | grep -Eo '[0-9]+' || echo 0)
  if [ "$status" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; fi
  passed=$((passed + p))
  failed=$((failed + f))
}

run_check() {
  local name="$1"; shift
  echo "=== ${name}"
  if "$@"; then passed=$((passed + 1)); else failed=$((failed + 1)); fi
}

export TEST_POSTGRES_URL="${TEST_POSTGRES_URL:-postgres://postgres@127.0.0.1:5432/postgres}"

run_check "type check and lint" bun run check
run_suite "unit tests" bun test src
run_suite "whole-process tests (embedded database)" env WADDLEAI_TEST_ENGINE=embedded bun test test/
run_suite "whole-process tests (postgres)" env WADDLEAI_TEST_ENGINE=postgres bun test test/

rm -f "$log"
echo "${passed} passed, ${failed} failed"
[ "$failed" -eq 0 ]
