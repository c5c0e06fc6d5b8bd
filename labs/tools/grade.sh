#!/bin/bash
# The grader:  make grade LAB=N   (or labs/tools/grade.sh N)
#              make grade         (every lab, then a summary)
#
# For one lab it builds the system and the lab's test programs, runs the
# lab's bats tests, and prints every check with its points and the output of
# each failed check, then "Score: X/Y". Exit status: 0 for full marks, 1 below.
# The results also go, for instructors' tools, to build/grade/NN-slug.json
# (and build/grade/summary.json for all labs); the raw TAP of the run and the
# build log sit next to it.
#
# A check is one bats test named "NN.M [P pts] what it checks": NN.M is the
# exercise (the number in the code's markers and in the lab's README), P its
# points. A test that fails, is skipped or never runs scores 0.
set -uo pipefail
cd "$(dirname "$0")/../.." || exit 2
. labs/tools/lib.sh
OUT=build/grade

# json_str S: S as a JSON string.
json_str() {
	local s=$1
	s=${s//\\/\\\\}
	s=${s//\"/\\\"}
	s=${s//$'\t'/\\t}
	s=${s//$'\n'/\\n}
	s=${s//$'\r'/}
	printf '"%s"' "$s"
}

# The checks of a lab, from its test files: "NN.M<TAB>points<TAB>title<TAB>test name".
lab_checks() {
	sed -n 's/^@test "\(.*\)" {$/\1/p' "$1"/tests/*.bats |
		sed 's/\\"/"/g; s/\\\\/\\/g' |
		sed -n 's/^\(\([0-9][0-9]\.[0-9][0-9]*\) \[\([0-9][0-9]*\) pts\{0,1\}\] \(.*\)\)$/\2\t\3\t\4\t\1/p'
}

# read_tap FILE: fill STATUS[test name] (PASS, FAIL or SKIP) and DIAG[test
# name] (what bats printed for a test that did not pass).
declare -A STATUS DIAG
read_tap() {
	local l name cur=""
	STATUS=() DIAG=()
	while IFS= read -r l; do
		if [[ $l =~ ^(not )?ok\ [0-9]+\ (.*)$ ]]; then
			name=${BASH_REMATCH[2]}
			STATUS[$name]=PASS
			[[ -n ${BASH_REMATCH[1]} ]] && STATUS[$name]=FAIL
			if [[ $name == *" # skip"* ]]; then
				STATUS[${name%% # skip*}]=SKIP
				DIAG[${name%% # skip*}]="skipped:${name#* # skip}"$'\n'
				name=${name%% # skip*}
			fi
			cur=$name
		elif [[ $l == "#"* && -n $cur && ${STATUS[$cur]} != PASS ]]; then
			DIAG[$cur]+="${l#\#}"$'\n'
		fi
	done <"$1"
}

# grade_lab labs/NN-slug: grade it; sets SCORE and MAX.
grade_lab() {
	local dir=$1 num slug base tap log title checks all open others
	num=$(lab_num "$dir")
	slug=${dir#labs/}
	base=$OUT/$slug
	tap=$base.tap
	log=$base.build.log
	title=$(sed -n '1s/^# *//p' "$dir/README.md")
	mkdir -p "$OUT"
	echo "== $title =="

	all=$(markers)
	open=$(awk -v n="$num." '$2 == "TODO" && index($1, n) == 1' <<<"$all")
	others=$(awk -v n="$num." '$2 == "TODO" && index($1, n) != 1' <<<"$all")
	if [[ -n $open ]]; then
		echo "Open TODOs of this lab (make lab-reset LAB=$num gives back the reference):"
		awk '{ $2 = ""; print "  " $0 }' <<<"$open"
	fi
	if [[ -n $others ]]; then
		echo "Note: TODOs of other labs are open too; a check that uses that code fails until they are done:"
		awk '{ $2 = ""; print "  " $0 }' <<<"$others"
	fi

	checks=$(lab_checks "$dir")
	MAX=$(awk -F'\t' '{ s += $2 } END { print s + 0 }' <<<"$checks")
	SCORE=0
	local never_ran="this check never ran (see $tap)"
	if ! make --no-print-directory all lab-tools >"$log" 2>&1; then
		echo "BUILD FAILED: every check scores 0. The first errors ($log has all):"
		{ grep -E 'error|Error' "$log" || tail -n 20 "$log"; } | head -n 20 | sed 's/^/  | /'
		: >"$tap"
		never_ran="not run: the build failed (above)"
	else
		LAB_DIR=$PWD/$dir LAB_BUILD=$PWD/build/$dir bats --tap "$dir"/tests/*.bats >"$tap" 2>&1
	fi

	# A check missing from the TAP (bats died before it) fails.
	local json_checks="" id pts name test status shown
	read_tap "$tap"
	while IFS=$'\t' read -r id pts name test; do
		[[ -n $id ]] || continue
		status=${STATUS[$test]:-MISSING}
		if [[ $status == PASS ]]; then
			SCORE=$((SCORE + pts))
			printf '  PASS %3d/%-3d %s %s\n' "$pts" "$pts" "$id" "$name"
		else
			printf '  FAIL %3d/%-3d %s %s\n' 0 "$pts" "$id" "$name"
			shown=${DIAG[$test]:-}
			if [[ $status == MISSING && -n ${DIAG["setup_file failed"]:-} ]]; then
				shown="not run: the test file's setup_file failed:"$'\n'${DIAG["setup_file failed"]}
			elif [[ $status == MISSING ]]; then
				shown=$never_ran
			fi
			if [[ -n $shown ]]; then
				head -n 25 <<<"$shown" | sed 's/^ //; s/^/       | /'
				[[ $(wc -l <<<"$shown") -le 25 ]] || echo "       | ... (all of it: $tap)"
			fi
		fi
		json_checks+="${json_checks:+,}{\"exercise\":$(json_str "$id"),\"title\":$(json_str "$name"),\"points\":$([[ $status == PASS ]] && echo "$pts" || echo 0),\"max\":$pts,\"passed\":$([[ $status == PASS ]] && echo true || echo false)}"
	done <<<"$checks"

	echo "Score: $SCORE/$MAX"
	{
		printf '{"lab":%s,"number":%s,"title":%s,"score":%d,"max":%d,' \
			"$(json_str "$slug")" "$(json_str "$num")" "$(json_str "$title")" "$SCORE" "$MAX"
		printf '"open_todos":%d,"graded_at":%s,"checks":[%s]}\n' \
			"$(grep -c . <<<"$open")" "$(json_str "$(date -u +%FT%TZ)")" "$json_checks"
	} >"$base.json"
	echo "Result: $base.json"
}

[[ $(id -u) == 0 ]] || die "grading loads BPF programs: run it as root (sudo make grade LAB=...)"
command -v bats >/dev/null || die "bats is not installed: run 'sudo make setup-test' (the graders are bats tests)"
need_carve

if [[ -n ${1:-} ]]; then
	dir=$(lab_dir "$1") || exit 2
	grade_lab "$dir"
	[[ $SCORE == "$MAX" && $MAX -gt 0 ]]
	exit
fi

total=0 total_max=0 summary="" json=""
for dir in labs/[0-9][0-9]-*/; do
	dir=${dir%/}
	grade_lab "$dir"
	echo
	total=$((total + SCORE))
	total_max=$((total_max + MAX))
	summary+=$(printf '  %-24s %3d/%d' "${dir#labs/}" "$SCORE" "$MAX")$'\n'
	json+="${json:+,}{\"lab\":$(json_str "${dir#labs/}"),\"score\":$SCORE,\"max\":$MAX}"
done
echo "== Summary =="
printf '%s' "$summary"
echo "Score: $total/$total_max"
echo "{\"score\":$total,\"max\":$total_max,\"labs\":[$json]}" >"$OUT/summary.json"
echo "Result: $OUT/summary.json"
[[ $total == "$total_max" ]]
