// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * A datagram socket has no connection for connect() or accept() to name:
 * each sendto, sendmsg, recvfrom and recvmsg may name another peer. As in
 * sysdig, its fd takes the tuple of its last datagram that named one:
 *
 *   fd 4 after bind:    <4u>127.0.0.1:47122
 *   sendto(4, ..., 127.0.0.1:47121), at its exit:
 *                       <4u>127.0.0.1:47122->127.0.0.1:47121
 *
 * so that fd.name, fd.rip and the rest say who a process talks to. A send
 * carries the tuple in its enter event, kept here until its exit; a
 * receive in its exit. Only a call that succeeded counts, and a TCP
 * socket keeps the name its connect or accept gave it.
 */
#include <string.h>

#include "ppm_flags.h"
#include "scap_schema.h"
#include "sinsp_int.h"

void sinsp_parse_send_enter(struct sinsp_threadinfo *t, const struct scap_evt_view *evt)
{
	const struct scap_evt_param *tuple = scap_evt_param_by_name(evt, "tuple");

	t->lastevent_tuple_len = 0;
	if (tuple && tuple->len <= sizeof(t->lastevent_tuple)) {
		memcpy(t->lastevent_tuple, tuple->val, tuple->len);
		t->lastevent_tuple_len = tuple->len;
	}
}

void sinsp_parse_datagram_exit(struct sinsp *s, struct sinsp_threadinfo *t,
			       const struct scap_evt_view *evt)
{
	uint16_t type = evt->hdr->type;
	bool send = type == PPME_SOCKET_SENDTO_X || type == PPME_SOCKET_SENDMSG_X;
	struct scap_evt_param saved = { t->lastevent_tuple, t->lastevent_tuple_len };
	const struct scap_evt_param *tuple;
	struct sinsp_fdinfo *fdi;

	(void)s;
	if (t->lastevent_type != type - 1 || scap_evt_param_s64(evt, 0) < 0)
		return;	/* no enter event (its fd), or the call failed */
	tuple = send ? &saved : scap_evt_param_by_name(evt, "tuple");
	if (!tuple || !tuple->len)
		return;
	fdi = sinsp_fd_find(t->files, t->lastevent_fd);
	if (!fdi || fdi->type != sinsp_socket_fd_type(tuple->val[0]))
		return;
	if (fdi->l4 == 't' && fdi->name && fdi->name[0])
		return;
	fdi->is_server = !send;	/* a receiver is the tuple's destination */
	sinsp_set_socket_name(fdi, tuple, true);
	sinsp_set_tuple(fdi, tuple);
}
