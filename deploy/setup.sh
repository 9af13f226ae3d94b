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
  libsystemd-dev libstemmer-dev libzstd-dev
  # render and kiosk
  libimgui-dev libsdl2-dev libgl-dev libegl-dev libgl1-mesa-dri libfreetype-dev
  libqrencode-dev libzxing-dev fonts-noto-core libjpeg-dev libpng-dev
  libespeak-ng-dev espeak-ng-data
  # tests (chromium: the /ops page in a real browser; dpkg-dev and debootstrap: the packages
  # built, installed, upgraded and purged in a fresh Debian 12 root; systemd: its unit checker)
  doctest-dev curl chromium dpkg-dev debootstrap systemd
  # the demo Medusa backend (deploy/medusa, ctest -L medusa): PostgreSQL's server binaries (Debian 12:
  # 15; deploy/medusa/setup.sh makes its own cluster and never uses the system's) and jq
  # (verify-store-api.sh). Node.js 20.19+ with npm is needed too but NOT installed here: Debian 12's
  # nodejs is 18, too old for Medusa 2.21 (see the check at the end).
  postgresql jq
)

# Node.js for deploy/medusa: not installed here, only checked (a warning, not an error).
check_node() {
  local v major minor
  if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    echo "setup: warning: node/npm not found: the Medusa tests (ctest -L medusa) need Node.js 20.19+ or 22.12+ with npm (NodeSource's nodejs package or the official tarball; Debian 12's nodejs 18 is too old)" >&2
    return
  fi
  v="$(node --version)"; v="${v#v}"; major="${v%%.*}"; minor="${v#*.}"; minor="${minor%%.*}"
  if [ "$major" -lt 20 ] || [ "$major" -eq 21 ] || { [ "$major" -eq 20 ] && [ "$minor" -lt 19 ]; } || { [ "$major" -eq 22 ] && [ "$minor" -lt 12 ]; }; then
    echo "setup: warning: Node.js v$v is too old for the Medusa tests (ctest -L medusa): install Node.js 20.19+ or 22.12+ (NodeSource's nodejs package or the official tarball) first on PATH" >&2
  fi
}

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "setup: all ${#PACKAGES[@]} packages already installed"
  check_node
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
# Installing postgresql creates the system's default cluster (15/main, port 5432) and starts it
# through its init script or systemd unit; that start can fail where there is no init system (a
# container), and then the installation fails with it. Nothing here uses that cluster: while apt
# runs, a policy-rc.d of ours (only when the machine has none) denies starting postgresql, and only
# postgresql; the cluster is still created and starts at the next boot wherever services do.
policy=/usr/sbin/policy-rc.d
if [ ! -e "$policy" ]; then
  tmp="$(mktemp)"
  cat >"$tmp" <<'POLICY'
#!/bin/sh
# Written by deploy/setup.sh for the time its apt-get runs (then removed): postgresql is not started.
case "$1" in postgresql*) exit 101 ;; esac
exit 0
POLICY
  $SUDO install -m 755 "$tmp" "$policy"
  rm -f "$tmp"
  trap '$SUDO rm -f "$policy"' EXIT
fi
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" </dev/null
echo "setup: done"
check_node
