// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * The fd fields of filters and formats (see filter_fields.c for the
 * others and the table): which fd an event is about, and what the state
 * knows of it: its number, name, type, folder, and a connection's ends.
 */
#include <stdlib.h>
#include <string.h>

#include "filter_int.h"
#include "scap_schema.h"
#include "sinsp_int.h"

/* The fd the event is about: its fd param, the fd it made, or its enter's. */
static bool event_fd(const struct sinsp_evt *e, int64_t *fd)
{
	const struct scap_evt_view *evt = e->evt;

	if (!evt->info || !evt->nparams)
		return false;
	if (evt->hdr->type == PPME_SYSCALL_PIPE_X || evt->hdr->type == PPME_SOCKET_SOCKETPAIR_X) {
		/* Its two fds: sysdig names the second, its read end's partner. */
		*fd = scap_evt_param_s64_by_name(evt, "fd2");
		return scap_evt_param_s64(evt, 0) == 0 && evt->params[2].len;
	}
	if (evt->hdr->type == PPME_SOCKET_SETSOCKOPT_X || evt->hdr->type == PPME_SOCKET_GETSOCKOPT_X) {
		/* Their enter events have no params: the fd is the exit's second. */
		*fd = scap_evt_param_s64(evt, 1);
		return evt->params[1].len && *fd >= 0;
	}
	if (evt->info->params[0].type == PT_FD && evt->params[0].len) {
		*fd = scap_evt_param_s64(evt, 0);
		/* A failed dup's result is an error: the fd it was about is its enter's. */
		if (*fd >= 0 || PPME_IS_ENTER(evt->hdr->type))
			return *fd >= 0;
	}
	if (PPME_IS_EXIT(evt->hdr->type) && e->thread &&
	    e->thread->lastevent_type == evt->hdr->type - 1 &&
	    (evt->info->flags & (EF_USES_FD | EF_CREATES_FD))) {
		*fd = e->thread->lastevent_fd;
		return *fd >= 0;
	}
	return false;
}

/*
 * The event's fd, from the table. An open that failed made none: then
 * the file it tried, as sysdig gives it (fd.name of an open of
 * /etc/shadow refused with EACCES is /etc/shadow). *tmp holds that one.
 */
static const struct sinsp_fdinfo *event_fdinfo(const struct field_ctx *c, struct sinsp_fdinfo *tmp)
{
	const struct scap_evt_view *evt = c->e->evt;
	int name;
	char *path;
	int64_t fd;

	if (event_fd(c->e, &fd))
		return sinsp_get_fd(c->e->thread, fd);
	if (!c->e->thread || !evt->info || !sinsp_is_open_exit(evt->hdr->type) ||
	    (name = scap_param_index(evt->hdr->type, "name")) < 0 ||
	    !(path = sinsp_path_of_param(c->e->thread, evt, (uint32_t)name)))
		return NULL;
	scap_strbuf_append(c->scratch, path);
	free(path);
	memset(tmp, 0, sizeof(*tmp));
	tmp->fd = -1;
	tmp->type = SINSP_FD_FILE;
	tmp->name = (char *)scap_strbuf_str(c->scratch);
	return tmp;
}

bool read_fd_num(const struct field_ctx *c, uint32_t n, struct field_value *out)
{
	(void)n;
	return event_fd(c->e, &out->num);
}

bool read_fd_name(const struct field_ctx *c, uint32_t n, struct field_value *out)
{
	struct sinsp_fdinfo tmp;
	const struct sinsp_fdinfo *fdi = event_fdinfo(c, &tmp);

	(void)n;
	return fdi && field_set_str(out, fdi->name);
}

bool read_fd_type(const struct field_ctx *c, uint32_t n, struct field_value *out)
{
	static const char *const names[128] = {
		[SINSP_FD_FILE] = "file", [SINSP_FD_DIRECTORY] = "directory",
		[SINSP_FD_IPV4_SOCK] = "ipv4", [SINSP_FD_IPV6_SOCK] = "ipv6",
		[SINSP_FD_UNIX_SOCK] = "unix", [SINSP_FD_PIPE] = "pipe",
		[SINSP_FD_EVENT] = "event", [SINSP_FD_SIGNAL] = "signalfd",
		[SINSP_FD_EVENTPOLL] = "eventpoll", [SINSP_FD_INOTIFY] = "inotify",
		[SINSP_FD_TIMERFD] = "timerfd", [SINSP_FD_NETLINK] = "netlink",
		[SINSP_FD_OTHER] = "unknown",
	};
	struct sinsp_fdinfo tmp;
	const struct sinsp_fdinfo *fdi = event_fdinfo(c, &tmp);

	(void)n;
	/* A failed open's file has a name, not a type: it was never opened. */
	return fdi && fdi != &tmp && fdi->type > 0 && field_set_str(out, names[(int)fdi->type]);
}

bool read_fd_directory(const struct field_ctx *c, uint32_t n, struct field_value *out)
{
	struct sinsp_fdinfo tmp;
	const struct sinsp_fdinfo *fdi = event_fdinfo(c, &tmp);
	const char *slash;

	(void)n;
	if (!fdi || (fdi->type != SINSP_FD_FILE && fdi->type != SINSP_FD_DIRECTORY) ||
	    fdi->name[0] != '/')
		return false;
	if (fdi->type == SINSP_FD_DIRECTORY)
		return field_set_str(out, fdi->name);
	slash = strrchr(fdi->name, '/');
	out->str = fdi->name;
	out->len = slash == fdi->name ? 1 : (size_t)(slash - fdi->name);
	return true;
}

/* Which end of an IP socket a field names. */
enum end { END_CLIENT, END_SERVER, END_LOCAL, END_REMOTE };

static const struct sinsp_fdinfo *ip_fd(const struct field_ctx *c, enum end end, bool *server)
{
	struct sinsp_fdinfo tmp;
	const struct sinsp_fdinfo *fdi = event_fdinfo(c, &tmp);

	if (!fdi || !fdi->ip_len)
		return NULL;
	*server = end == END_SERVER || (end == END_LOCAL && fdi->is_server) ||
		  (end == END_REMOTE && !fdi->is_server);
	return fdi;
}

static bool read_ip(const struct field_ctx *c, enum end end, struct field_value *out)
{
	bool server;
	const struct sinsp_fdinfo *fdi = ip_fd(c, end, &server);

	if (!fdi)
		return false;
	memcpy(out->ip, server ? fdi->sip : fdi->cip, fdi->ip_len);
	out->ip_len = fdi->ip_len;
	return true;
}

static bool read_port(const struct field_ctx *c, enum end end, struct field_value *out)
{
	bool server;
	const struct sinsp_fdinfo *fdi = ip_fd(c, end, &server);

	return fdi && field_set_num(out, server ? fdi->sport : fdi->cport);
}

#define IP_FIELD(fn, end)									\
	bool read_##fn(const struct field_ctx *c, uint32_t n, struct field_value *out)	\
	{ (void)n; return read_ip(c, end, out); }
#define PORT_FIELD(fn, end)									\
	bool read_##fn(const struct field_ctx *c, uint32_t n, struct field_value *out)	\
	{ (void)n; return read_port(c, end, out); }
IP_FIELD(fd_cip, END_CLIENT)
IP_FIELD(fd_sip, END_SERVER)
IP_FIELD(fd_lip, END_LOCAL)
IP_FIELD(fd_rip, END_REMOTE)
PORT_FIELD(fd_cport, END_CLIENT)
PORT_FIELD(fd_sport, END_SERVER)
PORT_FIELD(fd_lport, END_LOCAL)
PORT_FIELD(fd_rport, END_REMOTE)

