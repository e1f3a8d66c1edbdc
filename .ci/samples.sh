#!/usr/bin/env bash
# Builds the samples from scratch and checks what the analyzers report:
#  - SafeAuth.Samples.Violations and SafeAuth.Samples.NativeClient build (warnings do not fail them) and together show
#    every ID in samples/expected-diagnostics.txt, each with its help link
#    (https://github.com/safeauth/SafeAuth/blob/main/docs/rules/<ID>.md) in a build output or a SARIF log;
#  - SafeAuth.Samples.Clean builds with warnings as errors and shows no AUTH diagnostic at all (build output and SARIF);
#  - SafeAuth.Samples.BlazorWasm (Blazor WebAssembly) builds and shows each finding of its expected-findings.txt at the
#    exact file(line,col), .razor files included, and no other AUTH finding.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
work="$(mktemp -d "${TMPDIR:-/tmp}/safeauth-samples.XXXXXX")"
trap 'rm -rf "$work"' EXIT

help_base="https://github.com/safeauth/SafeAuth/blob/main/docs/rules"
violations="samples/SafeAuth.Samples.Violations/SafeAuth.Samples.Violations.csproj"
clean="samples/SafeAuth.Samples.Clean/SafeAuth.Samples.Clean.csproj"
blazor_dir="samples/SafeAuth.Samples.BlazorWasm"
blazor="$blazor_dir/SafeAuth.Samples.BlazorWasm.csproj"
native="samples/SafeAuth.Samples.NativeClient/SafeAuth.Samples.NativeClient.csproj"
failures=0
checks=0

fail() { echo "samples: FAIL: $*" >&2; failures=$((failures + 1)); }
pass() { checks=$((checks + 1)); }

# One ID per line; blank lines and '#' comments are ignored.
mapfile -t expected < <(sed -e 's/#.*//' -e 's/[[:space:]]//g' samples/expected-diagnostics.txt | grep -v '^$' | sort -u)
mapfile -t declared < <(grep -oE '"AUTH[0-9]{3}"' src/SafeAuth.Analyzers/RuleIds.cs | tr -d '"' | sort -u)

build() { # name project -> $work/<name>.log, $work/<name>.sarif; returns dotnet's exit code
  local name="$1" project="$2" start rc
  start=$SECONDS
  set +e
  dotnet build "$project" -c Release --no-incremental -nologo \
    "-p:ErrorLog=$work/$name.sarif%2Cversion=2.1" >"$work/$name.log" 2>&1
  rc=$?
  set -e
  echo "samples: built $name in $((SECONDS - start))s (exit $rc)"
  return $rc
}

# Unique "ID file(line,col)" findings of a build log (MSBuild repeats each one in its summary).
# A finding without a source position (none of SafeAuth's has one today) is printed by MSBuild as
# "CSC : warning AUTHnnn", listed here with the location "(project)".
findings() { # log
  {
    grep -oE '[^ ]+\([0-9]+,[0-9]+\): (warning|error) AUTH[0-9]{3}' "$1" | sed -E 's/^(.*): (warning|error) (AUTH[0-9]{3})$/\3 \1/'
    grep -oE '^CSC : (warning|error) AUTH[0-9]{3}' "$1" | sed -E 's/^CSC : (warning|error) (AUTH[0-9]{3})$/\2 (project)/'
  } | sort -u || true
}

sarif_results() { # sarif -> "ruleId" per result, one per line
  python3 - "$1" <<'PY'
import json, sys
with open(sys.argv[1], encoding="utf-8-sig") as f:
    log = json.load(f)
for run in log.get("runs", []):
    for result in run.get("results", []):
        print(result.get("ruleId", ""))
PY
}

sarif_help_uri() { # sarif id -> helpUri of that rule, if the log describes it
  python3 - "$1" "$2" <<'PY'
import json, sys
with open(sys.argv[1], encoding="utf-8-sig") as f:
    log = json.load(f)
for run in log.get("runs", []):
    for rule in run.get("tool", {}).get("driver", {}).get("rules", []):
        if rule.get("id") == sys.argv[2] and rule.get("helpUri"):
            print(rule["helpUri"])
PY
}

# --- Violations -----------------------------------------------------------------------------------------------------
if build violations "$violations"; then pass; else fail "SafeAuth.Samples.Violations did not build"; tail -n 30 "$work/violations.log" >&2; fi
[[ -f "$work/violations.sarif" ]] || fail "no SARIF log was written for SafeAuth.Samples.Violations"
# The native-style client (AUTH5xx): its findings count toward the expected IDs like the violations sample's.
if build native "$native"; then pass; else fail "SafeAuth.Samples.NativeClient did not build"; tail -n 30 "$work/native.log" >&2; fi
[[ -f "$work/native.sarif" ]] || fail "no SARIF log was written for SafeAuth.Samples.NativeClient"
cat "$work/violations.log" "$work/native.log" >"$work/violations-all.log"
findings "$work/violations-all.log" >"$work/violations.findings"

for id in "${expected[@]}"; do
  if ! printf '%s\n' "${declared[@]}" | grep -qx "$id"; then
    fail "$id is listed in samples/expected-diagnostics.txt but not declared in src/SafeAuth.Analyzers/RuleIds.cs"
    continue
  fi
  count=$(grep -c "^$id " "$work/violations.findings" || true)
  if [[ "$count" -gt 0 ]]; then pass; else fail "neither SafeAuth.Samples.Violations nor SafeAuth.Samples.NativeClient shows $id"; fi
  link="$help_base/$id.md"
  if grep -qF "$link" "$work/violations-all.log" \
     || { [[ -f "$work/violations.sarif" ]] && sarif_help_uri "$work/violations.sarif" "$id" | grep -qxF "$link"; } \
     || { [[ -f "$work/native.sarif" ]] && sarif_help_uri "$work/native.sarif" "$id" | grep -qxF "$link"; }; then
    pass
  else
    fail "the help link $link of $id is in neither the build output nor the SARIF log"
  fi
  echo "samples: violations: $id x$count"
done

# IDs the sample shows beyond the list, and declared rules no sample shows yet: worth knowing, not a failure.
mapfile -t shown < <(cut -d' ' -f1 "$work/violations.findings" | sort -u)
for id in "${shown[@]}"; do
  printf '%s\n' "${expected[@]}" | grep -qx "$id" || echo "samples: note: violations also shows $id, which samples/expected-diagnostics.txt does not list"
done
for id in "${declared[@]}"; do
  printf '%s\n' "${expected[@]}" | grep -qx "$id" || echo "samples: note: $id is declared in RuleIds.cs but not expected from the samples"
done

# --- Clean ----------------------------------------------------------------------------------------------------------
if build clean "$clean"; then pass; else fail "SafeAuth.Samples.Clean did not build"; grep -E ': (error|warning) ' "$work/clean.log" | sort -u | tail -n 30 >&2 || true; fi
findings "$work/clean.log" >"$work/clean.findings"
clean_count=$(grep -cE 'AUTH[0-9]{3}' "$work/clean.findings" || true)
if [[ "$clean_count" -eq 0 ]]; then pass; else fail "SafeAuth.Samples.Clean shows $clean_count AUTH diagnostic(s):"; sed 's/^/  /' "$work/clean.findings" >&2; fi
if [[ -f "$work/clean.sarif" ]]; then
  sarif_auth=$(sarif_results "$work/clean.sarif" | grep -cE '^AUTH[0-9]{3}$' || true)
  if [[ "$sarif_auth" -eq 0 ]]; then pass; else fail "the SARIF log of SafeAuth.Samples.Clean holds $sarif_auth AUTH result(s)"; fi
else
  fail "no SARIF log was written for SafeAuth.Samples.Clean"
fi

# --- Blazor WebAssembly ---------------------------------------------------------------------------------------------
if build blazor "$blazor"; then pass; else fail "SafeAuth.Samples.BlazorWasm did not build"; tail -n 30 "$work/blazor.log" >&2; fi
findings "$work/blazor.log" >"$work/blazor.findings"
blazor_root="$root/$blazor_dir/"
# "ID path(line,col)" with the path made relative to the sample folder.
sed "s#^\(AUTH[0-9]*\) $blazor_root#\1 #" "$work/blazor.findings" | sort -u >"$work/blazor.relative"
mapfile -t blazor_expected < <(sed -e 's/#.*//' -e 's/[[:space:]]*$//' "$blazor_dir/expected-findings.txt" | grep -v '^[[:space:]]*$' | sort -u)
for finding in "${blazor_expected[@]}"; do
  if grep -qxF "$finding" "$work/blazor.relative"; then
    pass
    echo "samples: blazor: $finding"
  else
    fail "SafeAuth.Samples.BlazorWasm does not show '$finding'; it shows:"
    sed 's/^/  /' "$work/blazor.relative" >&2
  fi
done
while read -r finding; do
  [[ -z "$finding" ]] && continue
  printf '%s\n' "${blazor_expected[@]}" | grep -qxF "$finding" || fail "SafeAuth.Samples.BlazorWasm shows an unexpected finding: $finding"
done <"$work/blazor.relative"

total_violations=$(wc -l <"$work/violations.findings")
echo "samples: violations shows $total_violations finding(s) of ${#expected[@]} expected ID(s); clean shows $clean_count; blazor shows $(wc -l <"$work/blazor.relative") of ${#blazor_expected[@]} expected"
if [[ $failures -gt 0 ]]; then
  echo "samples: $failures check(s) failed, $checks passed"
  exit 1
fi
echo "samples: $checks checks passed"
