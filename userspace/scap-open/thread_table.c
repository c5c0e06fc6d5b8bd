// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * See thread_table.h. An open-addressing hash table keyed by tid: lookups
 * happen once per event, so they must not allocate.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <asm/unistd.h>
#include "ppm_flags.h"
#include "proc_tree.h"
#include "scap_schema.h"
#include "thread_table.h"

#define TOMBSTONE -1	/* a forgotten thread: keeps probe chains intact */

int thread_table_init(struct thread_table *tt)
{
	memset(tt, 0, sizeof(*tt));
	tt->root_tid = -1;
	tt->capacity = 1024;
	tt->slots = calloc(tt->capacity, sizeof(*tt->slots));
	return tt->slots ? 0 : -1;
}

void thread_table_fini(struct thread_table *tt)
{
	free(tt->slots);
	memset(tt, 0, sizeof(*tt));
}

static uint32_t slot_of(const struct thread_table *tt, int64_t tid)
{
	return ((uint64_t)tid * 0x9E3779B97F4A7C15ULL >> 32) & (tt->capacity - 1);
}

static struct thread_info *lookup(struct thread_table *tt, int64_t tid)
{
	for (uint32_t i = slot_of(tt, tid), n = 0; n < tt->capacity;
	     i = (i + 1) & (tt->capacity - 1), n++) {
		if (tt->slots[i].tid == 0)
			return NULL;
		if (tt->slots[i].tid == tid)
			return &tt->slots[i];
	}
	return NULL;
}

static int grow(struct thread_table *tt);

/* A new, blank entry for tid (which must not be in the table). */
static struct thread_info *insert(struct thread_table *tt, int64_t tid)
{
	uint32_t i;

	if (tt->used + 1 > tt->capacity / 2 && grow(tt))
		return NULL;
	for (i = slot_of(tt, tid); tt->slots[i].tid > 0; i = (i + 1) & (tt->capacity - 1))
		;
	if (tt->slots[i].tid == 0)
		tt->used++;
	memset(&tt->slots[i], 0, sizeof(tt->slots[i]));
	tt->slots[i].tid = tid;
	tt->slots[i].pid = -1;
	strcpy(tt->slots[i].comm, "<NA>");
	return &tt->slots[i];
}

/* Double the table; tombstones are dropped on the way. */
static int grow(struct thread_table *tt)
{
	struct thread_table bigger = { .capacity = tt->capacity * 2 };

	bigger.slots = calloc(bigger.capacity, sizeof(*bigger.slots));
	if (!bigger.slots)
		return -1;
	for (uint32_t i = 0; i < tt->capacity; i++) {
		struct thread_info *t;

		if (tt->slots[i].tid <= 0)
			continue;
		t = insert(&bigger, tt->slots[i].tid);
		*t = tt->slots[i];
	}
	free(tt->slots);
	tt->slots = bigger.slots;
	tt->capacity = bigger.capacity;
	tt->used = bigger.used;
	return 0;
}

static bool in_scope(struct thread_table *tt, int64_t tid)
{
	struct thread_info *t = lookup(tt, tid);

	return t && t->in_scope;
}

/* The Tgid of /proc/<tid>/status: its process; -1 if the thread is gone. */
static int64_t read_tgid(int64_t tid)
{
	char path[64], line[256];
	int64_t tgid = -1;
	FILE *f;

	snprintf(path, sizeof(path), "/proc/%lld/status", (long long)tid);
	f = fopen(path, "r");
	if (!f)
		return -1;
	while (fgets(line, sizeof(line), f)) {
		if (!strncmp(line, "Tgid:", 5)) {
			tgid = strtoll(line + 5, NULL, 10);
			break;
		}
	}
	fclose(f);
	return tgid > 0 ? tgid : -1;
}

/*
 * Fill pid and comm of a thread we did not see start, from /proc, and
 * with a command running, place it in or out of its scope.
 */
static void read_proc(struct thread_table *tt, struct thread_info *t)
{
	char path[64];
	FILE *f;

	t->pid = read_tgid(t->tid);
	if (t->pid < 0) {
		/* Gone: nothing tells whether it was the command's. */
		t->unplaced = tt->root_tid > 0;
	} else if (tt->root_tid > 0 && t->tid != tt->root_tid) {
		/*
		 * The command's first thread joins at its execve (before it, it
		 * runs scap-open's code); its other threads with it; every other
		 * thread by its process's ancestry.
		 */
		if (t->pid == tt->root_tid)
			t->in_scope = in_scope(tt, tt->root_tid);
		else
			t->in_scope = proc_descends_from(t->pid, tt->reaper);
	}
	snprintf(path, sizeof(path), "/proc/%lld/comm", (long long)t->tid);
	f = fopen(path, "r");
	if (f) {
		if (fgets(t->comm, sizeof(t->comm), f))
			t->comm[strcspn(t->comm, "\n")] = '\0';
		fclose(f);
	}
}

static struct thread_info *get(struct thread_table *tt, int64_t tid)
{
	struct thread_info *t = lookup(tt, tid);

	if (t)
		return t;
	t = insert(tt, tid);
	if (t && !tt->from_file)
		read_proc(tt, t);
	return t;
}

void thread_table_add_known(struct thread_table *tt, int64_t tid, int64_t pid,
			    const char *comm)
{
	struct thread_info *t;

	if (tid <= 0)	/* 0 marks a free slot, below it a tombstone */
		return;
	t = lookup(tt, tid);
	if (!t)
		t = insert(tt, tid);
	if (!t)
		return;
	t->pid = pid;
	snprintf(t->comm, sizeof(t->comm), "%s", comm);
}

void thread_table_add_root(struct thread_table *tt, pid_t pid)
{
	struct thread_info *t = get(tt, pid);

	/* In scope from its execve on: what runs before it is scap-open's own code. */
	tt->root_tid = pid;
	tt->reaper = getpid();
	if (t)
		t->pid = pid;
}

/* The event's "comm" param, if it has one, becomes the thread's name. */
static void copy_comm_named(struct thread_info *t, const struct scap_evt_view *evt)
{
	const struct scap_evt_param *p = scap_evt_param_by_name(evt, "comm");
	size_t n;

	if (!p || !p->len)
		return;
	n = p->len < sizeof(t->comm) ? p->len : sizeof(t->comm) - 1;
	memcpy(t->comm, p->val, n);
	t->comm[n] = '\0';
}

static bool is_clone_exit(uint16_t type)
{
	return type == PPME_SYSCALL_CLONE_20_X || type == PPME_SYSCALL_FORK_20_X ||
	       type == PPME_SYSCALL_VFORK_20_X || type == PPME_SYSCALL_CLONE3_X;
}

/* An execve/execveat enter, as its own event or as the generic one. */
static bool is_execve_enter(const struct scap_evt_view *evt)
{
	uint16_t type = evt->hdr->type;

	if (type == PPME_GENERIC_E) {
		uint16_t nr = scap_evt_param_u16(evt, 0);

		return nr == __NR_execve || nr == __NR_execveat;
	}
	return type == PPME_SYSCALL_EXECVE_19_E || type == PPME_SYSCALL_EXECVEAT_E;
}

static bool is_execve_exit(uint16_t type)
{
	return type == PPME_SYSCALL_EXECVE_19_X || type == PPME_SYSCALL_EXECVEAT_X;
}

static void learn_from_clone(struct thread_table *tt, struct thread_info *t,
			     const struct scap_evt_view *evt)
{
	int64_t res = scap_evt_param_s64_by_name(evt, "res");

	if (res == 0) {
		/* The child's side: its own pid, name and parent. */
		int64_t pid = scap_evt_param_s64_by_name(evt, "pid");

		t->pid = pid;
		copy_comm_named(t, evt);
		/* A new process's parent, or a new thread's process leader (tid == pid). */
		if (in_scope(tt, scap_evt_param_s64_by_name(evt, "ptid")) || in_scope(tt, pid)) {
			t->in_scope = true;
			t->unplaced = false;
		}
	} else if (res > 0 && t->in_scope) {
		/* The parent's side, which may come first: the child joins the scope. */
		struct thread_info parent = *t;	/* insert() may move t */
		struct thread_info *child = lookup(tt, res);
		uint32_t flags = scap_evt_param_u32_by_name(evt, "flags");

		if (!child)
			child = insert(tt, res);
		if (!child)
			return;
		child->in_scope = true;
		child->unplaced = false;
		child->pid = flags & PPM_CL_CLONE_THREAD ? parent.pid : res;
		if (!strcmp(child->comm, "<NA>"))
			memcpy(child->comm, parent.comm, sizeof(child->comm));
	}
}

struct thread_info *thread_table_update(struct thread_table *tt,
					const struct scap_evt_view *evt)
{
	int64_t tid = evt->hdr->tid;
	uint16_t type = evt->hdr->type;
	struct thread_info *t;

	/* The thread whose procexit was the previous event is gone now. */
	if (tt->to_forget) {
		tt->to_forget->tid = TOMBSTONE;
		tt->to_forget = NULL;
	}
	t = get(tt, tid);
	if (!t)
		return NULL;

	/* A raw event (one the schema does not know) has no params to learn from. */
	if (!evt->info)
		return t;
	if (type == PPME_GENERIC_E)
		t->generic_nr = scap_evt_param_u16(evt, 1);
	if (is_clone_exit(type)) {
		learn_from_clone(tt, t, evt);
	} else if (is_execve_exit(type) && scap_evt_param_s64_by_name(evt, "res") == 0) {
		t->pid = scap_evt_param_s64_by_name(evt, "pid");
		copy_comm_named(t, evt);
	} else if (tid == tt->root_tid && (is_execve_enter(evt) ||
		   (tt->root_exec_ts && evt->hdr->ts >= tt->root_exec_ts))) {
		/* Its execve, or if that event was dropped, anything after it. */
		t->in_scope = true;
	} else if (type == PPME_PROCEXIT_1_E) {
		t->exited = true;
		tt->to_forget = t;
	}
	/* Looked up again: learning from a clone may have grown the table. */
	t = lookup(tt, tid);
	if (t && t->unplaced && !t->in_scope)
		tt->unplaced_events++;
	return t;
}
