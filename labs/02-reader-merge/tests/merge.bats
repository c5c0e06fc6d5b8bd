#!/usr/bin/env bats
# Lab 02, the reader's merge: graded checks. Run them with `make grade LAB=2`.
#
# The live checks capture labs/02-reader-merge/tests/pingpong.c: two threads
# pinned to CPUs 0 and 1 that answer each other through pipes, ROUNDS times.

load ../../tools/lab_helpers

EXERCISE_CODE=([02.1]="scap_merge_pick_oldest() in userspace/libscap/scap_merge.c")

ROUNDS=500

setup_file() {
	# --all_processes: every process's events, so that the whole stream's
	# order is checked, and so that the reader's thread table, which learns
	# from the events in the order it gets them, does not filter any out.
	SCAP_OPEN_ARGS=--all_processes lab_capture lab02-pingpong pingpong "$ROUNDS"
}

# use_pingpong: the live checks' capture, and the two threads.
use_pingpong() {
	use_capture lab02-pingpong
	# The two threads, from the raw events: the tid of pingpong's execve
	# exit, and the tid its clone returned.
	MAIN_TID=$(jq_events '[.[] | select(.name == "execve" and .dir == "<"
		and .params.comm == "pingpong" and .params.res == 0)][0].tid')
	PARTNER_TID=$(jq_events --argjson m "$MAIN_TID" '[.[] | select((.name == "clone3" or .name == "clone")
		and .dir == "<" and .tid == $m and .params.res > 0)][0].params.res')
	export MAIN_TID PARTNER_TID
}

# The read and write events of the two threads, in the order the reader gave them.
pingpong_events() {
	jq_events -c --argjson m "$MAIN_TID" --argjson p "$PARTNER_TID" \
		'[.[] | select((.tid == $m or .tid == $p) and (.name == "read" or .name == "write"))]'
}

@test "02.1 [2 pts] the cases of merge_cases.c: oldest head, ties, empty buffers" {
	run_program merge_cases " inside scap_merge_pick_oldest() (userspace/libscap/scap_merge.c): does it read an empty (NULL) head?"
	if [[ $status != 0 ]]; then
		echo "scap_merge_pick_oldest() (userspace/libscap/scap_merge.c) gave wrong answers:"
		echo "$output"
		fail "see the cases above; the contract is in userspace/libscap/scap_merge.h"
	fi
}

@test "02.1 [1 pt] every event of the workload reaches the reader, once" {
	local counts
	use_pingpong
	counts=$(pingpong_events | jq -c '
		[.[] | select(.dir == "<" and (.params.data // "" | test("^p[io]ng[0-9]{4}$")))]
		| { writes: [.[] | select(.name == "write")] | length,
		    reads: [.[] | select(.name == "read")] | length }')
	echo "read/write exit events of the ping-pong threads: $counts (expected $((2 * ROUNDS)) each)"
	[[ $counts == "{\"writes\":$((2 * ROUNDS)),\"reads\":$((2 * ROUNDS))}" ]] ||
		fail "events were lost or duplicated: the merge must hand out each head once"
}

@test "02.1 [3 pts] the reader gives events in timestamp order across CPUs" {
	local bad
	use_pingpong
	# Every pair of neighbours where the later one is older.
	bad=$(jq_events -c '. as $a | [range(1; length) | select($a[.].ts < $a[. - 1].ts)
		| {before: $a[. - 1] | {ts, cpu, tid, dir, name}, after: $a[.] | {ts, cpu, tid, dir, name}}]')
	if [[ $bad != "[]" ]]; then
		echo "$(jq length <<<"$bad") times an event came after a newer one; the first $(jq '[length, 3] | min' <<<"$bad"), as the reader gave them:"
		jq -c '.[:3][]' <<<"$bad"
		fail "events must come out oldest first: pick the head with the smallest ts, on any CPU"
	fi
}

@test "02.1 [4 pts] each ping is written before it is read, each pong too" {
	local threads report
	use_pingpong
	# Mechanism first: the two threads did run on two CPUs.
	threads=$(pingpong_events | jq -c '[.[] | select(.name == "write" and .dir == ">")]
		| group_by(.tid) | map({tid: .[0].tid, cpus: (map(.cpu) | unique)})')
	echo "write enter events per thread: $threads"
	[[ $(jq 'length == 2 and all(.[]; .cpus | length == 1) and (.[0].cpus != .[1].cpus)' <<<"$threads") == true ]] ||
		fail "the ping-pong threads did not run pinned on two CPUs: this check cannot tell anything"
	# Round k: the k-th write enter of the main thread must come before the
	# read exit that returns "ping<k>", and the partner's k-th write enter
	# before the read exit that returns "pong<k>".
	report=$(pingpong_events | jq -c --argjson wpid "$MAIN_TID" '
		to_entries as $e
		| [$e[] | select(.value.name == "write" and .value.dir == ">" and .value.tid == $wpid) | .key] as $pw
		| [$e[] | select(.value.name == "write" and .value.dir == ">" and .value.tid != $wpid) | .key] as $qw
		| [$e[] | select(.value.name == "read" and .value.dir == "<" and ((.value.params.data // "") | startswith("ping"))) | .key] as $pr
		| [$e[] | select(.value.name == "read" and .value.dir == "<" and ((.value.params.data // "") | startswith("pong"))) | .key] as $qr
		| [range(0; [$pw, $pr, $qw, $qr | length] | min)
		   | select($pw[.] > $pr[.] or $qw[.] > $qr[.])
		   | {round: ., ping_write_enter: $e[$pw[.]].value, ping_read_exit: $e[$pr[.]].value,
		      pong_write_enter: $e[$qw[.]].value, pong_read_exit: $e[$qr[.]].value}]
		| {broken: length, first: .[0]}')
	if [[ $(jq .broken <<<"$report") != 0 ]]; then
		echo "$(jq .broken <<<"$report") of $ROUNDS rounds come out with an answer before its question. The first: the reader gave its read before its write; their timestamps say otherwise:"
		jq -c --argjson r "$(jq .first <<<"$report")" -n '
			"ping write  > : cpu \($r.ping_write_enter.cpu) ts \($r.ping_write_enter.ts)",
			"ping read   < : cpu \($r.ping_read_exit.cpu) ts \($r.ping_read_exit.ts) data \($r.ping_read_exit.params.data)",
			"pong write  > : cpu \($r.pong_write_enter.cpu) ts \($r.pong_write_enter.ts)",
			"pong read   < : cpu \($r.pong_read_exit.cpu) ts \($r.pong_read_exit.ts) data \($r.pong_read_exit.params.data)"' -r
		fail "a read returned data before the write that sent it began: the merge must follow the timestamps"
	fi
}
