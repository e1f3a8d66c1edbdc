#!/usr/bin/env bash
# Packs the safeauth .NET tool with a unique prerelease version into a temporary folder feed, installs it the way a user
# does (dotnet tool install --add-source), and runs it on the repository's samples: findings printed, SARIF written,
# exit 1; a baseline written first makes the same scan exit 0; inspect decodes a token offline.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="$(mktemp -d "${TMPDIR:-/tmp}/safeauth-cli-e2e.XXXXXX")"
trap 'rm -rf "$work"' EXIT
version="0.1.0-ci.$(date -u +%Y%m%d%H%M%S).$$"
checks=0
failures=0
pass() { checks=$((checks + 1)); echo "cli e2e: ok: $*"; }
fail() { failures=$((failures + 1)); echo "cli e2e: FAIL: $*" >&2; }
check() { local description="$1"; shift; if "$@"; then pass "$description"; else fail "$description"; fi; }

echo "cli e2e: packing SafeAuth.Cli $version"
if ! dotnet pack "$root/src/SafeAuth.Cli/SafeAuth.Cli.csproj" -c Release -nologo -o "$work/feed" "-p:Version=$version" >"$work/pack.log" 2>&1; then
  tail -n 30 "$work/pack.log" >&2
  echo "cli e2e: dotnet pack failed"
  exit 1
fi
nupkg="$work/feed/SafeAuth.Cli.$version.nupkg"
unzip -l "$nupkg" | awk 'NR > 3 { print $4 }' >"$work/entries"
for entry in README.md tools/net10.0/any/DotnetToolSettings.xml tools/net10.0/any/SafeAuth.Cli.dll tools/net10.0/any/SafeAuth.Analyzers.dll \
             tools/net10.0/any/SafeAuth.CodeFixes.dll tools/net10.0/any/BuildHost-netcore/Microsoft.CodeAnalysis.Workspaces.MSBuild.BuildHost.dll; do
  check "the tool package holds $entry" grep -qxF "$entry" "$work/entries"
done
check "the tool package declares the safeauth command" bash -c "unzip -p '$nupkg' tools/net10.0/any/DotnetToolSettings.xml | grep -q 'Command Name=\"safeauth\"'"

# Installed as a user installs it, into a tool path of its own, with a NuGet cache of its own.
export NUGET_PACKAGES="$work/nuget-packages"
if dotnet tool install SafeAuth.Cli --version "$version" --add-source "$work/feed" --tool-path "$work/tools" >"$work/install.log" 2>&1; then
  pass "dotnet tool install SafeAuth.Cli"
else
  fail "dotnet tool install SafeAuth.Cli"; tail -n 20 "$work/install.log" >&2
  echo "cli e2e: $failures check(s) failed, $checks passed"
  exit 1
fi
unset NUGET_PACKAGES
safeauth="$work/tools/safeauth"

rc=0
(cd "$root" && "$safeauth" scan samples --output "$work/samples.sarif") >"$work/scan.txt" 2>"$work/scan.err" || rc=$?
check "safeauth scan samples exits 1 (findings)" test "$rc" -eq 1
check "safeauth scan prints findings grouped by rule with file:line" grep -qE '^  warning SafeAuth\.Samples\.Violations/[^ ]+\.cs:[0-9]+:[0-9]+ ' "$work/scan.txt"
check "safeauth scan prints the summary" grep -qE '^[0-9]+ findings in [0-9]+ files; [0-9]+ projects analysed' "$work/scan.txt"
check "safeauth scan wrote SARIF with every expected rule" python3 - "$work/samples.sarif" "$root/samples/expected-diagnostics.txt" <<'PY'
import json, sys
log = json.load(open(sys.argv[1]))
run = log["runs"][0]
expected = {l.strip() for l in open(sys.argv[2]) if l.strip() and not l.startswith("#")}
found = {r["ruleId"] for r in run["results"]}
assert log["version"] == "2.1.0", log["version"]
assert expected == found, f"SARIF rules {sorted(found)} != expected {sorted(expected)}"
assert all(r.get("helpUri") for r in run["tool"]["driver"]["rules"]), "a rule lacks its help link"
PY

rc=0
(cd "$root" && "$safeauth" scan samples --no-restore --write-baseline "$work/baseline.json" --format json --output "$work/first.json") >/dev/null 2>&1 || rc=$?
check "safeauth scan --write-baseline exits 1 (findings) and writes the baseline" bash -c "test $rc -eq 1 && test -s '$work/baseline.json'"
rc=0
(cd "$root" && "$safeauth" scan samples --no-restore --baseline "$work/baseline.json") >"$work/baseline.txt" 2>&1 || rc=$?
check "safeauth scan --baseline exits 0 with nothing new" bash -c "test $rc -eq 0 && grep -q '(0 not in the baseline)' '$work/baseline.txt'"

rc=0
"$safeauth" inspect "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0." >"$work/inspect.txt" 2>&1 || rc=$?
check "safeauth inspect reports an unsigned token (exit 1, alg-none)" bash -c "test $rc -eq 1 && grep -q 'alg-none' '$work/inspect.txt'"
rc=0
"$safeauth" scan "$work/no-such-folder" >/dev/null 2>&1 || rc=$?
check "safeauth scan of a missing path exits 2" test "$rc" -eq 2

echo "cli e2e: $checks checks passed, $failures failed"
[[ $failures -eq 0 ]]
