#!/usr/bin/env bash
# The test command (README): builds everything with warnings as errors and runs every test project,
# including the ones that start DynamoDB Local, the local cloud and published Native-AOT binaries.
set -euo pipefail
cd "$(dirname "$0")/.."

results="artifacts/test-results"
rm -rf "$results"
mkdir -p "$results"

dotnet build Tenancy.sln -c Release -nologo
status=0
# One project at a time, each with its own TRX file, so the summary below can add them up.
for project in tests/*.Tests/*.Tests.csproj; do
  name=$(basename "$project" .csproj)
  dotnet test "$project" -c Release --no-build -nologo \
    --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=normal" --results-directory "$results" \
    --blame-hang-timeout 15m "$@" || status=$?
done

# One closing line over all projects, read from the TRX counters.
passed=0; failed=0; skipped=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  p=$(sed -E 's/.* passed="([0-9]+)".*/\1/' <<<"$counters")
  f=$(sed -E 's/.* failed="([0-9]+)".*/\1/' <<<"$counters")
  nx=$(sed -E 's/.* notExecuted="([0-9]+)".*/\1/' <<<"$counters")
  passed=$((passed + p)); failed=$((failed + f)); skipped=$((skipped + nx))
done
echo "${passed} passed, ${failed} failed, ${skipped} skipped"
if [ "$passed" -eq 0 ] && [ "$status" -eq 0 ]; then
  echo "no test ran" >&2
  exit 1
fi
exit "$status"
