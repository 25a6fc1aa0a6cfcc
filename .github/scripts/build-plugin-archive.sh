#!/usr/bin/env bash
# Publishes the plugin and packs the release archive `pulumi plugin install` downloads:
# pulumi-resource-kakao-vVERSION-OS-ARCH.tar.gz holding ONLY the binary. A PulumiPlugin.yaml beside it would make
# the CLI treat the folder as a source plugin and run `dotnet build` on it (docs/provider.md).
# The release workflow and tests/Kakao.Provider.Tests/Release run this same script, so they cannot drift.
#
# usage: build-plugin-archive.sh VERSION RID OS ARCH PUBLISH_DIR OUT_DIR [dotnet publish arguments...]
#   VERSION      1.2.3 (no v)        RID   linux-x64, osx-arm64, win-x64, ...
#   OS, ARCH     Pulumi's names: linux|darwin|windows, amd64|arm64
#   PUBLISH_DIR  where dotnet publish writes (kept, e.g. to run the plugin from it)
#   OUT_DIR      where the archive goes; its path is printed on stdout
#   the rest     passed to dotnet publish (the release: --self-contained -p:PublishAot=true -p:PluginDownloadUrl=...)
set -euo pipefail

if [ "$#" -lt 6 ]; then
  echo "usage: $0 VERSION RID OS ARCH PUBLISH_DIR OUT_DIR [dotnet publish arguments...]" >&2
  exit 2
fi

version=$1 rid=$2 os=$3 arch=$4 publish=$5 out=$6
shift 6
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)

dotnet publish "$root/provider/Kakao.Provider" -c Release -r "$rid" -p:Version="$version" -o "$publish" "$@" >&2

exe=pulumi-resource-kakao
[ "$os" = windows ] && exe=pulumi-resource-kakao.exe
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
cp "$publish/$exe" "$stage/"

mkdir -p "$out"
archive="$(cd "$out" && pwd)/pulumi-resource-kakao-v$version-$os-$arch.tar.gz"
# Name the one member (no "./" entry): the archive is exactly the binary.
tar -czf "$archive" -C "$stage" "$exe"
echo "$archive"
