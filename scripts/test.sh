#!/usr/bin/env bash
# The test command (README command 2). Installs the pinned npm tools the tests start themselves
# (Azurite, the Agents Playground), then builds the whole IncidentFlows.sln with warnings as errors —
# both hosts, the Functions host included (docs/adr/0008-one-build.md) — and runs every test project.
# Ends with the line "N passed, N failed"; exits non-zero when anything failed or did not build.
set -uo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "== npm ci (pinned Azurite and Agents Playground)"
  npm ci --no-audit --no-fund --loglevel=error || { echo "0 passed, 1 failed"; exit 1; }
fi

log=$(mktemp)
trap 'rm -f "$log"' EXIT
echo "== dotnet test IncidentFlows.sln"
dotnet test IncidentFlows.sln -c Release "$@" 2>&1 | tee "$log"
rc=${PIPESTATUS[0]}

# VSTest prints one summary per test project: "Passed!  - Failed: 0, Passed: 12, Skipped: 0, Total: 12, ..."
read -r passed failed < <(awk '
  /(Passed|Failed)! +- +Failed:/ {
    for (i = 1; i <= NF; i++) { if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1) }
  }
  END { printf "%d %d\n", p, f }' "$log" | tr -d ',')
if [ "$rc" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi   # a build error fails the run too
echo "$passed passed, $failed failed"
exit "$rc"
