// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * Lab 12.2: listen(2) calls whose events the grader knows in advance.
 *
 *   listen_calls     listen(S, 7) on a new TCP socket S: 0
 *                    listen(-1, 3): -EBADF
 *
 * Prints "socket_fd=S" (scap-open -- listen_calls puts it on stderr).
 * Raw syscall(2) calls: the events are exactly these two pairs.
 */
#include <stdio.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <unistd.h>

int main(void)
{
	int s = socket(AF_INET, SOCK_STREAM, 0);

	if (s < 0) {
		perror("listen_calls: socket");
		return 1;
	}
	printf("socket_fd=%d\n", s);
	fflush(stdout);
	if (syscall(SYS_listen, s, 7)) {
		perror("listen_calls: listen");
		return 1;
	}
	syscall(SYS_listen, -1, 3);
	close(s);
	return 0;
}
