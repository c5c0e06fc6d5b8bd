// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * A process's files (see sinsp.h): its cwd and its fd table, an
 * open-addressing hash table of fdinfo keyed by fd. Threads created with
 * CLONE_THREAD share one (refs counts them); fork() copies it. Removal
 * moves the entries after a gap back, as in sinsp_threads.c.
 */
#include <stdlib.h>
#include <string.h>

#include "sinsp_int.h"

struct sinsp_files *sinsp_files_new(void)
{
	struct sinsp_files *f = calloc(1, sizeof(*f));

	if (!f)
		return NULL;
	f->refs = 1;
	f->cwd = sinsp_strndup("", 0);
	if (!f->cwd) {
		free(f);
		return NULL;
	}
	return f;
}

void sinsp_files_unref(struct sinsp_files *f)
{
	if (!f || --f->refs)
		return;
	for (uint32_t i = 0; i < f->capacity; i++) {
		if (f->slots[i].type)
			free(f->slots[i].name);
	}
	free(f->slots);
	free(f->cwd);
	free(f);
}

static uint32_t slot_of(uint32_t capacity, int64_t fd)
{
	return ((uint64_t)fd * 0x9E3779B97F4A7C15ULL >> 32) & (capacity - 1);
}

struct sinsp_fdinfo *sinsp_fd_find(const struct sinsp_files *f, int64_t fd)
{
	uint32_t mask = f->capacity - 1;

	if (!f->capacity)
		return NULL;
	for (uint32_t i = slot_of(f->capacity, fd); f->slots[i].type; i = (i + 1) & mask) {
		if (f->slots[i].fd == fd)
			return &f->slots[i];
	}
	return NULL;
}

const struct sinsp_fdinfo *sinsp_get_fd(const struct sinsp_threadinfo *t, int64_t fd)
{
	return t ? sinsp_fd_find(t->files, fd) : NULL;
}

static struct sinsp_fdinfo *place(struct sinsp_fdinfo *slots, uint32_t capacity, int64_t fd)
{
	uint32_t i = slot_of(capacity, fd);

	while (slots[i].type)
		i = (i + 1) & (capacity - 1);
	return &slots[i];
}

static int grow(struct sinsp_files *f)
{
	uint32_t capacity = f->capacity ? f->capacity * 2 : 16;
	struct sinsp_fdinfo *slots = calloc(capacity, sizeof(*slots));

	if (!slots)
		return -1;
	for (uint32_t i = 0; i < f->capacity; i++) {
		if (f->slots[i].type)
			*place(slots, capacity, f->slots[i].fd) = f->slots[i];
	}
	free(f->slots);
	f->slots = slots;
	f->capacity = capacity;
	return 0;
}

struct sinsp_fdinfo *sinsp_fd_add(struct sinsp *s, struct sinsp_files *f, int64_t fd)
{
	struct sinsp_fdinfo *fdi = sinsp_fd_find(f, fd);
	char *name = sinsp_strndup("", 0);

	if (!name)
		return NULL;
	if (fdi) {
		free(fdi->name);	/* its close was not seen */
	} else {
		if (f->nfds >= s->opts.max_fds || ((f->nfds + 1) * 2 > f->capacity && grow(f))) {
			s->stats.fds_dropped++;
			free(name);
			return NULL;
		}
		fdi = place(f->slots, f->capacity, fd);
		f->nfds++;
	}
	memset(fdi, 0, sizeof(*fdi));
	fdi->fd = fd;
	fdi->type = SINSP_FD_OTHER;
	fdi->name = name;
	return fdi;
}

void sinsp_fd_remove(struct sinsp_files *f, int64_t fd)
{
	struct sinsp_fdinfo *fdi = sinsp_fd_find(f, fd);
	uint32_t mask = f->capacity - 1, i, j;

	if (!fdi)
		return;
	free(fdi->name);
	fdi->type = 0;
	f->nfds--;
	i = (uint32_t)(fdi - f->slots);
	for (j = (i + 1) & mask; f->slots[j].type; j = (j + 1) & mask) {
		uint32_t home = slot_of(f->capacity, f->slots[j].fd);

		/* Move it back unless its home lies in (i, j]: it would be unreachable. */
		if ((j > i && (home <= i || home > j)) || (j < i && home <= i && home > j)) {
			f->slots[i] = f->slots[j];
			f->slots[j].type = 0;
			i = j;
		}
	}
}

struct sinsp_files *sinsp_files_copy(const struct sinsp_files *f)
{
	struct sinsp_files *c = calloc(1, sizeof(*c));

	if (!c)
		return NULL;
	c->refs = 1;
	c->cwd = sinsp_strndup(f->cwd, strlen(f->cwd));
	c->slots = f->capacity ? calloc(f->capacity, sizeof(*c->slots)) : NULL;
	if (!c->cwd || (f->capacity && !c->slots)) {
		free(c->cwd);
		free(c->slots);
		free(c);
		return NULL;
	}
	c->capacity = f->capacity;
	for (uint32_t i = 0; i < f->capacity; i++) {
		if (!f->slots[i].type)
			continue;
		c->slots[i] = f->slots[i];
		c->slots[i].name = sinsp_strndup(f->slots[i].name, strlen(f->slots[i].name));
		if (!c->slots[i].name) {
			c->slots[i].type = 0;
			sinsp_files_unref(c);
			return NULL;
		}
		c->nfds++;
	}
	return c;
}

void sinsp_files_close_on_exec(struct sinsp_files *f)
{
	/* LAB 15.3 BEGIN: remove every fd of f whose cloexec is set; keep every other one findable */
	/*
	 * A removal may move a later entry into slot i: i is looked at again.
	 * An entry it moves from the table's start was looked at already.
	 */
	for (uint32_t i = 0; i < f->capacity;) {
		if (f->slots[i].type && f->slots[i].cloexec)
			sinsp_fd_remove(f, f->slots[i].fd);
		else
			i++;
	}
	/* LAB 15.3 STARTER: // For now, execve closes nothing: an O_CLOEXEC fd lives on in the table. */
	/* LAB 15.3 STARTER: (void)f; */
	/* LAB 15.3 END */
}

size_t sinsp_files_memory(const struct sinsp_files *f)
{
	size_t n = sizeof(*f) + strlen(f->cwd) + 1 + f->capacity * sizeof(*f->slots);

	for (uint32_t i = 0; i < f->capacity; i++) {
		if (f->slots[i].type)
			n += strlen(f->slots[i].name) + 1;
	}
	return n;
}
