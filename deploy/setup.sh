#!/usr/bin/env bash
# Installs every Debian 12 package the project needs to build, test and run.
# Only missing packages are installed; safe to run any number of times.
# Runs as root, or through sudo when it is available. Non-interactive.
set -euo pipefail

PACKAGES=(
  # toolchain
  build-essential cmake pkg-config git ca-certificates
  # central_api and catalog_client
  libsqlite3-dev libcpp-httplib-dev nlohmann-json3-dev libsodium-dev libstb-dev
  libcurl4-openssl-dev libssl-dev zlib1g-dev libcli11-dev libspdlog-dev libtomlplusplus-dev
  libsystemd-dev libstemmer-dev
  # render and kiosk
  libimgui-dev libsdl2-dev libgl-dev libegl-dev libgl1-mesa-dri libfreetype-dev
  libqrencode-dev libzxing-dev fonts-noto-core libjpeg-dev libpng-dev
  libespeak-ng-dev espeak-ng-data
  # tests (chromium: the /ops page in a real browser; dpkg-dev and debootstrap: the packages
  # built, installed, upgraded and purged in a fresh Debian 12 root; systemd: its unit checker)
  doctest-dev curl chromium dpkg-dev debootstrap systemd
)

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "setup: all ${#PACKAGES[@]} packages already installed"
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then
    SUDO="sudo"
  else
    echo "setup: these packages are missing and I am neither root nor able to sudo: ${missing[*]}" >&2
    exit 1
  fi
fi

echo "setup: installing ${#missing[@]} missing packages: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" </dev/null
echo "setup: done"
