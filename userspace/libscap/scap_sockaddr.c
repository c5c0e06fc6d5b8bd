// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * See scap_sockaddr.h: socket addresses (PT_SOCKADDR, PT_SOCKTUPLE) as text.
 */
#include <arpa/inet.h>
#include <inttypes.h>
#include <string.h>

#include "ppm_flags.h"
#include "scap_escape.h"
#include "scap_schema.h"
#include "scap_sockaddr.h"

/*
 * The byte layouts are checked by scap_event_decode (with
 * scap_sockaddr_size(), scap_schema.c): IP addresses are in network order as in struct
 * sockaddr_in, ports in the machine's order (the drivers apply ntohs).
 */

void scap_endpoint_to_text(struct scap_strbuf *sb, uint8_t family, const uint8_t *ip,
			   uint16_t port)
{
	char ip6[INET6_ADDRSTRLEN];

	if (family == PPM_AF_INET) {
		scap_strbuf_appendf(sb, "%u.%u.%u.%u:%u", ip[0], ip[1], ip[2], ip[3], port);
	} else {
		/* Brackets, as in URLs: the port's ':' is then not part of the address. */
		if (!inet_ntop(AF_INET6, ip, ip6, sizeof(ip6)))
			strcpy(ip6, "?");
		scap_strbuf_appendf(sb, "[%s]:%u", ip6, port);
	}
}

/* An address and a port inside a param (the port unaligned). */
static void append_endpoint(struct scap_strbuf *sb, uint8_t family, const uint8_t *ip,
			    const uint8_t *port_bytes)
{
	uint16_t port;

	memcpy(&port, port_bytes, sizeof(port));
	scap_endpoint_to_text(sb, family, ip, port);
}

/*
 * A unix socket path: every byte up to the param's last one, the NUL the
 * drivers end it with. Not up to the first NUL: an abstract name may hold
 * NULs ("@a\0b"), and they must show (as '.' in text, \u0000 in JSON),
 * or two different names would print the same.
 */
static void append_unix_path(struct scap_strbuf *sb, const uint8_t *path, size_t avail,
			     enum scap_path_style style)
{
	size_t n = avail && path[avail - 1] == '\0' ? avail - 1 : avail;

	if (style == SCAP_PATH_JSON)
		scap_json_append_escaped(sb, path, n);
	else
		scap_text_append_string(sb, path, n);
}

void scap_sockaddr_to_text(struct scap_strbuf *sb, const struct scap_evt_param *p,
			   enum scap_path_style style)
{
	uint8_t family = p->val[0];
	bool at_least;
	uint32_t size = scap_sockaddr_size(PT_SOCKADDR, family, &at_least);

	if (family == PPM_AF_INET && p->len == size)
		append_endpoint(sb, family, p->val + 1, p->val + 5);
	else if (family == PPM_AF_INET6 && p->len == size)
		append_endpoint(sb, family, p->val + 1, p->val + 17);
	else if (family == PPM_AF_UNIX)
		append_unix_path(sb, p->val + 1, p->len - 1u, style);
	else
		scap_strbuf_appendf(sb, "family %u", family);
}

void scap_socktuple_to_text(struct scap_strbuf *sb, const struct scap_evt_param *p,
			    enum scap_path_style style)
{
	uint8_t family = p->val[0];
	bool at_least;
	uint32_t size = scap_sockaddr_size(PT_SOCKTUPLE, family, &at_least);
	uint64_t src, dst;

	if (family == PPM_AF_INET && p->len == size) {
		append_endpoint(sb, family, p->val + 1, p->val + 5);
		scap_strbuf_append(sb, "->");
		append_endpoint(sb, family, p->val + 7, p->val + 11);
	} else if (family == PPM_AF_INET6 && p->len == size) {
		append_endpoint(sb, family, p->val + 1, p->val + 17);
		scap_strbuf_append(sb, "->");
		append_endpoint(sb, family, p->val + 19, p->val + 35);
	} else if (family == PPM_AF_UNIX && p->len >= size) {
		memcpy(&src, p->val + 1, sizeof(src));
		memcpy(&dst, p->val + 9, sizeof(dst));
		scap_strbuf_appendf(sb, "%" PRIx64 "->%" PRIx64 " ", src, dst);
		append_unix_path(sb, p->val + 17, p->len - 17u, style);
	} else {
		scap_strbuf_appendf(sb, "family %u", family);
	}
}
