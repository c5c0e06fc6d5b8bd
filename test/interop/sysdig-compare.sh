#!/bin/bash
# Does sysdig read a capture file as scap-open does? Both read FILE; every
# event of ours is matched to sysdig's by its number in the file, and every
# param compared (test/interop/sysdig-compare.jq, with the ways of printing
# that test/interop/sysdig-differences.json lists). Prints one JSON
# summary; exits 1 if anything differs that no rule explains.
#
#   test/interop/sysdig-compare.sh FILE
#
# No root and no driver: both only read the file. Needs sysdig and jq
# (make setup-test).
set -uo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
file=${1:?usage: sysdig-compare.sh FILE.scap}
tmp=$(mktemp -d /tmp/sysdig-compare.XXXXXX)
trap 'rm -rf "$tmp"' EXIT

command -v sysdig >/dev/null || { echo "sysdig-compare: sysdig is missing (make setup-test)" >&2; exit 2; }
"$repo/build/scap-open" -r "$file" --json >"$tmp/ours.json" 2>"$tmp/ours.err" &&
	"$repo/build/scap-open" -r "$file" >"$tmp/ours.txt" 2>>"$tmp/ours.err" ||
	{ echo "sysdig-compare: scap-open -r $file failed: $(cat "$tmp/ours.err")" >&2; exit 1; }
# '*': a line for every event, even one whose params are all empty.
sysdig -r "$file" -p '*%evt.num %evt.dir %evt.type %evt.args' >"$tmp/sysdig.txt" 2>"$tmp/sysdig.err" ||
	{ echo "sysdig-compare: sysdig -r $file failed: $(cat "$tmp/sysdig.err")" >&2; exit 1; }
jq -n --slurpfile ours "$tmp/ours.json" --rawfile text "$tmp/ours.txt" \
	--rawfile sysdig "$tmp/sysdig.txt" --slurpfile rules "$repo/test/interop/sysdig-differences.json" \
	'($text | rtrimstr("\n") | split("\n")) as $text
	 | ($sysdig | rtrimstr("\n") | split("\n")) as $sysdig
	 | '"$(cat "$repo/test/interop/sysdig-compare.jq")" >"$tmp/summary.json" ||
	{ echo "sysdig-compare: jq failed" >&2; exit 1; }
cat "$tmp/summary.json"
[[ $(jq '.diffs | length' "$tmp/summary.json") == 0 ]]
