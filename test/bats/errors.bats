#!/usr/bin/env bats
# Failing syscalls: `workload errors DIR` (test/workload/workload.c,
# do_errors). A failed call's result is -errno; a param the driver could not
# read (a bad user pointer) or has no value for (no file was opened, no data
# was read) is absent: JSON null.
#
#   make -f test/test.mk bats BATS_FILES=test/bats/errors.bats

# guest-suite: checks on the host. Its tests only read captures: in a run
# on the guest kernel, test/guest-suite.sh runs them outside the guest.
load helpers

setup_file() {
	fresh_dir errors
	capture errors errors "$D"
}

setup() {
	require_capture
}

@test "errors: open(DIR/missing_open, O_RDONLY) = -ENOENT, no dev" {
	pair_by_exit open '.params.name == $d + "/missing_open"'
	expect_params "open >" "$ENTER" '{name: ($d + "/missing_open"), flags: "O_RDONLY", mode: 0}'
	expect_params "open <" "$EXIT" \
		'{fd: -2, name: ($d + "/missing_open"), flags: "O_RDONLY", mode: 0, dev: null}'
	expect_pid "open <" "$EXIT" "$WPID"
}

@test "errors: openat(AT_FDCWD, DIR/missing_openat, O_RDONLY) = -ENOENT" {
	pair_by_exit openat '.params.name == $d + "/missing_openat"'
	expect_params "openat >" "$ENTER" \
		'{dirfd: -100, name: ($d + "/missing_openat"), flags: "O_RDONLY", mode: 0}'
	expect_params "openat <" "$EXIT" \
		'{fd: -2, dirfd: -100, name: ($d + "/missing_openat"), flags: "O_RDONLY", mode: 0,
		  dev: null}'
	expect_pid "openat <" "$EXIT" "$WPID"
}

@test "errors: unlink(DIR/missing_unlink) = -ENOENT" {
	pair_by_exit unlink '.params.path == $d + "/missing_unlink"'
	expect_params "unlink >" "$ENTER" '{}'
	expect_params "unlink <" "$EXIT" '{res: -2, path: ($d + "/missing_unlink")}'
	expect_pid "unlink <" "$EXIT" "$WPID"
}

@test "errors: close(-1) = -EBADF" {
	pair_by_enter close '.params.fd == -1'
	expect_params "close >" "$ENTER" '{fd: -1}'
	expect_params "close <" "$EXIT" '{res: -9}'
	expect_pid "close <" "$EXIT" "$WPID"
}

@test "errors: read(999, buf, 7) = -EBADF has no data" {
	pair_by_enter read '.params.fd == 999'
	expect_params "read >" "$ENTER" '{fd: 999, size: 7}'
	expect_params "read <" "$EXIT" '{res: -9, data: null}'
	expect_pid "read <" "$EXIT" "$WPID"
}

@test "errors: write(999, \"x\", 1) = -EBADF still shows the data (as Falco does)" {
	pair_by_enter write '.params.fd == 999'
	expect_params "write >" "$ENTER" '{fd: 999, size: 1}'
	expect_params "write <" "$EXIT" '{res: -9, data: "x"}'
	expect_pid "write <" "$EXIT" "$WPID"
}

@test "errors: dup(999) = -EBADF" {
	pair_by_enter dup '.params.fd == 999'
	expect_params "dup >" "$ENTER" '{fd: 999}'
	expect_params "dup <" "$EXIT" '{res: -9}'
	expect_pid "dup <" "$EXIT" "$WPID"
}

@test "errors: connect(127.0.0.1:47198 -> 127.0.0.1:47199) = -ECONNREFUSED" {
	local fd
	pair_by_exit bind '.params.addr == "127.0.0.1:47198"'
	fd=$(jq .params.fd <<<"$ENTER")
	pair_by_exit connect '.params.res == -111'
	expect_params "connect >" "$ENTER" "{fd: $fd, addr: \"127.0.0.1:47199\"}"
	expect_params "connect <" "$EXIT" '{res: -111, tuple: "127.0.0.1:47198->127.0.0.1:47199"}'
	expect_pid "connect <" "$EXIT" "$WPID"
}

@test "errors: openat(AT_FDCWD, (void *)1, O_RDONLY) = -EFAULT, name null" {
	pair_by_exit openat '.params.fd == -14'
	expect_params "openat >" "$ENTER" '{dirfd: -100, name: null, flags: "O_RDONLY", mode: 0}'
	expect_params "openat <" "$EXIT" \
		'{fd: -14, dirfd: -100, name: null, flags: "O_RDONLY", mode: 0, dev: null}'
	expect_pid "openat <" "$EXIT" "$WPID"
}

@test "errors: open((void *)1, O_RDONLY) = -EFAULT, name null" {
	pair_by_exit open '.params.fd == -14'
	expect_params "open >" "$ENTER" '{name: null, flags: "O_RDONLY", mode: 0}'
	expect_params "open <" "$EXIT" '{fd: -14, name: null, flags: "O_RDONLY", mode: 0, dev: null}'
	expect_pid "open <" "$EXIT" "$WPID"
}

@test "errors: kill(2147483647, 0) = -ESRCH" {
	pair_by_enter kill '.params.pid == 2147483647'
	expect_params "kill >" "$ENTER" '{pid: 2147483647, sig: 0}'
	expect_params "kill <" "$EXIT" '{res: -3}'
	expect_pid "kill <" "$EXIT" "$WPID"
}

@test "errors: the unreadable (void *)1 paths are counted in the stats" {
	local line n
	# 4 params could not be read: open and openat, on enter and on exit.
	line=$(grep 'params unreadable' "$CAPTURE_ERR")
	echo "stats: $line"
	n=$(sed -n 's/.*params unreadable: \([0-9]*\).*/\1/p' <<<"$line")
	[[ -n $n ]] || fail "no 'params unreadable: N' in scap-open's stats"
	echo "params unreadable: $n, expected at least 4"
	[[ $n -ge 4 ]] || fail "only $n unreadable params counted"
}
