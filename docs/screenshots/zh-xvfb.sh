#!/bin/bash
# The real zh-TW window under Xvfb (menus are separate windows, so `screenshot` cannot show
# them): search 鈣化, open the guide and the notebook, open View → Language, start a follow-up.
# Needs xvfb, xdotool and ImageMagick. Usage (from the repository root): docs/screenshots/zh-xvfb.sh
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
export PYTHONPATH="$root/src${PYTHONPATH:+:$PYTHONPATH}" QT_QPA_PLATFORM=xcb
if [ "${1:-}" != "--inside" ]; then
    for screen in 1366x768 1024x600; do
        xvfb-run -a -s "-screen 0 ${screen}x24" "$0" --inside "$here/zh-TW-$screen"
    done
    exit 0
fi
out=$2
user=$(mktemp -d)
trap 'rm -rf "$user"' EXIT
printf '[welcome]\nshown=true\n' > "$user/settings.ini"
python -m breastedu --user-dir "$user" --lang zh-TW &
pid=$!
sleep 8
W=$(xdotool search --onlyvisible --name BreastEdu | tail -1)
eval "$(xdotool getwindowgeometry --shell "$W")"
G="${WIDTH}x${HEIGHT}+${X}+${Y}"
xdotool key --window "$W" ctrl+k; sleep 0.5
xdotool type --delay 80 "鈣化"; sleep 2
xdotool key Down Return; sleep 2
xdotool key ctrl+shift+n; sleep 2
xdotool key alt+v; sleep 1; xdotool key l; sleep 1
import -window root -crop "$G" +repage "$out-view-language.png"
xdotool key Escape Escape Escape; sleep 0.5
xdotool key ctrl+shift+f; sleep 2
import -window root -crop "$G" +repage "$out-followup-form.png"
kill "$pid"
wait "$pid" 2>/dev/null || true
