#!/usr/bin/env bats
# Process syscalls: `workload proc` (test/workload/workload.c, do_proc):
# kill(getpid(), 0); fork, vfork, clone, clone3 children exiting 11, 12, 13,
# 14; an execve of a missing file; execve and execveat of /bin/true with
# argv {"scaplab-true", "arg-one", "arg two"} and envp {"SCAPLAB_WORKLOAD=1"}.
#
# The clone family's exit event comes twice, once in the parent (res = the
# child's pid) and once in the child (res = 0); each test checks both. The
# 20 exit params are Falco's (driver/event_table.c, CLONE_EXIT_PARAMS and
# EXECVE_EXIT_PARAMS); the values follow Falco's 2022 driver:
#   exe, args   argv[0], and the other args each ending in a NUL
#   cwd         the process's working directory (Falco's 2022 driver pushes
#               it empty; ours collect it)
#   vm_rss      >= 0 only: the kernel's RSS counters are per-CPU and read
#               approximately, so a new process may still show 0
#   flags       the clone flags given; fork and vfork give none: "0"
#   execve's    env (envp, each ending in a NUL), tty, pgid, loginuid as the
#               process inherited them; flags EXE_WRITABLE when the caller
#               may write the executable (root may)
#
#   make -f test/test.mk bats BATS_FILES=test/bats/process.bats

# guest-suite: checks on the host. Its tests only read captures: in a run
# on the guest kernel, test/guest-suite.sh runs them outside the guest.
load helpers

setup_file() {
	capture proc proc
}

setup() {
	use_capture proc
}

# Predicates shared by the clone and execve exit events.
CGROUPS_PRED='type == "string" and test("^([a-z_,]+=/[^\u0000]*\u0000)+$")'

# expect_clone_exit WHAT EVENT RES TID PID PTID COMM FLAGS: the 20 params of
# a clone, fork, vfork or clone3 exit event of the workload (args "proc").
expect_clone_exit() {
	local what=$1 ev=$2
	export RES=$3 TID=$4 PID=$5 PTID=$6 COMM=$7 FLAGS=$8
	expect_params "$what" "$ev" \
		'{res: ($ENV.RES | tonumber), exe: $ENV.WORKLOAD, args: "proc\u0000",
		  tid: ($ENV.TID | tonumber), pid: ($ENV.PID | tonumber), ptid: ($ENV.PTID | tonumber),
		  cwd: $ENV.CWD, fdlimit: ($ENV.NOFILE | tonumber), pgft_maj: null, pgft_min: null,
		  vm_size: null, vm_rss: null, vm_swap: null, comm: $ENV.COMM, cgroups: null,
		  flags: $ENV.FLAGS, uid: 0, gid: 0,
		  vtid: ($ENV.TID | tonumber), vpid: ($ENV.PID | tonumber)}' \
		pgft_maj '. >= 0' pgft_min '. >= 0' \
		vm_size '. > 0' vm_rss '. >= 0 and . <= $p.vm_size' vm_swap '. >= 0' cgroups "$CGROUPS_PRED"
}

# check_clone NAME EXIT_CODE FLAGS: the parent's and the child's exit
# events of the first NAME call, and the child's procexit.
check_clone() {
	local name=$1 code=$2 flags=$3 child parent_exit
	pair_by_exit "$name" '.tid == $wpid and .params.res > 0'
	expect_params "$name > (parent)" "$ENTER" '{}'
	parent_exit=$EXIT
	child=$(jq .params.res <<<"$parent_exit")
	expect_clone_exit "$name < (parent)" "$parent_exit" "$child" "$WPID" "$WPID" \
		"$SCAP_PID" workload "$flags"
	expect_pid "$name < (parent)" "$parent_exit" "$WPID"

	# The child's side: the first event of the child's thread, no enter before it.
	EXIT=$(jq_events -c --argjson c "$child" '[.[] | select(.tid == $c)][0]')
	expect_dedicated "the first event of child $child" "$EXIT"
	expect_equal "the first event of child $child" "$(jq -r '.dir + " " + .name' <<<"$EXIT")" \
		"< $name"
	expect_clone_exit "$name < (child)" "$EXIT" 0 "$child" "$child" "$WPID" workload "$flags"
	expect_pid "$name < (child)" "$EXIT" "$child"

	EXIT=$(jq_events -c --argjson c "$child" '[.[] | select(.tid == $c and .name == "procexit")][0]')
	expect_params "procexit of child $child" "$EXIT" \
		"{status: $((code << 8)), ret: $code, sig: 0, core: 0}"
}

@test "process: kill(getpid(), 0)" {
	pair_by_enter kill '.params.pid == $wpid'
	expect_params "kill >" "$ENTER" '{pid: $wpid, sig: 0}'
	expect_params "kill <" "$EXIT" '{res: 0}'
	expect_pid "kill <" "$EXIT" "$WPID"
}

@test "process: fork() in the parent and in the child, which exits 11" {
	check_clone fork 11 0
}

@test "process: vfork() in the parent and in the child, which exits 12" {
	check_clone vfork 12 0
}

@test "process: clone(CLONE_PARENT_SETTID|SIGCHLD) in both, the child exits 13" {
	check_clone clone 13 CLONE_PARENT_SETTID
}

@test "process: clone3({CLONE_CHILD_CLEARTID, SIGCHLD}) in both, the child exits 14" {
	check_clone clone3 14 CLONE_CHILD_CLEARTID
}

# expect_execve_exit WHAT EVENT RES TID PID COMM: the 20 params of an
# execve or execveat exit event with the workload's argv and envp.
expect_execve_exit() {
	local what=$1 ev=$2
	export RES=$3 TID=$4 PID=$5 PTID=$6 COMM=$7
	expect_params "$what" "$ev" \
		'{res: ($ENV.RES | tonumber), exe: "scaplab-true", args: "arg-one\u0000arg two\u0000",
		  tid: ($ENV.TID | tonumber), pid: ($ENV.PID | tonumber), ptid: ($ENV.PTID | tonumber),
		  cwd: $ENV.CWD, fdlimit: ($ENV.NOFILE | tonumber), pgft_maj: null, pgft_min: null,
		  vm_size: null, vm_rss: null, vm_swap: null, comm: $ENV.COMM, cgroups: null,
		  env: "SCAPLAB_WORKLOAD=1\u0000", tty: ($ENV.TTY_NR | tonumber),
		  pgid: ($ENV.PGRP | tonumber), loginuid: ($ENV.LOGINUID | tonumber),
		  flags: "EXE_WRITABLE"}' \
		pgft_maj '. >= 0' pgft_min '. >= 0' \
		vm_size '. > 0' vm_rss '. >= 0 and . <= $p.vm_size' vm_swap '. >= 0' cgroups "$CGROUPS_PRED"
}

@test "process: the workload's own execve (its exe, args, parent and comm)" {
	# The first execve: scap-open's child becoming the workload.
	EXIT=$(jq_events -c '[.[] | select(.name == "execve" and .dir == "<")][0]')
	expect_dedicated "execve < (the workload)" "$EXIT"
	export WORKLOAD
	expect_params "execve < (the workload)" "$EXIT" \
		'{res: 0, exe: $ENV.WORKLOAD, args: "proc\u0000", tid: $wpid, pid: $wpid,
		  ptid: ($ENV.SCAP_PID | tonumber), cwd: $ENV.CWD, fdlimit: ($ENV.NOFILE | tonumber),
		  pgft_maj: null, pgft_min: null, vm_size: null, vm_rss: null, vm_swap: null,
		  comm: "workload", cgroups: null, env: null, tty: ($ENV.TTY_NR | tonumber),
		  pgid: ($ENV.PGRP | tonumber), loginuid: ($ENV.LOGINUID | tonumber),
		  flags: "EXE_WRITABLE"}' \
		pgft_maj '. >= 0' pgft_min '. >= 0' \
		vm_size '. > 0' vm_rss '. >= 0 and . <= $p.vm_size' vm_swap '. >= 0' cgroups "$CGROUPS_PRED" \
		env 'type == "string" and endswith("\u0000")'
	expect_equal "the execve's comm key" "$(jq -r .comm <<<"$EXIT")" workload
	EXIT=$(jq_events -c '[.[] | select(.name == "procexit" and .tid == $wpid)][0]')
	expect_params "procexit of the workload" "$EXIT" '{status: 0, ret: 0, sig: 0, core: 0}'
}

@test "process: execve(\"/nonexistent/scaplab-missing\") = -ENOENT keeps argv and envp" {
	export WORKLOAD
	pair_by_exit execve '.params.res == -2'
	expect_params "execve >" "$ENTER" '{filename: "/nonexistent/scaplab-missing"}'
	# A failed execve: exe, args and env come from the call's arguments.
	expect_execve_exit "execve <" "$EXIT" -2 "$WPID" "$WPID" "$SCAP_PID" workload
	expect_pid "execve <" "$EXIT" "$WPID"
}

@test "process: execve(\"/bin/true\", {\"scaplab-true\", \"arg-one\", \"arg two\"}) in a child" {
	local child
	pair_by_exit fork '.tid == $wpid and .params.res > 0' \
		"$(jq_events '[.[] | select(.name == "execve" and .params.res == -2)][0].ts // 0')"
	child=$(jq .params.res <<<"$EXIT")
	pair_by_exit execve ".tid == $child and .params.res == 0"
	expect_params "execve >" "$ENTER" '{filename: "/bin/true"}'
	expect_execve_exit "execve <" "$EXIT" 0 "$child" "$child" "$WPID" true
	expect_pid "execve <" "$EXIT" "$child"
	expect_equal "the comm key after the execve" "$(jq -r .comm <<<"$EXIT")" true
}

@test "process: execveat(AT_FDCWD, \"/nonexistent/scaplab-missing\") = -ENOENT" {
	export WORKLOAD
	pair_by_exit execveat '.params.res == -2'
	expect_params "execveat >" "$ENTER" \
		'{dirfd: -100, pathname: "/nonexistent/scaplab-missing", flags: "0"}'
	expect_execve_exit "execveat <" "$EXIT" -2 "$WPID" "$WPID" "$SCAP_PID" workload
	expect_pid "execveat <" "$EXIT" "$WPID"
}

@test "process: execveat(AT_FDCWD, \"/bin/true\", ..., 0) in a child ends in an execve exit" {
	local child
	# After a successful execveat the kernel's sys_exit reports execve's
	# number: the exit event is execve's (see the execveat filler's comment).
	pair_across execveat execve '.params.pathname == "/bin/true"'
	expect_params "execveat >" "$ENTER" '{dirfd: -100, pathname: "/bin/true", flags: "0"}'
	child=$(jq .tid <<<"$ENTER")
	expect_execve_exit "execve < (of the execveat)" "$EXIT" 0 "$child" "$child" "$WPID" true
	expect_pid "execve < (of the execveat)" "$EXIT" "$child"
}
