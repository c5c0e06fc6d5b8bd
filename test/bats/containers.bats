#!/usr/bin/env bats
# Containers without a container runtime: a process is moved into a
# cgroup named as a runtime names its containers' (docker, podman,
# containerd, cri-o), then runs `unshare --pid --fork --mount-proc`, as a
# container's first process does. container.id, container.type and
# proc.vpid must say so (userspace/libsinsp/sinsp_container.c; vpid and
# vtid are clone's exit params).
#
#   make -f test/test.mk bats BATS_FILES=test/bats/containers.bats
#
# The cgroups are made under one hierarchy: cgroup v2's root, or v1's cpu
# one, and removed after. On cgroup v2 each level enables the pids
# controller for the next, as a runtime enables its controllers: the
# drivers read a task's cgroups controller by controller, and one not
# enabled below the root shows the root.

load helpers

# A container's id: 64 hex digits; the fields show the first 12.
ID=$(echo scaplab-container | sha256sum | cut -c1-64)
SHORT=${ID:0:12}
FORMAT='%evt.type %proc.name %container.id %container.type %proc.vpid %thread.vtid %proc.pid'

# With --kmod: the module, and the kernel log scanned from here (helpers.bash).
setup_file() {
	if declare -F kmod_load >/dev/null; then
		dmesg_mark "$BATS_TEST_FILENAME"
		kmod_load
	fi
}

setup() {
	require_tools
	command -v unshare >/dev/null || fail "unshare is missing (util-linux)"
	if [[ -e /sys/fs/cgroup/cgroup.controllers ]]; then
		CG_ROOT=/sys/fs/cgroup
	elif [[ -d /sys/fs/cgroup/cpu ]]; then
		CG_ROOT=/sys/fs/cgroup/cpu
	else
		fail "no cgroup hierarchy to make a container's cgroup in (/sys/fs/cgroup)"
	fi
	MADE=()
}

teardown() {
	local i
	# Deepest first; a cgroup is removed once its processes are gone.
	for ((i = ${#MADE[@]} - 1; i >= 0; i--)); do
		rmdir "${MADE[$i]}" 2>/dev/null || true
	done
}

# make_cgroup PATH: PATH under CG_ROOT, with its parents, all removed after.
make_cgroup() {
	local dir=$CG_ROOT part
	IFS=/ read -ra parts <<<"${1#/}"
	for part in "${parts[@]}"; do
		dir+=/$part
		[[ -d $dir ]] && continue
		if [[ $CG_ROOT == /sys/fs/cgroup ]]; then
			grep -qw pids "${dir%/*}/cgroup.subtree_control" ||
				echo +pids >"${dir%/*}/cgroup.subtree_control" ||
				fail "cannot enable the pids controller below ${dir%/*}"
		fi
		mkdir "$dir" || fail "cannot make the cgroup $dir"
		MADE+=("$dir")
	done
	CG=$dir
}

# run_in CGROUP COMMAND...: capture COMMAND run in CGROUP (or none if
# CGROUP is -), printing FORMAT for the exits of execve and clone, into OUT.
run_in() {
	local cg=$1
	shift
	local enter=""
	[[ $cg == - ]] || { make_cgroup "$cg"; enter="echo \$\$ > $CG/cgroup.procs && "; }
	OUT=$("$SCAP_OPEN" ${SCAP_OPEN_ARGS:-} -p "$FORMAT" \
		'evt.type in (execve, clone) and evt.dir = < and evt.rawres >= 0' -- \
		sh -c "${enter}exec \"\$@\"" sh "$@" 2>"$BATS_TEST_TMPDIR/err") ||
		fail "scap-open failed: $(cat "$BATS_TEST_TMPDIR/err")"
	echo "$OUT"
}

# expect_last PROC EXPECTED: the last exit event of a PROC process: its
# fields after the process name, as many as EXPECTED has words
# (container.id container.type proc.vpid thread.vtid).
expect_last() {
	local got n
	n=$(wc -w <<<"$2")
	got=$(awk -v p="$1" '$2 == p' <<<"$OUT" | tail -n 1 | cut -d' ' -f"3-$((n + 2))")
	expect_equal "$1: the first $n of container.id container.type proc.vpid thread.vtid" "$got" "$2"
}

# in_container CGROUP TYPE: true, run in CGROUP as a container's first process.
in_container() {
	run_in "$1" unshare --pid --fork --mount-proc /bin/sh -c 'exec true'
	expect_last true "$SHORT $2 1 1"
}

@test "containers: a process in no container is on the host, its vpid its pid" {
	run_in - /bin/sh -c 'exec true'
	local line
	line=$(awk '$2 == "true"' <<<"$OUT" | tail -n 1)
	read -r _ _ cid ctype vpid vtid pid <<<"$line"
	expect_equal "container.id container.type" "$cid $ctype" "host host"
	expect_equal "proc.vpid = proc.pid" "$vpid" "$pid"
}

@test "containers: docker, cgroupfs driver: /docker/ID" {
	in_container "/docker/$ID" docker
}

@test "containers: docker, systemd driver: /system.slice/docker-ID.scope" {
	in_container "/system.slice/docker-$ID.scope" docker
}

@test "containers: podman: /machine.slice/libpod-ID.scope/container" {
	in_container "/machine.slice/libpod-$ID.scope/container" podman
}

@test "containers: podman, cgroupfs: /libpod_parent/libpod-ID" {
	in_container "/libpod_parent/libpod-$ID" podman
}

@test "containers: containerd under kubelet, systemd: kubepods-besteffort.slice/cri-containerd-ID.scope" {
	in_container "/kubepods.slice/kubepods-besteffort.slice/cri-containerd-$ID.scope" containerd
}

@test "containers: containerd under kubelet, cgroupfs: /kubepods/besteffort/podUID/ID" {
	in_container "/kubepods/besteffort/pod0ab1c2d3-0000-4000-8000-000000000001/$ID" containerd
}

@test "containers: cri-o: /kubepods.slice/crio-ID.scope" {
	in_container "/kubepods.slice/crio-$ID.scope" cri-o
}

@test "containers: a name that only looks like an id is no container: 63 digits, capitals, no runtime" {
	run_in "/docker/${ID:1}" unshare --pid --fork --mount-proc /bin/sh -c 'exec true'
	expect_last true "host host 1 1"
	run_in "/docker/${ID^^}" /bin/sh -c 'exec true'
	expect_last true "host host"
	run_in "/some.slice/$ID" /bin/sh -c 'exec true'
	expect_last true "host host"
}

@test "containers: nested pid namespaces: each first process is vpid 1 in its own" {
	run_in "/docker/$ID" unshare --pid --fork --mount-proc \
		/bin/sh -c 'exec unshare --pid --fork --mount-proc /bin/sh -c "exec true"'
	# The outer namespace's first process execs unshare: vpid 1; so is the inner one's, true.
	[[ $(awk '$1 == "execve" && $2 == "unshare" && $5 == 1' <<<"$OUT" | wc -l) -ge 1 ]] ||
		fail "no unshare at vpid 1 in the outer namespace"
	expect_last true "$SHORT docker 1 1"
	local pids
	pids=$(awk '$1 == "execve" && $5 == 1 {print $7}' <<<"$OUT" | sort -u | wc -l)
	expect_equal "processes that are vpid 1 (one per namespace)" "$pids" 2
}

@test "containers: a container's process that ran before the capture: its cgroup from /proc" {
	make_cgroup "/docker/$ID"
	# Out of bats' fds, or bats would wait for it.
	sh -c "echo \$\$ > $CG/cgroup.procs && exec unshare --pid --fork sh -c 'while :; do cat /dev/null; sleep 0.1; done'" \
		</dev/null >/dev/null 2>&1 3>&- &
	sleep 0.5
	# The loop's sh waits for each cat: wait4 has no event of its own, so
	# no cgroups param; what the state knows of sh, it read from /proc.
	OUT=$("$SCAP_OPEN" ${SCAP_OPEN_ARGS:-} --duration 1.5 -p "$FORMAT" \
		'evt.type = wait4 and evt.dir = < and proc.name = sh' 2>"$BATS_TEST_TMPDIR/err")
	# Its first process is pid 1 of its namespace, deaf to all but SIGKILL;
	# the rest die with it. A cat listed may be gone by the kill: no error.
	xargs -r kill -9 <"$CG/cgroup.procs" 2>/dev/null || true
	wait
	echo "$OUT"
	[[ -n $OUT ]] || fail "no wait4 of the loop's sh captured: $(cat "$BATS_TEST_TMPDIR/err")"
	expect_last sh "$SHORT docker 1 1"
}
