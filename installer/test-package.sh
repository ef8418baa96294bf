#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 CTI Flow authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Installs the CTI Flow .deb into a clean Debian 13 system and runs it from there:
#   installer/test-package.sh [PACKAGE.deb]    (default: the one the dev test run built)
#
# The clean system is a minimal debootstrap root, made once and cached beside the build root
# (CTIFLOW_CACHE, default /var/cache/ctiflow). Each run works on a throw-away overlay of it, so the
# cached root never changes; apt installs the package with its dependencies from the Debian
# archive (downloads are kept in the cache for the next run). Needs root, as the build root does.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cache=${CTIFLOW_CACHE:-/var/cache/ctiflow}
suite=trixie
# Bump when the way the runtime root is made changes; the cache key is its hash.
runtime_recipe="debootstrap --variant=minbase $suite; apt-get update"

say() { printf 'test-package: %s\n' "$*" >&2; }
die() { say "$*"; exit 1; }

package=${1:-}
if [ -z "$package" ]; then
    package=$(ls -t "$repo"/build/dev/package/ctiflow_*.deb 2>/dev/null | head -n1)
    [ -n "$package" ] || die "no package in build/dev/package: run installer/ctiflow-dev test first, or name one"
fi
[ -f "$package" ] || die "no such package: $package"
package=$(cd "$(dirname "$package")" && pwd)/$(basename "$package")
if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || die "installing into a root needs root: run as root or install sudo"
    exec sudo -E "$0" "$package"
fi

runtime_dir() {
    local key
    key=$(printf '%s\n' "$runtime_recipe" | sha256sum | cut -c1-12)
    printf '%s/runtime-%s-%s' "$cache" "$suite" "$key"
}

create_runtime() {
    local dir=$1 tmp="$1.tmp"
    command -v debootstrap >/dev/null || {
        say "installing debootstrap on the host"
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap >/dev/null
    }
    say "creating a clean Debian 13 root in $dir (once; about a minute)"
    rm -rf "$tmp"
    debootstrap --variant=minbase "$suite" "$tmp" >"$cache/debootstrap-runtime.log" 2>&1 ||
        die "debootstrap failed, see $cache/debootstrap-runtime.log"
    cp /etc/resolv.conf "$tmp/etc/resolv.conf"
    unshare --mount --propagation private bash -c '
        mount -t proc proc "$1/proc"
        chroot "$1" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 apt-get update -qq
    ' _ "$tmp" || die "apt-get update failed in the clean root"
    mv "$tmp" "$dir"
}

# Runs inside the overlay: install the package as a user would, then use it.
# shellcheck disable=SC2016 # expanded by the shell in the root
inside='
set -euo pipefail
fail() { echo "FAIL: $*" >&2; exit 1; }
# The root is thrown away afterwards, so dpkg need not sync each file to disk.
apt_opts=(-y -qq -o Dpkg::Use-Pty=0 -o APT::Keep-Downloaded-Packages=true -o Dpkg::Options::=--force-unsafe-io)
SECONDS=0
apt-get update -qq
updated=$SECONDS
chown -R _apt:root /var/cache/apt/archives/partial 2>/dev/null || true
apt-get install "${apt_opts[@]}" --no-install-recommends "/tmp/$1" >/tmp/apt.log 2>&1 ||
    { cat /tmp/apt.log; fail "apt-get could not install $1 with its dependencies"; }
echo "installed $1 and its dependencies ($(grep -c "^Setting up" /tmp/apt.log) packages;" \
    "apt-get update $updated s, install $((SECONDS - updated)) s)"

dpkg-query -W -f="\${Status}\n" ctiflow | grep -qx "install ok installed" || fail "dpkg does not list ctiflow as installed"
missing=$(ldd /usr/bin/ctiflow | grep "not found" || true)
[ -z "$missing" ] || fail "libraries missing for /usr/bin/ctiflow: $missing"
plugins=$(dirname "$(find /usr/lib -path "*/qt6/plugins/platforms/libqxcb.so" | head -n1)")/..
[ -f "$plugins/platforms/libqxcb.so" ] || fail "no X11 platform plugin (qt6-qpa-plugins)"
[ -f "$plugins/iconengines/libqsvgicon.so" ] || fail "no SVG icon engine (qt6-svg-plugins)"
for plugin in platforms/libqxcb.so platforms/libqoffscreen.so iconengines/libqsvgicon.so; do
    missing=$(ldd "$plugins/$plugin" | grep "not found" || true)
    [ -z "$missing" ] || fail "libraries missing for the Qt plugin $plugin: $missing"
done
[ -f /usr/share/mime/text/x-cucm-sdl-trace.xml ] || fail "the MIME database does not know CUCM SDL traces"

version=$(env -u DISPLAY ctiflow --version)
[ "$version" = "ctiflow $2" ] || fail "ctiflow --version printed \"$version\", expected \"ctiflow $2\""
echo "$version"
sample=/usr/share/ctiflow/samples/jabber-cti-auth-success.sdl.txt
echo "$ ctiflow analyze $sample"
ctiflow analyze "$sample" || fail "ctiflow analyze failed on the installed sample"

# Pictures need the offscreen platform plugin, fonts and the SVG and PDF writers of the installed system.
for format in png svg pdf; do
    ctiflow export --session 1 -o "/tmp/flow.$format" "$sample" >/dev/null 2>/tmp/export.log ||
        { cat /tmp/export.log; fail "ctiflow export to $format failed"; }
    ! grep -i "font" /tmp/export.log || fail "ctiflow export to $format complained about fonts"
done
[ "$(head -c 4 /tmp/flow.png | od -An -c | tr -d " ")" = "211PNG" ] || fail "flow.png is no PNG picture"
grep -q "<svg" /tmp/flow.svg || fail "flow.svg is no SVG picture"
[ "$(head -c 5 /tmp/flow.pdf)" = "%PDF-" ] || fail "flow.pdf is no PDF document"
echo "exported the sample session as PNG ($(stat -c %s /tmp/flow.png) bytes), SVG and PDF"

files=$(dpkg-query -L ctiflow)
apt-get purge "${apt_opts[@]}" ctiflow >/dev/null 2>&1 || fail "apt-get purge ctiflow failed"
left=$(while read -r f; do if [ -f "$f" ]; then echo "$f"; fi; done <<<"$files")
[ -z "$left" ] || fail "files left after purging ctiflow: $left"
echo "removed cleanly"
'

run_test() {
    local base=$1 work
    work=$(mktemp -d "$cache/package-test.XXXXXX")
    trap 'rm -rf "$work"' RETURN
    mkdir -p "$work/upper" "$work/work" "$work/root" "$cache/runtime-apt-archives/partial"
    local name version
    name=$(basename "$package")
    version=$(dpkg-deb -f "$package" Version)
    unshare --mount --propagation private bash -c '
        set -e
        base=$1 work=$2 package=$3 archives=$4; shift 4
        root=$work/root
        # A throw-away layer over the cached root; a copy where overlays are not available.
        if ! mount -t overlay overlay -o "lowerdir=$base,upperdir=$work/upper,workdir=$work/work" "$root" 2>/dev/null; then
            cp -a "$base/." "$root/"
        fi
        cp /etc/resolv.conf "$root/etc/resolv.conf"
        cp "$package" "$root/tmp/"
        mount -t proc proc "$root/proc"
        mount --rbind /dev "$root/dev"
        mount --bind "$archives" "$root/var/cache/apt/archives"
        exec chroot "$root" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 \
            DEBIAN_FRONTEND=noninteractive bash -c "$1" _ "$2" "$3"
    ' _ "$base" "$work" "$package" "$cache/runtime-apt-archives" "$inside" "$name" "$version"
}

mkdir -p "$cache"
base=$(runtime_dir)
started=$SECONDS
# One package test at a time: they share the download cache. The first also creates the root.
exec 9>"$cache/.package-test.lock"
flock 9
rm -rf "$cache"/package-test.* # left by an interrupted run; no other run is active under the lock
[ -x "$base/usr/bin/apt-get" ] || create_runtime "$base"
say "installing $(basename "$package") into a clean Debian 13 root"
if run_test "$base"; then
    say "passed in $((SECONDS - started)) s"
else
    die "FAILED (after $((SECONDS - started)) s)"
fi
