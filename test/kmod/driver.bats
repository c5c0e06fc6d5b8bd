#!/usr/bin/env bats
# The kernel module itself: misuse of its device, unloading under a reader,
# a tiny ring under a burst, CPU hotplug, load/unload cycles. After every
# test the kernel log since the test began must be clean (kmod.bash).
#
#   scripts/kmod-run -- bats test/kmod/driver.bats

load kmod

SCAP_OPEN=$KMOD_REPO/build/scap-open
WORKLOAD=$KMOD_REPO/build/test/workload
MISUSE=$KMOD_REPO/build/test/kmod_misuse

setup() {
	dmesg_mark "$BATS_TEST_NAME"
	kmod_load
}

teardown() {
	dmesg_scan "$BATS_TEST_NAME"
}

@test "kmod: the devices are root's only, one per possible CPU" {
	local possible last
	possible=$(cat /sys/devices/system/cpu/possible)
	last=${possible##*[-,]}
	for ((cpu = 0; cpu <= last; cpu++)); do
		run stat -c %a:%U /dev/scaplab$cpu
		[[ $output == 600:root ]] || { echo "/dev/scaplab$cpu: $output"; return 1; }
	done
	[[ ! -e /dev/scaplab$((last + 1)) ]]
}

@test "kmod: bad ioctls get ENOTTY, bad arguments EINVAL or EFAULT" {
	run "$MISUSE" ioctl
	echo "$output"
	[[ $status == 0 ]]
}

@test "kmod: the ring maps read-only, at its offset, with one size" {
	run "$MISUSE" mmap
	echo "$output"
	[[ $status == 0 ]]
}

@test "kmod: a second reader gets EBUSY; scap-open says who has it" {
	run "$MISUSE" busy
	echo "$output"
	[[ $status == 0 ]]
	"$SCAP_OPEN" --kmod -q --duration 5 &
	local first=$!
	sleep 1
	run "$SCAP_OPEN" --kmod -q --duration 1
	kill -INT $first; wait $first || true
	echo "$output"
	[[ $status != 0 && $output == *"another process is capturing"* ]]
}

@test "kmod: a reader that corrupts its tail makes drops, never a crash" {
	run "$MISUSE" tail
	echo "$output"
	[[ $status == 0 ]]
}

@test "kmod: rmmod under a reader is refused; the reader goes on; rmmod after" {
	"$SCAP_OPEN" --kmod -s getppid -j -- "$WORKLOAD" burst 100000 >"$BATS_TEST_TMPDIR/out" \
		2>"$BATS_TEST_TMPDIR/err" &
	local pid=$!
	sleep 1
	run rmmod scaplab
	echo "rmmod: $status $output"
	[[ $status != 0 && $output == *"in use"* ]]
	wait $pid
	grep -q ' 0 (buffer full: 0' "$BATS_TEST_TMPDIR/err" || cat "$BATS_TEST_TMPDIR/err"
	[[ $(grep -c '"name":"getppid"' "$BATS_TEST_TMPDIR/out") -gt 0 ]]
	rmmod scaplab
	[[ ! -e /dev/scaplab0 ]]
}

@test "kmod: a 4 KiB ring under a burst: drops counted as buffer full, nothing corrupt" {
	run "$SCAP_OPEN" --kmod -d 4096 -q -s getppid -- "$WORKLOAD" burst 200000
	echo "$output"
	[[ $status == 0 ]]
	[[ $output =~ drops:\ ([0-9]+)\ \(buffer\ full:\ ([0-9]+), ]]
	local drops=${BASH_REMATCH[1]} full=${BASH_REMATCH[2]}
	[[ $drops -gt 0 && $drops == "$full" ]]
	[[ $output == *"corrupt events: 0"* ]]
}

@test "kmod: a CPU goes offline and online under capture" {
	[[ -w /sys/devices/system/cpu/cpu1/online ]] || skip "no CPU 1 to take offline"
	"$SCAP_OPEN" --kmod -j -s getppid >"$BATS_TEST_TMPDIR/out" 2>"$BATS_TEST_TMPDIR/err" &
	local pid=$!
	sleep 2
	taskset -c 1 "$WORKLOAD" burst 1000
	echo 0 >/sys/devices/system/cpu/cpu1/online
	"$WORKLOAD" burst 1000
	echo 1 >/sys/devices/system/cpu/cpu1/online
	sleep 0.5
	taskset -c 1 "$WORKLOAD" burst 1000
	sleep 0.5
	kill -INT $pid
	wait $pid
	cat "$BATS_TEST_TMPDIR/err"
	grep -q 'corrupt events: 0' "$BATS_TEST_TMPDIR/err"
	# 3 bursts of 1000 getppid calls, an enter and an exit event each
	[[ $(grep -c '"name":"getppid"' "$BATS_TEST_TMPDIR/out") -ge 6000 ]]
	[[ $(grep '"name":"getppid"' "$BATS_TEST_TMPDIR/out" | grep -c '"cpu":1,') -ge 4000 ]]
}

@test "kmod: load and unload 20 times, with a capture every 5th time" {
	kmod_unload
	for i in $(seq 20); do
		insmod "$KMOD_KO"
		if ((i % 5 == 0)); then
			"$SCAP_OPEN" --kmod -q -n 10 -- "$WORKLOAD" burst 100 2>/dev/null
		fi
		rmmod scaplab
	done
	[[ ! -e /dev/scaplab0 ]]
}

@test "kmod: a module of another API version is refused with the reason" {
	kmod_unload
	insmod "$KMOD_REPO/build/driver/$(uname -r)-api99/scaplab.ko"
	run "$SCAP_OPEN" --kmod -n 1
	rmmod scaplab
	echo "$output"
	[[ $status != 0 ]]
	[[ $output == *"API version 99, this libscap 1"*"rmmod scaplab"* ]]
}

@test "kmod: no module loaded: scap-open --kmod says how to load it" {
	kmod_unload
	run "$SCAP_OPEN" --kmod -n 1
	echo "$output"
	[[ $status != 0 && $output == *"module is not loaded"*"insmod build/driver"* ]]
}
