#!/usr/bin/env bats
# Lab 12's measure.sh (labs/12-performance/measure.sh) and its grader
# agree: one round of it, its lines put into a copy of the lab's
# answers.txt with the answers worked out from them, and the grader's
# checks of exercise 12.1 run on that copy. No figure is checked: a loaded
# machine measures other ones, and the grader only checks that the answers
# follow from them.
#
#   make -f test/test.mk bats BATS_FILES=test/bats/measure.bats

load helpers

setup_file() {
	export LAB12=$CAPTURE_DIR/lab12-measure
	rm -rf "$LAB12"
	mkdir -p "$LAB12/lab"
	"$REPO_ROOT/labs/12-performance/measure.sh" before 1 >"$LAB12/measure.out" \
		2>"$LAB12/measure.err" || echo $? >"$LAB12/rc"
}

setup() {
	[[ ! -s $LAB12/rc ]] || {
		tail -n 20 "$LAB12/measure.err"
		fail "measure.sh before 1 exited $(cat "$LAB12/rc")"
	}
}

# figure KEY: the value measure.sh printed for before.KEY.
figure() {
	sed -n "s/^before\\.$1 = //p" "$LAB12/measure.out"
}

@test "measure.sh (lab 12): one round prints every line, and sees listen in the ring" {
	local key
	for key in machine getppid_none_ns getppid_floor_ns getppid_wakeup_ns getppid_modern_ns \
		listen_none_ns listen_floor_ns listen_modern_ns listen_events drops check; do
		[[ -n $(figure "$key") ]] || fail "no before.$key line in $LAB12/measure.out"
	done
	expect_equal "listen_events (the reference listen.bpf.c)" "$(figure listen_events)" ring
	grep -q "already go straight into the ring" "$LAB12/measure.err" ||
		fail "measure.sh did not warn that 'before' was taken with listen in the ring"
}

@test "measure.sh (lab 12): the grader of exercise 12.1 accepts its lines, and the answers worked out from them" {
	local n f w m out
	n=$(figure getppid_none_ns) f=$(figure getppid_floor_ns) w=$(figure getppid_wakeup_ns)
	m=$(figure getppid_modern_ns)
	{
		grep '^before\.' "$LAB12/measure.out"
		awk -v n="$n" -v f="$f" -v w="$w" -v m="$m" 'BEGIN {
			printf "modern_overhead_ns = %.1f\n", m - n
			printf "modern_x_floor = %.2f\n", (m - n) / (f - n)
			printf "wakeup_cost_ns = %.1f\n", (w - f) / 2 }'
	} >"$LAB12/lab/answers.txt"
	out=$(env LAB_DIR="$LAB12/lab" LAB_BUILD="$REPO_ROOT/build/labs/12-performance/ex-12.1" \
		GRADE_EXERCISES=12.1 CAPTURE_DIR="$LAB12/captures" \
		bats --tap --filter '^12\.1 ' "$REPO_ROOT/labs/12-performance/tests/performance.bats" 2>&1) ||
		{ echo "$out"; fail "the grader refused measure.sh's own lines or the answers above"; }
	echo "$out"
	[[ $(grep -c '^ok ' <<<"$out") == 4 ]] || fail "expected the 4 checks of 12.1 to pass"
}
