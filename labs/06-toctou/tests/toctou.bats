#!/usr/bin/env bats
# Lab 06, TOCTOU: graded checks. Run them with `make grade LAB=6`.
#
# One capture of labs/06-toctou/tests/race.c: ordinary open, openat and
# connect calls, then the same three syscalls made by a victim thread whose
# argument the main thread rewrites (A -> B) while the call sleeps in the
# kernel. race writes what it saw to DIR/report.json, one line per call:
# the tests check that mechanism first, then the events.

load ../../tools/lab_helpers

EXERCISE_CODE=([06.1]="open_e in modern_bpf/programs/tail_called/events/syscall_dispatched_events/open.bpf.c"
	[06.2]="openat_e in modern_bpf/programs/tail_called/events/syscall_dispatched_events/openat.bpf.c"
	[06.3]="connect_e in modern_bpf/programs/tail_called/events/syscall_dispatched_events/connect.bpf.c")

BPF_EVENTS=modern_bpf/programs/tail_called/events/syscall_dispatched_events

setup_file() {
	fresh_dir lab06-race
	lab_capture lab06-race race "$D"
}

setup() {
	use_capture lab06-race
}

# report CALL: race's report line for CALL (plain, open, openat, connect).
report() {
	[[ -s $D/report.json ]] || fail "race wrote no report ($D/report.json): did it run?"
	jq -c --arg c "$1" 'select(.call == $c)' "$D/report.json"
}

# expect_blocked CALL NR: race rewrote CALL's buffer while its victim
# thread slept in syscall NR with that buffer as its argument. Exports
# VICTIM (the thread's tid) and R (the report line).
expect_blocked() {
	R=$(report "$1")
	[[ -n $R ]] || fail "race's report has no line for $1"
	echo "race's report for $1: $R"
	[[ $(jq --argjson nr "$2" '.blocked.syscall == $nr and .blocked.state == "S"' <<<"$R") == true ]] ||
		fail "the victim was not asleep in syscall $2 when race rewrote its buffer: this check cannot tell anything"
	VICTIM=$(jq .tid <<<"$R")
	export VICTIM R
}

# expect_reread WHAT GOT WANT: the exit event's re-read shows the new
# buffer, proof that it changed while the call was in the kernel.
expect_reread() {
	echo "$1 (read again at exit): $2"
	[[ $2 == "$3" ]] || fail "$1 is $2, not $3: the buffer did not change during the call (or the exit filler no longer re-reads it), so this check cannot tell anything"
}

# explain_enter WHAT GOT A B WHERE: if the enter event's value GOT is not
# A, say what it tells about the enter filler (in WHERE) before the
# parameter table does.
explain_enter() {
	local what=$1 got=$2 a=$3 b=$4 where=$5
	case $got in
	"$a") ;;
	"" | null)
		echo ">>> $what shows <empty>: $where does not read it yet (it stores an empty param),"
		echo ">>> or its read failed. scap-open's count of failed reads (a wrong argument? kernel memory?):"
		echo ">>>   $(grep -o 'params unreadable: [0-9]*' "$CAPTURE_ERR")" ;;
	"$b")
		echo ">>> $what shows B, the buffer as the attacker left it. The enter event must copy the"
		echo ">>> argument before the syscall runs, while it still holds what the kernel will use ($where)." ;;
	*)
		echo ">>> $what shows neither A ($a) nor B ($b): does $where read the right syscall argument, all of it?" ;;
	esac
}

@test "06.1 [2 pts] open(DIR/plain-open, O_WRONLY|O_CREAT|O_TRUNC, 0640): the enter event has the path" {
	pair_by_exit open '.params.name == $d + "/plain-open"'
	explain_enter "the enter event's name" "$(jq -r .params.name <<<"$ENTER")" "$D/plain-open" "" \
		"open_e ($BPF_EVENTS/open.bpf.c)"
	expect_params "open >" "$ENTER" '{name: ($d + "/plain-open"), flags: "O_TRUNC|O_CREAT|O_WRONLY", mode: 416}'
	expect_pid "open >" "$ENTER" "$WPID"
}

@test "06.1 [4 pts] open(A.fifo) rewritten to B.file while it blocks: the enter event names A, the file opened" {
	expect_blocked open 2
	[[ $(jq -r .opened <<<"$R") == A ]] || fail "the fd the victim got is not A.fifo (fstat): the race went wrong"
	pair_by_enter open '.tid == ($ENV.VICTIM | tonumber)'
	expect_reread "the exit event's name" "$(jq -r .params.name <<<"$EXIT")" "$D/B.file"
	explain_enter "the enter event's name" "$(jq -r .params.name <<<"$ENTER")" "$D/A.fifo" "$D/B.file" \
		"open_e ($BPF_EVENTS/open.bpf.c)"
	expect_params "open > (the victim's)" "$ENTER" '{name: ($d + "/A.fifo"), flags: "O_RDONLY|O_CLOEXEC", mode: 0}'
}

@test "06.2 [2 pts] openat(DIR, plain-openat, O_RDWR|O_CREAT|O_EXCL, 0604): the enter event has the path" {
	local dirfd
	dirfd=$(report plain | jq .dirfd)
	pair_by_exit openat '.params.name == "plain-openat"'
	explain_enter "the enter event's name" "$(jq -r .params.name <<<"$ENTER")" plain-openat "" \
		"openat_e ($BPF_EVENTS/openat.bpf.c)"
	expect_params "openat >" "$ENTER" \
		"{dirfd: $dirfd, name: \"plain-openat\", flags: \"O_EXCL|O_CREAT|O_RDWR\", mode: 388}"
	expect_pid "openat >" "$ENTER" "$WPID"
}

@test "06.2 [4 pts] openat(DIR, A.fifo) rewritten to B.file while it blocks: the enter event names A" {
	local dirfd
	expect_blocked openat 257
	[[ $(jq -r .opened <<<"$R") == A ]] || fail "the fd the victim got is not A.fifo (fstat): the race went wrong"
	dirfd=$(jq .dirfd <<<"$R")
	pair_by_enter openat '.tid == ($ENV.VICTIM | tonumber)'
	expect_reread "the exit event's name" "$(jq -r .params.name <<<"$EXIT")" B.file
	explain_enter "the enter event's name" "$(jq -r .params.name <<<"$ENTER")" A.fifo B.file \
		"openat_e ($BPF_EVENTS/openat.bpf.c)"
	expect_params "openat > (the victim's)" "$ENTER" \
		"{dirfd: $dirfd, name: \"A.fifo\", flags: \"O_RDONLY|O_CLOEXEC\", mode: 0}"
}

@test "06.3 [2 pts] connect(127.0.0.1:PORT) has the address in its enter event, connect(-1, ...) none" {
	local fd port
	fd=$(report plain | jq .connect_fd)
	port=$(report plain | jq .port)
	pair_by_exit connect "(.params.tuple // \"\") | endswith(\"->127.0.0.1:$port\")"
	explain_enter "the enter event's addr" "$(jq -r .params.addr <<<"$ENTER")" "127.0.0.1:$port" "" \
		"connect_e ($BPF_EVENTS/connect.bpf.c)"
	expect_params "connect >" "$ENTER" "{fd: $fd, addr: \"127.0.0.1:$port\"}"
	expect_pid "connect >" "$ENTER" "$WPID"
	# The kernel fails a bad fd with EBADF before it copies the address:
	# Falco stores no address then.
	pair_by_enter connect '.params.fd == -1'
	[[ $(jq .params.addr <<<"$ENTER") == null ]] ||
		echo ">>> connect(-1, ...): the kernel never read this address; store an empty param when fd < 0"
	expect_params "connect > (fd -1, EBADF)" "$ENTER" '{fd: -1, addr: null}'
}

@test "06.3 [4 pts] connect(A.sock) rewritten to B.sock while it waits: the enter event names A, the peer" {
	local fd tuple
	expect_blocked connect 42
	[[ $(jq -r .peer <<<"$R") == "$D/A.sock" && $(jq .b_pending <<<"$R") == false ]] ||
		fail "the victim's peer is not A.sock, or B.sock has a connection waiting: the race went wrong"
	fd=$(jq .fd <<<"$R")
	pair_by_enter connect '.tid == ($ENV.VICTIM | tonumber)'
	# The tuple is "server->client PATH"; PATH is the user's sockaddr read
	# again at exit.
	tuple=$(jq -r .params.tuple <<<"$EXIT")
	expect_reread "the path in the exit event's tuple" "${tuple#* }" "$D/B.sock"
	explain_enter "the enter event's addr" "$(jq -r .params.addr <<<"$ENTER")" "$D/A.sock" "$D/B.sock" \
		"connect_e ($BPF_EVENTS/connect.bpf.c)"
	expect_params "connect > (the victim's)" "$ENTER" "{fd: $fd, addr: (\$d + \"/A.sock\")}"
}
