#!/usr/bin/env bash
# The long form of the load profile / soak: 50 tenants (one in five siloed) against the local run for 10 minutes
# (loopback only), then the figures in artifacts/soak/report.md. Same harness as the short form in
# tests/Tenancy.Resilience.Tests (SoakTests), only longer.
#   tools/soak.sh [seconds] [tenants] [clients]
# TENANCY_SOAK_NO_BUILD=1 skips the build. TENANCY_API_BOOTSTRAP=<path to a published AOT bootstrap> runs that binary instead of the JIT build.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p artifacts/soak
export TENANCY_LOAD_SECONDS="${1:-600}"
export TENANCY_LOAD_TENANTS="${2:-50}"
export TENANCY_LOAD_WORKERS="${3:-8}"
export TENANCY_LOAD_SAMPLE_SECONDS="${TENANCY_LOAD_SAMPLE_SECONDS:-15}"
export TENANCY_LOAD_REPORT="$PWD/artifacts/soak/report.md"
dotnet test tests/Tenancy.Resilience.Tests/Tenancy.Resilience.Tests.csproj -c Release -nologo ${TENANCY_SOAK_NO_BUILD:+--no-build} \
  --filter "FullyQualifiedName~SoakTests" --logger "console;verbosity=normal"
cat "$TENANCY_LOAD_REPORT"
