#!/usr/bin/env bats
# scap-open -r: reading a capture file that Falco's tools wrote (sysdig 0.29
# with Falco's 2022 kernel module, test/data/README.md), through the
# savefile engine (userspace/libscap/engine/savefile/). No root, no driver.
#
#   make -f test/test.mk bats BATS_FILES=test/bats/savefile.bats
#
# The counts below are sysdig's for the same file (sysdig -r FILE [FILTER] |
# wc -l), except that sysdig never prints procinfo events (code 234, Falco's
# PPME_PROCINFO_E: an internal event, EF_SKIPPARSERESET, that sinsp reads
# for its thread table and then drops); scap-open prints every event in the
# file, so it shows 105 more than sysdig's 577.

load helpers
bats_require_minimum_version 1.5.0

FIXTURE=$REPO_ROOT/test/data/falco-kmod-2022.scap

setup() {
	[[ -x $SCAP_OPEN ]] || fail "$SCAP_OPEN is missing: run 'make' first"
	command -v jq >/dev/null || fail "jq is not installed (make setup installs it)"
}

# The n-th line (from 1) of the JSON of the whole file.
json_line() {
	"$SCAP_OPEN" -r "$FIXTURE" --json 2>/dev/null | sed -n "$1p"
}

@test "savefile: every event of the file, 682, of which 577 are not procinfo (sysdig's count)" {
	run --separate-stderr "$SCAP_OPEN" -r "$FIXTURE"
	expect_equal "exit status" "$status" 0
	expect_equal "events printed" "${#lines[@]}" 682
	run --separate-stderr bash -c "'$SCAP_OPEN' -r '$FIXTURE' --json | jq -c 'select(.raw != true or .params.type != 234)' | wc -l"
	expect_equal "events that are not procinfo" "$output" 577
	if command -v sysdig >/dev/null; then
		run bash -c "sysdig -r '$FIXTURE' | wc -l"
		expect_equal "sysdig's count" "$output" 577
	fi
}

@test "savefile: stderr says how many events were read, and the format version" {
	run --separate-stderr "$SCAP_OPEN" -r "$FIXTURE" -q
	expect_equal "exit status" "$status" 0
	expect_equal "stdout" "$output" ""
	[[ $stderr == *"682 events counted of 682 read from $FIXTURE (format 1.2)"* ]] ||
		fail "stderr: $stderr"
	[[ $stderr != *skipped* ]] || fail "the file has no block to skip, stderr says: $stderr"
}

@test "savefile: the openat of /etc/ld.so.cache, exactly" {
	# Event 87 of the file; sysdig prints it as
	# < openat fd=3(<f>/etc/ld.so.cache) dirfd=-100(AT_FDCWD) name=/etc/ld.so.cache flags=4097(O_RDONLY|O_CLOEXEC) mode=0 dev=18
	# The fd's type and name come from libsinsp, which saw the openat.
	run --separate-stderr "$SCAP_OPEN" -r "$FIXTURE"
	expect_equal "event 87" "$(cut -d' ' -f3- <<<"${lines[86]}")" \
		"0 workload (134) < openat fd=3(<f>/etc/ld.so.cache) dirfd=-100(AT_FDCWD) name=/etc/ld.so.cache flags=4097(O_RDONLY|O_CLOEXEC) mode=0 dev=0x18"
	# jq reads numbers as doubles: the 19-digit ts is checked in the text.
	[[ $(json_line 87) == '{"ts":1796022231379277870,'* ]] || fail "ts of event 87: $(json_line 87)"
	expect_equal "its JSON" "$(json_line 87 | jq -c '{tid, pid, comm, params, resolved}')" \
		'{"tid":134,"pid":134,"comm":"workload","params":{"fd":3,"dirfd":-100,"name":"/etc/ld.so.cache","flags":"O_RDONLY|O_CLOEXEC","mode":0,"dev":24},"resolved":{"fd":"<f>/etc/ld.so.cache"}}'
}

@test "savefile: the workload's execve and its child's, exe and args exactly" {
	local first
	first=$(json_line 76)
	expect_equal "event 76" "$(jq -c '[.name, .dir, .params.res, .params.exe, .params.args, .params.ptid, .params.comm]' <<<"$first")" \
		'["execve","<",0,"/work/main/build/test/workload","all\u0000/tmp/wd\u0000",128,"workload"]'
	# The child's execve of /bin/true (event 306): the comm changes from there on.
	expect_equal "event 306" "$(json_line 306 | jq -c '[.tid, .comm, .params.exe, .params.args, .params.ptid]')" \
		'[139,"true","scaplab-true","arg-one\u0000arg two\u0000",134]'
}

@test "savefile: --json gives one valid object per event" {
	run --separate-stderr bash -c "'$SCAP_OPEN' -r '$FIXTURE' --json | jq -c . | wc -l"
	expect_equal "valid JSON objects" "$output" 682
}

@test "savefile: -s openat -n 3 prints the first three openat events" {
	run --separate-stderr "$SCAP_OPEN" -r "$FIXTURE" -s openat -n 3 --json
	expect_equal "exit status" "$status" 0
	expect_equal "lines" "${#lines[@]}" 3
	expect_equal "names and paths" "$(jq -r '[.dir, .name, .params.name] | join(" ")' <<<"$output")" \
		"> openat /etc/ld.so.cache
< openat /etc/ld.so.cache
> openat /lib/x86_64-linux-gnu/libc.so.6"
	[[ $stderr == *"3 events printed of 94 read"* ]] || fail "-n 3 did not stop the reading: $stderr"
}

@test "savefile: -c, --pid and -t name threads from the file, as sysdig does" {
	# sysdig -r FILE proc.name=workload | wc -l, and so on.
	local -A want=([-c workload]=446 [-c true]=131 [--pid 134]=403 [-t 139]=83)
	local args
	for args in "${!want[@]}"; do
		# shellcheck disable=SC2086 # two words on purpose
		run --separate-stderr "$SCAP_OPEN" -r "$FIXTURE" $args
		expect_equal "events with $args" "${#lines[@]}" "${want[$args]}"
	done
}

@test "savefile: a thread's comm comes from the file's process list, never from /proc" {
	# In the file, tid 1 is the guest's bash; on this machine it is something else.
	run --separate-stderr "$SCAP_OPEN" -r "$FIXTURE" -t 1 -n 1 --json
	expect_equal "comm of tid 1" "$(jq -r .comm <<<"$output")" "bash"
	expect_equal "pid of tid 1" "$(jq -r .pid <<<"$output")" "1"
	# A kernel thread the process list does not name stays unknown.
	run --separate-stderr "$SCAP_OPEN" -r "$FIXTURE" -t 2 -n 1 --json
	expect_equal "comm of tid 2" "$(jq -r .comm <<<"$output")" "<NA>"
}

@test "savefile: events our schema does not know print by Falco's name, params by position" {
	# Event 77 is Falco's switch (152), which scaplab does not emit; sysdig shows
	# > switch next=17 pgft_maj=1 pgft_min=49 vm_size=400 vm_rss=4 vm_swap=0
	run --separate-stderr "$SCAP_OPEN" -r "$FIXTURE"
	expect_equal "event 77" "$(cut -d' ' -f3- <<<"${lines[76]}")" \
		"0 workload (134) > switch type=152 param1=17 param2=1 param3=49 param4=400 param5=4 param6=0"
	expect_equal "its JSON" "$(json_line 77 | jq -c '[.name, .raw, .params]')" \
		'["switch",true,{"type":152,"param1":17,"param2":1,"param3":49,"param4":400,"param5":4,"param6":0}]'
	# Every raw event of the file has a name of Falco's, none is "unknown".
	expect_equal "raw events without a name" \
		"$("$SCAP_OPEN" -r "$FIXTURE" --json 2>/dev/null | jq -c 'select(.raw and .name == "unknown")' | wc -l)" 0
}

@test "savefile: generic events are named by Falco's syscall code, and -s finds them as sysdig does" {
	# Event 88 is a newfstatat: ID 300 is Falco's code for it (driver/ppm_sc.h),
	# nativeID 262 its x86_64 number. sysdig prints it as "> newfstatat".
	run --separate-stderr "$SCAP_OPEN" -r "$FIXTURE"
	expect_equal "event 88" "$(cut -d' ' -f3- <<<"${lines[87]}")" \
		"0 workload (134) > newfstatat ID=newfstatat nativeID=262"
	expect_equal "its JSON" "$(json_line 88 | jq -c '[.name, .params]')" \
		'["newfstatat",{"ID":"newfstatat","nativeID":262}]'
	# sysdig -r FILE evt.type=newfstatat | wc -l
	run --separate-stderr "$SCAP_OPEN" -r "$FIXTURE" -s newfstatat
	expect_equal "exit status" "$status" 0
	expect_equal "newfstatat events" "${#lines[@]}" 12
	if command -v sysdig >/dev/null; then
		expect_equal "sysdig's count" "$(sysdig -r "$FIXTURE" evt.type=newfstatat | wc -l)" 12
	fi
}

@test "savefile: a truncated file gives every whole event, then the offset of the cut, exit 1" {
	head -c 50000 "$FIXTURE" >"$BATS_TEST_TMPDIR/cut.scap"
	run --separate-stderr "$SCAP_OPEN" -r "$BATS_TEST_TMPDIR/cut.scap"
	expect_equal "exit status" "$status" 1
	# 579 event blocks end before byte 50000; the 580th starts at 49960.
	expect_equal "events" "${#lines[@]}" 579
	[[ $stderr == *"truncated at byte 50000, inside the 68-byte block at byte 49960"* ]] ||
		fail "stderr: $stderr"
	expect_equal "the same events as the whole file's" "$output" \
		"$("$SCAP_OPEN" -r "$FIXTURE" 2>/dev/null | head -n 579)"
}

@test "savefile: unknown blocks are skipped and counted on stderr" {
	# The fixture, then a 12-byte block of type 0x999 (an empty body).
	{ cat "$FIXTURE"; printf '\x99\x09\x00\x00\x0c\x00\x00\x00\x0c\x00\x00\x00'; } \
		>"$BATS_TEST_TMPDIR/unknown.scap"
	run --separate-stderr "$SCAP_OPEN" -r "$BATS_TEST_TMPDIR/unknown.scap" -q
	expect_equal "exit status" "$status" 0
	[[ $stderr == *"682 events counted of 682"* ]] || fail "stderr: $stderr"
	[[ $stderr == *"skipped 1 blocks of a type this reader does not know"* ]] ||
		fail "stderr: $stderr"
}

@test "savefile: what is not a capture file is refused in one line, exit 1" {
	run --separate-stderr "$SCAP_OPEN" -r "$REPO_ROOT/README.md"
	expect_equal "exit status" "$status" 1
	expect_equal "stderr" "$stderr" \
		"scap-open: $REPO_ROOT/README.md is not a capture file (.scap): it starts with 0x63732023, not a section header block (0x0a0d0d0a)"
	run --separate-stderr "$SCAP_OPEN" -r "$BATS_TEST_TMPDIR/none.scap"
	expect_equal "exit status" "$status" 1
	[[ $stderr == *"cannot open $BATS_TEST_TMPDIR/none.scap: No such file or directory"* ]] ||
		fail "stderr: $stderr"
}

@test "savefile: options of a live capture are refused with -r, by name, exit 2" {
	local opt name
	# Given as typed, named by its long name.
	for opt in --kmod --modern_bpf "-d 1m:--buffer_dim" --snaplen=100 "--duration 1" \
		-v:--verbose; do
		name=${opt#*:}
		name=${name%% *}
		name=${name%%=*}
		# shellcheck disable=SC2086 # an option and its value
		run --separate-stderr "$SCAP_OPEN" -r "$FIXTURE" ${opt%%:*}
		expect_equal "exit status with ${opt%%:*}" "$status" 2
		[[ $stderr == "scap-open: $name cannot be used with -r"* ]] || fail "stderr: $stderr"
	done
	run --separate-stderr "$SCAP_OPEN" -r "$FIXTURE" -- true
	expect_equal "exit status with -- true" "$status" 2
	[[ $stderr == "scap-open: '-- COMMAND' cannot be used with -r"* ]] || fail "stderr: $stderr"
}

@test "savefile: --scap_file is -r's long name, and -o writes the events to a file" {
	run --separate-stderr "$SCAP_OPEN" --scap_file "$FIXTURE" -s openat -o "$BATS_TEST_TMPDIR/out.txt"
	expect_equal "exit status" "$status" 0
	expect_equal "stdout" "$output" ""
	expect_equal "openat events in the file" "$(wc -l <"$BATS_TEST_TMPDIR/out.txt")" 35
}
