#!/bin/bash
# Lab 03: the command that the grader runs under scap-open.
#
#   scap-open --json -- with_tail_tables.sh OUT PROGRAM ARGS...
#
# While the capture runs, it dumps the two tail tables of the probe that
# scap-open (its parent) loaded, with bpftool, into OUT as
#   {"reader": PID, "wpid": PID, "enter": [{"nr": 257, "prog": "openat_e"}, ...],
#    "exit": [...]}
# and then becomes PROGRAM (exec: same pid, wpid above).
#
# Other probes may be loaded at the same time (another scap-open, another
# lab): the maps are found through scap-open's own file descriptors, in
# /proc/PID/fdinfo, not by name alone.
#
# By hand, with one scap-open running:
#   sudo bpftool map dump name syscall_exit_ta
#   sudo bpftool prog show id ID           (the value of a slot is a program id)

set -euo pipefail

if (($# < 2)); then
	echo "workload: usage: with_tail_tables.sh OUT PROGRAM ARGS..." >&2
	exit 1
fi
out=$1
shift
reader=$PPID

fail() {
	echo "workload: with_tail_tables.sh: $*" >&2
	exit 1
}
# set -e ends the script at a failed command: say where, so that a grade
# never fails with no reason given.
trap 'echo "workload: with_tail_tables.sh: line $LINENO failed (status $?)" >&2' ERR

# The ids of the BPF maps that scap-open holds open. scap-open opens and
# closes other files meanwhile (its thread table reads /proc): an fd that
# the glob listed may be gone when sed reads it, and that is no error.
map_ids=$({ sed -n 's/^map_id:[[:space:]]*//p' /proc/"$reader"/fdinfo/* 2>/dev/null || true; } | sort -un)
[[ -n $map_ids ]] || fail "scap-open (pid $reader) holds no BPF map: is this run under scap-open?"

# Every map and every program of the machine, once: names by id.
maps=$(bpftool map show -j) || fail "bpftool map show failed"
progs=$(bpftool prog show -j) || fail "bpftool prog show failed"

# dump_table NAME: the slots of scap-open's map NAME (the kernel keeps 15
# characters of a map's name) as [{"nr": N, "prog": "name"}]. The value of
# a slot of a BPF_MAP_TYPE_PROG_ARRAY, read from userspace, is a program id.
dump_table() {
	local id slots
	id=$(jq -r --arg name "$1" --argjson ours "[${map_ids//$'\n'/,}]" \
		'.[] | select(.name == $name and (.id as $i | $ours | index($i))) | .id' <<<"$maps")
	[[ $id =~ ^[0-9]+$ ]] || fail "scap-open (pid $reader) has no map named $1"
	slots=$(bpftool map dump id "$id" -j) || fail "bpftool map dump id $id failed"
	jq -c --argjson progs "$progs" '($progs | map({(.id | tostring): .name}) | add) as $name
		| map({nr: .formatted.key, prog: ($name[.formatted.value | tostring] // "?")})' <<<"$slots"
}

enter=$(dump_table syscall_enter_t)
exit_=$(dump_table syscall_exit_ta)
jq -n -c --argjson reader "$reader" --argjson wpid $$ --argjson enter "$enter" \
	--argjson exit "$exit_" '{$reader, $wpid, $enter, $exit}' >"$out"

exec "$@"
