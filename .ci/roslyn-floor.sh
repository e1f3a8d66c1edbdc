#!/usr/bin/env bash
# The Roslyn floor: SafeAuth's analyzers and code fixes load and work in the oldest compiler it supports (Roslyn 4.8.0,
# the .NET 8 SDK and Visual Studio 17.8). Packs SafeAuth.Analyzers, unpacks analyzers/dotnet/cs, builds each sample
# with the current SDK (its SARIF log and its exact csc arguments), then tests/SafeAuth.RoslynFloor, a host built on
# Microsoft.CodeAnalysis.CSharp.Workspaces 4.8.0, loads the packed assemblies, compiles the sample from those same
# arguments, runs every analyzer and offers every fix. It fails on a load error, an analyzer or fixer exception, a fix
# that changes nothing, or any finding outside .razor files that the two compilers do not both report at the same
# file(line,col). (.razor findings need the Razor source generator, which itself needs a newer compiler.)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
work="$(mktemp -d "${TMPDIR:-/tmp}/safeauth-floor.XXXXXX")"
trap 'rm -rf "$work"' EXIT
version="0.1.0-floor.$(date -u +%Y%m%d%H%M%S).$$"

dotnet pack src/SafeAuth.Analyzers.Package/SafeAuth.Analyzers.Package.csproj -c Release -nologo -o "$work/feed" "-p:Version=$version" >"$work/pack.log" 2>&1 \
  || { tail -n 30 "$work/pack.log" >&2; echo "roslyn floor: FAIL: dotnet pack" >&2; exit 1; }
mkdir -p "$work/package"
unzip -q "$work/feed/SafeAuth.Analyzers.$version.nupkg" -d "$work/package"
analyzers="$work/package/analyzers/dotnet/cs"
dotnet build tests/SafeAuth.RoslynFloor/SafeAuth.RoslynFloor.csproj -c Release -nologo >"$work/host.log" 2>&1 \
  || { tail -n 30 "$work/host.log" >&2; echo "roslyn floor: FAIL: building the Roslyn 4.8 host" >&2; exit 1; }

failures=0
for dir in samples/SafeAuth.Samples.*/; do
  dir="${dir%/}"
  name="$(basename "$dir")"
  # One real compile (--no-incremental), recording its csc arguments and its SARIF log.
  if ! dotnet build "$dir/$name.csproj" -c Release --no-incremental -nologo -p:ProvideCommandLineArgs=true \
      "-p:ErrorLog=$work/$name.sarif%2Cversion=2.1" -getItem:CscCommandLineArgs >"$work/$name.args.json" 2>"$work/$name.build.err"; then
    cat "$work/$name.build.err" >&2
    echo "roslyn floor: FAIL: building $name" >&2
    failures=$((failures + 1))
    continue
  fi
  dotnet run -c Release --no-build --project tests/SafeAuth.RoslynFloor -- --analyzers "$analyzers" --project-dir "$dir" \
    --command-line "$work/$name.args.json" --build-sarif "$work/$name.sarif" || failures=$((failures + 1))
done

if [[ $failures -gt 0 ]]; then
  echo "roslyn floor: $failures sample(s) differ or failed" >&2
  exit 1
fi
echo "roslyn floor: every sample gives the same findings in Roslyn 4.8.0 as in the current SDK"
