#!/usr/bin/env bats
# Data on sockets: `workload netio DIR` (test/workload/netio.c). Every
# datagram's address is fixed, so every tuple is known:
#   127.0.0.1:47122 -> 127.0.0.1:47121   UDP: sendto, recvfrom, sendmsg, recvmsg
#   [::1]:47124 -> [::1]:47123           UDP: sendto, recvfrom
#   DIR/dgram.cli -> DIR/dgram.srv       AF_UNIX datagrams: sendto, recvfrom
#   a connected socketpair               sendto, recvfrom with no address
#   a pipe                               poll, ppoll
#   a TCP socket                         setsockopt, getsockopt
# A send's tuple is this socket -> the address it names (the enter event);
# a receive's is the sender -> this socket (the exit event). A call that
# names no address has an empty tuple, as in Falco.
#
#   make -f test/test.mk bats BATS_FILES=test/bats/netio.bats

# guest-suite: checks on the host. Its tests only read captures: in a run
# on the guest kernel, test/guest-suite.sh runs them outside the guest.
load helpers

UDP4='127.0.0.1:47122->127.0.0.1:47121'
UDP6='[::1]:47124->[::1]:47123'

setup_file() {
	fresh_dir netio
	capture netio netio "$D"
}

setup() {
	require_capture
}

@test "netio: sendto(client, \"ping-sendto\", 11, 127.0.0.1:47121) has the tuple at enter" {
	bound_fd 127.0.0.1:47122
	pair_by_exit sendto '.params.data == "ping-sendto"'
	expect_dedicated "sendto <" "$EXIT"
	expect_params "sendto >" "$ENTER" "{fd: $FD, size: 11, tuple: \"$UDP4\"}"
	expect_params "sendto <" "$EXIT" '{res: 11, data: "ping-sendto"}'
	expect_pid "sendto <" "$EXIT" "$WPID"
}

@test "netio: recvfrom(server, 64) gets \"ping-sendto\" and the sender's address" {
	bound_fd 127.0.0.1:47121
	pair_by_exit recvfrom '.params.data == "ping-sendto"'
	expect_dedicated "recvfrom <" "$EXIT"
	expect_params "recvfrom >" "$ENTER" "{fd: $FD, size: 64}"
	expect_params "recvfrom <" "$EXIT" "{res: 11, data: \"ping-sendto\", tuple: \"$UDP4\"}"
}

@test "netio: sendmsg(client, [\"ping-\", \"sendmsg\"], msg_name 127.0.0.1:47121)" {
	bound_fd 127.0.0.1:47122
	pair_by_exit sendmsg '.params.res == 12'
	expect_dedicated "sendmsg <" "$EXIT"
	# size: the two iovecs' lengths summed; data: their bytes end to end.
	expect_params "sendmsg >" "$ENTER" "{fd: $FD, size: 12, tuple: \"$UDP4\"}"
	expect_params "sendmsg <" "$EXIT" '{res: 12, data: "ping-sendmsg"}'
}

@test "netio: recvmsg(server, 8 + 64 bytes) gets \"ping-sendmsg\" and msg_name" {
	bound_fd 127.0.0.1:47121
	pair_by_exit recvmsg '.params.res == 12'
	expect_dedicated "recvmsg <" "$EXIT"
	expect_params "recvmsg >" "$ENTER" "{fd: $FD}"
	# size is what was read (readv's rule), not the 72 bytes offered.
	expect_params "recvmsg <" "$EXIT" "{res: 12, size: 12, data: \"ping-sendmsg\", tuple: \"$UDP4\"}"
}

@test "netio: recvmsg(MSG_DONTWAIT) on the empty socket: EAGAIN, size 72, no data, no tuple" {
	bound_fd 127.0.0.1:47121
	pair_by_exit recvmsg '.params.res == -11'
	expect_params "recvmsg > (EAGAIN)" "$ENTER" "{fd: $FD}"
	# After a failure, size is the buffers' total, as for readv.
	expect_params "recvmsg < (EAGAIN)" "$EXIT" '{res: -11, size: 72, data: null, tuple: null}'
}

@test "netio: sendmsg from an unreadable msghdr: EFAULT, the msghdr's params empty, counted" {
	bound_fd 127.0.0.1:47122
	pair_by_exit sendmsg '.params.res == -14'
	expect_params "sendmsg > (EFAULT)" "$ENTER" "{fd: $FD, size: null, tuple: null}"
	expect_params "sendmsg < (EFAULT)" "$EXIT" '{res: -14, data: null}'
	# One unreadable msghdr at enter, one at exit, and setsockopt's
	# unreadable value (the last test): the reader's count.
	grep -q 'params unreadable: 3;' "$CAPTURE_ERR" ||
		fail "expected 'params unreadable: 3' in scap-open's summary: $(grep unreadable "$CAPTURE_ERR")"
}

@test "netio: sendto and recvfrom over [::1]" {
	bound_fd '[::1]:47124'
	pair_by_exit sendto '.params.data == "ping6"'
	expect_params "sendto > (IPv6)" "$ENTER" "{fd: $FD, size: 5, tuple: \"$UDP6\"}"
	expect_params "sendto < (IPv6)" "$EXIT" '{res: 5, data: "ping6"}'
	bound_fd '[::1]:47123'
	pair_by_exit recvfrom '.params.data == "ping6"'
	expect_params "recvfrom > (IPv6)" "$ENTER" "{fd: $FD, size: 64}"
	expect_params "recvfrom < (IPv6)" "$EXIT" "{res: 5, data: \"ping6\", tuple: \"$UDP6\"}"
}

@test "netio: AF_UNIX datagrams: both tuples name DIR/dgram.srv, the receiver's own name" {
	local cli_sock srv_sock
	bound_fd "$D/dgram.cli"
	pair_by_exit sendto '.params.data == "ping-unix"'
	# A unix tuple is [source sock][dest sock] path: kernel addresses, the
	# server's first. An unconnected datagram socket has no peer (0).
	expect_params "sendto > (unix)" "$ENTER" "{fd: $FD, size: 9, tuple: null}" \
		tuple 'test("^0->[0-9a-f]{8,16} " + $d + "/dgram.srv$")'
	expect_params "sendto < (unix)" "$EXIT" '{res: 9, data: "ping-unix"}'
	cli_sock=$(jq -r '.params.tuple | capture("->(?<s>[0-9a-f]+) ").s' <<<"$ENTER")
	bound_fd "$D/dgram.srv"
	pair_by_exit recvfrom '.params.data == "ping-unix"'
	expect_params "recvfrom > (unix)" "$ENTER" "{fd: $FD, size: 64}"
	expect_params "recvfrom < (unix)" "$EXIT" '{res: 9, data: "ping-unix", tuple: null}' \
		tuple 'test("^[0-9a-f]{8,16}->0 " + $d + "/dgram.srv$")'
	srv_sock=$(jq -r '.params.tuple | capture("^(?<s>[0-9a-f]+)->").s' <<<"$EXIT")
	[[ $srv_sock != "$cli_sock" ]] || fail "the client's and the server's sock are one: $srv_sock"
}

@test "netio: a connected pair's sendto and recvfrom name no address: empty tuples" {
	pair_by_exit sendto '.params.data == "ping-pair"'
	expect_params "sendto > (pair)" "$ENTER" '{fd: null, size: 9, tuple: null}' fd '. >= 3'
	expect_params "sendto < (pair)" "$EXIT" '{res: 9, data: "ping-pair"}'
	pair_by_exit recvfrom '.params.data == "ping-pair"'
	expect_params "recvfrom > (pair)" "$ENTER" '{fd: null, size: 64}' fd '. >= 3'
	expect_params "recvfrom < (pair)" "$EXIT" '{res: 9, data: "ping-pair", tuple: null}'
}

@test "netio: a datagram socket's fd is named by its last datagram's tuple (sinsp_parse_datagrams.c)" {
	local fd want
	# Before any datagram, the name bind gave; after, the tuple's.
	bound_fd 127.0.0.1:47121
	pair_by_enter recvfrom ".params.fd == $FD"
	expect_equal "recvfrom > fd, before any datagram" "$(jq -r .resolved.fd <<<"$ENTER")" \
		"<4u>127.0.0.1:47121"
	pair_by_enter sendmsg '.params.size == 12'
	expect_equal "sendmsg > fd, after sendto" "$(jq -r .resolved.fd <<<"$ENTER")" "<4u>$UDP4"
	for fd in 127.0.0.1:47121 127.0.0.1:47122 '[::1]:47123' '[::1]:47124'; do
		bound_fd "$fd"
		want="<4u>$UDP4"
		[[ $fd == '['* ]] && want="<6u>$UDP6"
		pair_by_enter close ".params.fd == $FD and .ts > $(jq .ts <<<"$EXIT")"
		expect_equal "close > of the socket bound to $fd" "$(jq -r .resolved.fd <<<"$ENTER")" "$want"
	done
	# A unix datagram socket: the tuple's text, server path included.
	bound_fd "$D/dgram.srv"
	pair_by_enter close ".params.fd == $FD and .ts > $(jq .ts <<<"$EXIT")"
	[[ $(jq -r .resolved.fd <<<"$ENTER") =~ ^\<u\>[0-9a-f]+-\>0\ $D/dgram.srv$ ]] ||
		fail "close > of DIR/dgram.srv: fd $(jq -r .resolved.fd <<<"$ENTER"), expected <u>SOCK->0 $D/dgram.srv"
}

@test "netio: poll lists each fd and the events asked; its exit only the fds ready, and which" {
	local r w
	pair_by_exit poll '.tid == $wpid'
	expect_dedicated "poll <" "$EXIT"
	r=$(jq '.params.fds[0].fd' <<<"$ENTER")
	w=$(jq '.params.fds[1].fd' <<<"$ENTER")
	[[ $r =~ ^[0-9]+$ && $w =~ ^[0-9]+$ && $r != "$w" ]] || fail "the pipe's two fds: $r, $w"
	expect_params "poll >" "$ENTER" \
		"{fds: [{fd: $r, flags: \"POLLIN\"}, {fd: $w, flags: \"POLLOUT\"}, {fd: -1, flags: \"POLLIN\"}],
		  timeout: 0}"
	# fd -1 is skipped by the kernel: no revents, not listed.
	expect_params "poll <" "$EXIT" \
		"{res: 2, fds: [{fd: $r, flags: \"POLLIN\"}, {fd: $w, flags: \"POLLOUT\"}]}"
}

@test "netio: ppoll has the timeout in ns and the signal mask (SIGUSR1: bit 9)" {
	pair_by_enter ppoll '.tid == $wpid and (.params.fds | length) == 1'
	expect_dedicated "ppoll <" "$EXIT"
	expect_params "ppoll >" "$ENTER" \
		'{fds: [{fd: null, flags: "POLLIN|POLLPRI"}], timeout: 1500000000, sigmask: 512}' \
		fds '.[0].fd >= 3 and .[0].flags == "POLLIN|POLLPRI"'
	expect_params "ppoll <" "$EXIT" '{res: 1, fds: null}' fds 'length == 1 and .[0].flags == "POLLIN"'
	# No fds, a zero timespec, no mask: an empty list, timeout 0, mask 0.
	pair_by_enter ppoll '.tid == $wpid and (.params.fds | length) == 0'
	expect_params "ppoll > (no fds)" "$ENTER" '{fds: [], timeout: 0, sigmask: 0}'
	expect_params "ppoll < (no fds)" "$EXIT" '{res: 0, fds: []}'
}

# The socket of netio_sockopt, the workload's only TCP one, into SFD.
sockopt_fd() {
	pair_by_enter socket '.tid == $wpid and .params.domain == "AF_INET" and .params.type == 1'
	SFD=$(jq .params.fd <<<"$EXIT")
	[[ $SFD =~ ^[0-9]+$ ]] || fail "no TCP socket of the workload: socket < is $EXIT"
}

# expect_sockopt NAME COND EXIT_PARAMS [PARAM PRED]...: the pair of the
# first NAME call on SFD that meets COND; its enter has no params.
expect_sockopt() {
	pair_by_exit "$1" ".tid == \$wpid and .params.fd == $SFD and $2"
	expect_dedicated "$1 <" "$EXIT"
	expect_params "$1 >" "$ENTER" '{}'
	expect_params "$1 <" "$EXIT" "$3" "${@:4}"
}

@test "netio: setsockopt SO_REUSEADDR 1 and SO_RCVTIMEO 2.5 s: an int, and a timeval in ns" {
	sockopt_fd
	expect_sockopt setsockopt '.params.optname == "SO_REUSEADDR"' \
		"{res: 0, fd: $SFD, level: \"SOL_SOCKET\", optname: \"SO_REUSEADDR\", val: 1, optlen: 4}"
	expect_sockopt setsockopt '.params.optname == "SO_RCVTIMEO"' \
		"{res: 0, fd: $SFD, level: \"SOL_SOCKET\", optname: \"SO_RCVTIMEO\", val: 2500000000, optlen: 16}"
}

@test "netio: setsockopt SOL_TCP TCP_NODELAY 1: no name for the option, its 4 bytes as they are" {
	sockopt_fd
	expect_sockopt setsockopt '.params.level == "SOL_TCP"' \
		"{res: 0, fd: $SFD, level: \"SOL_TCP\", optname: \"UNKNOWN\", val: \"\\u0001\\u0000\\u0000\\u0000\", optlen: 4}"
}

@test "netio: getsockopt SO_TYPE, SO_ERROR and SO_COOKIE: what the kernel wrote back" {
	sockopt_fd
	expect_sockopt getsockopt '.params.optname == "SO_TYPE"' \
		"{res: 0, fd: $SFD, level: \"SOL_SOCKET\", optname: \"SO_TYPE\", val: 1, optlen: 4}"
	# SO_ERROR is stored as -errno: no error pending is 0.
	expect_sockopt getsockopt '.params.optname == "SO_ERROR"' \
		"{res: 0, fd: $SFD, level: \"SOL_SOCKET\", optname: \"SO_ERROR\", val: 0, optlen: 4}"
	expect_sockopt getsockopt '.params.optname == "SO_COOKIE"' \
		"{res: 0, fd: $SFD, level: \"SOL_SOCKET\", optname: \"SO_COOKIE\", val: null, optlen: 8}" \
		val '. > 0'
}

@test "netio: setsockopt from an unreadable address: EFAULT, val empty, not a lost event" {
	sockopt_fd
	expect_sockopt setsockopt '.params.optname == "SO_KEEPALIVE"' \
		"{res: -14, fd: $SFD, level: \"SOL_SOCKET\", optname: \"SO_KEEPALIVE\", val: null, optlen: 4}"
}
