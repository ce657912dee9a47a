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
