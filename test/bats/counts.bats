#!/usr/bin/env bats
# The external oracle: strace and scap-open watch the same workload
# (`workload all DIR`); for each syscall with a dedicated event, scap-open
# must print one exit event per call that strace saw.
#
# How each side is counted:
#   strace   `strace -f -qq -e trace=<the supported syscalls> -o FILE`; a call
#            is a line "PID name(" (a call strace saw interrupted is printed
#            twice, "name(... <unfinished ...>" and "<... name resumed>": the
#            second is not counted).
#   scap     exit events ("<") named after the syscall's dedicated event, and
#            not the generic event (params ID): a syscall without its filler
#            counts 0 and fails here. Events sharing one pair are counted
#            together: dup, dup2, dup3 are "dup"; pipe, pipe2 "pipe"; accept,
#            accept4 "accept"; pread64 is "pread", pwrite64 "pwrite".
#   execveat A successful execveat's exit is reported with execve's syscall
#            number (the kernel's registers say execve by then; see the
#            execveat filler): its exit event is execve's. So the exits of
#            execve and execveat are counted together, and execveat's enter
#            events, which are always execveat's, separately.
#   clone    clone, clone3, fork and vfork have an exit event in the parent
#            AND one in the new child: 2 per successful call (1 if failed).
#   the first execve  Both sides include the workload's own execve: strace
#            starts tracing at it, and scap-open's scope starts at its enter
#            event. What scap-open's child does before it (wait for the
#            capture to start: a read, a close) is scap-open's, not the
#            workload's, so scap-open's events count from the workload's
#            first execve enter on.
# The two runs use two directories of the same length, because the workload's
# longpath part makes as many mkdir calls as its path allows.
#
#   make -f test/test.mk bats BATS_FILES=test/bats/counts.bats

load helpers

setup_file() {
	local list
	list=$(IFS=,; echo "${SUPPORTED_SYSCALLS[*]}")
	fresh_dir counts.s
	export STRACE_OUT="$CAPTURE_DIR/counts.strace"
	if [[ ${SCAPLAB_REUSE_CAPTURES:-} != 1 || ! -s $STRACE_OUT ]]; then
		strace -f -qq -e trace="$list" -o "$STRACE_OUT" "$WORKLOAD" all "$D" \
			2>"$CAPTURE_DIR/counts.strace.err" || true
	fi
	fresh_dir counts.c
	capture counts.c all "$D"
}

setup() {
	command -v strace >/dev/null || fail "strace is not installed (make setup installs it)"
	[[ -s $STRACE_OUT ]] || fail "strace wrote nothing to $STRACE_OUT: $(cat "$CAPTURE_DIR/counts.strace.err")"
	use_capture counts.c
}

# check_count [--enter|--clone] EVENT SYSCALL...: the exit events named
# EVENT (--enter: the enter events; --clone: 2 exits per successful call;
# EVENT may be "a|b" for two names), from the workload's execve on, number
# the calls of SYSCALL... that strace saw.
check_count() {
	local dir="<" per_success=0 sc want=0 n failed got generic
	if [[ $1 == --enter ]]; then
		dir=">"
		shift
	elif [[ $1 == --clone ]]; then
		per_success=1
		shift
	fi
	local event=$1
	shift
	echo "strace's calls (in $STRACE_OUT):"
	for sc in "$@"; do
		n=$(grep -cE "^[0-9]+ +$sc\(" "$STRACE_OUT" || true)
		failed=$(grep -E "^[0-9]+ +($sc\(|<\.\.\. $sc resumed)" "$STRACE_OUT" |
			grep -cE '= -1 E' || true)
		echo "  $sc: $n ($failed failed)"
		want=$((want + n + per_success * (n - failed)))
	done
	[[ $want -gt 0 ]] || fail "strace saw no call of $*: the workload should make some"
	# From the workload's first execve enter on (see the header).
	local counts
	counts=$(jq_events -c --arg ev "$event" --arg dir "$dir" \
		--argjson scs "$(printf '%s\n' "$@" | jq -R . | jq -sc .)" '
		([.[] | select(.name == "execve" and .dir == ">" and .tid == $wpid)][0].ts) as $t0
		| ($ev | split("|")) as $evs
		| [.[] | select(.dir == $dir and .ts >= $t0)] as $x
		| {dedicated: [$x[] | select(.name as $n | ($evs | index([$n]) != null)
			and (.params | has("ID") | not))] | length,
		   generic: [$x[] | select(.name as $n | ($evs + $scs) | index([$n]) != null)
			| select(.params | has("ID"))] | length}')
	got=$(jq .dedicated <<<"$counts")
	generic=$(jq .generic <<<"$counts")
	echo "scap-open's '$event' events ($dir, in $CAPTURE): $got; generic events of $*: $generic"
	if [[ $generic -gt 0 ]]; then
		echo ">>> $generic calls arrived as the generic event: a filler is missing."
	fi
	expect_equal "'$dir $event' events vs calls of $*" "$got" "$want"
}

@test "counts: open" { check_count open open; }
@test "counts: openat" { check_count openat openat; }
@test "counts: openat2" { check_count openat2 openat2; }
@test "counts: creat" { check_count creat creat; }
@test "counts: close" { check_count close close; }
@test "counts: read" { check_count read read; }
@test "counts: write" { check_count write write; }
@test "counts: pread64 (event pread)" { check_count pread pread64; }
@test "counts: pwrite64 (event pwrite)" { check_count pwrite pwrite64; }
@test "counts: readv" { check_count readv readv; }
@test "counts: writev" { check_count writev writev; }
@test "counts: execve and execveat exits (the workload's own execve included)" {
	check_count 'execve|execveat' execve execveat
}
@test "counts: execveat (enter events)" { check_count --enter execveat execveat; }
@test "counts: clone (parent and child exits)" { check_count --clone clone clone; }
@test "counts: clone3 (parent and child exits)" { check_count --clone clone3 clone3; }
@test "counts: fork (parent and child exits)" { check_count --clone fork fork; }
@test "counts: vfork (parent and child exits)" { check_count --clone vfork vfork; }
@test "counts: socket" { check_count socket socket; }
@test "counts: bind" { check_count bind bind; }
@test "counts: connect" { check_count connect connect; }
@test "counts: accept and accept4 (event accept)" { check_count accept accept accept4; }
@test "counts: listen" { check_count listen listen; }
@test "counts: unlink" { check_count unlink unlink; }
@test "counts: unlinkat" { check_count unlinkat unlinkat; }
@test "counts: rename" { check_count rename rename; }
@test "counts: renameat" { check_count renameat renameat; }
@test "counts: renameat2" { check_count renameat2 renameat2; }
@test "counts: mkdir" { check_count mkdir mkdir; }
@test "counts: mkdirat" { check_count mkdirat mkdirat; }
@test "counts: chdir" { check_count chdir chdir; }
@test "counts: kill" { check_count kill kill; }
@test "counts: dup, dup2 and dup3 (event dup)" { check_count dup dup dup2 dup3; }
@test "counts: pipe and pipe2 (event pipe)" { check_count pipe pipe pipe2; }
@test "counts: mmap" { check_count mmap mmap; }
@test "counts: munmap" { check_count munmap munmap; }

@test "counts: no event of the workload was dropped" {
	local line
	line=$(grep 'drops:' "$CAPTURE_ERR")
	echo "stats: $line"
	[[ $line =~ drops:\ ([0-9]+) ]] || fail "no 'drops: N' in scap-open's stats ($CAPTURE_ERR)"
	expect_equal "drops" "${BASH_REMATCH[1]}" 0
}
