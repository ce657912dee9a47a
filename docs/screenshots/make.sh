#!/bin/sh
# Regenerates the README pictures with `breastedu screenshot`: the real main window, rendered
# offscreen at the size a first start on the given screen gets, with an empty user folder.
# Usage (from the repository root): docs/screenshots/make.sh
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
export PYTHONPATH="$root/src${PYTHONPATH:+:$PYTHONPATH}"
user=$(mktemp -d)
trap 'rm -rf "$user"' EXIT
shot() { python -m breastedu --user-dir "$user" screenshot "$@"; }
question=clustered-calcification-92d1c5

shot "$here/laptop.png"                                     # 1366x768 laptop, light, home page
shot "$here/small.png" --screen 1024x600 --open "$question" # a netbook: window fills the screen
shot "$here/dark.png" --theme dark --open "$question"
shot "$here/high-contrast.png" --theme high-contrast --open calcifications
shot "$here/largest-text.png" --screen 1920x1080 --text-size largest --tab followups
shot "$here/search.png" --search "lump under arm"           # the Quick start's pictures
shot "$here/question.png" --open "$question"
# The drawings: a contact sheet per theme, every drawing printed in greys, and the follow-up
# timeline (notebook in three themes + the visit sheet's printed grid).
python "$root/tools/drawings.py" sheets "$here"
# The interface in Traditional Chinese (zh-TW), offscreen: a laptop with a guide and the
# follow-ups, a netbook with a search. (The real window under Xvfb, menus open: zh-xvfb.sh.)
python -m breastedu --user-dir "$user" --lang zh-TW screenshot "$here/zh-TW-laptop.png" --open calcifications --tab followups
python -m breastedu --user-dir "$user" --lang zh-TW screenshot "$here/zh-TW-small.png" --screen 1024x600 --search 鈣化
# Printed in Traditional Chinese: a topic sheet's first page (drawing labels in Chinese) and a
# visit sheet with three follow-ups and a question for the doctor (pdftoppm at 80 dpi).
pdf=$(mktemp -d)
python -m breastedu --lang zh-TW print goiter --out "$pdf/topic.pdf"
pdftoppm -png -r 80 -f 1 -l 1 -singlefile "$pdf/topic.pdf" "$here/sheet-zh-TW-topic"
python -m breastedu --user-dir "$user" followups add 甲狀腺超音波 --due 2027-03-01 --every-months 12 --link thyroid-nodules
python -m breastedu --user-dir "$user" followups add Mammogram --due 2026-11-20 --note 帶上次的片子
python -m breastedu --user-dir "$user" followups add 抽血檢查 --due 2026-12-15 --every-months 1 --from-done
python -m breastedu --user-dir "$user" notes add --doctor calcifications 鈣化點需要切片嗎？
python -m breastedu --user-dir "$user" --lang zh-TW visit-sheet --out "$pdf/visit.pdf"
pdftoppm -png -r 80 -singlefile "$pdf/visit.pdf" "$here/sheet-zh-TW-visit"
rm -rf "$pdf"
