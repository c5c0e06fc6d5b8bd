#!/bin/bash
# Do scap-open and sysdig select the same events with the same filter?
# Both read FILE with each filter of FILTERS (default: filters.txt
# beside this script) and print the numbers of the events they keep;
# the lists must be equal, but for the events filter-differences.json
# explains. Prints one JSON summary; exits 1 if anything differs that no
# rule explains.
#
#   test/interop/filter-compare.sh FILE [FILTERS]
#
# No root and no driver: both only read the file. Needs sysdig and jq.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
file=${1:?usage: filter-compare.sh FILE.scap [FILTERS]}
filters=${2:-$here/filters.txt}
tmp=$(mktemp -d /tmp/filter-compare.XXXXXX)
trap 'rm -rf "$tmp"' EXIT

command -v sysdig >/dev/null || { echo "filter-compare: sysdig is missing (make setup-test)" >&2; exit 2; }
# Every event of ours, one JSON line each: line N is event N.
"$repo/build/scap-open" -r "$file" --json >"$tmp/events.json" 2>"$tmp/err" ||
	{ echo "filter-compare: scap-open -r $file failed: $(cat "$tmp/err")" >&2; exit 1; }
n=0
while IFS= read -r filter; do
	[[ -z $filter || $filter == \#* ]] && continue
	n=$((n + 1))
	"$repo/build/scap-open" -r "$file" -p '%evt.num' "$filter" >"$tmp/ours.$n" 2>"$tmp/err" ||
		{ echo "filter-compare: scap-open failed on: $filter: $(cat "$tmp/err")" >&2; exit 1; }
	# '*': sysdig prints the line even where a field has no value. Without
	# bpf's exits, on whose evt.res sysdig 0.29 crashes (rule bpf_exit).
	sysdig -r "$file" -p '*%evt.num' "not (evt.type = bpf and evt.dir = <) and ($filter)" \
		>"$tmp/sysdig.$n" 2>"$tmp/err" ||
		{ echo "filter-compare: sysdig failed on: $filter: $(cat "$tmp/err")" >&2; exit 1; }
	jq -n --arg filter "$filter" --rawfile a "$tmp/ours.$n" --rawfile b "$tmp/sysdig.$n" \
		'{filter: $filter, ours: ($a | split("\n") | map(select(. != "") | tonumber)),
		  sysdig: ($b | split("\n") | map(select(. != "") | tonumber))}'
done <"$filters" >"$tmp/lists.json"
jq -n --slurpfile lists "$tmp/lists.json" --slurpfile events "$tmp/events.json" \
	--slurpfile rules "$here/filter-differences.json" -f "$here/filter-compare.jq" >"$tmp/summary.json" ||
	{ echo "filter-compare: jq failed" >&2; exit 1; }
cat "$tmp/summary.json"
[[ $(jq '.diffs | length' "$tmp/summary.json") == 0 ]]
