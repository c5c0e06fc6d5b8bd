#!/bin/bash
# The grader:  make grade LAB=N   (or labs/tools/grade.sh N)
#              make grade         (every lab, then a summary)
#
# For one lab it links the lab's systems (labs/tools/system.sh: the lab's
# code, the reference for everything else), runs the lab's bats tests in
# them, and prints every check with its points and, for a failed check,
# what it expected and what it got; then "Score: X/Y". Exit status: 0 for
# full marks, 1 below.
# The results also go, for instructors' tools, to build/grade/NN-slug.json
# (and build/grade/summary.json for all labs); the raw TAP of each run sits
# next to it, and each system's build log in its folder. With
# GRADE_FINGERPRINTS=FILE, the fingerprint of each system the checks ran in
# is added to FILE (labs/tools/system.sh, lab_fingerprints).
#
# A check is one bats test named "NN.M [P pts] what it checks": NN.M is the
# exercise (the number in the code's markers and in the lab's README), P its
# points. A test that fails, is skipped or never runs scores 0.
set -uo pipefail
cd "$(dirname "$0")/../.." || exit 2
. labs/tools/lib.sh
. labs/tools/system.sh
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

# read_tap FILE: add to STATUS[test name] (PASS, FAIL or SKIP) and
# DIAG[test name] (what bats printed for a test that did not pass, without
# bats' own lines: where in the test file it failed is no news to a learner).
declare -A STATUS DIAG
read_tap() {
	local l name cur="" frame=0
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
			cur=$name frame=0
		elif [[ $l == "#"* && -n $cur && ${STATUS[$cur]} != PASS ]]; then
			l=${l#\#}
			l=${l# }
			if [[ $l == "(in test file "* || $l == "(from function "* || $l == " in test file "* ||
				$l == " from function "* || $l == "(in "*" function "* ]]; then
				frame=1
				continue
			fi
			# The quoted source line bats prints after the frames.
			if [[ $frame == 1 && $l == "  \`"*"' failed"* ]]; then
				frame=0
				continue
			fi
			frame=0
			DIAG[$cur]+="$l"$'\n'
		fi
	done <"$1"
}

# build_errors LOG: the compiler's errors in a build log, the first 20.
build_errors() {
	{ grep -E -A3 'error|Error' "$1" || tail -n 20 "$1"; } | grep -v '^--$' | head -n 20
}

# run_checks labs/NN-slug SYSDIR EXERCISES FILTER: the lab's bats tests
# (those FILTER selects) in the system SYSDIR, TAP on stdout. A lab graded
# with the kernel module gets its system's module too (its tests capture
# where the module loads: in_kmod in lab_helpers.bash).
run_checks() {
	local dir=$1 sysdir=$2 vars
	vars=(LAB_DIR="$PWD/$dir" LAB_BUILD="$PWD/$sysdir" SCAP_OPEN="$PWD/$sysdir/scap-open"
		CAPTURE_DIR="$PWD/$sysdir/captures" GRADE_EXERCISES="$3")
	[[ $(lab_driver "$(lab_num "$dir")") != kmod ]] ||
		vars+=(KMOD_KO="$PWD/$sysdir/kmod/$(kmod_kver)/scaplab.ko")
	env "${vars[@]}" bats --tap --filter "$4" "$dir"/tests/*.bats
}

# grade_lab labs/NN-slug: grade it; sets SCORE and MAX.
grade_lab() {
	local dir=$1 num slug base title checks open stale m
	num=$(lab_num "$dir")
	slug=${dir#labs/}
	base=$OUT/$slug
	title=$(sed -n '1s/^# *//p' "$dir/README.md")
	mkdir -p "$OUT"
	rm -f "$base".*.tap
	echo "== $title =="

	open=$(markers "$num" | awk '$2 == "TODO"')
	if [[ -n $open ]]; then
		echo "TODOs of this lab still as the starter left them:"
		awk '{ $2 = ""; print "  " $0 }' <<<"$open"
	fi
	for m in labs/[0-9][0-9]-*/; do
		m=$(lab_num "${m%/}")
		[[ $m != "$num" ]] && lab_is_carved "$m" || continue
		stale=$(stale_headers "$m")
		[[ -z $stale ]] || echo "Warning: lab $m's reference objects ($PREBUILT/$m) were compiled" \
			"against other versions of these headers: $(echo $stale). If a check fails" \
			"strangely, undo your changes to them."
	done

	checks=$(lab_checks "$dir")
	MAX=$(awk -F'\t' '{ s += $2 } END { print s + 0 }' <<<"$checks")
	SCORE=0
	STATUS=() DIAG=()
	local -A SYS_OF=() WHY=()
	local sysdir exercises sources filter tap why x
	while IFS=$'\t' read -r sysdir exercises sources; do
		[[ -n $sysdir ]] || continue
		filter="^(${exercises// /|}) "
		filter=${filter//./\\.}
		tap=$base.${sysdir##*/}.tap
		# shellcheck disable=SC2086
		if ! build_system "$sysdir" "$num" $sources; then
			why="not run: the build failed ($sysdir/build.log has all of it):"$'\n'
			why+=$(build_errors "$sysdir/build.log")
			: >"$tap"
			[[ -z ${GRADE_FINGERPRINTS:-} ]] || echo "$sysdir FAILED" >>"$GRADE_FINGERPRINTS"
		else
			[[ -z ${GRADE_FINGERPRINTS:-} ]] ||
				echo "$sysdir $(system_fingerprint "$sysdir")" >>"$GRADE_FINGERPRINTS"
			rm -rf "$sysdir/captures"
			run_checks "$dir" "$sysdir" "$exercises" "$filter" >"$tap" 2>&1
			why="this check never ran (see $tap)"
			if grep -q '^not ok [0-9]* setup_file failed' "$tap"; then
				read_tap "$tap"
				why="not run: the test file's setup_file failed:"$'\n'${DIAG["setup_file failed"]:-}
			fi
		fi
		read_tap "$tap"
		WHY[$sysdir]=$why
		for x in $exercises; do
			SYS_OF[$x]=$sysdir
		done
	done < <(lab_systems "$num")

	# A check missing from the TAP (bats died before it) fails.
	local json_checks="" id pts name test status shown
	while IFS=$'\t' read -r id pts name test; do
		[[ -n $id ]] || continue
		status=${STATUS[$test]:-MISSING}
		if [[ $status == PASS ]]; then
			SCORE=$((SCORE + pts))
			printf '  PASS %3d/%-3d %s %s\n' "$pts" "$pts" "$id" "$name"
		else
			printf '  FAIL %3d/%-3d %s %s\n' 0 "$pts" "$id" "$name"
			shown=${DIAG[$test]:-}
			sysdir=${SYS_OF[$id]:-}
			[[ $status == MISSING ]] && shown=${WHY[$sysdir]:-"no system ran the checks of $id"}
			if [[ -n $shown ]]; then
				shown=$(sed -e :a -e '/^\n*$/{$d;N;ba' -e '}' <<<"$shown")
				head -n 25 <<<"$shown" | sed 's/^/       | /'
				[[ $(wc -l <<<"$shown") -le 25 ]] || echo "       | ... (all of it: $base.*.tap)"
			fi
			# One copy of a reason shared by several checks is enough.
			[[ $status == MISSING && -n $sysdir ]] && WHY[$sysdir]="(the same reason as above)"
		fi
		json_checks+="${json_checks:+,}{\"exercise\":$(json_str "$id"),\"title\":$(json_str "$name"),\"points\":$([[ $status == PASS ]] && echo "$pts" || echo 0),\"max\":$pts,\"passed\":$([[ $status == PASS ]] && echo true || echo false)}"
	done <<<"$checks"

	# The lab's own system, which the README's commands run, if no check
	# ran in it (a lab of several exercises grades each in its own).
	local labsys=build/labs/$slug
	if [[ -z ${WHY[$labsys]+set} ]]; then
		# shellcheck disable=SC2046
		build_system "$labsys" "$num" $(lab_all_sources "$num") ||
			echo "(the lab's system $labsys did not build: $labsys/build.log)"
	fi
	echo "Score: $SCORE/$MAX"
	{
		printf '{"lab":%s,"number":%s,"title":%s,"score":%d,"max":%d,' \
			"$(json_str "$slug")" "$(json_str "$num")" "$(json_str "$title")" "$SCORE" "$MAX"
		printf '"open_todos":%d,"graded_at":%s,"checks":[%s]}\n' \
			"$(grep -c . <<<"$open")" "$(json_str "$(date -u +%FT%TZ)")" "$json_checks"
	} >"$base.json"
	echo "Result: $base.json"
}

# Not root, no probe loads: a lab with reference captures (tests/reference/)
# is graded on them instead, its reader code run on recorded events.
if [[ $(id -u) != 0 ]]; then
	[[ -n ${1:-} && -d $(lab_dir "$1" 2>/dev/null)/tests/reference ]] ||
		die "grading loads BPF programs: run it as root (sudo make grade LAB=...)"
	export SCAPLAB_REPLAY=1
fi
if [[ ${SCAPLAB_REPLAY:-} == 1 ]]; then
	echo "No live capture (SCAPLAB_REPLAY=1, or not root): the checks that read events"
	echo "read the lab's reference capture (tests/reference/) with your code instead."
fi
command -v bats >/dev/null || die "bats is not installed: run 'sudo make setup-test' (the graders are bats tests)"
need_carve
markers >/dev/null
systems_load

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
