// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * Which syscalls a filter can pass (see sinsp_filter.h): a check of
 * evt.type (= or in) pins them; `and` keeps what all its pinned kids
 * share; `or` pins only if every kid does; `not` pins nothing. So
 *
 *   evt.type in (openat, connect) and proc.name = curl    -> openat, connect
 *   evt.type = openat or proc.name = curl                  -> any syscall
 */
#include <string.h>

#include "filter_int.h"
#include "scap_schema.h"

/* The name evt.type gives the events of syscall nr, or NULL. */
static const char *syscall_event_name(uint32_t nr)
{
	uint16_t enter, exit;
	const char *name;

	if (!scap_syscall_events(nr, &enter, &exit))
		return NULL;
	if (!scap_evt_is_generic(enter))
		return g_event_info[enter].name;
	/* A generic event is named by its syscall: Falco's name, or the kernel's. */
	name = scap_ppm_sc_name(scap_ppm_sc_of_syscall(nr));
	return name ? name : scap_syscall_name(nr);
}

static bool pins(const struct filter_node *n, bool set[SYSCALL_TABLE_SIZE])
{
	bool kid[SYSCALL_TABLE_SIZE], any = false;

	switch (n->kind) {
	case NODE_CHECK:
		if (strcmp(n->ref.field->name, "evt.type") || (n->op != OP_EQ && n->op != OP_IN))
			return false;
		for (uint32_t nr = 0; nr < SYSCALL_TABLE_SIZE; nr++) {
			const char *name = syscall_event_name(nr);

			set[nr] = false;
			for (uint32_t i = 0; name && i < n->nvalues; i++)
				set[nr] |= !strcmp(name, n->values[i].str);
		}
		return true;
	case NODE_AND:
		for (uint32_t i = 0; i < n->nkids; i++) {
			if (!pins(n->kids[i], kid))
				continue;
			for (uint32_t nr = 0; nr < SYSCALL_TABLE_SIZE; nr++)
				set[nr] = (any ? set[nr] : true) && kid[nr];
			any = true;
		}
		return any;
	case NODE_OR:
		memset(set, 0, SYSCALL_TABLE_SIZE * sizeof(*set));
		for (uint32_t i = 0; i < n->nkids; i++) {
			if (!pins(n->kids[i], kid))
				return false;
			for (uint32_t nr = 0; nr < SYSCALL_TABLE_SIZE; nr++)
				set[nr] |= kid[nr];
		}
		return true;
	default:
		return false;
	}
}

bool sinsp_filter_syscalls(const struct sinsp_filter *f, bool interesting[SYSCALL_TABLE_SIZE])
{
	bool set[SYSCALL_TABLE_SIZE];

	if (!pins(f->root, set))
		return false;
	for (uint32_t nr = 0; nr < SYSCALL_TABLE_SIZE; nr++)
		interesting[nr] |= set[nr];
	return true;
}
