#!/usr/bin/env bash
# Packs SafeAuth.Analyzers and SafeAuth with a unique prerelease version into a temporary folder feed, checks the
# layout of the analyzer package, then installs it into a fresh ASP.NET Core project (outside the repository, with its
# own NuGet cache so no stale copy is used) and checks what a package user sees: the warning, -warnaserror failing,
# SARIF with the help link, the SafeAuthAnalysisMode presets, the user's own .globalconfig winning over a preset, and
# the code fix applied with `dotnet format analyzers`.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$root/.ci/fixtures/fresh-app.sh"
work="$(mktemp -d "${TMPDIR:-/tmp}/safeauth-e2e.XXXXXX")"
trap 'rm -rf "$work"' EXIT
feed="$work/feed"
app="$work/app"
mkdir -p "$feed" "$app"

version="0.1.0-ci.$(date -u +%Y%m%d%H%M%S).$$"
help_link="https://github.com/safeauth/SafeAuth/blob/main/docs/rules/AUTH101.md"
checks=0
failures=0
started=$SECONDS

pass() { checks=$((checks + 1)); echo "package e2e: ok: $*"; }
fail() { failures=$((failures + 1)); echo "package e2e: FAIL: $*" >&2; }
check() { # description command...
  local description="$1"; shift
  if "$@"; then pass "$description"; else fail "$description"; fi
}

central_version() { # package id -> version from Directory.Packages.props
  sed -nE "s|.*<PackageVersion Include=\"$1\" Version=\"([^\"]+)\".*|\1|p" "$root/Directory.Packages.props" | head -n 1
}

# --- Pack -----------------------------------------------------------------------------------------------------------
echo "package e2e: packing $version into $feed"
for project in src/SafeAuth.Analyzers.Package/SafeAuth.Analyzers.Package.csproj src/SafeAuth/SafeAuth.csproj src/SafeAuth.Redis/SafeAuth.Redis.csproj src/SafeAuth.AspNetCore/SafeAuth.AspNetCore.csproj; do
  if dotnet pack "$root/$project" -c Release -nologo -o "$feed" "-p:Version=$version" >"$work/pack.log" 2>&1; then
    pass "dotnet pack $project"
  else
    fail "dotnet pack $project"; tail -n 30 "$work/pack.log" >&2
  fi
done

nupkg="$feed/SafeAuth.Analyzers.$version.nupkg"
if [[ ! -f "$nupkg" ]]; then
  fail "$nupkg was not produced"
  echo "package e2e: $failures check(s) failed, $checks passed"
  exit 1
fi
# Package hygiene: every package has the icon, its README, the license, project and repository URLs and release notes.
for package in SafeAuth.Analyzers SafeAuth SafeAuth.Redis SafeAuth.AspNetCore; do
  file="$feed/$package.$version.nupkg"
  [[ -f "$file" ]] || { fail "$file was not produced"; continue; }
  unzip -p "$file" "$package.nuspec" >"$work/$package.nuspec"
  check "$package carries icon.png and README.md" bash -c "unzip -l '$file' | grep -qE ' icon.png$' && unzip -l '$file' | grep -qE ' README.md$'"
  check "$package names its icon, readme, MIT license, project URL, repository and release notes" bash -c \
    "grep -q '<icon>icon.png</icon>' '$work/$package.nuspec' && grep -q '<readme>README.md</readme>' '$work/$package.nuspec' \
     && grep -q '<license type=\"expression\">MIT</license>' '$work/$package.nuspec' && grep -q '<projectUrl>https://github.com/safeauth/SafeAuth</projectUrl>' '$work/$package.nuspec' \
     && grep -q '<repository type=\"git\" url=\"https://github.com/safeauth/SafeAuth\"' '$work/$package.nuspec' && grep -q '<releaseNotes>.*CHANGELOG.md</releaseNotes>' '$work/$package.nuspec'"
done

unzip -l "$nupkg" | awk 'NR > 3 && $4 != "" && $4 != "----" { print $4 }' >"$work/entries"
for entry in analyzers/dotnet/cs/SafeAuth.Analyzers.dll analyzers/dotnet/cs/SafeAuth.CodeFixes.dll \
             build/SafeAuth.Analyzers.props buildTransitive/SafeAuth.Analyzers.props \
             configuration/default.globalconfig configuration/all-warnings.globalconfig \
             configuration/all-errors.globalconfig configuration/none.globalconfig; do
  check "the package holds $entry" grep -qxF "$entry" "$work/entries"
done
check "the package has no lib/ or ref/ folder" bash -c "! grep -qE '^(lib|ref)/' '$work/entries'"
unzip -p "$nupkg" SafeAuth.Analyzers.nuspec >"$work/nuspec"
check "the package is a development dependency without dependencies" \
  bash -c "grep -q '<developmentDependency>true</developmentDependency>' '$work/nuspec' && ! grep -q '<dependency ' '$work/nuspec'"
if [[ -f "$feed/SafeAuth.$version.nupkg" ]]; then
  check "the SafeAuth package holds lib/net8.0/SafeAuth.dll" bash -c "unzip -l '$feed/SafeAuth.$version.nupkg' | grep -q 'lib/net8.0/SafeAuth.dll'"
fi
check "the SafeAuth.Redis package holds lib/net8.0/SafeAuth.Redis.dll and depends on SafeAuth and StackExchange.Redis" bash -c \
  "unzip -l '$feed/SafeAuth.Redis.$version.nupkg' | grep -q 'lib/net8.0/SafeAuth.Redis.dll' \
   && unzip -p '$feed/SafeAuth.Redis.$version.nupkg' SafeAuth.Redis.nuspec | grep -q 'id=\"SafeAuth\"' \
   && unzip -p '$feed/SafeAuth.Redis.$version.nupkg' SafeAuth.Redis.nuspec | grep -q 'id=\"StackExchange.Redis\"'"

# --- A fresh project that installs the package ----------------------------------------------------------------------
isolate_app "$app" "$feed"
cat >"$app/E2eApp.csproj" <<'XML'
<Project Sdk="Microsoft.NET.Sdk.Web">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>enable</ImplicitUsings>
    <NuGetAudit>false</NuGetAudit>
  </PropertyGroup>
</Project>
XML
trusted_bearer_program "$app"

export NUGET_PACKAGES="$work/nuget-packages"
cd "$app"
if dotnet add package System.IdentityModel.Tokens.Jwt --version "$(central_version System.IdentityModel.Tokens.Jwt)" >"$work/add.log" 2>&1 \
   && dotnet add package SafeAuth.Analyzers --version "$version" >>"$work/add.log" 2>&1; then
  pass "dotnet add package SafeAuth.Analyzers --version $version"
else
  fail "dotnet add package"; tail -n 30 "$work/add.log" >&2
  echo "package e2e: $failures check(s) failed, $checks passed"
  exit 1
fi
check "the package is referenced as a private development dependency" \
  bash -c "grep -A3 'Include=\"SafeAuth.Analyzers\"' E2eApp.csproj | grep -q 'PrivateAssets'"

build() { # name extra-args... -> $work/<name>.log; returns dotnet's exit code
  local name="$1"; shift
  local rc=0
  dotnet build --no-incremental -nologo "$@" >"$work/$name.log" 2>&1 || rc=$?
  echo "package e2e: build '$name' exit $rc"
  return $rc
}
has() { grep -qE "$2" "$work/$1.log"; }

if build plain; then pass "the project builds with the package"; else fail "the project builds with the package"; tail -n 30 "$work/plain.log" >&2; fi
check "AUTH101 is reported as a warning" has plain 'warning AUTH101:'
check "the warning carries the help link" has plain "$help_link"
check "the package props reached the compiler (CompilerVisibleProperty)" \
  bash -c "grep -rqs 'build_property.SafeAuthAnalysisMode' obj/Debug/net10.0/*.GeneratedMSBuildEditorConfig.editorconfig \
           && grep -rqs 'build_property.UsingMicrosoftNETSdkWeb = true' obj/Debug/net10.0/*.GeneratedMSBuildEditorConfig.editorconfig"

if build warnaserror -warnaserror; then fail "-warnaserror fails the build"; else pass "-warnaserror fails the build"; fi
check "-warnaserror reports AUTH101 as an error" has warnaserror 'error AUTH101:'

build sarif "-p:ErrorLog=$work/out.sarif%2Cversion=2.1" || true
if python3 - "$work/out.sarif" "$help_link" <<'PY'
import json, sys
with open(sys.argv[1], encoding="utf-8-sig") as f:
    log = json.load(f)
results = [r for run in log["runs"] for r in run.get("results", []) if r.get("ruleId") == "AUTH101"]
rules = [r for run in log["runs"] for r in run.get("tool", {}).get("driver", {}).get("rules", []) if r.get("id") == "AUTH101"]
ok = log.get("version") == "2.1.0" and results and any(r.get("helpUri") == sys.argv[2] for r in rules)
sys.exit(0 if ok else 1)
PY
then pass "the SARIF 2.1 log holds AUTH101 and its helpUri"; else fail "the SARIF 2.1 log holds AUTH101 and its helpUri"; fi

if build mode-none -p:SafeAuthAnalysisMode=none; then pass "SafeAuthAnalysisMode=none builds"; else fail "SafeAuthAnalysisMode=none builds"; fi
check "SafeAuthAnalysisMode=none reports no AUTH101" bash -c "! grep -q 'AUTH101' '$work/mode-none.log'"

if build mode-all-errors -p:SafeAuthAnalysisMode=all-errors; then fail "SafeAuthAnalysisMode=all-errors fails the build"; else pass "SafeAuthAnalysisMode=all-errors fails the build"; fi
check "SafeAuthAnalysisMode=all-errors reports AUTH101 as an error" has mode-all-errors 'error AUTH101:'

if build mode-all-warnings -p:SafeAuthAnalysisMode=all-warnings; then pass "SafeAuthAnalysisMode=all-warnings builds"; else fail "SafeAuthAnalysisMode=all-warnings builds"; fi
check "SafeAuthAnalysisMode=all-warnings reports AUTH101 as a warning" has mode-all-warnings 'warning AUTH101:'

if build mode-bogus -p:SafeAuthAnalysisMode=bogus; then fail "an unknown SafeAuthAnalysisMode fails the build"; else pass "an unknown SafeAuthAnalysisMode fails the build"; fi
check "an unknown SafeAuthAnalysisMode is named in the error" has mode-bogus "SAFEAUTH0001.*'bogus'"

# The presets sit at global_level -1: a project's own .globalconfig wins over them.
printf 'is_global = true\ndotnet_diagnostic.AUTH101.severity = suggestion\n' >.globalconfig
if build user-config -p:SafeAuthAnalysisMode=all-errors; then pass "a project .globalconfig overrides the all-errors preset"; else fail "a project .globalconfig overrides the all-errors preset"; fi
check "with the project's .globalconfig AUTH101 is no warning or error" bash -c "! grep -qE '(warning|error) AUTH101' '$work/user-config.log'"
rm -f .globalconfig

# Findings outside C# files (AUTH304 in appsettings*.json, findings in .razor components) take their severity from
# global settings only, as docs/configuration.md says: a .globalconfig line reaches them, an .editorconfig section
# ([*.json], [*.razor], [*.cs]) does not (the compiler applies sections to C# files only).
printf '{\n  "Jwt": {\n    "SigningKey": "q8N3vX9zR2mK7pL4tY6wB1cF5hJ0sD8gA3eU7iO2nM4="\n  }\n}\n' >appsettings.Production.json
printf 'root = true\n\n[*.json]\ndotnet_diagnostic.AUTH304.severity = error\n' >.editorconfig
build settings-editorconfig || true
check "AUTH304 is reported at its appsettings.Production.json line" has settings-editorconfig 'appsettings\.Production\.json\(3,[0-9]+\): warning AUTH304:'
check "an .editorconfig [*.json] section leaves AUTH304 at its preset severity (as documented)" bash -c "! grep -q 'error AUTH304' '$work/settings-editorconfig.log'"
rm -f .editorconfig
printf 'is_global = true\ndotnet_diagnostic.AUTH304.severity = error\n' >.globalconfig
build settings-globalconfig || true
check "a .globalconfig line makes AUTH304 in appsettings an error" has settings-globalconfig 'appsettings\.Production\.json\(3,[0-9]+\): error AUTH304:'
rm -f .globalconfig appsettings.Production.json

# The code fix, applied the way a package user applies it in bulk: with the SafeAuth runtime package referenced,
# `dotnet format analyzers` rewrites the read into a validating call and the finding is gone.
if [[ -f "$feed/SafeAuth.$version.nupkg" ]]; then
  cp Program.cs "$work/Program.before.cs"
  if dotnet add package SafeAuth --version "$version" >"$work/add-safeauth.log" 2>&1 \
     && dotnet format analyzers E2eApp.csproj --diagnostics AUTH101 --severity warn >"$work/format.log" 2>&1; then
    pass "dotnet format analyzers --diagnostics AUTH101 runs"
  else
    fail "dotnet format analyzers --diagnostics AUTH101 runs"; tail -n 30 "$work/add-safeauth.log" "$work/format.log" >&2
  fi
  check "the AUTH101 fix rewrote Program.cs" bash -c "! cmp -s Program.cs '$work/Program.before.cs'"
  if build fixed -warnaserror; then pass "the fixed project builds with -warnaserror"; else fail "the fixed project builds with -warnaserror"; grep -E ': (error|warning) ' "$work/fixed.log" | sort -u >&2 || true; fi
  check "the fixed project reports no AUTH101" bash -c "! grep -q 'AUTH101' '$work/fixed.log'"
fi

# --- A Razor component library: findings in .razor components are reported at the .razor line ---------------------
rcl="$work/rcl"
isolate_app "$rcl" "$feed"
cat >"$rcl/E2eComponents.csproj" <<'XML'
<Project Sdk="Microsoft.NET.Sdk.Razor">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <NuGetAudit>false</NuGetAudit>
  </PropertyGroup>
  <ItemGroup>
    <SupportedPlatform Include="browser" />
    <FrameworkReference Include="Microsoft.AspNetCore.App" />
  </ItemGroup>
</Project>
XML
printf '@using Microsoft.AspNetCore.Components\n' >"$rcl/_Imports.razor"
cat >"$rcl/TokenBadge.razor" <<'RAZOR'
@using System.IdentityModel.Tokens.Jwt

<span>@Issue()</span>

@code {
    [Parameter] public string Subject { get; set; } = "";

    private string Issue()
    {
        var token = new JwtSecurityToken(issuer: "https://issuer.example", audience: "ui");
        return new JwtSecurityTokenHandler().WriteToken(token);
    }
}
RAZOR
cd "$rcl"
if dotnet add package System.IdentityModel.Tokens.Jwt --version "$(central_version System.IdentityModel.Tokens.Jwt)" >"$work/add-rcl.log" 2>&1 \
   && dotnet add package SafeAuth.Analyzers --version "$version" >>"$work/add-rcl.log" 2>&1; then
  pass "a Razor class library installs SafeAuth.Analyzers"
else
  fail "a Razor class library installs SafeAuth.Analyzers"; tail -n 30 "$work/add-rcl.log" >&2
fi
if build rcl; then pass "the Razor class library builds"; else fail "the Razor class library builds"; tail -n 30 "$work/rcl.log" >&2; fi
check "a finding in a .razor @code block is reported at its .razor line (TokenBadge.razor line 10)" \
  has rcl 'TokenBadge\.razor\(10,[0-9]+\): warning AUTH105:'
cd "$app"

echo "package e2e: finished in $((SECONDS - started))s"
if [[ $failures -gt 0 ]]; then
  echo "package e2e: $failures check(s) failed, $checks passed"
  exit 1
fi
echo "package e2e: $checks checks passed"
