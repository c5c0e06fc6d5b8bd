#!/usr/bin/env bats
# The VM runner (scripts/vm): Debian's kernel in QEMU, with this machine's
# files. A command's output and exit status come back as they are; the
# kernel's messages do not mix with them; a guest that dies says so.
#
#   make -f test/test.mk bats BATS_FILES=test/bats/vm.bats

load helpers
bats_require_minimum_version 1.5.0

setup() {
	[[ ! -e /run/scaplab-vm ]] || skip "inside the guest already"
	command -v qemu-system-x86_64 >/dev/null || fail "QEMU is missing: sudo scripts/setup.sh --vm"
}

@test "vm: a command runs in Debian's kernel; its output and exit status come back" {
	local want start
	want=$(dpkg-query -W -f='${Depends}' linux-image-amd64)
	want=${want%% *}
	want=${want#linux-image-}
	start=$(date +%s)
	run --separate-stderr scripts/vm run -- sh -c 'uname -r; printf "a\nb\n"; echo err >&2; exit 3'
	echo "stdout: $output"
	echo "stderr: $stderr"
	echo "took $(($(date +%s) - start)) s"
	expect_equal "exit status" "$status" 3
	expect_equal "output (uname -r, then the lines, no \\r)" "$output" "$want
a
b
err"
}

@test "vm: the host's files are there read-only underneath; the guest's writes stay in the guest" {
	local mark=$BATS_TEST_TMPDIR/mark
	echo host >"$mark"
	run scripts/vm run -- sh -c "cat '$mark'; echo guest > '$mark'; cat '$mark'"
	echo "$output"
	expect_equal "exit status" "$status" 0
	expect_equal "output" "$output" "host
guest"
	expect_equal "the host's copy" "$(cat "$mark")" host
}

@test "vm: a guest that panics: exit 125 and the end of its console" {
	run --separate-stderr scripts/vm run -- sh -c 'echo c > /proc/sysrq-trigger'
	echo "stderr: $stderr"
	expect_equal "exit status" "$status" 125
	[[ $stderr == *"Kernel panic"* || $stderr == *"sysrq: Trigger a crash"* ]] ||
		fail "the console's end is not shown"
	[[ $stderr == *"the guest stopped before the command ended"* ]] || fail "no reason given"
}
