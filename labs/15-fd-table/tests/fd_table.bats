#!/usr/bin/env bats
# Lab 15, the fd table: graded checks. Run them with `make grade LAB=15`.
#   15.1  dup, dup2, dup3: the new fd names the old one's file
#   15.2  a thread's open and close reach its process; a forked child's not
#   15.3  execve closes the O_CLOEXEC fds: tests/fd_cases.c's tables, then
#         the capture
# No kernel is needed: the capture is a file (tests/captures/fdtable.scap,
# made by record.sh of tests/fdtable.c), read with this lab's scap-open -r.
# Each check asks which file an fd names at one of fdtable.c's reads, found
# by its byte count (evt.rawarg.size), as the table in fdtable.c lists them.

load ../../tools/lab_helpers

EXERCISE_CODE=([15.1]="parse_dup_exit() in userspace/libsinsp/sinsp_parsers.c"
	[15.2]="inherit_files() in userspace/libsinsp/sinsp_parse_process.c"
	[15.3]="sinsp_files_close_on_exec() in userspace/libsinsp/sinsp_fdtable.c")

CAPTURE=$LAB_DIR/tests/captures/fdtable.scap
DIR=/tmp/lab15

# names SIZE EXPECTED WHAT...: the fd of fdtable.c's read of SIZE bytes names
# EXPECTED (a path, or <NA> for none).
names() {
	local size=$1 want=$2 got num fd
	shift 2
	got=$("$SCAP_OPEN" -r "$CAPTURE" -p '%evt.num %evt.rawarg.fd %fd.name' \
		"evt.type = read and evt.dir = > and evt.rawarg.size = $size" 2>/dev/null)
	[[ -n $got ]] || fail "no read of $size bytes in $CAPTURE: is it the lab's own?"
	[[ ${got#* * } == "$want" ]] && return 0
	read -r num fd _ <<<"$got"
	echo "$*:"
	echo "  at event $num, read(fd $fd, ..., $size): fd $fd names '${got#* * }', should be '$want'"
	return 1
}

@test "15.1 [1 pt] dup2(a, b) over an open b: b names a's file" {
	names 101 "$DIR/a" "dup2(a, b), where b named $DIR/b"
}

@test "15.1 [1 pt] dup(a) and dup3(a, 40, O_CLOEXEC): the new fd names a's file" {
	local bad=0
	names 102 "$DIR/a" "d = dup(a)" || bad=1
	names 103 "$DIR/a" "dup3(a, 40, O_CLOEXEC)" || bad=1
	[[ $bad == 0 ]]
}

@test "15.2 [2 pts] what a thread opens, its process's other threads see" {
	names 111 "$DIR/from-thread" "a thread opened $DIR/from-thread; the main thread reads that fd"
}

@test "15.2 [1 pt] what a thread closes is closed for its whole process" {
	names 112 "<NA>" "a thread closed $DIR/closed-by-thread; the main thread reads that fd (EBADF)"
}

@test "15.2 [1 pt] what a forked child closes stays open in its parent" {
	names 113 "$DIR/c" "a forked child closed its copy of $DIR/c; the parent reads its own"
}

@test "15.3 [2 pts] close-on-exec on tables of up to 4000 fds: every O_CLOEXEC fd gone, every other one found" {
	run_program fd_cases " in sinsp_files_close_on_exec()"
	[[ $status == 0 ]] || { echo "sinsp_files_close_on_exec() on tables of tests/fd_cases.c:"; echo "$output"; return 1; }
}

@test "15.3 [1 pt] after execve, an O_CLOEXEC fd names nothing, and the others keep their files" {
	local bad=0
	names 121 "$DIR/keep" "$DIR/keep, opened without O_CLOEXEC, read after execve" || bad=1
	names 122 "<NA>" "$DIR/cloexec, opened with O_CLOEXEC, read after execve (EBADF)" || bad=1
	[[ $bad == 0 ]]
}
