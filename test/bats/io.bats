#!/usr/bin/env bats
# I/O syscalls: `workload io DIR` (test/workload/workload.c, do_io) captured
# once; each test checks the enter and exit events of one call. The data
# params hold what was read or written, cut at the snaplen (80 bytes).
#
#   make -f test/test.mk bats BATS_FILES=test/bats/io.bats

# guest-suite: checks on the host. Its tests only read captures: in a run
# on the guest kernel, test/guest-suite.sh runs them outside the guest.
load helpers

setup_file() {
	fresh_dir io
	capture io io "$D"
}

setup() {
	require_capture
	# The fd of DIR/io_file, opened first with O_RDWR|O_CREAT|O_TRUNC|O_CLOEXEC.
	pair_by_exit openat '.params.name == $d + "/io_file"'
	IOFD=$(jq .params.fd <<<"$EXIT")
	IO_OPENED=$(jq .ts <<<"$EXIT")
	export IOFD IO_OPENED
}

@test "io: write(fd, \"hello\", 5) = 5" {
	pair_by_exit write '.params.data == "hello"'
	expect_params "write >" "$ENTER" '{fd: ($ENV.IOFD | tonumber), size: 5}'
	expect_params "write <" "$EXIT" '{res: 5, data: "hello"}'
	expect_pid "write <" "$EXIT" "$WPID"
}

@test "io: writev(fd, [\"one\", \"two\", \"three\"], 3) = 11" {
	pair_by_exit writev '.tid == $wpid' "$IO_OPENED"
	# size: the total of the 3 iovecs; data: the 3 buffers, one after the other.
	expect_params "writev >" "$ENTER" '{fd: ($ENV.IOFD | tonumber), size: 11}'
	expect_params "writev <" "$EXIT" '{res: 11, data: "onetwothree"}'
	expect_pid "writev <" "$EXIT" "$WPID"
}

@test "io: readv(fd, [3, 3, 8 bytes], 3) = 11 at end of file" {
	pair_by_exit readv '.tid == $wpid' "$IO_OPENED"
	# 14 bytes of buffers, 11 read: size is what was read (Falco: min(total, res)).
	expect_params "readv >" "$ENTER" '{fd: ($ENV.IOFD | tonumber)}'
	expect_params "readv <" "$EXIT" '{res: 11, size: 11, data: "onetwothree"}'
	expect_pid "readv <" "$EXIT" "$WPID"
}

@test "io: pwrite64(fd, \"WORLD\", 5, 1000) = 5 is the pwrite event" {
	pair_by_exit pwrite '.params.data == "WORLD"'
	expect_params "pwrite >" "$ENTER" '{fd: ($ENV.IOFD | tonumber), size: 5, pos: 1000}'
	expect_params "pwrite <" "$EXIT" '{res: 5, data: "WORLD"}'
	expect_pid "pwrite <" "$EXIT" "$WPID"
}

@test "io: pwritev(fd, [\"one\", \"two\", \"three\"], 3, 2000) = 11, preadv of them at 2000" {
	pair_by_exit pwritev '.tid == $wpid' "$IO_OPENED"
	expect_params "pwritev >" "$ENTER" '{fd: ($ENV.IOFD | tonumber), size: 11, pos: 2000}'
	expect_params "pwritev <" "$EXIT" '{res: 11, data: "onetwothree"}'
	pair_by_exit preadv '.tid == $wpid' "$IO_OPENED"
	# 14 bytes of buffers, 11 before the end of the file: size is what was read.
	expect_params "preadv >" "$ENTER" '{fd: ($ENV.IOFD | tonumber), pos: 2000}'
	expect_params "preadv <" "$EXIT" '{res: 11, size: 11, data: "onetwothree"}'
}

@test "io: pread64(fd, buf, 5, 1000) = 5 reads \"WORLD\"" {
	pair_by_exit pread '.params.data == "WORLD"'
	expect_params "pread >" "$ENTER" '{fd: ($ENV.IOFD | tonumber), size: 5, pos: 1000}'
	expect_params "pread <" "$EXIT" '{res: 5, data: "WORLD"}'
	expect_pid "pread <" "$EXIT" "$WPID"
}

@test "io: read(fd, buf, 5) = 5 reads \"hello\"" {
	pair_by_exit read '.params.data == "hello"'
	expect_params "read >" "$ENTER" '{fd: ($ENV.IOFD | tonumber), size: 5}'
	expect_params "read <" "$EXIT" '{res: 5, data: "hello"}'
	expect_pid "read <" "$EXIT" "$WPID"
}

@test "io: dup(fd) returns a new fd" {
	pair_by_enter dup '.params.fd == ($ENV.IOFD | tonumber)' "$IO_OPENED"
	expect_params "dup >" "$ENTER" '{fd: ($ENV.IOFD | tonumber)}'
	expect_params "dup <" "$EXIT" '{res: null}' res '. >= 3 and . != ($ENV.IOFD | tonumber)'
	expect_pid "dup <" "$EXIT" "$WPID"
}

@test "io: dup2(fd, 100) = 100 is a dup event" {
	pair_by_exit dup '.params.res == 100'
	expect_params "dup > (dup2)" "$ENTER" '{fd: ($ENV.IOFD | tonumber)}'
	expect_params "dup < (dup2)" "$EXIT" '{res: 100}'
	expect_pid "dup < (dup2)" "$EXIT" "$WPID"
}

@test "io: dup3(fd, 101, O_CLOEXEC) = 101 is a dup event" {
	pair_by_exit dup '.params.res == 101'
	expect_params "dup > (dup3)" "$ENTER" '{fd: ($ENV.IOFD | tonumber)}'
	expect_params "dup < (dup3)" "$EXIT" '{res: 101}'
	expect_pid "dup < (dup3)" "$EXIT" "$WPID"
}

@test "io: pipe() gives the two fds that the next write and read use" {
	local fd1 fd2 pipe_ts
	pair_by_exit pipe '.tid == $wpid' "$IO_OPENED"
	expect_params "pipe >" "$ENTER" '{}'
	expect_params "pipe <" "$EXIT" '{res: 0, fd1: null, fd2: null, ino: null}' \
		fd1 '. >= 3' fd2 '. >= 3' ino '. > 0'
	expect_pid "pipe <" "$EXIT" "$WPID"
	fd1=$(jq .params.fd1 <<<"$EXIT")
	fd2=$(jq .params.fd2 <<<"$EXIT")
	pipe_ts=$(jq .ts <<<"$EXIT")
	# write(fd2, "ping", 4) = 4; read(fd1, buf, 64) = 4
	pair_by_exit write '.params.data == "ping"' "$pipe_ts"
	expect_params "write > (to the pipe)" "$ENTER" "{fd: $fd2, size: 4}"
	expect_params "write < (to the pipe)" "$EXIT" '{res: 4, data: "ping"}'
	pair_by_exit read '.params.data == "ping"' "$pipe_ts"
	expect_params "read > (from the pipe)" "$ENTER" "{fd: $fd1, size: 64}"
	expect_params "read < (from the pipe)" "$EXIT" '{res: 4, data: "ping"}'
}

@test "io: pipe2(O_CLOEXEC) is a pipe event with a new inode" {
	local first_ino first_ts
	pair_by_exit pipe '.tid == $wpid' "$IO_OPENED"
	first_ino=$(jq .params.ino <<<"$EXIT")
	first_ts=$(jq .ts <<<"$EXIT")
	pair_by_exit pipe '.tid == $wpid' "$first_ts"
	export FIRST_INO=$first_ino
	expect_params "pipe > (pipe2)" "$ENTER" '{}'
	expect_params "pipe < (pipe2)" "$EXIT" '{res: 0, fd1: null, fd2: null, ino: null}' \
		fd1 '. >= 3' fd2 '. >= 3' ino '. > 0 and . != ($ENV.FIRST_INO | tonumber)'
	expect_pid "pipe < (pipe2)" "$EXIT" "$WPID"
}

@test "io: binary data (a NUL and 0xff) is escaped as \\u0000 and \\u00ff" {
	pair_by_exit write '.params.res == 5 and (.params.data | startswith("bin"))'
	expect_params "write <" "$EXIT" '{res: 5, data: "bin\u0000\u00ff"}'
	pair_by_exit read '.params.res == 5 and (.params.data | startswith("bin"))'
	expect_params "read > (binary)" "$ENTER" '{fd: null, size: 5}' fd '. >= 3'
	expect_params "read < (binary)" "$EXIT" '{res: 5, data: "bin\u0000\u00ff"}'
	# The raw line too: the escapes, not the bytes, are in the output.
	run grep -c 'bin\\u0000\\u00ff' "$CAPTURE"
	expect_equal "lines with the escaped data" "$output" 2
}

@test "io: a 200-byte write keeps res=200 and only the first 80 bytes of data" {
	local null_fd
	pair_by_exit openat '.params.name == "/dev/null"'
	null_fd=$(jq .params.fd <<<"$EXIT")
	pair_by_exit write '.params.res == 200'
	expect_params "write > (200 bytes)" "$ENTER" "{fd: $null_fd, size: 200}"
	expect_params "write < (200 bytes)" "$EXIT" \
		'{res: 200, data: "01234567890123456789012345678901234567890123456789012345678901234567890123456789"}'
	expect_pid "write < (200 bytes)" "$EXIT" "$WPID"
}

@test "io: mmap(NULL, 368640, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)" {
	pair_by_enter mmap '.params.length == 368640'
	expect_params "mmap >" "$ENTER" \
		'{addr: 0, length: 368640, prot: "PROT_READ|PROT_WRITE",
		  flags: "MAP_PRIVATE|MAP_ANONYMOUS", fd: -1, offset: 0}'
	# res: the address; vm_*: the process's memory in KiB, after the call.
	expect_params "mmap <" "$EXIT" '{res: null, vm_size: null, vm_rss: null, vm_swap: null}' \
		res '. > 4096 and . % 4096 == 0' vm_size '. >= 360' vm_rss '. > 0' vm_swap '. >= 0'
	expect_pid "mmap <" "$EXIT" "$WPID"
}

@test "io: munmap(the mmap's address, 368640) gives back 360 KiB" {
	local addr vm_size
	pair_by_enter mmap '.params.length == 368640'
	addr=$(jq .params.res <<<"$EXIT")
	vm_size=$(jq .params.vm_size <<<"$EXIT")
	[[ $addr != null ]] || fail "the mmap exit has no address (see the mmap test)"
	pair_by_enter munmap '.params.length == 368640'
	expect_params "munmap >" "$ENTER" "{addr: $addr, length: 368640}"
	expect_params "munmap <" "$EXIT" \
		"{res: 0, vm_size: ($vm_size - 360), vm_rss: null, vm_swap: null}" \
		vm_rss '. > 0' vm_swap '. >= 0'
	expect_pid "munmap <" "$EXIT" "$WPID"
}
