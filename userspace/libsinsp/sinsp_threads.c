// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * The thread table (see sinsp.h): an open-addressing hash table of
 * pointers, keyed by tid. Every event looks its thread up, so a lookup
 * must not allocate; a thread lives in its own allocation, so a pointer
 * to it stays good while the table grows.
 *
 * A removed entry is not marked but filled by moving the entries after it
 * back (linear probing's "backward shift"), so there are no tombstones to
 * slow the probes of a table where threads come and go forever.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sinsp_int.h"

char *sinsp_strndup(const void *src, size_t n)
{
	char *s = malloc(n + 1);

	if (!s)
		return NULL;
	if (n)
		memcpy(s, src, n);
	s[n] = '\0';
	return s;
}

void sinsp_set_str(char **dst, const void *src, size_t n)
{
	char *s = sinsp_strndup(src, n);

	if (!s)
		return;
	free(*dst);
	*dst = s;
}

void sinsp_set_args(struct sinsp_threadinfo *t, const void *args, uint32_t len)
{
	char *copy = sinsp_strndup(args, len);

	if (!copy)
		return;
	free(t->args);
	t->args = copy;
	t->args_len = len;
}

struct sinsp *sinsp_new(const struct sinsp_options *opts)
{
	struct sinsp *s = calloc(1, sizeof(*s));

	if (!s)
		return NULL;
	if (opts)
		s->opts = *opts;
	if (!s->opts.max_threads)
		s->opts.max_threads = SINSP_DEFAULT_MAX_THREADS;
	if (!s->opts.max_fds)
		s->opts.max_fds = SINSP_DEFAULT_MAX_FDS;
	s->capacity = 1024;
	s->slots = calloc(s->capacity, sizeof(*s->slots));
	if (!s->slots) {
		free(s);
		return NULL;
	}
	return s;
}

static void thread_free(struct sinsp_threadinfo *t)
{
	sinsp_files_unref(t->files);
	free(t->exe);
	free(t->exepath);
	free(t->lastevent_path);
	free(t->args);
	free(t);
}

void sinsp_free(struct sinsp *s)
{
	if (!s)
		return;
	sinsp_files_unref(s->close_files);
	for (uint32_t i = 0; i < s->capacity; i++) {
		if (s->slots[i])
			thread_free(s->slots[i]);
	}
	free(s->slots);
	free(s);
}

static uint32_t slot_of(uint32_t capacity, int64_t tid)
{
	return ((uint64_t)tid * 0x9E3779B97F4A7C15ULL >> 32) & (capacity - 1);
}

struct sinsp_threadinfo *sinsp_get_thread(struct sinsp *s, int64_t tid)
{
	uint32_t mask = s->capacity - 1;

	for (uint32_t i = slot_of(s->capacity, tid); s->slots[i]; i = (i + 1) & mask) {
		if (s->slots[i]->tid == tid)
			return s->slots[i];
	}
	return NULL;
}

struct sinsp_threadinfo *sinsp_get_parent(struct sinsp *s, const struct sinsp_threadinfo *t)
{
	if (!t || t->ptid <= 0 || t->ptid == t->tid)
		return NULL;
	return sinsp_get_thread(s, t->ptid);
}

static void place(struct sinsp_threadinfo **slots, uint32_t capacity, struct sinsp_threadinfo *t)
{
	uint32_t i = slot_of(capacity, t->tid);

	while (slots[i])
		i = (i + 1) & (capacity - 1);
	slots[i] = t;
}

static int grow(struct sinsp *s)
{
	uint32_t capacity = s->capacity * 2;
	struct sinsp_threadinfo **slots = calloc(capacity, sizeof(*slots));

	if (!slots)
		return -1;
	for (uint32_t i = 0; i < s->capacity; i++) {
		if (s->slots[i])
			place(slots, capacity, s->slots[i]);
	}
	free(s->slots);
	s->slots = slots;
	s->capacity = capacity;
	return 0;
}

/* Take t out of its slot and close the gap behind it (see the top). */
static void unlink_slot(struct sinsp *s, const struct sinsp_threadinfo *t)
{
	uint32_t mask = s->capacity - 1, i = slot_of(s->capacity, t->tid), j;

	while (s->slots[i] != t)
		i = (i + 1) & mask;
	s->slots[i] = NULL;
	for (j = (i + 1) & mask; s->slots[j]; j = (j + 1) & mask) {
		uint32_t home = slot_of(s->capacity, s->slots[j]->tid);

		/* Move it back unless its home lies in (i, j]: it would be unreachable. */
		if ((j > i && (home <= i || home > j)) || (j < i && home <= i && home > j)) {
			s->slots[i] = s->slots[j];
			s->slots[j] = NULL;
			i = j;
		}
	}
	s->nthreads--;
}

void sinsp_thread_remove(struct sinsp *s, struct sinsp_threadinfo *t)
{
	if (s->to_forget == t)
		s->to_forget = NULL;
	unlink_slot(s, t);
	thread_free(t);
}

static int by_lastevent_ts(const void *a, const void *b)
{
	uint64_t x = (*(struct sinsp_threadinfo *const *)a)->lastevent_ts;
	uint64_t y = (*(struct sinsp_threadinfo *const *)b)->lastevent_ts;

	return x < y ? -1 : x > y;
}

/*
 * The table is full: evict the eighth of it seen least recently. A thread
 * whose procexit was dropped is the likeliest to be among them. Sorting
 * once per eighth of the table keeps the cost per new thread at log n.
 */
static void evict(struct sinsp *s)
{
	uint32_t n = 0, victims = s->nthreads / 8 + 1;
	struct sinsp_threadinfo **all = malloc(s->nthreads * sizeof(*all));

	if (!all)
		return;
	for (uint32_t i = 0; i < s->capacity; i++) {
		if (s->slots[i])
			all[n++] = s->slots[i];
	}
	qsort(all, n, sizeof(*all), by_lastevent_ts);
	for (uint32_t i = 0; i < victims && i < n; i++) {
		if (all[i] == s->current) {
			victims++;	/* the event's own thread stays */
			continue;
		}
		sinsp_thread_remove(s, all[i]);
		s->stats.threads_evicted++;
	}
	free(all);
}

struct sinsp_threadinfo *sinsp_thread_create(struct sinsp *s, int64_t tid)
{
	struct sinsp_threadinfo *t;

	if (s->nthreads >= s->opts.max_threads)
		evict(s);
	if ((s->nthreads + 1) * 2 > s->capacity && grow(s))
		return NULL;
	t = calloc(1, sizeof(*t));
	if (!t)
		return NULL;
	t->files = sinsp_files_new();
	t->exe = sinsp_strndup("", 0);
	t->exepath = sinsp_strndup("", 0);
	if (!t->files || !t->exe || !t->exepath) {
		free(t->exe);
		free(t->exepath);
		sinsp_files_unref(t->files);
		free(t);
		return NULL;
	}
	t->tid = tid;
	t->pid = -1;
	t->ptid = -1;
	t->vtid = -1;
	t->vpid = -1;
	t->uid = (uint32_t)-1;
	t->gid = (uint32_t)-1;
	t->lastevent_fd = -1;
	strcpy(t->comm, "<NA>");
	place(s->slots, s->capacity, t);
	s->nthreads++;
	s->stats.threads_added++;
	return t;
}

void sinsp_thread_share_files(struct sinsp_threadinfo *t, struct sinsp_files *f)
{
	if (t->files == f)
		return;
	f->refs++;
	sinsp_files_unref(t->files);
	t->files = f;
}

struct sinsp_threadinfo *sinsp_add_thread(struct sinsp *s, const struct scap_threadinfo *ti)
{
	struct sinsp_threadinfo *t, *leader;

	if (ti->tid <= 0)
		return NULL;
	t = sinsp_get_thread(s, ti->tid);
	if (!t)
		t = sinsp_thread_create(s, ti->tid);
	if (!t)
		return NULL;
	t->pid = ti->pid;
	t->ptid = ti->ptid;
	t->uid = ti->uid;
	t->gid = ti->gid;
	memcpy(t->comm, ti->comm, sizeof(t->comm));
	t->comm[sizeof(t->comm) - 1] = '\0';
	sinsp_set_str(&t->exe, ti->exe, strnlen(ti->exe, sizeof(ti->exe)));
	sinsp_set_str(&t->exepath, ti->exepath, strnlen(ti->exepath, sizeof(ti->exepath)));
	if (ti->args_len)
		sinsp_set_args(t, ti->args, ti->args_len);
	/* A process's threads share their files: its leader's, if it came first. */
	leader = t->pid != t->tid ? sinsp_get_thread(s, t->pid) : NULL;
	if (leader)
		sinsp_thread_share_files(t, leader->files);
	if (ti->cwd[0] == '/' && !t->files->cwd[0]) {
		/* sysdig writes it with a trailing '/': ours has none. */
		char *cwd = sinsp_path_join("/", ti->cwd, strnlen(ti->cwd, sizeof(ti->cwd)));

		if (cwd) {
			free(t->files->cwd);
			t->files->cwd = cwd;
		}
	}
	return t;
}

struct sinsp_threadinfo *sinsp_process_event(struct sinsp *s, const struct scap_evt_view *evt)
{
	struct sinsp_threadinfo *t;

	/* The fd the previous event closed, and the thread it ended, are gone now. */
	if (s->close_files) {
		sinsp_fd_remove(s->close_files, s->close_fd);
		sinsp_files_unref(s->close_files);
		s->close_files = NULL;
	}
	if (s->to_forget) {
		sinsp_thread_remove(s, s->to_forget);
		s->stats.threads_removed++;
	}
	t = sinsp_get_thread(s, (int64_t)evt->hdr->tid);
	s->current_is_new = !t;
	if (!t) {
		/* A new child is known from its clone event: /proc would only race with it. */
		t = sinsp_thread_create(s, (int64_t)evt->hdr->tid);
		if (t && !s->opts.no_proc && !sinsp_is_clone_child(evt))
			sinsp_proc_read_thread(s, t);
	}
	if (!t)
		return NULL;
	t->lastevent_ts = evt->hdr->ts;
	/* A raw event (one the schema does not know) has no params to learn from. */
	if (evt->info) {
		s->current = t;	/* never evicted while its event is parsed */
		sinsp_parse_event(s, t, evt);
		s->current = NULL;
	}
	return t;
}

void sinsp_get_stats(struct sinsp *s, struct sinsp_stats *stats)
{
	*stats = s->stats;
	stats->threads = s->nthreads;
	stats->fds = 0;
	stats->memory_bytes = sizeof(*s) + s->capacity * sizeof(*s->slots);
	/* Threads of a process share their files: each is counted once, marked. */
	for (uint32_t i = 0; i < s->capacity; i++) {
		if (s->slots[i])
			s->slots[i]->files->counted = false;
	}
	for (uint32_t i = 0; i < s->capacity; i++) {
		struct sinsp_threadinfo *t = s->slots[i];

		if (!t)
			continue;
		stats->memory_bytes += sizeof(*t) + strlen(t->exe) + strlen(t->exepath) + 2 +
				       t->args_len;
		if (!t->files->counted) {
			t->files->counted = true;
			stats->fds += t->files->nfds;
			stats->memory_bytes += sinsp_files_memory(t->files);
		}
	}
}
