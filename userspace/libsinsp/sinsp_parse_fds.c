// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * The fds that the autofilled syscalls and socketpair create (see
 * driver/autofill_table.h): eventfd, signalfd, timerfd_create,
 * inotify_init, userfaultfd, socketpair, and fcntl's F_DUPFD. They name
 * no file, so each is only typed, as sysdig types them; fcntl's copy
 * names what the old fd names, as dup's (sinsp_parsers.c) does.
 */
#include <stdlib.h>
#include <string.h>

#include "ppm_flags.h"
#include "scap_schema.h"
#include "sinsp_int.h"

/* The exit's res, a new fd, of this type. */
static void add_typed_fd(struct sinsp *s, struct sinsp_threadinfo *t,
			 const struct scap_evt_view *evt, char type)
{
	int64_t fd = scap_evt_param_s64(evt, 0);
	struct sinsp_fdinfo *fdi;

	if (fd >= 0 && (fdi = sinsp_fd_add(s, t->files, fd)))
		fdi->type = type;
}

static void parse_socketpair_exit(struct sinsp *s, struct sinsp_threadinfo *t,
				  const struct scap_evt_view *evt)
{
	struct sinsp_fdinfo *fdi;

	if (scap_evt_param_s64(evt, 0) != 0 || evt->params[1].len == 0)
		return;
	if ((fdi = sinsp_fd_add(s, t->files, scap_evt_param_s64_by_name(evt, "fd1"))))
		fdi->type = SINSP_FD_UNIX_SOCK;
	if ((fdi = sinsp_fd_add(s, t->files, scap_evt_param_s64_by_name(evt, "fd2"))))
		fdi->type = SINSP_FD_UNIX_SOCK;
}

/*
 * fcntl(fd, F_DUPFD or F_DUPFD_CLOEXEC, min) = newfd: a copy of fd's entry.
 * The same steps as parse_dup_exit() in sinsp_parsers.c, on purpose not
 * shared: that one is lab 15's exercise, and must stand alone.
 */
static void parse_fcntl_exit(struct sinsp *s, struct sinsp_threadinfo *t,
			     const struct scap_evt_view *evt)
{
	int64_t newfd = scap_evt_param_s64(evt, 0);
	const struct sinsp_fdinfo *old;
	struct sinsp_fdinfo copy, *fdi;

	if (t->lastevent_type != PPME_SYSCALL_FCNTL_E || newfd < 0 ||
	    (t->lastevent_fcntl_cmd != PPM_FCNTL_F_DUPFD &&
	     t->lastevent_fcntl_cmd != PPM_FCNTL_F_DUPFD_CLOEXEC) ||
	    !(old = sinsp_fd_find(t->files, t->lastevent_fd)))
		return;
	copy = *old;	/* adding may move the table: old would be stale */
	copy.name = sinsp_strndup(old->name, strlen(old->name));
	if (!copy.name)
		return;
	fdi = sinsp_fd_add(s, t->files, newfd);
	if (!fdi) {
		free(copy.name);
		return;
	}
	free(fdi->name);
	*fdi = copy;
	fdi->fd = newfd;
	fdi->cloexec = t->lastevent_fcntl_cmd == PPM_FCNTL_F_DUPFD_CLOEXEC;
}

bool sinsp_parse_new_fd_exit(struct sinsp *s, struct sinsp_threadinfo *t,
			     const struct scap_evt_view *evt)
{
	switch (evt->hdr->type) {
	case PPME_SYSCALL_EVENTFD_X:
		add_typed_fd(s, t, evt, SINSP_FD_EVENT);
		return true;
	case PPME_SYSCALL_SIGNALFD_X:
		add_typed_fd(s, t, evt, SINSP_FD_SIGNAL);
		return true;
	case PPME_SYSCALL_TIMERFD_CREATE_X:
		add_typed_fd(s, t, evt, SINSP_FD_TIMERFD);
		return true;
	case PPME_SYSCALL_INOTIFY_INIT_X:
		add_typed_fd(s, t, evt, SINSP_FD_INOTIFY);
		return true;
	case PPME_SYSCALL_USERFAULTFD_X:
		add_typed_fd(s, t, evt, SINSP_FD_OTHER);
		return true;
	case PPME_SOCKET_SOCKETPAIR_X:
		parse_socketpair_exit(s, t, evt);
		return true;
	case PPME_SYSCALL_FCNTL_X:
		parse_fcntl_exit(s, t, evt);
		return true;
	default:
		return false;
	}
}
