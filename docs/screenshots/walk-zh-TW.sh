#!/bin/bash
# The whole patient walk in zh-TW, in the real window under Xvfb with no window manager, at
# 1366x768: welcome (a first start), a topic, its guide, an editors' answer, the glossary, a
# search (鈣化), a note, a follow-up, the print preview. Driven with the app's own keys
# (xdotool); pictures: walk-zh-TW-<n>-<step>.png. Needs xvfb, xdotool and ImageMagick.
# Usage (from the repository root): docs/screenshots/walk-zh-TW.sh [OUT_DIR]
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
export PYTHONPATH="$root/src${PYTHONPATH:+:$PYTHONPATH}" QT_QPA_PLATFORM=xcb
if [ "${1:-}" != "--inside" ]; then
    exec xvfb-run -a -s "-screen 0 1366x768x24" "$0" --inside "${1:-$here}"
fi
out=$2
user=$(mktemp -d)
trap 'rm -rf "$user"' EXIT
python -m breastedu --user-dir "$user" --lang zh-TW &
pid=$!
sleep 8
W=$(xdotool search --onlyvisible --name BreastEdu | tail -1)
shot() { sleep "${2:-2}"; import -window root "$out/walk-zh-TW-$1.png"; }
search() { xdotool key --window "$W" ctrl+k; sleep 0.5; xdotool key ctrl+a; xdotool type --delay 80 "$1"; }
shot 1-welcome 0
search "鈣化"; sleep 2; xdotool key Down Return
shot 2-topic 3
xdotool mousemove 1200 600 click 1; sleep 0.5  # the page's right margin: focus, no link
for _ in 1 2 3 4 5 6 7 8; do xdotool key Next; done
shot 3-guide
search "鈣化點是乳癌的徵兆"; sleep 2; xdotool key Down Return
shot 4-answer 3
xdotool key ctrl+g
shot 5-glossary 3
search "鈣化"
shot 6-search 3
xdotool key Down Return; sleep 2
xdotool key ctrl+shift+n; sleep 2
xdotool type --delay 60 "問醫師：要多久再照一次乳房攝影？"
shot 7-note 3
xdotool key ctrl+shift+f; sleep 2
xdotool key ctrl+a; xdotool type --delay 60 "乳房攝影追蹤"
shot 8-follow-up 2
xdotool key Return
shot 9-follow-up-saved 3
xdotool key alt+f; sleep 1; xdotool key v
shot 10-print-preview 6
kill "$pid"; wait "$pid" 2>/dev/null || true
# The app's own pages in Chinese: Help → About and "Who writes this" (a second start).
python -m breastedu --user-dir "$user" --lang zh-TW &
pid=$!
sleep 8
xdotool key alt+h; sleep 1
shot 11-help-menu 1
xdotool key Up Return  # 關於 BreastEdu
shot 12-about 3
xdotool key alt+h; sleep 1; xdotool key Up Up Return  # 內容由誰撰寫
shot 13-who-writes 3
kill "$pid"
wait "$pid" 2>/dev/null || true
