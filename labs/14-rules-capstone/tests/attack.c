// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * Lab 14's captures were made of this program (labs/14-rules-capstone/record.sh):
 * three attacks, and the same program at normal work, which does what
 * each attack does with one thing changed.
 *
 *   attack miner     connects to a mining pool's port (3333) and subscribes
 *   attack logwipe   empties /var/log/scaplab-auth.log, deletes scaplab-wtmp
 *   attack loader    maps memory writable and executable, and runs it
 *   attack normal    connects to port 8080, appends to a log, empties and
 *                    deletes a cache file in /tmp, maps memory writable
 *                    (not executable)
 *
 * Everything happens on this machine: the "pool" and the "web server" are
 * a socket of this program on 127.0.0.1.
 */
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <unistd.h>

static void die(const char *what)
{
	fprintf(stderr, "attack: %s: %s\n", what, strerror(errno));
	exit(1);
}

/* Connect to 127.0.0.1:port, where this program listens, and send a line. */
static void talk(uint16_t port, const char *line)
{
	struct sockaddr_in a = { .sin_family = AF_INET, .sin_port = htons(port),
				 .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
	int one = 1, srv, cli, acc;

	srv = socket(AF_INET, SOCK_STREAM, 0);
	if (srv < 0 || setsockopt(srv, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one)) ||
	    bind(srv, (struct sockaddr *)&a, sizeof(a)) || listen(srv, 1))
		die("listen");
	cli = socket(AF_INET, SOCK_STREAM, 0);
	if (cli < 0 || connect(cli, (struct sockaddr *)&a, sizeof(a)))
		die("connect");
	acc = accept(srv, NULL, NULL);
	if (acc < 0 || write(cli, line, strlen(line)) < 0)
		die("send");
	close(acc);
	close(cli);
	close(srv);
}

/* Write a line at the end of path, creating it. */
static void append(const char *path, const char *line)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_APPEND, 0640);

	if (fd < 0 || write(fd, line, strlen(line)) < 0)
		die(path);
	close(fd);
}

/* Empty path, the way `> path` does in a shell. */
static void empty(const char *path)
{
	int fd = open(path, O_WRONLY | O_TRUNC);

	if (fd < 0)
		die(path);
	close(fd);
}

/* Delete name in dir, through a dirfd (as rm -r does). */
static void delete_in(const char *dir, const char *name)
{
	int d = open(dir, O_RDONLY | O_DIRECTORY);

	if (d < 0 || unlinkat(d, name, 0))
		die(name);
	close(d);
}

static void *map(int prot)
{
	void *p = mmap(NULL, 4096, prot, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	if (p == MAP_FAILED)
		die("mmap");
	return p;
}

int main(int argc, char **argv)
{
	const char *mode = argc == 2 ? argv[1] : "";

	if (!strcmp(mode, "miner")) {
		talk(3333, "{\"id\":1,\"method\":\"mining.subscribe\",\"params\":[]}\n");
	} else if (!strcmp(mode, "logwipe")) {
		append("/var/log/scaplab-auth.log", "Dec  2 10:00:01 sshd: Accepted password for root\n");
		append("/var/log/scaplab-wtmp", "root pts/0\n");
		empty("/var/log/scaplab-auth.log");
		delete_in("/var/log", "scaplab-wtmp");
	} else if (!strcmp(mode, "loader")) {
		unsigned char *code = map(PROT_READ | PROT_WRITE | PROT_EXEC);

		code[0] = 0xc3;	/* ret: the smallest "payload" */
		((void (*)(void))code)();
		munmap(code, 4096);
	} else if (!strcmp(mode, "normal")) {
		char *buf;

		talk(8080, "GET / HTTP/1.0\r\n\r\n");
		append("/var/log/scaplab-app.log", "Dec  2 10:00:02 app: started\n");
		append("/tmp/scaplab-cache", "cached\n");
		empty("/tmp/scaplab-cache");
		delete_in("/tmp", "scaplab-cache");
		buf = map(PROT_READ | PROT_WRITE);
		strcpy(buf, "data, not code");
		munmap(buf, 4096);
	} else {
		fprintf(stderr, "usage: attack miner|logwipe|loader|normal\n");
		return 2;
	}
	return 0;
}
