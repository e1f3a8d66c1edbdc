#!/usr/bin/env bash
# What an editor that uses csharp-ls (Neovim, Emacs, Helix, Sublime, Zed and other LSP clients) shows of SafeAuth.
# Packs SafeAuth.Analyzers into a temporary feed, installs it into a fresh ASP.NET Core project outside the
# repository, installs the csharp-ls tool into a temporary folder, and drives it with .ci/lsp_latency.py: the first
# SafeAuth warning after the project loads, the warning's latency after each of 20 keystrokes, and the code actions the
# server offers at the warning. docs/editors.md quotes one run. Not part of .ci/run (it measures; it does not test).
# usage: .ci/editor-latency.sh [OUT.json]
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$root/.ci/fixtures/fresh-app.sh"
work="$(mktemp -d "${TMPDIR:-/tmp}/safeauth-editor.XXXXXX")"
trap 'rm -rf "$work"' EXIT
version="0.1.0-editor.$(date -u +%Y%m%d%H%M%S).$$"
csharp_ls_version="0.28.0"
app="$work/app"

dotnet pack "$root/src/SafeAuth.Analyzers.Package/SafeAuth.Analyzers.Package.csproj" -c Release -nologo -o "$work/feed" "-p:Version=$version" >"$work/pack.log" 2>&1 \
  || { tail -n 30 "$work/pack.log" >&2; echo "editor latency: FAIL: dotnet pack" >&2; exit 1; }
dotnet tool install csharp-ls --version "$csharp_ls_version" --tool-path "$work/tools" >"$work/tool.log" 2>&1 \
  || { cat "$work/tool.log" >&2; echo "editor latency: FAIL: dotnet tool install csharp-ls" >&2; exit 1; }

isolate_app "$app" "$work/feed"
jwt_version="$(sed -nE 's|.*<PackageVersion Include="System.IdentityModel.Tokens.Jwt" Version="([^"]+)".*|\1|p' "$root/Directory.Packages.props" | head -n 1)"
cat >"$app/EditorApp.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk.Web">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>enable</ImplicitUsings>
    <NuGetAudit>false</NuGetAudit>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="System.IdentityModel.Tokens.Jwt" Version="$jwt_version" />
    <PackageReference Include="SafeAuth.Analyzers" Version="$version" PrivateAssets="all" />
  </ItemGroup>
</Project>
XML
trusted_bearer_program "$app"
export NUGET_PACKAGES="$work/nuget-packages"
(cd "$app" && dotnet build -nologo >"$work/build.log" 2>&1) \
  || { tail -n 30 "$work/build.log" >&2; echo "editor latency: FAIL: building the project" >&2; exit 1; }
grep -q "warning AUTH101" "$work/build.log" || { echo "editor latency: FAIL: the build shows no AUTH101" >&2; exit 1; }

out=()
[[ $# -gt 0 ]] && out=(--json "$1")
python3 "$root/.ci/lsp_latency.py" --server "$work/tools/csharp-ls" --root "$app" --file "$app/Program.cs" --rule AUTH101 "${out[@]}"
