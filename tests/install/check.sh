#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 CTI Flow authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Checks of the installed tree and of the packages, run by CTest (tests/install.cmake):
#   check.sh staged BUILD STAGE          install BUILD into STAGE (prefix /usr), check each file's place
#   check.sh desktop STAGE               validate the desktop entry and what it refers to
#   check.sh metainfo STAGE VERSION      validate the AppStream metainfo and its release
#   check.sh commandline STAGE VERSION   --version, --help, the manual page, analyze on the sample
#   check.sh deb PACKAGE_DIR VERSION     inspect the .deb: fields, dependencies, contents
#   check.sh tgz PACKAGE_DIR VERSION     inspect the .tar.gz
set -euo pipefail

app_id=org.example.ctiflow
# Every file the installation must contain, relative to the prefix.
required=(
    bin/ctiflow
    share/applications/$app_id.desktop
    share/metainfo/$app_id.metainfo.xml
    share/mime/packages/$app_id.xml
    share/icons/hicolor/scalable/apps/ctiflow.svg
    share/man/man1/ctiflow.1.gz
    share/ctiflow/samples/jabber-cti-auth-success.sdl.txt
    share/doc/ctiflow/copyright
)
sample=share/ctiflow/samples/jabber-cti-auth-success.sdl.txt

failures=0
fail() { printf 'FAIL: %s\n' "$*" >&2; failures=$((failures + 1)); }
finish() {
    [ "$failures" -eq 0 ] || { printf '%d check(s) failed\n' "$failures" >&2; exit 1; }
    printf 'all checks passed\n'
}

# check_layout ROOT PREFIX: the required files exist under ROOT/PREFIX and nothing lies elsewhere.
check_layout() {
    local root=$1 prefix=$2 f
    for f in "${required[@]}"; do
        [ -f "$root/$prefix$f" ] || fail "missing /$prefix$f"
    done
    [ -x "$root/${prefix}bin/ctiflow" ] || fail "/${prefix}bin/ctiflow is not executable"
    while IFS= read -r f; do
        case "${f#"$prefix"}" in
            bin/ctiflow | share/applications/$app_id.desktop | share/metainfo/$app_id.metainfo.xml) ;;
            share/mime/packages/$app_id.xml | share/icons/hicolor/*/apps/ctiflow.* | share/man/man1/*.1.gz) ;;
            share/ctiflow/* | share/doc/ctiflow/*) ;;
            *) fail "installed outside the standard places: /$f" ;;
        esac
    done < <(cd "$root" && find . \( -type f -o -type l \) -printf '%P\n' | sort)
}

staged() {
    local build=$1 stage=$2
    rm -rf "$stage"
    DESTDIR="$stage" cmake --install "$build" --prefix /usr >/dev/null
    check_layout "$stage" usr/
    gzip -t "$stage/usr/share/man/man1/ctiflow.1.gz" || fail "the manual page is not valid gzip"
    finish
}

# desktop_value FILE KEY: the value of KEY in the [Desktop Entry] group.
desktop_value() { sed -n '/^\[Desktop Entry\]/,/^\[/{s/^'"$2"'=//p}' "$1"; }

desktop() {
    local share=$1/usr/share
    local entry=$share/applications/$app_id.desktop
    desktop-file-validate "$entry" || fail "desktop-file-validate rejects $entry"
    local exec icon type
    exec=$(desktop_value "$entry" Exec)
    [[ "$exec" == *%F* ]] || fail "Exec=$exec does not pass files and folders (%F)"
    [ -x "$1/usr/bin/${exec%% *}" ] || fail "Exec=$exec names no installed program"
    icon=$(desktop_value "$entry" Icon)
    [ -f "$share/icons/hicolor/scalable/apps/$icon.svg" ] || fail "Icon=$icon has no installed icon"
    for type in $(desktop_value "$entry" MimeType | tr ';' ' '); do
        grep -q "<mime-type type=\"$type\"" "$share/mime/packages/$app_id.xml" ||
            fail "MimeType $type is not defined by $app_id.xml"
    done
    # A wrong entry must be rejected, or the validation above proves nothing.
    local broken
    broken=$(mktemp --suffix=.desktop)
    sed 's/^Type=Application$/Type=Nonsense/' "$entry" >"$broken"
    if desktop-file-validate "$broken" >/dev/null 2>&1; then fail "desktop-file-validate accepts Type=Nonsense"; fi
    rm -f "$broken"
    finish
}

metainfo() {
    local stage=$1 version=$2
    local file=$stage/usr/share/metainfo/$app_id.metainfo.xml
    appstreamcli validate --no-net --pedantic "$file" || fail "appstreamcli rejects $file"
    # validate-tree also checks that the launchable desktop entry is installed beside it.
    appstreamcli validate-tree --no-net "$stage" || fail "appstreamcli validate-tree rejects $stage"
    grep -q "<release version=\"$version\" date=\"[0-9]\{4\}-[0-9][0-9]-[0-9][0-9]\"" "$file" ||
        fail "no release entry for version $version in $file"
    grep -q "<launchable type=\"desktop-id\">$app_id.desktop</launchable>" "$file" || fail "launchable is not $app_id.desktop"
    finish
}

# help_options TEXT: the long options (and short ones without a long form) listed in Qt help text.
help_options() { grep -oE '^ +(-[a-zA-Z?], )?--?[a-zA-Z][a-zA-Z0-9-]*' <<<"$1" | grep -oE -- '--?[a-zA-Z][a-zA-Z0-9-]*$'; }

commandline() {
    local stage=$1 version=$2
    local bin=$stage/usr/bin/ctiflow man
    local out
    out=$(env -u DISPLAY -u WAYLAND_DISPLAY "$bin" --version) || fail "ctiflow --version failed without a display"
    [ "$out" = "ctiflow $version" ] || fail "ctiflow --version printed '$out', expected 'ctiflow $version'"
    man=$(zcat "$stage/usr/share/man/man1/ctiflow.1.gz" | sed 's/\\-/-/g; s/\\f[BIRP]//g')
    grep -q "CTI Flow $version" <<<"$man" || fail "the manual page does not name version $version"

    local help commands command option
    help=$(env -u DISPLAY -u WAYLAND_DISPLAY "$bin" --help) || fail "ctiflow --help failed without a display"
    commands=$(sed -n '/^Commands:/,/^$/p' <<<"$help" | awk '/^  [a-z]/ {print $1}')
    [ -n "$commands" ] || fail "ctiflow --help lists no commands"
    for option in $(help_options "$help"); do
        grep -qF -- "$option" <<<"$man" || fail "option $option of ctiflow is missing from the manual page"
    done
    for command in $commands; do
        grep -qE "^\.B[IR]? \"?$command( |\"|$)" <(zcat "$stage/usr/share/man/man1/ctiflow.1.gz") ||
            fail "command $command is missing from the manual page"
        local command_help
        command_help=$("$bin" "$command" --help) || fail "ctiflow $command --help failed"
        for option in $(help_options "$command_help"); do
            grep -qF -- "$option" <<<"$man" ||
                fail "option $option of ctiflow $command is missing from the manual page"
        done
    done

    out=$("$bin" analyze "$stage/usr/$sample") || fail "ctiflow analyze failed on the installed sample"
    [ -n "$out" ] || fail "ctiflow analyze printed nothing for the installed sample"
    finish
}

# one_file DIR GLOB: the single file matching GLOB in DIR.
one_file() {
    local matches=("$1"/$2)
    [ ${#matches[@]} -eq 1 ] && [ -f "${matches[0]}" ] || { echo "expected one $2 in $1" >&2; exit 1; }
    printf '%s' "${matches[0]}"
}

deb() {
    local dir=$1 version=$2 arch
    arch=$(dpkg --print-architecture)
    local package
    package=$(one_file "$dir" "ctiflow_${version}_$arch.deb")
    local field expected
    for field in Package:ctiflow Version:"$version" Architecture:"$arch" Section:utils; do
        expected=${field#*:}
        [ "$(dpkg-deb -f "$package" "${field%%:*}")" = "$expected" ] || fail "${field%%:*} is not $expected"
    done
    [ -n "$(dpkg-deb -f "$package" Maintainer)" ] || fail "no Maintainer"

    local depends
    depends=$(dpkg-deb -f "$package" Depends)
    . /etc/os-release
    printf 'Depends (built on %s): %s\n' "${PRETTY_NAME:-unknown}" "$depends"
    # Every dependency must be a package of the distribution built on (Debian 13 in the build root).
    local name known
    known=$(apt-cache pkgnames | sort)
    for name in $(tr ',|' '\n\n' <<<"$depends" | sed 's/(.*)//; s/:any//' | tr -d ' ' | sort -u); do
        grep -qxF "$name" <<<"$known" || fail "dependency $name is no package of ${VERSION_CODENAME:-this system}"
    done
    for name in libqt6widgets6 libqt6gui6 libqt6core6t64 qt6-qpa-plugins qt6-svg-plugins; do
        [ "${VERSION_CODENAME:-}" != trixie ] || grep -qE "(^|, )$name( |,|$)" <<<"$depends" ||
            fail "Depends lacks $name"
    done

    local contents f
    contents=$(dpkg-deb -c "$package" | awk '{print $6}')
    for f in "${required[@]}"; do
        grep -qx "./usr/$f" <<<"$contents" || fail "the package lacks /usr/$f"
    done
    local unpacked
    unpacked=$(mktemp -d)
    dpkg-deb -x "$package" "$unpacked"
    check_layout "$unpacked" usr/
    file "$unpacked/usr/bin/ctiflow" | grep -q ', stripped' || fail "/usr/bin/ctiflow in the package is not stripped"
    rm -rf "$unpacked"
    finish
}

tgz() {
    local dir=$1 version=$2
    local archive top unpacked
    archive=$(one_file "$dir" "ctiflow-$version-*.tar.gz")
    top=$(basename "$archive" .tar.gz)
    unpacked=$(mktemp -d)
    tar -xzf "$archive" -C "$unpacked"
    [ -d "$unpacked/$top" ] || fail "$archive does not unpack into $top/"
    check_layout "$unpacked/$top" ""
    # The tree is relocatable: the program runs from wherever it was unpacked.
    local out
    out=$("$unpacked/$top/bin/ctiflow" --version) || fail "bin/ctiflow --version failed in the unpacked archive"
    [ "$out" = "ctiflow $version" ] || fail "bin/ctiflow --version printed '$out'"
    "$unpacked/$top/bin/ctiflow" analyze "$unpacked/$top/$sample" >/dev/null ||
        fail "bin/ctiflow analyze failed on the sample of the unpacked archive"
    rm -rf "$unpacked"
    finish
}

what=${1:-}
[ $# -gt 0 ] && shift
case "$what" in
    staged | desktop | metainfo | commandline | deb | tgz) "$what" "$@" ;;
    *) sed -n '5,11p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
esac
