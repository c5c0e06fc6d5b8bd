#!/usr/bin/env bats
# Lab 13, the filter engine: graded checks. Run them with `make grade LAB=13`.
#   13.1  icontains: tests/eval_cases.c's cases, then filters on two
#         captures against the same search done by awk
#   13.2  and, or: tests/eval_cases.c's cases (the answers, and how many
#         fields each filter read), then filters on two captures against awk
# No kernel is needed: the events come from the capture files in test/data/,
# read with this lab's scap-open (scap-open -r FILE 'FILTER').

load ../../tools/lab_helpers

EXERCISE_CODE=([13.1]="icontains() in userspace/libsinsp/filter_eval.c"
	[13.2]="filter_node_eval() in userspace/libsinsp/filter_eval.c")

REPO=$(cd "$BATS_TEST_DIRNAME/../../.." && pwd)
CAPTURES=("$REPO/test/data/scaplab-modern-6.18.scap" "$REPO/test/data/falco-kmod-2022.scap")

# cases MODE: run eval_cases MODE; fail with what it printed.
cases() {
	run_program eval_cases ": does your code read past a value's len bytes?" "$1"
	if [[ $status != 0 ]]; then
		echo "filters on an openat event of \"Job[1]\" (tests/eval_cases.c) that went wrong:"
		echo "$output"
		return 1
	fi
}

# selected CAPTURE FILTER: the evt.num of each event FILTER selects, one a line.
selected() {
	"$SCAP_OPEN" -r "$1" -p '%evt.num' "$2" 2>"$BATS_TEST_TMPDIR/err" ||
		fail "scap-open -r $1 '$2' failed: $(tail -n 3 "$BATS_TEST_TMPDIR/err")"
}

# columns CAPTURE FIELD...: "evt.num<TAB>field<TAB>..." of every event.
# Printing fields runs no filter: none of your code.
columns() {
	local fmt='%evt.num' f
	for f in "${@:2}"; do
		fmt+=$'\t'"%$f"
	done
	"$SCAP_OPEN" -r "$1" -p "$fmt" 2>/dev/null
}

# same CAPTURE FILTER EXPECTED: FILTER selects the events of EXPECTED (evt.nums).
same() {
	local got
	got=$(selected "$1" "$2")
	[[ $got == "$3" ]] && return 0
	echo "scap-open -r ${1#"$REPO"/} -p '%evt.num' '$2'"
	echo "  selects $(grep -c . <<<"$got") events, should select $(grep -c . <<<"$3")"
	diff <(grep . <<<"$3") <(grep . <<<"$got") | grep '^[<>]' | head -n 6 |
		sed 's/^</  missing evt.num/; s/^>/  extra   evt.num/'
	return 1
}

@test "13.1 [2 pts] icontains on a known event: case, both ends of the value, bytes that are not letters" {
	cases icontains
}

@test "13.1 [1 pt] icontains on two captures selects what a case-blind search selects" {
	local cap needle field values bad=0
	for cap in "${CAPTURES[@]}"; do
		for field in fd.name proc.name; do
			values=$(columns "$cap" "$field")
			for needle in TMP/WD WORKLOAD Open_File /ETC/LD.SO; do
				same "$cap" "$field icontains $needle" "$(LC_ALL=C awk -F'\t' -v n="$needle" \
					'$2 != "<NA>" && index(tolower($2), tolower(n)) { print $1 }' <<<"$values")" ||
					bad=1
			done
		done
	done
	[[ $bad == 0 ]]
}

@test "13.2 [2 pts] and, or, not on a known event: the answers, and no field read that is not needed" {
	cases short-circuit
}

@test "13.2 [1 pt] and, or, not on two captures select what awk selects" {
	local cap bad=0
	for cap in "${CAPTURES[@]}"; do
		same "$cap" "evt.type = openat and fd.name startswith /tmp and proc.name = workload" \
			"$(columns "$cap" evt.type fd.name proc.name | LC_ALL=C awk -F'\t' \
				'$2 == "openat" && index($3, "/tmp") == 1 && $4 == "workload" { print $1 }')" || bad=1
		same "$cap" "evt.type = close or evt.type = dup or fd.name endswith _file" \
			"$(columns "$cap" evt.type fd.name | LC_ALL=C awk -F'\t' \
				'$2 == "close" || $2 == "dup" || ($3 != "<NA>" && $3 ~ /_file$/) { print $1 }')" || bad=1
		same "$cap" "not (evt.dir = > or evt.type in (mmap, brk)) and proc.name = workload" \
			"$(columns "$cap" evt.dir evt.type proc.name | LC_ALL=C awk -F'\t' \
				'!($2 == ">" || $3 == "mmap" || $3 == "brk") && $4 == "workload" { print $1 }')" || bad=1
	done
	[[ $bad == 0 ]]
}
