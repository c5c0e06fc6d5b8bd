#!/usr/bin/env bats
# Parity: one run of the workload, captured by the kernel module and the
# modern eBPF driver at the same time, agrees parameter for parameter
# (test/parity/parity.sh). Its figures go into the TAP output as a comment.
#
#   scripts/kmod-run -- bats test/kmod/parity.bats

load kmod

setup() {
	dmesg_mark "$BATS_TEST_NAME"
	kmod_load
}

teardown() {
	dmesg_scan "$BATS_TEST_NAME"
}

@test "parity: kmod and modern_bpf agree on every param of one workload run" {
	local dir
	dir=$(mktemp -d /tmp/parity.XXXXXX)
	PARITY_OUT=$BATS_TEST_TMPDIR/parity run "$KMOD_REPO/test/parity/parity.sh" all "$dir"
	echo "$output"
	# The summary line into the TAP stream, for make test's report.
	grep '^parity:' <<<"$output" | tail -n 1 | sed 's/^/# /' >&3 || true
	[[ $status == 0 ]]
}
