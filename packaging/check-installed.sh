#!/usr/bin/env bash
# Check an installed BreastEdu, as a user meets it: every command the README lists, run from a
# scratch folder with a bare environment (HOME in the scratch folder, no LANG, no PYTHONPATH).
#   bash packaging/check-installed.sh PROGRAM     e.g. dist/breastedu/breastedu, .venv/bin/breastedu
# build-bundle.sh runs it on a copy of the bundle outside the checkout. Each command must exit 0
# (or 2 where a refusal is the point) and print nothing on stderr; the first that does not
# stops the check with its output.
set -euo pipefail
[ $# -eq 1 ] || { echo "usage: $0 PROGRAM" >&2; exit 2; }
program=$(realpath "$1")
here=$(cd "$(dirname "$0")/.." && pwd)
page=$here/data/pages/000_37194c49921cb46b.txt

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
mkdir -p "$scratch/home" "$scratch/pages"
cp "$page" "$scratch/pages/"
cd "$scratch"
bare=(env -i "HOME=$scratch/home" "PATH=/usr/bin:/bin" "QT_QPA_PLATFORM=offscreen")

checked=0
# run EXPECTED_STATUS STDIN ARGS...: the program with ARGS, STDIN on its standard input.
run() {
    local want=$1 input=$2
    shift 2
    local status=0
    printf '%s' "$input" | "${bare[@]}" "$program" "$@" >"$scratch/out" 2>"$scratch/err" || status=$?
    if [ "$status" -ne "$want" ] || { [ "$want" -eq 0 ] && [ -s "$scratch/err" ]; }; then
        echo "check-installed: 'breastedu $*' exited $status (expected $want)" >&2
        head -c 2000 "$scratch/err" >&2
        exit 1
    fi
    checked=$((checked + 1))
}
# has TEXT: the last command's output contains TEXT.
has() {
    grep -qF -- "$1" "$scratch/out" || {
        echo "check-installed: no '$1' in the output of the last command:" >&2
        head -c 2000 "$scratch/out" >&2
        exit 1
    }
}
pdf() { [ "$(head -c 4 "$1")" = "%PDF" ] || { echo "check-installed: $1 is not a PDF" >&2; exit 1; }; }

run 0 "" --version
run 0 "" --help
has "visit-sheet"
for command in gui topics show search print visit-sheet import build-seed screenshot notes followups \
    data kiosk; do
    run 0 "" "$command" --help
done
run 0 "" topics
has "Thyroid nodules"
run 0 "" show calcifications
has "Calcifications"
run 2 "" show no-such-page
run 0 "" search "lump under arm" --limit 3
run 0 "" print calcifications --out topic.pdf
pdf topic.pdf
run 0 "" notes add calcifications "Ask about the next mammogram" --doctor
run 0 "" notes list
has "Ask about the next mammogram"
run 0 "" followups add "Mammogram" --due 2031-01-15 --every-months 12
run 0 "" followups list
has "Mammogram"
run 0 "" followups export-ics followups.ics
run 0 "" visit-sheet --out visit.pdf
pdf visit.pdf
run 0 "" data export my-data.json
run 0 "" data erase --yes
run 0 "" data import my-data.json
run 0 "" data check
run 0 "" notes list
has "Ask about the next mammogram"
run 0 "246813
" --clinic-config clinic.toml kiosk set-pin
run 0 "" --clinic-config clinic.toml kiosk check
run 0 "" screenshot shot.png --open calcifications
[ -s shot.png ] || { echo "check-installed: screenshot wrote no PNG" >&2; exit 1; }
run 0 "" import pages --into clinic.sqlite
run 0 "" --content-db clinic.sqlite topics
run 0 "" --self-test
echo "check-installed: $checked commands of $program work from $scratch"
