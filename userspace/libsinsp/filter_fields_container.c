// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * The container fields of filters and formats (see filter_fields.c for
 * the others and the table): a process's container, as its cgroups name
 * it (sinsp_container.c), and its ids in its own pid namespace.
 *
 *   scap-open -p '%proc.name %container.id %container.type %proc.vpid' 'container.id != host'
 */
#include "filter_int.h"
#include "sinsp_int.h"

/* Falco's word for a process in no container. */
#define NO_CONTAINER "host"

CONTAINER_FIELD_READER(container_id)
{
	const struct sinsp_threadinfo *t = c->e->thread;

	(void)n;
	if (!t)
		return false;
	return field_set_str(out, t->container_id[0] ? t->container_id : NO_CONTAINER);
}

CONTAINER_FIELD_READER(container_type)
{
	const struct sinsp_threadinfo *t = c->e->thread;

	(void)n;
	if (!t)
		return false;
	return field_set_str(out, t->container_type ? t->container_type : NO_CONTAINER);
}

CONTAINER_FIELD_READER(proc_vpid)
{
	const struct sinsp_threadinfo *t = c->e->thread;

	(void)n;
	return t && t->vpid >= 0 && field_set_num(out, t->vpid);
}

CONTAINER_FIELD_READER(thread_vtid)
{
	const struct sinsp_threadinfo *t = c->e->thread;

	(void)n;
	return t && t->vtid >= 0 && field_set_num(out, t->vtid);
}
