#!/usr/bin/env bash
# Mutation testing of the runtime libraries with Stryker.NET (the dotnet-stryker tool in .config/dotnet-tools.json).
#   bash .ci/mutation.sh                      the runtime files changed since origin/main (or since BASE=rev)
#   bash .ci/mutation.sh src/SafeAuth/Tokens/TokenKinds.cs ...   the files named
# Each file is mutated with the tests of its own library (src/SafeAuth -> tests/SafeAuth.Tests, src/SafeAuth.Redis ->
# tests/SafeAuth.Redis.Tests); the score of each run is printed as a docs/testing.md table row. Minutes per file: not
# part of every CI run.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
dotnet tool restore >/dev/null

files=("$@")
if [[ ${#files[@]} -eq 0 ]]; then
  base="${BASE:-$(git merge-base HEAD origin/main 2>/dev/null || git rev-list --max-parents=0 HEAD | tail -n 1)}"
  mapfile -t files < <(git diff --name-only "$base" -- 'src/SafeAuth/*.cs' 'src/SafeAuth.Redis/*.cs' | grep -v '/obj/' || true)
fi
[[ ${#files[@]} -gt 0 ]] || { echo "mutation: no runtime file to mutate"; exit 0; }

out="$(mktemp -d "${TMPDIR:-/tmp}/safeauth-mutation.XXXXXX")"
status=0
for file in "${files[@]}"; do
  case "$file" in
    src/SafeAuth.Redis/*) tests=tests/SafeAuth.Redis.Tests; project=SafeAuth.Redis.csproj ;;
    src/SafeAuth/*) tests=tests/SafeAuth.Tests; project=SafeAuth.csproj ;;
    *) echo "mutation: $file is not in a runtime library; skipped"; continue ;;
  esac
  report="$out/$(basename "$file" .cs)"
  if ! (cd "$tests" && dotnet stryker --project "$project" --mutate "**/${file#src/*/}" --reporter json --reporter progress \
        -O "$report" --concurrency 2 >"$report.log" 2>&1); then
    echo "mutation: stryker failed on $file (log: $report.log)"; status=1; continue
  fi
  python3 - "$file" "$report/reports/mutation-report.json" <<'PY'
import json, sys
name, path = sys.argv[1], sys.argv[2]
counts = {}
for f in json.load(open(path))["files"].values():
    for m in f["mutants"]:
        counts[m["status"]] = counts.get(m["status"], 0) + 1
killed = counts.get("Killed", 0) + counts.get("Timeout", 0)
survived = counts.get("Survived", 0) + counts.get("NoCoverage", 0)
score = 100.0 * killed / max(1, killed + survived)
print(f"| `{name}` | {killed} | {survived} | {score:.1f} % |")
PY
done
exit $status
