#!/usr/bin/env bash
# Builds the Debian packages: installs what is missing, builds the release tree, runs cpack.
#   deploy/package.sh [REVISION]      writes dist/endless-aisle-{kiosk,central-api}_VERSION-REVISION_ARCH.deb
set -euo pipefail
cd "$(dirname "$0")/.."
revision="${1:-1}"
./deploy/setup.sh
cmake --preset release -DKIOSK_LAYERS="catalog_client;central_api;render;kiosk" >/dev/null
cmake --build --preset release
(cd build/release && cpack -G DEB -D CPACK_DEBIAN_PACKAGE_RELEASE="$revision" -B "$(pwd)/../../dist")
rm -rf dist/_CPack_Packages
ls -l dist/*.deb
