#!/bin/bash
# make replay: a student doing the student release, in the order
# labs/README.md gives, replayed and graded. Run by `make test` (CI).
#
#   labs/tools/replay.sh [--rounds N] [--order "00 01 ..."] [DIR]
#
# It makes a student release in DIR (default build/replay/release), then:
#   step 0      every lab as the release hands it out (the starters);
#   step k      lab k of the order done: its files as the reference has them,
#               inside their TODO markers (carve --solve), as a learner's
#               finished work looks.
# After every step it grades every lab, and it grades each lab in each of
# its two states (starter, done) at least N times (default 5) in all. A lab
# whose code did not change at a step is not graded again (a "=" in the
# table) when no other lab's work can have reached it:
#   - its systems were built from none of the files done at this step: the
#     dependency files of their last build say so (lab.sh inputs-touched),
#     and linking them again would make the same programs;
#   - or else, linked again, its systems' programs are byte for byte those
#     of its last grade (lab.sh fingerprints).
# It fails if
#   - a lab reaches full marks before its step, or misses them after it;
#   - any check's result moves while the lab's own code did not change:
#     another lab's work, or chance, changed it.
# The table of scores goes to the terminal and to build/replay/replay.md,
# every grade's result to build/replay/grades/.
set -uo pipefail
cd "$(dirname "$0")/../.." || exit 2
. labs/tools/lib.sh

ROUNDS=5
ORDER=
while [[ $# -gt 0 ]]; do
	case $1 in
	--rounds) ROUNDS=$2; shift 2 ;;
	--order) ORDER=$2; shift 2 ;;
	-*) die "usage: labs/tools/replay.sh [--rounds N] [--order \"00 01 ...\"] [DIR]" ;;
	*) break ;;
	esac
done
[[ $ROUNDS =~ ^[1-9][0-9]*$ ]] || die "--rounds takes a number of at least 1"
WORK=build/replay
DEST=${1:-$WORK/release}
need_carve
markers >/dev/null
CARVE=$(realpath "$CARVE")
ALL=$(for d in labs/[0-9][0-9]-*/; do lab_num "${d%/}"; done | tr '\n' ' ')
# The order labs/README.md states: its table of labs, top to bottom.
[[ -n $ORDER ]] || ORDER=$ALL
for n in $ORDER; do
	[[ " $ALL " == *" $n "* ]] || die "--order: no lab $n (labs: $ALL)"
done
[[ $(tr ' ' '\n' <<<"$ORDER" | grep -c .) == $(tr ' ' '\n' <<<"$ALL" | grep -c .) ]] ||
	die "--order must name every lab once: $ALL"

rm -rf "$WORK"
mkdir -p "$WORK/grades"
echo "# replay: a student release in $DEST, done in the order $ORDER, each lab graded at least $ROUNDS times as a starter and as done"
labs/tools/lab.sh release "$DEST" >"$WORK/release.log" 2>&1 || { cat "$WORK/release.log"; exit 1; }
# The release's docs name only what the release has (no solutions/ ...).
DOCS_OUT=$(cd "$DEST" && scripts/check-docs.sh 2>&1 | grep -v '^ok ')
DOCS_RC=$(cd "$DEST" && scripts/check-docs.sh >/dev/null 2>&1; echo $?)

# This build's products: in the release only the carved files compile again.
mkdir -p "$DEST/build"
for p in modern_bpf bpf driver userspace test; do
	[[ -e build/$p ]] && cp -a "build/$p" "$DEST/build/"
done
rm -rf "$DEST/build/test/captures"
(cd "$DEST" && MARKERS_CACHE= CARVE=$CARVE marker_files | xargs touch)

declare -A STATE_OF=() GRADES=() VECTOR=() TABLE=() FIRST_STEP=() PROBLEMS=() SECS=() NGRADED=() NTH=()
declare -A FPRINTS=() FP_STEP=() SAME=()
STEP_FILES=() UNREAD=0 RELINKED=0
# bad KEY WHY: a failure of lab/state KEY, reported in its TAP line at the end.
bad() {
	echo "# REPLAY FAIL: $2"
	PROBLEMS[$1]+="$2"$'\n'
}

# not_again STEP LAB STATE WHY T0: a grade of LAB not made again, for WHY
# (T0: when the grade began, in ns), counted and shown as "=".
not_again() {
	local secs=$((($(date +%s%N) - $5) / 1000000))
	SAME[$2/$3]=$((${SAME[$2/$3]:-0} + 1))
	TABLE[$1/$2]="${TABLE[$1/$2]:+${TABLE[$1/$2]} }="
	printf '# step %-2s lab %s (%s): %s, not graded again (%d.%d s)\n' "$1" "$2" "$3" "$4" \
		$((secs / 1000)) $((secs % 1000 / 100))
}

# grade STEP LAB [same]: grade LAB in the release; check it against what it
# gave before in the same state. With "same" (LAB's code did not change at
# this step), not if its programs are those of its last grade.
grade() {
	local step=$1 num=$2 same=${3:-} slug json vec state key score max secs t0 log fp
	slug=$(cd "$DEST" && basename "$(lab_dir "$num")")
	state=${STATE_OF[$num]}
	key=$num/$state
	t0=$(date +%s%N)
	NTH[$step/$num]=$((${NTH[$step/$num]:-0} + 1))
	log=$PWD/$WORK/grades/$step-$num.${NTH[$step/$num]}.log
	if [[ -n $same && -n ${FPRINTS[$key]:-} && ${FPRINTS[$key]} != *FAILED* ]] &&
		! (cd "$DEST" && labs/tools/lab.sh inputs-touched "$num" "${STEP_FILES[@]}" 2>"$log"); then
		UNREAD=$((UNREAD + 1))
		not_again "$step" "$num" "$state" "built from none of the files done at this step" "$t0"
		return
	fi
	if [[ -n $same && -n ${FPRINTS[$key]:-} ]]; then
		fp=$(cd "$DEST" && CARVE=$CARVE labs/tools/lab.sh fingerprints "$num" 2>"$log")
		if [[ $fp == "${FPRINTS[$key]}" && $fp != *FAILED* ]]; then
			RELINKED=$((RELINKED + 1))
			not_again "$step" "$num" "$state" "the same programs as at step ${FP_STEP[$key]}" "$t0"
			return
		fi
		echo "# step $step, lab $num ($state): its programs changed since step ${FP_STEP[$key]}, with its code the same: graded again"
	fi
	t0=$(date +%s%N)
	rm -f "$log.fp"
	(cd "$DEST" && CARVE=$CARVE GRADE_FINGERPRINTS=$log.fp labs/tools/grade.sh "$num") >"$log" 2>&1
	secs=$((($(date +%s%N) - t0) / 1000000))
	SECS[$num]=$((${SECS[$num]:-0} + secs)) NGRADED[$num]=$((${NGRADED[$num]:-0} + 1))
	FPRINTS[$key]=$(cat "$log.fp" 2>/dev/null) FP_STEP[$key]=$step
	json=$DEST/build/grade/$slug.json
	cp "$json" "${log%.log}.json" 2>/dev/null
	score=$(jq .score "$json" 2>/dev/null) max=$(jq .max "$json" 2>/dev/null)
	[[ $score =~ ^[0-9]+$ ]] || { bad "$key" "step $step, lab $num: no result ($log)"; return; }
	vec=$(jq -r '[.checks[] | if .passed then "1" else "0" end] | join("")' "$json")
	GRADES[$key]=$((${GRADES[$key]:-0} + 1))
	TABLE[$step/$num]="${TABLE[$step/$num]:+${TABLE[$step/$num]} }$score"
	printf '# step %-2s lab %s (%s): %2d/%-2d in %d.%d s\n' "$step" "$num" "$state" "$score" "$max" \
		$((secs / 1000)) $((secs % 1000 / 100))
	if [[ $state == starter && $score == "$max" ]]; then
		bad "$key" "step $step: lab $num has full marks before its code is written: its grader cannot fail"
	elif [[ $state == starter ]] && ! grep -q '^TODOs of this lab still as the starter left them' "$log"; then
		bad "$key" "step $step: lab $num's grader did not list the TODOs still as the starter left them ($log)"
	elif [[ $state == done && $score != "$max" ]]; then
		bad "$key" "step $step: lab $num, done, scores $score/$max:"
		grep -E '^  FAIL|^ +\|' "$log" | head -n 20 | sed 's/^/# /'
	fi
	if [[ -z ${VECTOR[$key]:-} ]]; then
		VECTOR[$key]=$vec
		FIRST_STEP[$key]=$step
	elif [[ ${VECTOR[$key]} != "$vec" ]]; then
		bad "$key" "step $step: lab $num's checks moved on unchanged code ($state, first graded at step ${FIRST_STEP[$key]}): $(moved "$json" "${VECTOR[$key]}" "$vec") ($log)"
		grep -E '^  FAIL|^ +\|' "$log" | head -n 20 | sed 's/^/# /'
	fi
}

# moved JSON VEC1 VEC2: the checks whose result differs between two
# grades, by title, and how each went.
moved() {
	jq -r --arg a "$2" --arg b "$3" '[.checks | to_entries[] | select($a[.key:.key + 1] != $b[.key:.key + 1])
		| "\(.value.exercise) \(.value.title): \(if $a[.key:.key + 1] == "1" then "passed" else "failed" end), now \(if $b[.key:.key + 1] == "1" then "passed" else "failed" end)"] | join("; ")' "$1"
}

# A "=" without a link trusts the systems' dependency files: after step 0
# they must name each lab's own C files and headers, which its systems
# compile from the learner's tree.
DEPS_PROBLEM=
deps_see_own_code() {
	local n code
	for n in $ALL; do
		code=$(lab_files "$n" | grep -E '\.[ch]$')
		[[ -n $code ]] || continue
		# shellcheck disable=SC2086
		(cd "$DEST" && labs/tools/lab.sh inputs-touched "$n" $code >/dev/null 2>&1) ||
			DEPS_PROBLEM+="lab $n: its systems' dependency files name none of $(echo $code)"$'\n'
	done
}

for n in $ALL; do
	STATE_OF[$n]=starter
done
steps=(0 $ORDER)
for i in "${!steps[@]}"; do
	step=$i
	if [[ $i -gt 0 ]]; then
		n=${steps[$i]}
		echo "# step $step: lab $n done"
		mapfile -t STEP_FILES < <(lab_files "$n")
		for f in "${STEP_FILES[@]}"; do
			"$CARVE" --solve "$n" --stdout "$f" >"$DEST/$f" || die "replay: cannot solve $f"
		done
		STATE_OF[$n]=done
	else
		echo "# step 0: the release as handed out"
	fi
	for n in $ALL; do
		grade "$step" "$n" $([[ $i -gt 0 && $n != "${steps[$i]}" ]] && echo same)
	done
	[[ $i -gt 0 ]] || deps_see_own_code
	# More grades of a state that ends here (starter) or, at the end (done).
	for n in $ALL; do
		key=$n/${STATE_OF[$n]}
		if [[ ${STATE_OF[$n]} == starter && ${steps[$((i + 1))]:-} == "$n" ]] ||
			[[ $i == $((${#steps[@]} - 1)) ]]; then
			while [[ ${GRADES[$key]} -lt $ROUNDS ]]; do
				grade "$step" "$n"
			done
		fi
	done
done

# The table: a row per lab, a column per step; several grades as "a b c".
{
	echo "| lab | $(for i in "${!steps[@]}"; do [[ $i == 0 ]] && printf 'release | ' || printf '+%s | ' "${steps[$i]}"; done)s per grade |"
	echo "|---|$(for _ in "${steps[@]}"; do printf -- '---|'; done)---|"
	for n in $ALL; do
		printf '| %s | ' "$n"
		for i in "${!steps[@]}"; do
			printf '%s | ' "${TABLE[$i/$n]}"
		done
		ms=$((SECS[$n] / NGRADED[$n]))
		echo "$((ms / 1000)).$((ms % 1000 / 100)) |"
	done
} >"$WORK/replay.md"
sed 's/^/# /' "$WORK/replay.md"
echo "# (a cell holds the scores of the grades after that step; =: not graded again, its programs were those of its last grade; +NN: lab NN done)"
echo "# (=: $UNREAD known from the dependency files of the systems' last builds, $RELINKED by linking them again)"

# TAP: the release's docs, then a line per lab and state.
t=1 failed=0
if [[ $DOCS_RC == 0 ]]; then
	echo "ok 1 the student release's docs name only what it has"
else
	failed=1
	echo "not ok 1 the student release's docs name only what it has"
	sed 's/^/# /' <<<"$DOCS_OUT"
fi
t=$((t + 1))
if [[ -z $DEPS_PROBLEM ]]; then
	echo "ok $t the dependency files of every lab's systems name its own code (what a \"=\" with no link relies on)"
else
	failed=$((failed + 1))
	echo "not ok $t the dependency files of every lab's systems name its own code (what a \"=\" with no link relies on)"
	printf '%s' "$DEPS_PROBLEM" | sed 's/^/# /'
fi
for n in $ALL; do
	for state in starter done; do
		t=$((t + 1))
		key=$n/$state
		what="lab $n, $state: $( [[ $state == starter ]] && echo "below full marks" || echo "full marks"), the same checks in ${GRADES[$key]:-0} grades"
		[[ -z ${SAME[$key]:-} ]] || what+=", the same programs ${SAME[$key]} more times"
		if [[ -z ${PROBLEMS[$key]:-} && ${GRADES[$key]:-0} -ge $ROUNDS ]]; then
			echo "ok $t $what"
		else
			failed=$((failed + 1))
			echo "not ok $t $what"
			printf '%s' "${PROBLEMS[$key]:-}" | sed 's/^/# /'
		fi
	done
done
echo "1..$t"
[[ $failed == 0 ]]
