#!/usr/bin/env bash
# Checks that the NuGet sources serve the packs a Native AOT publish for RID needs (runtime pack, NativeAOT
# runtime pack, apphost, ILCompiler), by restoring a throwaway project for RID in a temporary folder (the
# repository's obj/ folders are not touched). Exit 0 when they restore; otherwise prints the missing packs
# (NU1101/NU1102) and exits 3.
# Usage: cross/packs.sh RID
set -euo pipefail
rid="${1:?usage: cross/packs.sh RID}"
here="$(cd "$(dirname "$0")/.." && pwd)"
probe="$(mktemp -d)"
trap 'rm -rf "$probe"' EXIT

tfm="$(sed -nE 's#.*<TargetFramework>([^<]+)</TargetFramework>.*#\1#p' "$here/Directory.Build.props" | head -n 1)"
cat > "$probe/probe.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>${tfm:-net10.0}</TargetFramework>
    <PublishAot>true</PublishAot>
    <SelfContained>true</SelfContained>
    <RuntimeIdentifier>$rid</RuntimeIdentifier>
  </PropertyGroup>
</Project>
XML
[ -f "$here/nuget.config" ] && cp "$here/nuget.config" "$probe/"

if log="$(cd "$probe" && dotnet restore probe.csproj -nologo 2>&1)"; then
  exit 0
fi

missing="$(grep -oE 'NU110[12]: Unable to find package [^ .]+(\.[^ .]+)*' <<<"$log" \
  | sed -E 's/.*Unable to find package //' | sort -u)"
if [ -z "$missing" ]; then
  echo "$log" >&2
  echo "publish: restoring the $rid packs failed (see above)" >&2
  exit 3
fi
sources="$(grep -oE 'in source\(s\): .*' <<<"$log" | head -n 1 | sed -E 's/in source\(s\): //')"
{
  echo "publish: $rid cannot be built here: the NuGet source(s) (${sources:-configured}) do not serve these packs:"
  while IFS= read -r pack; do echo "  $pack"; done <<<"$missing"
  echo "Build $rid where the NuGet feed serves them (the public https://api.nuget.org/v3/index.json does);"
  echo "see README.md, \"linux-arm (ARMv7)\"."
} >&2
exit 3
