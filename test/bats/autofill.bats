#!/usr/bin/env bats
# The autofilled syscalls (driver/autofill_table.h): `workload autofill DIR`
# (test/workload/autofill.c) captured once; each test checks the enter and
# exit events of one call, param by param. One test per kind of param
# source and converter, and one that every autofilled syscall the workload
# makes has its own events, not the generic pair.
#
#   make -f test/test.mk bats BATS_FILES=test/bats/autofill.bats

# guest-suite: checks on the host. Its tests only read captures: in a run
# on the guest kernel, test/guest-suite.sh runs them outside the guest.
load helpers

setup_file() {
	fresh_dir autofill
	capture autofill autofill "$D"
}

setup() {
	require_capture
	pair_by_exit openat '.params.name == $d + "/af_file"'
	AFFD=$(jq .params.fd <<<"$EXIT")
	AF_OPENED=$(jq .ts <<<"$EXIT")
	export AFFD AF_OPENED
}

@test "autofill: each syscall of the workload has its own events, both ways" {
	# By schema name: umount2's events are "umount", eventfd2's "eventfd", and so on.
	local names='["lseek", "fstat", "fcntl", "flock", "ioctl", "fchmod", "getdents64",
		"getdents", "fchdir", "getcwd", "stat", "lstat", "access", "chmod", "link", "symlink",
		"linkat", "symlinkat", "fchmodat", "rmdir", "chroot", "umount", "getuid", "getgid",
		"geteuid", "getegid", "setuid", "setgid", "setresuid", "setresgid", "setpgid", "setsid",
		"tkill", "tgkill", "futex", "mprotect", "select", "epoll_wait", "shutdown",
		"getsockname", "getpeername", "recvmmsg", "sendmmsg", "splice", "unshare", "setns",
		"seccomp", "userfaultfd", "eventfd", "inotify_init", "timerfd_create", "signalfd",
		"semget", "mount", "brk", "getresuid", "getresgid", "getrlimit", "setrlimit", "prlimit",
		"nanosleep", "sendfile", "copy_file_range", "semop", "semctl"]'
	local missing
	missing=$(jq_events -r --argjson names "$names" '
		[.[] | select(.tid == $wpid) | .dir + .name] as $seen
		| [$names[] | . as $n
		   | select(($seen | any(. == ">" + $n)) and ($seen | any(. == "<" + $n)) | not)]
		| join(" ")')
	[[ -z $missing ]] ||
		fail "no enter and exit event of its own for: $missing (the generic pair instead? see driver/syscall_table.c)"
}

@test "autofill: lseek(fd, -2, SEEK_END) = 8: an int fd, a u64 offset, whence" {
	pair_by_exit lseek '.params.res == 8' "$AF_OPENED"
	expect_params "lseek >" "$ENTER" '{fd: ($ENV.AFFD | tonumber), offset: 18446744073709551614, whence: "SEEK_END"}'
	expect_params "lseek <" "$EXIT" '{res: 8}'
}

@test "autofill: fcntl(fd, F_DUPFD_CLOEXEC, 40) = 40 converts the command" {
	pair_by_exit fcntl '.params.res == 40' "$AF_OPENED"
	expect_params "fcntl >" "$ENTER" '{fd: ($ENV.AFFD | tonumber), cmd: "F_DUPFD_CLOEXEC"}'
	pair_by_enter fcntl '.params.cmd == "F_SETFD"' "$AF_OPENED"
	expect_params "fcntl <" "$EXIT" '{res: 0}'
}

@test "autofill: flock(fd, LOCK_EX|LOCK_NB) = 0" {
	pair_by_enter flock '.params.operation != "LOCK_UN"' "$AF_OPENED"
	expect_params "flock >" "$ENTER" '{fd: ($ENV.AFFD | tonumber), operation: "LOCK_EX|LOCK_NB"}'
	expect_params "flock <" "$EXIT" '{res: 0}'
}

@test "autofill: ioctl(fd, TCGETS, 0x1234) = ENOTTY: two u64 arguments" {
	pair_by_exit ioctl '.tid == $wpid' "$AF_OPENED"
	expect_params "ioctl >" "$ENTER" '{fd: ($ENV.AFFD | tonumber), request: 21505, argument: 4660}'
	expect_params "ioctl <" "$EXIT" '{res: -25}'
}

@test "autofill: fchmod(fd, 0640) = 0: the exit has the arguments, mode in octal" {
	pair_by_exit fchmod '.tid == $wpid' "$AF_OPENED"
	expect_params "fchmod >" "$ENTER" '{}'
	expect_params "fchmod <" "$EXIT" '{res: 0, fd: ($ENV.AFFD | tonumber), mode: "0640"}'
}

@test "autofill: getcwd after fchdir(DIR) reads the path back on exit" {
	pair_by_exit fchdir '.tid == $wpid' "$AF_OPENED"
	expect_params "fchdir <" "$EXIT" '{res: 0}'
	pair_by_exit getcwd '.tid == $wpid' "$AF_OPENED"
	expect_params "getcwd <" "$EXIT" '{res: (($d | length) + 1), path: $d}'
}

@test "autofill: stat, lstat, access(R_OK|W_OK): a path from user memory" {
	pair_by_exit stat '.params.path == $d + "/af_file"'
	expect_params "stat <" "$EXIT" '{res: 0, path: ($d + "/af_file")}'
	pair_by_exit lstat '.params.path == $d + "/af_file"'
	expect_params "lstat <" "$EXIT" '{res: 0, path: ($d + "/af_file")}'
	pair_by_exit access '.params.name == $d + "/af_file"'
	expect_params "access >" "$ENTER" '{mode: "R_OK|W_OK"}'
	expect_params "access <" "$EXIT" '{res: 0, name: ($d + "/af_file")}'
}

@test "autofill: chmod(04755) keeps the set-uid bit" {
	pair_by_exit chmod '.params.filename == $d + "/af_file"'
	expect_params "chmod <" "$EXIT" '{res: 0, filename: ($d + "/af_file"), mode: "04755"}'
}

@test "autofill: link, symlink, linkat(AT_SYMLINK_FOLLOW), symlinkat: two paths" {
	pair_by_exit link '.tid == $wpid'
	expect_params "link <" "$EXIT" '{res: 0, oldpath: ($d + "/af_file"), newpath: ($d + "/af_link")}'
	pair_by_exit symlink '.tid == $wpid'
	expect_params "symlink <" "$EXIT" '{res: 0, target: "af_file", linkpath: ($d + "/af_sym")}'
	pair_by_exit linkat '.tid == $wpid'
	expect_params "linkat <" "$EXIT" '{res: 0, olddir: -100, oldpath: ($d + "/af_sym"), newdir: -100, newpath: ($d + "/af_linkat"), flags: "AT_SYMLINK_FOLLOW"}'
	pair_by_exit symlinkat '.tid == $wpid'
	expect_params "symlinkat <" "$EXIT" '{res: 0, target: "/nowhere", linkdirfd: -100, linkpath: ($d + "/af_symat")}'
}

@test "autofill: fchmodat, rmdir, chroot (ENOTDIR), umount2(MNT_DETACH) (ENOENT)" {
	pair_by_exit fchmodat '.tid == $wpid'
	expect_params "fchmodat <" "$EXIT" '{res: 0, dirfd: -100, filename: ($d + "/af_file"), mode: "0600"}'
	pair_by_exit rmdir '.tid == $wpid'
	expect_params "rmdir <" "$EXIT" '{res: 0, path: ($d + "/af_dir")}'
	pair_by_exit chroot '.tid == $wpid'
	expect_params "chroot <" "$EXIT" '{res: -20, path: ($d + "/af_file")}'
	pair_by_exit umount '.tid == $wpid'
	expect_params "umount >" "$ENTER" '{flags: "DETACH"}'
	expect_params "umount <" "$EXIT" '{res: -2, name: ($d + "/af_dir")}'
}

@test "autofill: the id calls: getuid's uid is its return, set*id(-1) stays 4294967295" {
	pair_by_exit getuid '.tid == $wpid'
	expect_params "getuid <" "$EXIT" '{uid: 0}'
	pair_by_exit geteuid '.tid == $wpid'
	expect_params "geteuid <" "$EXIT" '{euid: 0}'
	pair_by_exit setuid '.tid == $wpid'
	expect_params "setuid >" "$ENTER" '{uid: 0}'
	expect_params "setuid <" "$EXIT" '{res: 0}'
	pair_by_exit setresgid '.tid == $wpid'
	expect_params "setresgid >" "$ENTER" '{rgid: 4294967295, egid: 4294967295, sgid: 4294967295}'
	expect_params "setresgid <" "$EXIT" '{res: 0}'
}

@test "autofill: setpgid(0, -5) = EINVAL keeps the sign; setsid returns the pid" {
	pair_by_exit setpgid '.tid == $wpid'
	expect_params "setpgid >" "$ENTER" '{pid: 0, pgid: -5}'
	expect_params "setpgid <" "$EXIT" '{res: -22}'
	pair_by_exit setsid '.tid == $wpid'
	expect_params "setsid <" "$EXIT" '{res: $wpid}'
}

@test "autofill: tkill, tgkill with signal 0" {
	pair_by_exit tgkill '.tid == $wpid'
	expect_params "tgkill >" "$ENTER" '{pid: $wpid, tid: $wpid, sig: 0}'
	expect_params "tgkill <" "$EXIT" '{res: 0}'
	pair_by_exit tkill '.tid == $wpid'
	expect_params "tkill >" "$ENTER" '{tid: $wpid, sig: 0}'
}

@test "autofill: futex(FUTEX_WAKE|FUTEX_PRIVATE_FLAG, 7) converts the op" {
	pair_by_enter futex '.tid == $wpid and .params.val == 7'
	expect_params "futex >" "$ENTER" '{addr: (.addr), op: "FUTEX_PRIVATE_FLAG|FUTEX_WAKE", val: 7}' \
		addr '. > 0'
	expect_params "futex <" "$EXIT" '{res: 0}'
}

@test "autofill: mprotect(PROT_READ|PROT_WRITE) after the workload's own mmap" {
	pair_by_enter mprotect '.tid == $wpid and .params.prot == "PROT_READ|PROT_WRITE" and .params.length == 4096' "$AF_OPENED"
	expect_params "mprotect >" "$ENTER" '{addr: null, length: 4096, prot: "PROT_READ|PROT_WRITE"}' \
		addr '. > 0 and . % 4096 == 0'
	expect_params "mprotect <" "$EXIT" '{res: 0}'
}

@test "autofill: calls on bad fds: epoll_wait, shutdown, splice, setns, and the empty events" {
	pair_by_exit epoll_wait '.tid == $wpid'
	expect_params "epoll_wait >" "$ENTER" '{maxevents: 9}'
	expect_params "epoll_wait <" "$EXIT" '{res: -9}'
	pair_by_exit shutdown '.tid == $wpid'
	expect_params "shutdown >" "$ENTER" '{fd: -1, how: "SHUT_WR"}'
	pair_by_exit splice '.tid == $wpid'
	expect_params "splice >" "$ENTER" '{fd_in: -1, fd_out: -2, size: 4096, flags: "SPLICE_F_MOVE"}'
	expect_params "splice <" "$EXIT" '{res: -9}'
	pair_by_exit setns '.tid == $wpid'
	expect_params "setns >" "$ENTER" '{fd: -1, nstype: "CLONE_NEWNET"}'
	pair_by_exit getsockname '.tid == $wpid'
	expect_params "getsockname <" "$EXIT" '{}'
	pair_by_exit sendmmsg '.tid == $wpid'
	expect_params "sendmmsg <" "$EXIT" '{}'
}

@test "autofill: unshare and userfaultfd convert their flags; seccomp keeps op only" {
	pair_by_exit unshare '.tid == $wpid'
	expect_params "unshare >" "$ENTER" '{flags: "CLONE_NEWUTS"}'
	expect_params "unshare <" "$EXIT" '{res: -22}'
	pair_by_exit seccomp '.tid == $wpid'
	expect_params "seccomp >" "$ENTER" '{op: 99}'
	expect_params "seccomp <" "$EXIT" '{res: -22}'
	pair_by_exit userfaultfd '.tid == $wpid'
	expect_params "userfaultfd <" "$EXIT" '{res: -22, flags: (.flags)}' flags 'test("O_CLOEXEC")'
}

@test "autofill: eventfd2, inotify_init1, timerfd_create, signalfd4: Falco's zeros" {
	pair_by_exit eventfd '.tid == $wpid'
	expect_params "eventfd >" "$ENTER" '{initval: 5, flags: "0"}'
	expect_params "eventfd <" "$EXIT" '{res: (.res)}' res '. >= 0'
	pair_by_exit inotify_init '.tid == $wpid'
	expect_params "inotify_init >" "$ENTER" '{flags: "0"}'
	pair_by_exit timerfd_create '.tid == $wpid'
	expect_params "timerfd_create >" "$ENTER" '{clockid: 0, flags: "0"}'
	pair_by_exit signalfd '.tid == $wpid'
	expect_params "signalfd >" "$ENTER" '{fd: -1, mask: 0, flags: "0"}'
	expect_params "signalfd <" "$EXIT" '{res: -14}'
}

@test "autofill: mount drops the magic number from its flags; semget moves IPC_EXCL" {
	pair_by_exit mount '.tid == $wpid'
	expect_params "mount >" "$ENTER" '{flags: "RDONLY|NOSUID"}'
	expect_params "mount <" "$EXIT" '{res: -19, dev: "none", dir: $d, type: "scaplabfs"}'
	pair_by_exit semget '.tid == $wpid'
	expect_params "semget >" "$ENTER" '{key: 6070699, nsems: 2, semflg: "IPC_EXCL"}'
	expect_params "semget <" "$EXIT" '{res: -2}'
}

@test "autofill: semop keeps the first two struct sembuf; semctl's val is SETVAL's alone" {
	local id
	pair_by_exit semget '.tid == $wpid and .params.res >= 0'
	expect_params "semget > (IPC_PRIVATE)" "$ENTER" \
		'{key: 0, nsems: 2, semflg: "IPC_CREAT"}'
	id=$(jq .params.res <<<"$EXIT")
	pair_by_exit semop '.params.nsops == 2'
	expect_params "semop >" "$ENTER" "{semid: $id}"
	expect_params "semop < (2 operations)" "$EXIT" \
		'{res: 0, nsops: 2, sem_num_0: 0, sem_op_0: 1, sem_flg_0: "SEM_UNDO",
		  sem_num_1: 1, sem_op_1: 2, sem_flg_1: "IPC_NOWAIT"}'
	# One operation: no second struct sembuf, three empty params.
	pair_by_exit semop '.params.nsops == 1'
	expect_params "semop < (1 operation)" "$EXIT" \
		'{res: 0, nsops: 1, sem_num_0: 1, sem_op_0: 2, sem_flg_0: "IPC_NOWAIT",
		  sem_num_1: null, sem_op_1: null, sem_flg_1: null}'
	pair_by_exit semctl '.tid == $wpid and .params.res == 7'
	expect_params "semctl > (GETVAL)" "$ENTER" "{semid: $id, semnum: 1, cmd: \"GETVAL\", val: 0}"
	pair_by_enter semctl '.tid == $wpid and .params.cmd == "SETVAL"'
	expect_params "semctl > (SETVAL 7)" "$ENTER" "{semid: $id, semnum: 1, cmd: \"SETVAL\", val: 7}"
	expect_params "semctl < (SETVAL 7)" "$EXIT" '{res: 0}'
	pair_by_enter semctl '.tid == $wpid and .params.cmd == "IPC_RMID"'
	expect_params "semctl > (IPC_RMID)" "$ENTER" "{semid: $id, semnum: 0, cmd: \"IPC_RMID\", val: 0}"
}

@test "autofill: sendfile reads the offset before and after; copy_file_range keeps the pointers" {
	pair_by_exit sendfile '.tid == $wpid'
	expect_params "sendfile >" "$ENTER" '{out_fd: (.out_fd), in_fd: ($ENV.AFFD | tonumber), offset: 2, size: 5}' \
		out_fd '. > ($ENV.AFFD | tonumber)'
	expect_params "sendfile <" "$EXIT" '{res: 5, offset: 7}'
	pair_by_exit copy_file_range '.tid == $wpid'
	expect_params "copy_file_range >" "$ENTER" '{fdin: ($ENV.AFFD | tonumber), offin: 0, len: 3}'
	expect_params "copy_file_range <" "$EXIT" '{res: 2, fdout: (.fdout), offout: 0}' \
		fdout '. > ($ENV.AFFD | tonumber)'
}

@test "autofill: getresuid and getresgid read the ids the kernel wrote back" {
	pair_by_exit getresuid '.tid == $wpid'
	expect_params "getresuid <" "$EXIT" '{res: 0, ruid: 0, euid: 0, suid: 0}'
	pair_by_exit getresgid '.tid == $wpid'
	expect_params "getresgid <" "$EXIT" '{res: 0, rgid: 0, egid: 0, sgid: 0}'
}

@test "autofill: getrlimit, setrlimit, prlimit read struct rlimit; a failed getrlimit has none" {
	local cur max
	pair_by_exit getrlimit '.tid == $wpid and .params.res == 0'
	expect_params "getrlimit >" "$ENTER" '{resource: "RLIMIT_NOFILE"}'
	expect_params "getrlimit <" "$EXIT" '{res: 0, cur: (.cur), max: (.max)}' cur '. > 0' max '. > 0'
	cur=$(jq .params.cur <<<"$EXIT")
	max=$(jq .params.max <<<"$EXIT")
	pair_by_exit setrlimit '.tid == $wpid'
	expect_params "setrlimit >" "$ENTER" '{resource: "RLIMIT_NOFILE"}'
	expect_params "setrlimit <" "$EXIT" "{res: 0, cur: $cur, max: $max}"
	pair_by_exit getrlimit '.tid == $wpid and .params.res != 0'
	expect_params "getrlimit(999) >" "$ENTER" '{resource: "RLIMIT_UNKNOWN"}'
	expect_params "getrlimit(999) <" "$EXIT" '{res: -22, cur: null, max: null}'
	pair_by_enter prlimit '.tid == $wpid and .params.resource == "RLIMIT_NOFILE"'
	expect_params "prlimit >" "$ENTER" '{pid: 0, resource: "RLIMIT_NOFILE"}'
	expect_params "prlimit <" "$EXIT" "{res: 0, newcur: null, newmax: null, oldcur: $cur, oldmax: $max}"
}

@test "autofill: nanosleep's interval in nanoseconds; brk(0) with the memory sizes" {
	pair_by_exit nanosleep '.tid == $wpid'
	expect_params "nanosleep >" "$ENTER" '{interval: 1000}'
	expect_params "nanosleep <" "$EXIT" '{res: 0}'
	pair_by_exit brk '.tid == $wpid and .params.res > 0' "$AF_OPENED"
	expect_params "brk >" "$ENTER" '{addr: 0}'
	expect_params "brk <" "$EXIT" '{res: (.res), vm_size: (.vm_size), vm_rss: (.vm_rss), vm_swap: 0}' \
		res '. > 0' vm_size '. > 0' vm_rss '. > 0 and . <= $p.vm_size'
}

@test "autofill: the state follows the new fds: fcntl(F_DUPFD_CLOEXEC), eventfd, inotify, timerfd" {
	# scap-open's libsinsp (userspace/libsinsp/sinsp_parse_fds.c) names each
	# fd at its close: 40 is af_file's copy, the others are typed, unnamed.
	local closes
	closes=$(jq_events -c '[.[] | select(.tid == $wpid and .name == "close" and .dir == ">")
		| .resolved.fd // "(unknown)"]')
	echo "the workload's closes, in order: $closes"
	jq -e --arg d "$D" 'index("<f>" + $d + "/af_file") != null' <<<"$closes" >/dev/null ||
		fail "no close of af_file resolved"
	jq -e 'map(select(. == "<e>" or . == "<i>" or . == "<t>")) == ["<e>", "<i>", "<t>"]' \
		<<<"$closes" >/dev/null ||
		fail "the eventfd, inotify and timerfd closes are not typed <e>, <i>, <t>: the fd table missed their creation"
	pair_by_enter close '.tid == $wpid and .params.fd == 40'
	[[ $(jq -r '.resolved.fd' <<<"$ENTER") == "<f>$D/af_file" ]] ||
		fail "close(40) does not name af_file: fcntl's F_DUPFD_CLOEXEC copy was not followed"
}
