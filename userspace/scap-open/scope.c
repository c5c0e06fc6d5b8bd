// SPDX-License-Identifier: GPL-2.0-only OR MIT
/* See scope.h. */
#include <string.h>
#include <unistd.h>
#include <asm/unistd.h>
#include "ppm_flags.h"
#include "proc_tree.h"
#include "scap_schema.h"
#include "scope.h"

/* The bits of sinsp_threadinfo.user that this file owns. */
#define SCOPE_PLACED	1u	/* looked at once: in or out is known, or cannot be */
#define SCOPE_IN	2u
#define SCOPE_UNPLACED	4u	/* met gone from /proc: in or out cannot be known */

void scope_init(struct scope *sc, bool from_file)
{
	memset(sc, 0, sizeof(*sc));
	sc->root_tid = -1;
	sc->from_file = from_file;
}

void scope_set_root(struct scope *sc, pid_t pid)
{
	sc->root_tid = pid;
	sc->reaper = getpid();
}

static bool in_scope(struct sinsp *s, int64_t tid)
{
	const struct sinsp_threadinfo *t = sinsp_get_thread(s, tid);

	return t && (t->user & SCOPE_IN);
}

/* A thread met for the first time: is it the command's? */
static void place(struct scope *sc, struct sinsp *s, struct sinsp_threadinfo *t)
{
	t->user |= SCOPE_PLACED;
	if (sc->from_file || sc->root_tid <= 0 || t->tid == sc->root_tid)
		return;	/* the command's first thread joins at its execve */
	if (t->pid < 0) {
		t->user |= SCOPE_UNPLACED;	/* gone: nothing tells whether it was */
		return;
	}
	/* Its other threads join with it; every other thread by its process's ancestry. */
	if (t->pid == sc->root_tid ? in_scope(s, sc->root_tid)
				   : proc_descends_from(t->pid, sc->reaper))
		t->user |= SCOPE_IN;
}

/* An execve/execveat enter, as its own event or as the generic one. */
static bool is_execve_enter(const struct scap_evt_view *evt)
{
	uint16_t type = evt->hdr->type;

	if (type == PPME_GENERIC_E) {
		uint16_t nr = scap_evt_param_u16(evt, 1);	/* nativeID */

		return nr == __NR_execve || nr == __NR_execveat;
	}
	return type == PPME_SYSCALL_EXECVE_19_E || type == PPME_SYSCALL_EXECVEAT_E;
}

static void learn_from_clone(struct sinsp *s, struct sinsp_threadinfo *t,
			     const struct scap_evt_view *evt)
{
	int64_t res = scap_evt_param_s64_by_name(evt, "res");
	struct sinsp_threadinfo *child;

	if (res == 0) {
		/* The child's side: a new process's parent, or a new thread's process leader. */
		if (in_scope(s, t->ptid) || in_scope(s, t->pid))
			t->user = (t->user | SCOPE_IN) & ~SCOPE_UNPLACED;
	} else if (res > 0 && (t->user & SCOPE_IN)) {
		/* The parent's side, which may come first: the child joins the scope. */
		child = sinsp_get_thread(s, res);
		if (child)
			child->user = (child->user | SCOPE_PLACED | SCOPE_IN) & ~SCOPE_UNPLACED;
	}
}

bool scope_update(struct scope *sc, struct sinsp *s, struct sinsp_threadinfo *t,
		  const struct scap_evt_view *evt)
{
	if (!t)
		return false;
	if (!(t->user & SCOPE_PLACED))
		place(sc, s, t);
	/* A raw event (one the schema does not know) has no params to learn from. */
	if (evt->info && sinsp_is_clone_exit(evt->hdr->type)) {
		learn_from_clone(s, t, evt);
	} else if (t->tid == sc->root_tid && (is_execve_enter(evt) ||
		   (sc->root_exec_ts && evt->hdr->ts >= sc->root_exec_ts))) {
		/* Its execve, or if that event was dropped, anything after it. */
		t->user |= SCOPE_IN;
	}
	if ((t->user & SCOPE_UNPLACED) && !(t->user & SCOPE_IN))
		sc->unplaced_events++;
	return t->user & SCOPE_IN;
}
