#!/usr/bin/env bash
# Builds the Debian packages from a built tree and checks them in a fresh Debian 12 root:
#   install both packages with apt (their Depends pulled from the Debian mirror), the system user,
#   directories and conffile, `systemd-analyze verify` on every installed unit, the reference API
#   started from its package and `kioskctl health`, `sync` and `search` run as the kiosk's user from
#   the installed files; then an upgrade to a higher revision (a changed conffile and the replica
#   kept), then purge (user, configuration, data and cache gone).
#
#   deploy/package-test.sh [BUILD_DIR]        default build/release; needs root (debootstrap, chroot)
#
# The fresh root comes from debootstrap (minbase, bookworm, the mirror of /etc/apt); a tarball of
# it is kept in $KIOSK_ROOT_CACHE (default var/cache/bookworm-minbase.tar) so later runs skip the
# download. Prints one line per check; exits non-zero at the first failure.
set -euo pipefail
cd "$(dirname "$0")/.."
src=$(pwd)
build=$(realpath "${1:-build/release}")
[ "$(id -u)" -eq 0 ] || { echo "package-test: needs root (debootstrap, chroot, mount)" >&2; exit 1; }
[ -x "$build/kiosk/kiosk" ] || { echo "package-test: $build is not built (cmake --build --preset release)" >&2; exit 1; }
for tool in debootstrap dpkg-shlibdeps cpack; do
    command -v "$tool" >/dev/null || { echo "package-test: $tool is missing: run deploy/setup.sh" >&2; exit 1; }
done

work=$(mktemp -d /tmp/package-test.XXXXXX)
root=$work/root
server_pid=""
cleanup() {
    if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
    for m in dev/pts dev proc; do
        if mountpoint -q "$root/$m" 2>/dev/null; then umount -l "$root/$m" || true; fi
    done
    rm -rf "$work"
}
trap cleanup EXIT
step() { echo "package-test: $*"; }
fail() { echo "package-test: FAILED: $*" >&2; exit 1; }
in_root() { chroot "$root" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 DEBIAN_FRONTEND=noninteractive "$@"; }

# 1. The packages, twice: revision 1, and revision 2 for the upgrade.
for rev in 1 2; do
    (cd "$build" && cpack -G DEB -D CPACK_DEBIAN_PACKAGE_RELEASE=$rev -B "$work/dist$rev" >"$work/cpack$rev.log" 2>&1) ||
        { cat "$work/cpack$rev.log" >&2; fail "cpack (revision $rev)"; }
done
kiosk_deb=$(ls "$work"/dist1/endless-aisle-kiosk_*.deb)
api_deb=$(ls "$work"/dist1/endless-aisle-central-api_*.deb)
kiosk_deb2=$(ls "$work"/dist2/endless-aisle-kiosk_*.deb)
api_deb2=$(ls "$work"/dist2/endless-aisle-central-api_*.deb)
step "built $(basename "$kiosk_deb") ($(du -h "$kiosk_deb" | cut -f1)) and $(basename "$api_deb") ($(du -h "$api_deb" | cut -f1))"
depends=$(dpkg-deb -f "$kiosk_deb" Depends)
step "endless-aisle-kiosk Depends: $depends"
for lib in libsdl2 libsqlite3 libcurl cage fonts-noto-core; do
    [[ "$depends" == *"$lib"* ]] || fail "Depends lacks $lib"
done

# 2. A fresh Debian 12 root.
cache=${KIOSK_ROOT_CACHE:-$src/var/cache/bookworm-minbase.tar}
mirror=$(sed -n 's/^URIs: *\([^ ]*debian\)$/\1/p' /etc/apt/sources.list.d/debian.sources 2>/dev/null | head -n1)
mirror=${mirror:-http://deb.debian.org/debian}
mkdir -p "$root"
if [ -f "$cache" ]; then
    tar -xf "$cache" -C "$root"
    step "fresh root from $cache"
else
    debootstrap --variant=minbase bookworm "$root" "$mirror" >"$work/debootstrap.log" 2>&1 ||
        { tail -n 20 "$work/debootstrap.log" >&2; fail "debootstrap from $mirror"; }
    mkdir -p "$(dirname "$cache")"
    tar -cf "$cache.tmp" -C "$root" . && mv "$cache.tmp" "$cache"
    step "fresh root by debootstrap from $mirror (kept in $cache)"
fi
mount -t proc proc "$root/proc"
mount --bind /dev "$root/dev"
mount --bind /dev/pts "$root/dev/pts"
cp /etc/resolv.conf "$root/etc/resolv.conf" 2>/dev/null || true
echo "deb $mirror bookworm main" >"$root/etc/apt/sources.list"
mkdir -p "$root/tmp/debs1" "$root/tmp/debs2"
cp "$work"/dist1/*.deb "$root/tmp/debs1/"
cp "$work"/dist2/*.deb "$root/tmp/debs2/"

# 3. Install both (apt resolves their Depends from the mirror); systemd only for its unit checker.
in_root apt-get update -qq >"$work/apt.log" 2>&1 || { cat "$work/apt.log" >&2; fail "apt-get update in the root"; }
in_root apt-get install -y -qq --no-install-recommends "/tmp/debs1/$(basename "$kiosk_deb")" \
    "/tmp/debs1/$(basename "$api_deb")" systemd >>"$work/apt.log" 2>&1 ||
    { tail -n 30 "$work/apt.log" >&2; fail "apt-get install of the packages"; }
step "installed: $(in_root dpkg-query -W -f='${Package} ${Version}, ' endless-aisle-kiosk endless-aisle-central-api)"
in_root getent passwd endless-aisle >/dev/null || fail "no endless-aisle user"
in_root getent passwd endless-aisle-api >/dev/null || fail "no endless-aisle-api user"
for d in /var/lib/endless-aisle /var/cache/endless-aisle; do
    [ "$(in_root stat -c %U "$d")" = endless-aisle ] || fail "$d is not the kiosk user's"
done
in_root dpkg-query -W -f='${Conffiles}\n' endless-aisle-kiosk | grep -q /etc/endless-aisle/kiosk.toml ||
    fail "kiosk.toml is not a conffile"
[ "$(in_root stat -c '%U:%G %a' /etc/endless-aisle/kiosk.toml)" = "root:endless-aisle 640" ] || fail "kiosk.toml permissions"
if in_root ldd /usr/bin/kiosk /usr/bin/kioskctl /usr/bin/central-api | grep -q "not found"; then
    fail "a shared library is missing: $(in_root ldd /usr/bin/kiosk | grep 'not found')"
fi
step "user, directories, conffile and shared libraries are in place"

# 4. Every installed unit passes systemd-analyze verify (nothing printed, exit 0).
units=$(cd "$root/lib/systemd/system" && ls endless-aisle-*.service)
verify=$(in_root systemd-analyze verify $(printf '/lib/systemd/system/%s ' $units) 2>&1) || fail "systemd-analyze verify: $verify"
[ -z "$verify" ] || fail "systemd-analyze verify: $verify"
step "systemd-analyze verify: $(echo $units)"

# 5. The reference API from its package, and kioskctl as the kiosk's user against it.
in_root runuser -u endless-aisle-api -- central-api generate --db /var/lib/endless-aisle-central-api/central.db \
    --products 300 --fast-pin-hash >"$work/generate.log" 2>&1 || { cat "$work/generate.log" >&2; fail "central-api generate"; }
chroot "$root" runuser -u endless-aisle-api -- central-api serve --db /var/lib/endless-aisle-central-api/central.db \
    --listen 127.0.0.1:0 >"$work/serve.out" 2>"$work/serve.err" &
server_pid=$!
for _ in $(seq 1 300); do
    grep -q "listening on" "$work/serve.out" 2>/dev/null && break
    kill -0 "$server_pid" 2>/dev/null || { cat "$work/serve.err" >&2; fail "central-api serve exited"; }
    sleep 0.1
done
url=$(sed -n 's/^listening on //p' "$work/serve.out")
[ -n "$url" ] || fail "central-api serve did not start"
in_root central-api tokens --db /var/lib/endless-aisle-central-api/central.db | awk '$1 == "paris-rivoli" {print $3}' \
    >"$root/etc/endless-aisle/kiosk.token"
in_root chgrp endless-aisle /etc/endless-aisle/kiosk.token
in_root chmod 0640 /etc/endless-aisle/kiosk.token
sed -i "s#^url = .*#url = \"$url\"#" "$root/etc/endless-aisle/kiosk.toml"
kctl() { in_root runuser -u endless-aisle -- kioskctl --config /etc/endless-aisle/kiosk.toml "$@"; }
health=$(kctl health) || fail "kioskctl health: $health"
step "kioskctl health: $(echo "$health" | head -n1)"
kctl sync >"$work/sync.log" 2>&1 || { cat "$work/sync.log" >&2; fail "kioskctl sync"; }
kctl search pull >"$work/search.log" 2>&1 || { cat "$work/search.log" >&2; fail "kioskctl search"; }
[ -s "$work/search.log" ] || fail "kioskctl search printed nothing"
products=$(kctl --json health | sed -n 's/.*"products": *\([0-9]*\).*/\1/p')
[ "${products:-0}" -gt 0 ] || fail "the replica is empty after sync"
step "kioskctl sync and search as endless-aisle: $products products in /var/lib/endless-aisle"

# 6. Upgrade to revision 2: the operator's change to kiosk.toml and the replica are kept.
echo "# changed by the operator" >>"$root/etc/endless-aisle/kiosk.toml"
in_root apt-get install -y -qq --no-install-recommends -o Dpkg::Options::=--force-confold \
    "/tmp/debs2/$(basename "$kiosk_deb2")" "/tmp/debs2/$(basename "$api_deb2")" >>"$work/apt.log" 2>&1 ||
    { tail -n 30 "$work/apt.log" >&2; fail "upgrade"; }
version=$(in_root dpkg-query -W -f='${Version}' endless-aisle-kiosk)
[[ "$version" == *-2 ]] || fail "upgrade left version $version"
grep -q "changed by the operator" "$root/etc/endless-aisle/kiosk.toml" || fail "the upgrade replaced the operator's kiosk.toml"
[ -n "$(ls "$root/var/lib/endless-aisle/replica" 2>/dev/null)" ] || fail "the upgrade lost the replica"
kctl health >/dev/null || fail "kioskctl health after the upgrade"
step "upgraded to $version: kiosk.toml and replica kept, kioskctl health passes"

# 7. Purge: nothing of the kiosk is left.
kill "$server_pid"; wait "$server_pid" 2>/dev/null || true; server_pid=""
in_root apt-get purge -y -qq endless-aisle-kiosk endless-aisle-central-api >>"$work/apt.log" 2>&1 ||
    { tail -n 30 "$work/apt.log" >&2; fail "purge"; }
for p in /etc/endless-aisle /var/lib/endless-aisle /var/cache/endless-aisle /var/lib/endless-aisle-central-api \
         /usr/bin/kiosk /usr/bin/kioskctl /usr/bin/central-api /lib/systemd/system/endless-aisle-kiosk.service; do
    [ ! -e "$root$p" ] || fail "$p is still there after purge"
done
! in_root getent passwd endless-aisle >/dev/null || fail "the endless-aisle user is still there after purge"
! in_root getent passwd endless-aisle-api >/dev/null || fail "the endless-aisle-api user is still there after purge"
step "purged: configuration, data, cache, programs, units and users gone"
step "all checks passed"
