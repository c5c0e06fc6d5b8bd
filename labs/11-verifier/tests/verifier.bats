#!/usr/bin/env bats
# Lab 11, the verifier's limits: graded checks. Run them with
# `sudo make grade LAB=11`. tests/iovecs.c makes eleven writev and readv
# calls (W1 to W7, R1 to R4: their list is at its top); the lab's
# scap-open captures them with each driver:
#   modern   the modern probe (--modern_bpf): your loops of exercise 11.1
#   legacy   the legacy probe (--bpf): your unrolled code of 11.2 and 11.3
# and test/bpf_rules/bpf_rules.c checks the legacy programs against Linux
# 4.14's rules. The runs stay in build/labs/11-verifier/ex-11.*/captures/.

load ../../tools/lab_helpers

EXERCISE_CODE=([11.1]="auxmap__store_iovec_size_param() and auxmap__store_iovec_data_param() in modern_bpf/helpers/store/auxmap_store_iovec.h"
	[11.2]="bpf_push_iovec_size() in bpf/helpers/iovec.h"
	[11.3]="bpf_push_iovec_data() in bpf/helpers/iovec.h")

# What each call's events hold (the same for both drivers): writev's size
# at enter and data at exit; readv's size and data at exit. null: the
# param is empty (the array or a buffer was unreadable, or too long).
W_SIZE=(8 40 200 0 null null 4)
W_DATA=('"abcdefgh"' '"ABCDEFGHIJKLMNOPQRSTUVWXYZABCDEF"'
	"\"$(printf 'x%.0s' {1..80})\"" null '"ABCDEFGHIJKLMNOPQRSTUVWXYZABCDEF"' null null)
R_SIZE=(12 5 8 null)
R_DATA=('"0123456789ab"' '"hello"' null null)

setup_file() {
	local iovecs=$LAB_BUILD/tests/iovecs
	if grading 11.1; then
		lab_run modern "$SCAP_OPEN" --modern_bpf -j -s writev,readv -- "$iovecs"
	fi
	if grading 11.2 11.3; then
		lab_run legacy "$SCAP_OPEN" --bpf -j -s writev,readv -- "$iovecs"
		lab_run rules "$REPO_ROOT/build/test/bpf_rules" "$LAB_BUILD/bpf/core/probe.o" \
			f_sys_writev_e f_sys_writev_x f_sys_readv_x
	fi
}

# params RUN NAME DIR PARAM FIRST WANT...: the PARAM of run RUN's NAME
# events of direction DIR are WANT, in order (call FIRST, FIRST+1, ...);
# fail naming every call that differs.
params() {
	local run=$1 name=$2 dir=$3 param=$4 first=$5 i=0 bad=0 got
	shift 5
	need_program iovecs
	ran "$run"
	mapfile -t got < <(jq -c --arg n "$name" --arg d "$dir" \
		"select(.name == \$n and .dir == \$d) | .params.$param" "$CAPTURE_DIR/$run.out" 2>/dev/null)
	for want in "$@"; do
		if [[ ${got[$i]:-"(no event)"} != "$want" ]]; then
			echo "  ${first:0:1}$((${first:1} + i)) $name $dir $param: ${got[$i]:-"(no event)"}, expected $want"
			bad=1
		fi
		i=$((i + 1))
	done
	[[ $bad == 0 ]] || fail "these $name events hold the wrong $param"
	echo "the $param of the ${#@} $name events: as expected"
}

# rules PROGRAM: bpf_rules passed PROGRAM, or fail with what it said.
rules() {
	local line
	line=$(grep -E "^(ok|FAIL): $1[ :]" "$CAPTURE_DIR/rules.out" 2>/dev/null)
	echo "${line:-"bpf_rules said nothing of $1: $(cat "$CAPTURE_DIR/rules.err" 2>/dev/null)"}"
	[[ $line == "ok: "* ]] || fail "$1 would not load on Linux 4.14"
}

# ---- 11.1 the way the modern probe may write it -----------------------------------

@test "11.1 [2 pts] modern probe, writev: size at enter, data at exit" {
	params modern writev '>' size W1 "${W_SIZE[@]}"
	params modern writev '<' data W1 "${W_DATA[@]}"
}

@test "11.1 [2 pts] modern probe, readv: size and data at exit, also when the call failed" {
	params modern readv '<' size R1 "${R_SIZE[@]}"
	params modern readv '<' data R1 "${R_DATA[@]}"
}

# ---- 11.2 the size, the way Linux 4.14 needed ------------------------------------

@test "11.2 [2 pts] legacy probe: the size of every writev, and of the readv calls that failed" {
	params legacy writev '>' size W1 "${W_SIZE[@]}"
	params legacy readv '<' size R1 "${R_SIZE[@]}"
}

@test "11.2 [2 pts] legacy probe: writev's enter program would load on Linux 4.14" {
	# Only code that does the work counts: the starter's empty param is small.
	params legacy writev '>' size W1 "${W_SIZE[0]}"
	rules f_sys_writev_e
}

# ---- 11.3 the data, the way Linux 4.14 needed -------------------------------------

@test "11.3 [2 pts] legacy probe: the data of every writev and readv" {
	params legacy writev '<' data W1 "${W_DATA[@]}"
	params legacy readv '<' data R1 "${R_DATA[@]}"
}

@test "11.3 [1 pt] legacy probe: the exit programs of writev and readv would load on Linux 4.14" {
	params legacy writev '<' data W1 "${W_DATA[0]}"
	rules f_sys_writev_x
	# readv's exit holds both: the size after a failed call (11.2), the data.
	rules f_sys_readv_x || fail "f_sys_readv_x holds your code of 11.2 and of 11.3: look at both"
}
