#!/usr/bin/env bats
# make doctor (scripts/doctor.sh): on a machine that can run scaplab it says
# so and exits 0; each missing piece gives a [FAIL] line with its fix and
# exit status 1.
#
#   make -f test/test.mk bats BATS_FILES=test/bats/doctor.bats

load helpers
load '/usr/lib/bats/bats-support/load'
load '/usr/lib/bats/bats-assert/load'
bats_require_minimum_version 1.5.0

doctor=scripts/doctor.sh

@test "doctor: this machine passes every check, exit 0" {
	run sh "$doctor"
	echo "$output"
	assert_success
	refute_output --partial "[FAIL]"
	assert_output --partial "[ ok ] BTF at /sys/kernel/btf/vmlinux"
	assert_output --partial "[ ok ] running as root"
	assert_output --partial "doctor: this machine can build and run"
}

@test "doctor: no BTF and no tracefs are each a [FAIL] with their fix" {
	fake="$BATS_TEST_TMPDIR/sys"
	mkdir -p "$fake/kernel"
	run sh -c "SCAPLAB_SYSFS='$fake' sh $doctor"
	echo "$output"
	assert_failure 1
	assert_line "[FAIL] no BTF: $fake/kernel/btf/vmlinux is missing"
	assert_line --partial "fix: use a kernel built with CONFIG_DEBUG_INFO_BTF=y"
	assert_line "[FAIL] tracefs is not mounted on $fake/kernel/tracing"
	assert_line --partial "fix: sudo mount -t tracefs nodev /sys/kernel/tracing"
}

@test "doctor: a user without root or BPF capabilities is told to use sudo" {
	run setpriv --reuid=nobody --regid=nogroup --clear-groups sh "$doctor"
	echo "$output"
	assert_failure 1
	assert_line "[FAIL] not root, and without CAP_BPF + CAP_PERFMON: BPF programs cannot be loaded"
	assert_line --partial "fix: run scaplab's commands with sudo"
}

@test "doctor: CAP_BPF + CAP_PERFMON without root pass the privilege check" {
	run setpriv --reuid=nobody --regid=nogroup --clear-groups \
		--inh-caps=+bpf,+perfmon --ambient-caps=+bpf,+perfmon sh "$doctor"
	echo "$output"
	assert_line "[ ok ] CAP_BPF and CAP_PERFMON in the effective set"
	refute_line --partial "[FAIL] not root"
}
