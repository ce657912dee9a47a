#!/usr/bin/env bash
# Install BreastEdu for this user only (no root): run it from the unpacked bundle folder.
#
#   ./install.sh            copy the app to ~/.local/lib/breastedu, add ~/.local/bin/breastedu,
#                           the menu entry, the icons and the AppStream metainfo
#   ./install.sh --uninstall  remove exactly those again (her notes are kept: see below)
#
# PREFIX (default ~/.local) moves everything, for tests and portable setups.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
prefix=${PREFIX:-$HOME/.local}
app_id=org.breastedu.BreastEdu
app_dir=$prefix/lib/breastedu
bin_link=$prefix/bin/breastedu
share=$prefix/share
desktop_file=$share/applications/$app_id.desktop
metainfo_file=$share/metainfo/$app_id.metainfo.xml
sizes="16 24 32 48 64 128 256 512"

refresh_caches() {
    # Menus and icon themes pick the changes up without a new login where these tools exist.
    command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q "$share/applications" || true
    command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q -t "$share/icons/hicolor" || true
}

uninstall() {
    rm -rf -- "$app_dir"
    [ -L "$bin_link" ] && rm -f -- "$bin_link"
    rm -f -- "$desktop_file" "$metainfo_file" "$share/icons/hicolor/scalable/apps/$app_id.svg"
    for size in $sizes; do
        rm -f -- "$share/icons/hicolor/${size}x${size}/apps/$app_id.png"
    done
    refresh_caches
    echo "BreastEdu is uninstalled. Your notes and follow-ups are kept in ${XDG_DATA_HOME:-$HOME/.local/share}/breastedu"
    echo "(erase them first with 'breastedu data erase --yes', or delete that folder)."
}

if [ "${1:-}" = "--uninstall" ]; then
    uninstall
    exit 0
fi
if [ $# -gt 0 ]; then
    echo "usage: $0 [--uninstall]" >&2
    exit 2
fi
[ -x "$here/breastedu" ] || { echo "install.sh: run me from the unpacked bundle folder (no ./breastedu in $here)" >&2; exit 2; }

# A new copy replaces an old one whole, so no file of an older version lingers.
rm -rf -- "$app_dir.new"
mkdir -p -- "$prefix/lib" "$prefix/bin" "$share/applications" "$share/metainfo"
cp -a -- "$here" "$app_dir.new"
rm -rf -- "$app_dir"
mv -- "$app_dir.new" "$app_dir"
ln -sfn -- "$app_dir/breastedu" "$bin_link"

sed "s|^Exec=.*|Exec=$app_dir/breastedu|" "$here/share/$app_id.desktop" >"$desktop_file"
cp -- "$here/share/$app_id.metainfo.xml" "$metainfo_file"
mkdir -p -- "$share/icons/hicolor/scalable/apps"
cp -- "$here/share/icons/breastedu.svg" "$share/icons/hicolor/scalable/apps/$app_id.svg"
for size in $sizes; do
    mkdir -p -- "$share/icons/hicolor/${size}x${size}/apps"
    cp -- "$here/share/icons/breastedu-$size.png" "$share/icons/hicolor/${size}x${size}/apps/$app_id.png"
done
refresh_caches
echo "BreastEdu $("$app_dir/breastedu" --version | cut -d' ' -f2) is installed: find it in your applications menu,"
echo "or run $bin_link. To remove it: $app_dir/install.sh --uninstall"
