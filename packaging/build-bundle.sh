#!/usr/bin/env bash
# Build the one-folder bundle and its versioned archive:
#   dist/breastedu/                                   the app (run dist/breastedu/breastedu)
#   dist/breastedu-<version>-linux-<arch>.tar.gz      the same folder, to hand out
# then check it: at most 150 MB unpacked, and every command the README lists works from a copy
# outside the checkout with a bare environment (packaging/check-installed.sh), and the real
# window on Xvfb when xvfb-run is there.
# Needs PyInstaller (pip install -e ".[bundle]"), PySide6-Essentials without PySide6-Addons, and
# on Debian/Ubuntu objdump and the shared libpython: sudo apt install binutils libpython3.11
# (libpython3.12 on Ubuntu 24.04: the one of the Python in the venv).
set -euo pipefail
cd "$(dirname "$0")/.."
max_mb=150

python -c "import PyInstaller" 2>/dev/null \
    || { echo "build-bundle: PyInstaller is missing: pip install -e '.[bundle]'" >&2; exit 1; }
if python -m pip show -q PySide6-Addons >/dev/null 2>&1; then
    echo "build-bundle: PySide6-Addons is installed; build in a venv with PySide6-Essentials only" >&2
    exit 1
fi
version=$(PYTHONPATH=src python -c "from breastedu import __version__; print(__version__)")
arch=$(uname -m)
archive=dist/breastedu-$version-linux-$arch.tar.gz

rm -rf build/pyinstaller dist/breastedu "$archive"
python tools/translations.py --release  # the interface's .qm files, from the .ts sources
python -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath dist --workpath build/pyinstaller packaging/breastedu.spec

# Desktop integration travels with the bundle: install.sh, the .desktop file, metainfo, icons.
mkdir -p dist/breastedu/share/icons
cp packaging/linux/install.sh dist/breastedu/
cp packaging/linux/org.breastedu.BreastEdu.desktop packaging/linux/org.breastedu.BreastEdu.metainfo.xml \
    dist/breastedu/share/
cp resources/icons/breastedu.svg resources/icons/breastedu-*.png dist/breastedu/share/icons/
cp LICENSE CONTENT-LICENSE.md dist/breastedu/

# The interface in Chinese: ours, and Qt's own dialogs (the spec keeps these two of Qt's).
for qm in breastedu_zh_TW.qm qtbase_zh_TW.qm; do
    find dist/breastedu -name "$qm" | grep -q . || { echo "build-bundle: $qm is not in the bundle" >&2; exit 1; }
done

size_mb=$(du -sm dist/breastedu | cut -f1)
echo "dist/breastedu: ${size_mb} MB unpacked (limit ${max_mb} MB)"
if [ "$size_mb" -gt "$max_mb" ]; then
    echo "build-bundle: the bundle is ${size_mb} MB, over ${max_mb} MB" >&2
    du -sm dist/breastedu/_internal/* | sort -rn | head -15 >&2
    exit 1
fi

# The check runs a copy far from the checkout, as a user runs the installed app: every command
# of the README with a bare environment (no LANG either), then the real window on Xvfb.
check=$(mktemp -d)
trap 'rm -rf "$check"' EXIT
cp -a dist/breastedu "$check/"
bash packaging/check-installed.sh "$check/breastedu/breastedu"
if command -v xvfb-run >/dev/null 2>&1; then
    (cd "$check" && env -i "HOME=$check/home" "PATH=/usr/bin:/bin" xvfb-run -a ./breastedu/breastedu --self-test)
else
    echo "build-bundle: xvfb-run is missing (sudo apt install xvfb xauth): the window on X was not checked" >&2
fi

tar -C dist -czf "$archive" breastedu
echo "$archive: $(du -m "$archive" | cut -f1) MB"
