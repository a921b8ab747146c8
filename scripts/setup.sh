#!/usr/bin/env bash
# Shared by scripts/run and scripts/test: installs the Debian 12 packages Refuge needs
# (only those missing), then configures and builds a CMake preset out of tree.
# Usage: source scripts/setup.sh; refuge_setup PRESET
set -euo pipefail

REFUGE_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

# Build and runtime packages (see DESIGN.md), plus what the tests use: Xvfb and
# poppler for screenshots/PDF checks, PostgreSQL + PostGIS for the PostGIS reader test.
REFUGE_PACKAGES=(cmake ninja-build g++ pkg-config qt6-base-dev qt6-svg-dev qt6-tools-dev qt6-l10n-tools
  qt6-charts-dev libqt6opengl6-dev libgdal-dev gdal-bin libproj-dev libgeos-dev fonts-noto-cjk
  coinor-libcbc-dev libmimalloc-dev libxxhash-dev nlohmann-json3-dev qt6-translations-l10n)
REFUGE_TEST_PACKAGES=(xvfb xauth poppler-utils postgresql-15-postgis-3 postgresql-15)

refuge_install_packages() {
  local missing=()
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if [ ${#missing[@]} -eq 0 ]; then
    return 0
  fi
  echo "refuge: installing Debian packages: ${missing[*]}"
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null; then sudo="sudo"; else
      echo "refuge: need root or sudo to install: ${missing[*]}" >&2; return 1; fi
  fi
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -q || true
  $sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
}

refuge_build() {
  local preset="$1"
  cd "$REFUGE_ROOT"
  local launcher=()
  if command -v ccache >/dev/null; then launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache); fi
  cmake --preset "$preset" "${launcher[@]}" >/dev/null
  cmake --build --preset "$preset" -j "$(nproc)"
}
