// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * The sockets open on this machine, from /proc/net/{tcp,tcp6,udp,udp6,unix}
 * (see sinsp_int.h). An fd of a process links to "socket:[INODE]"; these
 * files say which address each inode has. Read once per /proc scan.
 *
 *   /proc/net/tcp:  sl local_address rem_address st ... inode
 *                   0: 0100007F:1F90 00000000:0000 0A ... 1060
 *                      127.0.0.1:8080  (the IP as the kernel's u32, in hex)
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ppm_flags.h"
#include "scap_sockaddr.h"
#include "sinsp_int.h"

struct proc_socket {
	uint64_t ino;
	char type;		/* SINSP_FD_* */
	char l4;
	uint8_t lip[16], rip[16];
	uint16_t lport, rport;
	char *path;		/* unix sockets' path, else NULL */
};

struct sinsp_socket_map {
	struct proc_socket *v;	/* sorted by ino once read */
	size_t n, cap;
};

static struct proc_socket *push(struct sinsp_socket_map *m)
{
	if (m->n == m->cap) {
		size_t cap = m->cap ? m->cap * 2 : 64;
		struct proc_socket *v = realloc(m->v, cap * sizeof(*v));

		if (!v)
			return NULL;
		m->v = v;
		m->cap = cap;
	}
	memset(&m->v[m->n], 0, sizeof(m->v[0]));
	return &m->v[m->n++];
}

/* "0100007F:1F90": the address as /proc/net prints it, back to network order. */
static bool parse_endpoint(const char *text, bool v6, uint8_t *ip, uint16_t *port)
{
	unsigned int words = v6 ? 4 : 1, x;

	for (unsigned int i = 0; i < words; i++) {
		uint32_t w;

		if (sscanf(text + 8 * i, "%8x", &x) != 1)
			return false;
		w = x;	/* printed as the kernel's u32: memory order on this machine */
		memcpy(ip + 4 * i, &w, 4);
	}
	if (text[8 * words] != ':' || sscanf(text + 8 * words + 1, "%4x", &x) != 1)
		return false;
	*port = (uint16_t)x;
	return true;
}

static void read_inet(struct sinsp_socket_map *m, const char *file, bool v6, char l4)
{
	char line[512], local[64], remote[64];
	unsigned long long ino;
	FILE *f = fopen(file, "r");

	if (!f)
		return;
	if (!fgets(line, sizeof(line), f)) {	/* the header */
		fclose(f);
		return;
	}
	while (fgets(line, sizeof(line), f)) {
		struct proc_socket *ps;

		if (sscanf(line, " %*s %63s %63s %*s %*s %*s %*s %*s %*s %llu", local, remote,
			   &ino) != 3 || !(ps = push(m)))
			continue;
		ps->ino = ino;
		ps->type = v6 ? SINSP_FD_IPV6_SOCK : SINSP_FD_IPV4_SOCK;
		ps->l4 = l4;
		if (!parse_endpoint(local, v6, ps->lip, &ps->lport) ||
		    !parse_endpoint(remote, v6, ps->rip, &ps->rport))
			m->n--;
	}
	fclose(f);
}

static void read_unix(struct sinsp_socket_map *m)
{
	char line[4352];
	unsigned long long ino;
	int path_at;
	FILE *f = fopen("/proc/net/unix", "r");

	if (!f)
		return;
	if (!fgets(line, sizeof(line), f)) {
		fclose(f);
		return;
	}
	while (fgets(line, sizeof(line), f)) {
		struct proc_socket *ps;

		path_at = 0;
		if (sscanf(line, "%*s %*s %*s %*s %*s %*s %llu %n", &ino, &path_at) < 1 ||
		    !(ps = push(m)))
			continue;
		ps->ino = ino;
		ps->type = SINSP_FD_UNIX_SOCK;
		line[strcspn(line, "\n")] = '\0';
		ps->path = sinsp_strndup(line + path_at, strlen(line + path_at));
	}
	fclose(f);
}

static int by_ino(const void *a, const void *b)
{
	uint64_t x = ((const struct proc_socket *)a)->ino, y = ((const struct proc_socket *)b)->ino;

	return x < y ? -1 : x > y;
}

struct sinsp_socket_map *sinsp_socket_map_read(void)
{
	struct sinsp_socket_map *m = calloc(1, sizeof(*m));

	if (!m)
		return NULL;
	read_inet(m, "/proc/net/tcp", false, 't');
	read_inet(m, "/proc/net/tcp6", true, 't');
	read_inet(m, "/proc/net/udp", false, 'u');
	read_inet(m, "/proc/net/udp6", true, 'u');
	read_unix(m);
	qsort(m->v, m->n, sizeof(*m->v), by_ino);
	return m;
}

void sinsp_socket_map_free(struct sinsp_socket_map *m)
{
	if (!m)
		return;
	for (size_t i = 0; i < m->n; i++)
		free(m->v[i].path);
	free(m->v);
	free(m);
}

bool sinsp_socket_map_fill(const struct sinsp_socket_map *m, uint64_t ino,
			   struct sinsp_fdinfo *fdi)
{
	struct proc_socket key = { .ino = ino };
	const struct proc_socket *ps = m ? bsearch(&key, m->v, m->n, sizeof(*m->v), by_ino) : NULL;
	struct scap_strbuf sb;
	uint8_t family;
	bool connected;

	if (!ps)
		return false;
	family = ps->type == SINSP_FD_IPV4_SOCK ? PPM_AF_INET : PPM_AF_INET6;
	fdi->type = ps->type;
	fdi->l4 = ps->l4;
	if (ps->type == SINSP_FD_UNIX_SOCK) {
		if (ps->path)
			sinsp_set_str(&fdi->name, ps->path, strlen(ps->path));
		return true;
	}
	if (scap_strbuf_init(&sb))
		return true;
	/* A listening socket has no remote end: its name is its own address. */
	connected = ps->rport != 0;
	scap_endpoint_to_text(&sb, family, ps->lip, ps->lport);
	if (connected) {
		scap_strbuf_append(&sb, "->");
		scap_endpoint_to_text(&sb, family, ps->rip, ps->rport);
		/* /proc does not say who connected: the local end is taken as the client. */
		memcpy(fdi->cip, ps->lip, sizeof(fdi->cip));
		memcpy(fdi->sip, ps->rip, sizeof(fdi->sip));
		fdi->cport = ps->lport;
		fdi->sport = ps->rport;
	} else {
		memcpy(fdi->sip, ps->lip, sizeof(fdi->sip));
		fdi->sport = ps->lport;
		fdi->is_server = true;
	}
	fdi->ip_len = family == PPM_AF_INET ? 4 : 16;
	if (!scap_strbuf_failed(&sb))
		sinsp_set_str(&fdi->name, scap_strbuf_str(&sb), scap_strbuf_len(&sb));
	scap_strbuf_free(&sb);
	return true;
}
