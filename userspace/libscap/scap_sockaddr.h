/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * Socket addresses as text, as sysdig prints them. The byte layouts are
 * the drivers' (modern_bpf/helpers/store/auxmap_store_socket.h), checked
 * by scap_event_decode before they get here:
 *
 *   PT_SOCKADDR    10.0.0.1:80    [::1]:80    /run/app.sock    @abstract
 *   PT_SOCKTUPLE   10.0.0.1:40000->10.0.0.2:80
 *                  ffff8a01c2b3d400->ffff8a01c2b3e000 /run/app.sock
 *   other families family 16
 *
 * A unix tuple holds the kernel addresses of the two sockets (they tell
 * connections apart) and the server's path. A unix path is every byte up
 * to the param's final NUL: an abstract name ('@' for its leading NUL)
 * keeps the NULs inside it, shown as '.' in text and \u0000 in JSON.
 * (A pathname that starts with '@' looks like an abstract name, as in
 * ss(8) and Falco; the first byte is all that tells them apart.)
 */
#ifndef SCAPLAB_SCAP_SOCKADDR_H
#define SCAPLAB_SCAP_SOCKADDR_H

#include "scap_event.h"
#include "scap_strbuf.h"

/*
 * How to write a unix socket path, the one part of an address that may
 * hold any byte: made safe for a terminal, or escaped for inside a JSON
 * string. The rest of an address is digits and punctuation, the same in
 * both.
 */
enum scap_path_style {
	SCAP_PATH_TEXT,
	SCAP_PATH_JSON,
};

/* "10.0.0.1:80" or "[::1]:80": an address (network order) and a port. */
void scap_endpoint_to_text(struct scap_strbuf *sb, uint8_t family, const uint8_t *ip,
			   uint16_t port);

/* Append a present PT_SOCKADDR param. */
void scap_sockaddr_to_text(struct scap_strbuf *sb, const struct scap_evt_param *p,
			   enum scap_path_style style);

/* Append a present PT_SOCKTUPLE param. */
void scap_socktuple_to_text(struct scap_strbuf *sb, const struct scap_evt_param *p,
			    enum scap_path_style style);

#endif /* SCAPLAB_SCAP_SOCKADDR_H */
