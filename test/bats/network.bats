#!/usr/bin/env bats
# Socket syscalls: `workload net DIR` (test/workload/workload.c, do_net):
# a TCP server and two clients on 127.0.0.1, one of each on [::1], and an
# AF_UNIX server and client on DIR/unix.sock. Every port is fixed, so every
# address and tuple is known:
#   127.0.0.1:47101  IPv4 server, listen backlog 7
#   127.0.0.1:47111  client 1, accepted with accept4(SOCK_CLOEXEC)
#   127.0.0.1:47112  client 2, accepted with accept
#   [::1]:47102      IPv6 server, backlog 5; [::1]:47113 its client
# A tuple is "source->destination" of the connection: client->server, for
# connect (made by the client) and for accept (made by the server) alike.
#
#   make -f test/test.mk bats BATS_FILES=test/bats/network.bats

# guest-suite: checks on the host. Its tests only read captures: in a run
# on the guest kernel, test/guest-suite.sh runs them outside the guest.
load helpers

SOCK_CLOEXEC=524288	# 0x80000

setup_file() {
	fresh_dir net
	capture net net "$D"
}

setup() {
	require_capture
}

@test "network: socket(AF_INET, SOCK_STREAM, 0) makes the fd bound to 127.0.0.1:47101" {
	bound_fd 127.0.0.1:47101
	pair_by_enter socket '.params.domain == "AF_INET"'
	expect_params "socket >" "$ENTER" '{domain: "AF_INET", type: 1, proto: 0}'
	expect_params "socket <" "$EXIT" "{fd: $FD}"
	expect_pid "socket <" "$EXIT" "$WPID"
}

@test "network: bind(fd, 127.0.0.1:47101)" {
	pair_by_exit bind '.params.addr == "127.0.0.1:47101"'
	expect_params "bind >" "$ENTER" '{fd: null}' fd '. >= 3'
	expect_params "bind <" "$EXIT" '{res: 0, addr: "127.0.0.1:47101"}'
	expect_pid "bind <" "$EXIT" "$WPID"
}

@test "network: listen(fd, 7) on the IPv4 server" {
	bound_fd 127.0.0.1:47101
	pair_by_enter listen '.params.backlog == 7'
	expect_params "listen >" "$ENTER" "{fd: $FD, backlog: 7}"
	expect_params "listen <" "$EXIT" '{res: 0}'
	expect_pid "listen <" "$EXIT" "$WPID"
}

@test "network: connect(client 1, 127.0.0.1:47101) from 127.0.0.1:47111" {
	bound_fd 127.0.0.1:47111
	pair_by_exit connect '.params.tuple == "127.0.0.1:47111->127.0.0.1:47101"'
	expect_params "connect >" "$ENTER" "{fd: $FD, addr: \"127.0.0.1:47101\"}"
	expect_params "connect <" "$EXIT" '{res: 0, tuple: "127.0.0.1:47111->127.0.0.1:47101"}'
	expect_pid "connect <" "$EXIT" "$WPID"
}

@test "network: accept4(server, SOCK_CLOEXEC) takes client 1 and leaves 1 of 7 queued" {
	local srv
	bound_fd 127.0.0.1:47101
	srv=$FD
	pair_by_exit accept '.params.tuple == "127.0.0.1:47111->127.0.0.1:47101"'
	# accept4's enter event is named "accept" too; it alone has the flags,
	# the ones given (Falco's 2022 driver always pushed 0 here).
	expect_params "accept > (accept4)" "$ENTER" "{flags: $SOCK_CLOEXEC}"
	# queuelen: connections still waiting on the listening socket; queuepct = 100*1/7.
	expect_params "accept < (accept4)" "$EXIT" \
		'{fd: null, tuple: "127.0.0.1:47111->127.0.0.1:47101", queuepct: 14, queuelen: 1,
		  queuemax: 7}' fd ". >= 3 and . != $srv"
	expect_pid "accept < (accept4)" "$EXIT" "$WPID"
}

@test "network: accept(server) takes client 2 and leaves the queue empty" {
	pair_by_exit accept '.params.tuple == "127.0.0.1:47112->127.0.0.1:47101"'
	expect_params "accept >" "$ENTER" '{}'
	expect_params "accept <" "$EXIT" \
		'{fd: null, tuple: "127.0.0.1:47112->127.0.0.1:47101", queuepct: 0, queuelen: 0,
		  queuemax: 7}' fd '. >= 3'
	expect_pid "accept <" "$EXIT" "$WPID"
}

@test "network: \"net4\" written by client 1 is read from the fd accept4 returned" {
	local client accepted
	bound_fd 127.0.0.1:47111
	client=$FD
	pair_by_exit accept '.params.tuple == "127.0.0.1:47111->127.0.0.1:47101"'
	accepted=$(jq .params.fd <<<"$EXIT")
	pair_by_exit write '.params.data == "net4"'
	expect_params "write >" "$ENTER" "{fd: $client, size: 4}"
	expect_params "write <" "$EXIT" '{res: 4, data: "net4"}'
	pair_by_exit read '.params.data == "net4"'
	expect_params "read >" "$ENTER" "{fd: $accepted, size: 64}"
	expect_params "read <" "$EXIT" '{res: 4, data: "net4"}'
}

@test "network: IPv6 socket, bind [::1]:47102 and listen(fd, 5)" {
	bound_fd '[::1]:47102'
	pair_by_enter socket '.params.domain == "AF_INET6"'
	expect_params "socket > (AF_INET6)" "$ENTER" '{domain: "AF_INET6", type: 1, proto: 0}'
	expect_params "socket < (AF_INET6)" "$EXIT" "{fd: $FD}"
	pair_by_exit bind '.params.addr == "[::1]:47102"'
	expect_params "bind > (IPv6)" "$ENTER" "{fd: $FD}"
	expect_params "bind < (IPv6)" "$EXIT" '{res: 0, addr: "[::1]:47102"}'
	pair_by_enter listen '.params.backlog == 5'
	expect_params "listen > (IPv6)" "$ENTER" "{fd: $FD, backlog: 5}"
	expect_params "listen < (IPv6)" "$EXIT" '{res: 0}'
	expect_pid "listen < (IPv6)" "$EXIT" "$WPID"
}

@test "network: connect [::1]:47113 -> [::1]:47102 and its accept4" {
	bound_fd '[::1]:47113'
	pair_by_exit connect '.params.tuple == "[::1]:47113->[::1]:47102"'
	expect_params "connect > (IPv6)" "$ENTER" "{fd: $FD, addr: \"[::1]:47102\"}"
	expect_params "connect < (IPv6)" "$EXIT" '{res: 0, tuple: "[::1]:47113->[::1]:47102"}'
	expect_pid "connect < (IPv6)" "$EXIT" "$WPID"
	pair_by_exit accept '.params.tuple == "[::1]:47113->[::1]:47102"'
	expect_params "accept > (IPv6 accept4)" "$ENTER" "{flags: $SOCK_CLOEXEC}"
	expect_params "accept < (IPv6 accept4)" "$EXIT" \
		'{fd: null, tuple: "[::1]:47113->[::1]:47102", queuepct: 0, queuelen: 0, queuemax: 5}' \
		fd '. >= 3'
}

@test "network: AF_UNIX socket bound to DIR/unix.sock (the domain prints as AF_LOCAL)" {
	bound_fd "$D/unix.sock"
	# AF_LOCAL and AF_UNIX are one value; sysdig's table names it AF_LOCAL.
	pair_by_enter socket '.params.domain == "AF_LOCAL"'
	expect_params "socket > (AF_UNIX)" "$ENTER" '{domain: "AF_LOCAL", type: 1, proto: 0}'
	expect_params "socket < (AF_UNIX)" "$EXIT" "{fd: $FD}"
	pair_by_exit bind '.params.addr == $d + "/unix.sock"'
	expect_params "bind > (unix)" "$ENTER" "{fd: $FD}"
	expect_params "bind < (unix)" "$EXIT" '{res: 0, addr: ($d + "/unix.sock")}'
	pair_by_enter listen '.params.backlog == 3'
	expect_params "listen > (unix)" "$ENTER" "{fd: $FD, backlog: 3}"
	expect_params "listen < (unix)" "$EXIT" '{res: 0}'
	expect_pid "listen < (unix)" "$EXIT" "$WPID"
}

@test "network: connect to DIR/unix.sock and accept4 name the same two sockets" {
	local connect_tuple
	# A unix tuple is "<socket address>-><socket address> <path>" (kernel
	# pointers, in hex, as Falco stores them).
	pair_by_exit connect '.params.res == 0 and
		((.params.tuple // "") | endswith(" " + $d + "/unix.sock"))'
	expect_params "connect > (unix)" "$ENTER" '{fd: null, addr: ($d + "/unix.sock")}' fd '. >= 3'
	expect_params "connect < (unix)" "$EXIT" '{res: 0, tuple: null}' \
		tuple 'test("^[0-9a-f]*[1-9a-f][0-9a-f]*->[0-9a-f]*[1-9a-f][0-9a-f]* ") and endswith(" " + $d + "/unix.sock")'
	expect_pid "connect < (unix)" "$EXIT" "$WPID"
	connect_tuple=$(jq .params.tuple <<<"$EXIT")
	pair_by_exit accept '(.params.tuple // "") | endswith(" " + $d + "/unix.sock")'
	expect_params "accept > (unix accept4)" "$ENTER" "{flags: $SOCK_CLOEXEC}"
	expect_params "accept < (unix accept4)" "$EXIT" \
		"{fd: null, tuple: $connect_tuple, queuepct: 0, queuelen: 0, queuemax: 3}" fd '. >= 3'
}

@test "network: socketpair(AF_UNIX, SOCK_STREAM|SOCK_CLOEXEC) gives two fds and the two socks" {
	pair_by_exit socketpair '.tid == $wpid and .params.res == 0'
	# type: SOCK_STREAM (1) | SOCK_CLOEXEC (0x80000), raw as socket's
	expect_params "socketpair >" "$ENTER" '{domain: "AF_LOCAL", type: 524289, proto: 0}'
	expect_params "socketpair <" "$EXIT" '{res: 0, fd1: null, fd2: null, source: null, peer: null}' \
		fd1 '. >= 0' fd2 '. >= 0 and . != $p.fd1' source '. > 0' peer '. > 0'
	# Two kernel addresses a few hundred bytes apart: jq 1.6 reads numbers
	# as doubles, exact to 2^53 only, and may see them equal (it did, in
	# the guest). Compare the digits of the capture's own line.
	local ts line
	ts=$(jq -r .ts <<<"$EXIT")
	line=$(grep -F "\"ts\":\"$ts\"" "$CAPTURE")
	[[ $line =~ \"source\":([0-9]+),\"peer\":([0-9]+) ]] ||
		fail "socketpair <: no source and peer digits in $line"
	[[ ${BASH_REMATCH[1]} != "${BASH_REMATCH[2]}" ]] ||
		fail "socketpair <: source and peer are the same sock: ${BASH_REMATCH[1]}"
}

@test "network: socketpair(AF_INET) fails with EOPNOTSUPP and has no ends" {
	pair_by_exit socketpair '.tid == $wpid and .params.res < 0'
	expect_params "socketpair >" "$ENTER" '{domain: "AF_INET", type: 1, proto: 0}'
	expect_params "socketpair <" "$EXIT" '{res: -95, fd1: null, fd2: null, source: null, peer: null}'
}

