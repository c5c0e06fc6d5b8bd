// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * Lab 15.3's cases: sinsp_files_close_on_exec() on tables of many fds,
 * some of them O_CLOEXEC, laid out so that removing one moves others
 * (sinsp_fdtable.c, sinsp_fd_remove). After it, every fd without cloexec
 * must still be found, with its name, and no fd with cloexec.
 *
 *   fd_cases
 *
 * Prints one line per table that went wrong; exits 1 if any did.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sinsp.h"
#include "sinsp_int.h"

/* A small xorshift: the same tables on every run. */
static uint32_t g_seed;

static uint32_t next_random(void)
{
	g_seed ^= g_seed << 13;
	g_seed ^= g_seed >> 17;
	g_seed ^= g_seed << 5;
	return g_seed;
}

/* One table: n fds, each fd cloexec with probability 1/every. */
static int one_table(struct sinsp *s, uint32_t seed, uint32_t n, uint32_t every)
{
	struct sinsp_files *f = sinsp_files_new();
	static int64_t fds[4096];
	static bool cloexec[4096];
	uint32_t kept = 0, wrong = 0;

	if (!f) {
		printf("  out of memory\n");
		return 1;
	}
	g_seed = seed;
	for (uint32_t i = 0; i < n; i++) {
		struct sinsp_fdinfo *fdi;
		char name[32];

		fds[i] = i < n / 2 ? (int64_t)i : (int64_t)(next_random() % 100000);
		if (sinsp_fd_find(f, fds[i])) {
			fds[i] = -1;	/* drawn twice: left out */
			continue;
		}
		fdi = sinsp_fd_add(s, f, fds[i]);
		if (!fdi) {
			printf("  sinsp_fd_add failed\n");
			sinsp_files_unref(f);
			return 1;
		}
		snprintf(name, sizeof(name), "/f/%lld", (long long)fds[i]);
		free(fdi->name);
		fdi->name = strdup(name);
		fdi->type = SINSP_FD_FILE;
		cloexec[i] = next_random() % every == 0;
		fdi->cloexec = cloexec[i];
		kept += !cloexec[i];
	}
	sinsp_files_close_on_exec(f);
	for (uint32_t i = 0; i < n; i++) {
		const struct sinsp_fdinfo *fdi;
		char name[32];

		if (fds[i] < 0)
			continue;
		fdi = sinsp_fd_find(f, fds[i]);
		snprintf(name, sizeof(name), "/f/%lld", (long long)fds[i]);
		if (cloexec[i] && fdi) {
			if (!wrong++)
				printf("  %u fds, 1 in %u O_CLOEXEC: fd %lld (O_CLOEXEC) is still there\n",
				       n, every, (long long)fds[i]);
		} else if (!cloexec[i] && (!fdi || strcmp(fdi->name, name))) {
			if (!wrong++)
				printf("  %u fds, 1 in %u O_CLOEXEC: fd %lld (no O_CLOEXEC) %s\n", n,
				       every, (long long)fds[i], fdi ? "has the wrong name" : "is gone");
		}
	}
	if (!wrong && f->nfds != kept) {
		printf("  %u fds, 1 in %u O_CLOEXEC: the table counts %u fds, %u are left\n", n, every,
		       f->nfds, kept);
		wrong = 1;
	}
	sinsp_files_unref(f);
	return wrong ? 1 : 0;
}

int main(void)
{
	struct sinsp_options o = { .no_proc = true };
	struct sinsp *s = sinsp_new(&o);
	static const uint32_t sizes[] = { 3, 10, 100, 1000, 4000 };
	static const uint32_t everies[] = { 1, 2, 3, 7 };
	int bad = 0;

	if (!s) {
		printf("  sinsp_new failed\n");
		return 1;
	}
	for (uint32_t k = 0; k < sizeof(sizes) / sizeof(sizes[0]); k++) {
		for (uint32_t e = 0; e < sizeof(everies) / sizeof(everies[0]); e++)
			bad |= one_table(s, 2463534242u + k * 31 + e, sizes[k], everies[e]);
	}
	sinsp_free(s);
	return bad;
}
