#!/usr/bin/env bats
# scaplab-monitor (userspace/monitor/) with the starter rules
# (userspace/monitor/rules/scaplab_rules.yaml): live, each rule fires on
# a workload made to raise it and stays silent on one that must not; a
# capture file gives the same alert; a bad rules file is refused with its
# file and line.
#
#   make -f test/test.mk bats BATS_FILES=test/bats/monitor.bats

bats_require_minimum_version 1.5.0
load helpers

MONITOR=$REPO_ROOT/build/scaplab-monitor
RULES=$REPO_ROOT/userspace/monitor/rules/scaplab_rules.yaml

# pid_of FILE COMMAND...: run it, put its pid in $T/FILE, wait for it alone
# (a bare `wait` would wait for the monitor too).
pid_of() {
	local file=$1 pid
	shift
	"$@" >/dev/null 2>&1 &
	pid=$!
	echo "$pid" >"$T/$file"
	wait "$pid" || true
}

# Every scenario runs once, under one monitor; the tests read its alerts.
setup_file() {
	local d
	export T=$BATS_FILE_TMPDIR MARK=scaplab-mon-$$
	# Under /tmp, whatever TMPDIR says: the rule watches /tmp.
	d=$(mktemp -d /tmp/scaplab-monitor.XXXXXX)
	echo "$d" >"$T/dropdir"
	"$MONITOR" --json "$RULES" >"$T/alerts" 2>"$T/err" &
	echo $! >"$T/monitor.pid"
	for _ in $(seq 200); do
		grep -q watching "$T/err" && break
		sleep 0.1
	done
	# 1. shell by a non-shell (xargs), and by a shell.
	echo x | xargs sh -c "true $MARK-shell"
	bash -c "sh -c 'true $MARK-noshell'; true"
	# 2. a write below /etc, and one elsewhere.
	touch "/etc/$MARK" && rm -f "/etc/$MARK"
	touch "$T/$MARK-notetc"
	# 3. /etc/shadow read, and /etc/hostname.
	pid_of shadow.pid cat /etc/shadow
	pid_of hostname.pid cat /etc/hostname
	# 4. ptrace, and a process that does not.
	pid_of ptrace.pid "$WORKLOAD" ptrace
	pid_of noptrace.pid "$WORKLOAD" proc
	# 5. a shell that connects out, and a program that may.
	pid_of connect.pid bash -c 'exec 3<>/dev/tcp/127.0.0.1/9'
	mkdir -p "$T/net"
	pid_of net.pid "$WORKLOAD" net "$T/net"
	# 6. a file renamed over a binary in /usr/bin, and one renamed in a temp folder.
	cp /bin/true "/usr/bin/$MARK.new" && mv "/usr/bin/$MARK.new" "/usr/bin/$MARK"
	rm -f "/usr/bin/$MARK"
	cp /bin/true "$T/$MARK.new" && mv "$T/$MARK.new" "$T/$MARK"
	# 7. a program run from /tmp, and one from /usr/bin.
	cp /bin/true "$d/$MARK-dropper" && "$d/$MARK-dropper"
	pid_of true.pid /bin/true
	sleep 1
	kill -INT "$(cat "$T/monitor.pid")"
	wait_bounded "$(cat "$T/monitor.pid")" 30 "$T/stopped" || true
	rm -rf "$d"
}

setup() {
	grep -q watching "$T/err" || { cat "$T/err"; fail "the monitor did not start"; }
}

# alerts RULE PATTERN: how many alerts of RULE have an output matching PATTERN.
alerts() {
	jq -r --arg rule "$1" 'select(.rule == $rule) | .output' "$T/alerts" | grep -c -- "$2" || true
}

@test "monitor: Shell spawned by a non-shell: xargs sh fires, bash sh does not" {
	expect_equal "alerts for xargs' sh" "$(alerts 'Shell spawned by a non-shell' "parent=xargs cmdline=sh -c true $MARK-shell")" 1
	expect_equal "alerts for bash's sh" "$(alerts 'Shell spawned by a non-shell' "$MARK-noshell")" 0
}

@test "monitor: Write below /etc: touch /etc/X fires, touch /tmp/X does not" {
	expect_equal "alerts for /etc/$MARK" "$(alerts 'Write below /etc' "file=/etc/$MARK ")" 1
	expect_equal "alerts for the temp file" "$(alerts 'Write below /etc' "$MARK-notetc")" 0
}

@test "monitor: Read of /etc/shadow: cat /etc/shadow fires, cat /etc/hostname does not" {
	expect_equal "alerts for cat /etc/shadow" \
		"$(alerts 'Read of /etc/shadow' "command=cat /etc/shadow .*pid=$(cat "$T/shadow.pid") ")" 1
	expect_equal "alerts of any rule for cat /etc/hostname" \
		"$(jq -r '.output' "$T/alerts" | grep -c "pid=$(cat "$T/hostname.pid")[ )]" || true)" 0
}

@test "monitor: Ptrace by a non-debugger: PTRACE_ATTACH fires, its DETACH and a process without ptrace do not" {
	# Attach and detach: two ptrace calls, one alert, which names the request.
	expect_equal "alerts for workload ptrace" \
		"$(alerts 'Ptrace by a non-debugger' "request=PTRACE_ATTACH target=[0-9][0-9]* .*pid=$(cat "$T/ptrace.pid") ")" 1
	expect_equal "all the alerts for workload ptrace" \
		"$(alerts 'Ptrace by a non-debugger' "pid=$(cat "$T/ptrace.pid") ")" 1
	expect_equal "alerts for workload proc" \
		"$(alerts 'Ptrace by a non-debugger' "pid=$(cat "$T/noptrace.pid") ")" 0
}

@test "monitor: Outbound connection from a program that never connects: bash's /dev/tcp fires, the workload's does not" {
	expect_equal "alerts for bash" \
		"$(alerts 'Outbound connection from a program that never connects' "pid=$(cat "$T/connect.pid"))")" 1
	expect_equal "alerts for workload net" \
		"$(alerts 'Outbound connection from a program that never connects' "pid=$(cat "$T/net.pid"))")" 0
}

@test "monitor: File renamed over a binary: mv into /usr/bin fires, mv in a temp folder does not" {
	expect_equal "alerts for /usr/bin/$MARK" "$(alerts 'File renamed over a binary' "to=/usr/bin/$MARK ")" 1
	expect_equal "alerts for $T/$MARK" "$(alerts 'File renamed over a binary' "to=$T/$MARK ")" 0
}

@test "monitor: Program run from /tmp or /dev/shm: a copied binary in /tmp fires, /bin/true does not" {
	expect_equal "alerts for the dropper" \
		"$(alerts 'Program run from /tmp or /dev/shm' "file=/tmp/.*/$MARK-dropper ")" 1
	expect_equal "alerts for /bin/true" \
		"$(alerts 'Program run from /tmp or /dev/shm' "pid=$(cat "$T/true.pid"))")" 0
}

@test "monitor: an alert's JSON has the rule, the priority and every output field" {
	local a
	a=$(jq -c 'select(.rule == "Read of /etc/shadow" and (.output | contains("command=cat /etc/shadow")))' "$T/alerts" | head -1)
	echo "$a"
	expect_equal "priority" "$(jq -r .priority <<<"$a")" Warning
	expect_equal "fields" "$(jq -c '.output_fields | [.["proc.cmdline"], .["proc.pid"]]' <<<"$a")" \
		"[\"cat /etc/shadow\",$(cat "$T/shadow.pid")]"
	[[ $(jq -r .time <<<"$a") =~ ^20[0-9-]+T[0-9:]+\.[0-9]{9}Z$ ]] || fail "time: $(jq -r .time <<<"$a")"
}

@test "monitor: a capture file gives the alert a live capture gives" {
	"$SCAP_OPEN" ${SCAP_OPEN_ARGS:-} -w "$T/shadow.scap" -- cat /etc/shadow >/dev/null 2>&1
	run --separate-stderr "$MONITOR" -r "$T/shadow.scap" "$RULES"
	expect_equal "exit status" "$status" 0
	[[ $output == *": Warning /etc/shadow read (command=cat /etc/shadow parent=scap-open "* ]] ||
		fail "output: $output"
	expect_equal "alerts" "${#lines[@]}" 1
}

@test "monitor: a bad rules file is refused with its file, line and a caret, exit 2" {
	local f=$BATS_TEST_TMPDIR/bad.yaml
	printf -- '- rule: r\n  condition: [unclosed\n' >"$f"
	run --separate-stderr "$MONITOR" --validate "$f"
	expect_equal "exit status (YAML)" "$status" 2
	[[ $stderr == "scaplab-monitor: $f:3: not YAML"* ]] || fail "stderr: $stderr"
	printf -- '- macro: m\n  condition: proc.name = cat\n- rule: r\n  desc: d\n  output: o\n' >"$f"
	run --separate-stderr "$MONITOR" --validate "$f"
	expect_equal "exit status (no condition)" "$status" 2
	expect_equal "stderr (no condition)" "$stderr" "scaplab-monitor: $f:3: rule has no condition"
	printf -- '- macro: m\n  condition: proc.name = cat\n- rule: r\n  condition: m and and fd.name = x\n  output: o\n' >"$f"
	run --separate-stderr "$MONITOR" --validate "$f"
	expect_equal "exit status (condition)" "$status" 2
	expect_equal "stderr (condition)" "$stderr" "scaplab-monitor: $f:3: rule 'r': bad condition (macros and lists replaced), at character 23:
  (proc.name = cat) and and fd.name = x
                        ^ expected a check before this and/or"
	printf -- '- rule: r\n  condition: proc.name = cat\n  output: o\n  priority: LOUD\n' >"$f"
	run --separate-stderr "$MONITOR" --validate "$f"
	expect_equal "exit status (priority)" "$status" 2
	[[ $stderr == "scaplab-monitor: $f:4: rule 'r': priority 'LOUD' is not one of"* ]] || fail "stderr: $stderr"
	printf -- '- macro: a\n  condition: b\n- macro: b\n  condition: not a\n- rule: r\n  condition: a\n  output: o\n' >"$f"
	run --separate-stderr "$MONITOR" --validate "$f"
	expect_equal "exit status (a macro loop)" "$status" 2
	[[ $stderr == "scaplab-monitor: $f:5: rule 'r': macro '"?"' ($f:"?") names itself"* ]] || fail "stderr: $stderr"
	run --separate-stderr "$MONITOR" --validate "$RULES"
	expect_equal "exit status (the starter rules)" "$status" 0
}
