#!/usr/bin/env bash
# Mutation testing with Stryker.NET (the dotnet-stryker tool in .config/dotnet-tools.json).
#   bash .ci/mutation.sh                      the source files changed since origin/main (or since BASE=rev)
#   bash .ci/mutation.sh src/SafeAuth/Tokens/TokenKinds.cs ...   the files named
# Each file is mutated with the tests that own it:
#   src/SafeAuth, src/SafeAuth.Redis            -> tests/SafeAuth.Tests, tests/SafeAuth.Redis.Tests (the whole project)
#   a rule's analyzer or code fix (XAnalyzer*.cs, XCodeFixProvider*.cs)
#                                               -> its test class XAnalyzerTests (or, when there is none, its family's tests)
#   the shared building blocks (Common/, Context/, KnownTypes/, Options/)
#                                               -> the tests of every rule, of the context model and their own
#                                                  (tests/SafeAuth.Analyzers.Tests/Common)
# FILTER=<dotnet test filter> overrides the choice. Tests that build projects out of process (Meta: samples, package,
# fixed sample) never run under Stryker. The score of each run is printed as a docs/testing.md table row. Minutes per
# file: CI runs one small file only (MUTATION_SMOKE in .ci/run).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
dotnet tool restore >/dev/null

files=("$@")
if [[ ${#files[@]} -eq 0 ]]; then
  base="${BASE:-$(git merge-base HEAD origin/main 2>/dev/null || git rev-list --max-parents=0 HEAD | tail -n 1)}"
  mapfile -t files < <(git diff --name-only --diff-filter=d "$base" -- 'src/SafeAuth/*.cs' 'src/SafeAuth.Redis/*.cs' \
    'src/SafeAuth.Analyzers/*.cs' 'src/SafeAuth.CodeFixes/*.cs' | grep -v '/obj/' || true)
fi
[[ ${#files[@]} -gt 0 ]] || { echo "mutation: no source file to mutate"; exit 0; }

# The dotnet test filter for an analyzer or code-fix file.
analyzer_filter() {
  local file="$1" name family
  name="$(basename "$file" .cs)"; name="${name%%.*}"
  case "$file" in
    */Rules/*)
      family="$(basename "$(dirname "$file")")"
      name="${name%CodeFixProvider}"; name="${name%Analyzer}"
      if compgen -G "tests/SafeAuth.Analyzers.Tests/Rules/$family/${name}AnalyzerTests*.cs" >/dev/null; then
        echo "FullyQualifiedName~SafeAuth.Analyzers.Tests.Rules.$family.${name}AnalyzerTests"
      else
        echo "FullyQualifiedName~SafeAuth.Analyzers.Tests.Rules.$family"
      fi ;;
    *) echo "FullyQualifiedName~SafeAuth.Analyzers.Tests.Rules|FullyQualifiedName~SafeAuth.Analyzers.Tests.Context|FullyQualifiedName~SafeAuth.Analyzers.Tests.Common" ;;
  esac
}

out="$(mktemp -d "${TMPDIR:-/tmp}/safeauth-mutation.XXXXXX")"
status=0
for file in "${files[@]}"; do
  filter=()
  case "$file" in
    src/SafeAuth.Redis/*) tests=tests/SafeAuth.Redis.Tests; project=SafeAuth.Redis.csproj ;;
    src/SafeAuth/*) tests=tests/SafeAuth.Tests; project=SafeAuth.csproj ;;
    src/SafeAuth.Analyzers/*) tests=tests/SafeAuth.Analyzers.Tests; project=SafeAuth.Analyzers.csproj; filter=(--test-case-filter "${FILTER:-$(analyzer_filter "$file")}") ;;
    src/SafeAuth.CodeFixes/*) tests=tests/SafeAuth.Analyzers.Tests; project=SafeAuth.CodeFixes.csproj; filter=(--test-case-filter "${FILTER:-$(analyzer_filter "$file")}") ;;
    *) echo "mutation: $file is not in a mutation-tested library; skipped"; continue ;;
  esac
  [[ -f "$file" ]] || { echo "mutation: $file does not exist; skipped"; continue; }
  report="$out/$(basename "$file" .cs)"
  if ! (cd "$tests" && dotnet stryker --project "$project" --mutate "**/${file#src/*/}" "${filter[@]}" --reporter json --reporter progress \
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
