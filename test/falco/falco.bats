#!/usr/bin/env bats
# Against the real thing: one run of the workload, captured by our kernel
# module and by Falco's own 2022 kmod (with sysdig) at the same time; every
# param agrees, or differs as test/falco/differences.json says
# (test/falco/falco-parity.sh). Its figures go into the TAP output.
#
#   scripts/kmod-run -- bats test/falco/falco.bats

load ../kmod/kmod

FALCO_KO=$KMOD_REPO/build/falco/$(uname -r)/scap.ko

# Falco's 2022 source builds for Debian 12's 6.1 (the VM), not for every
# later kernel: without its module this test skips, except in CI.
setup() {
	if [[ ! -r $FALCO_KO && ${CI:-} != true ]]; then
		skip "Falco's 2022 kmod is not built for $(uname -r) (make -f test/test.mk falco-kmod says why)"
	fi
	dmesg_mark "$BATS_TEST_NAME"
	kmod_load
}

# Falco's module goes again, so that no later test runs beside it.
teardown() {
	[[ -e /dev/scap0 ]] && rmmod scap
	dmesg_scan "$BATS_TEST_NAME"
}

# falco_parity SCENARIO: one run of `workload SCENARIO DIR`, both modules.
falco_parity() {
	local dir
	dir=$(mktemp -d /tmp/falco-parity.XXXXXX)
	FALCO_PARITY_OUT=$BATS_TEST_TMPDIR/falco run "$KMOD_REPO/test/falco/falco-parity.sh" "$1" "$dir"
	echo "$output"
	grep '^falco parity:' <<<"$output" | tail -n 1 | sed "s/^falco parity:/# falco parity: workload $1:/" >&3 || true
	[[ $status == 0 ]]
}

@test "falco: our kmod and Falco's 2022 kmod agree on every param, but the documented differences" {
	falco_parity all
}

# The autofilled syscalls, which `workload all` leaves out (test/workload/workload.c says why).
@test "falco: ... and on every param of the autofilled syscalls" {
	falco_parity autofill
}
