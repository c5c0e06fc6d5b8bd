// SPDX-License-Identifier: GPL-2.0-only OR MIT
/* See scap_schema.h. */
#include <string.h>
#include "ppm_flags.h"
#include "scap_schema.h"

const char *scap_syscall_name(uint32_t nr)
{
	return nr < SYSCALL_TABLE_SIZE ? g_syscall_names[nr] : NULL;
}

int scap_syscall_by_name(const char *name)
{
	for (int nr = 0; nr < SYSCALL_TABLE_SIZE; nr++) {
		if (g_syscall_names[nr] && !strcmp(g_syscall_names[nr], name))
			return nr;
	}
	return -1;
}

#define PPM_SC_NAME_ENTRY(id, name, nr) [nr] = name,
static const char *const ppm_sc_names[PPM_SC_MAX] = { PPM_SC_LIST(PPM_SC_NAME_ENTRY) };

const char *scap_ppm_sc_name(uint32_t code)
{
	return code > PPM_SC_UNKNOWN && code < PPM_SC_MAX ? ppm_sc_names[code] : NULL;
}

uint16_t scap_ppm_sc_of_syscall(uint32_t nr)
{
	return nr < SYSCALL_TABLE_SIZE ? g_syscall_code_routing_table[nr] : PPM_SC_UNKNOWN;
}

bool scap_syscall_events(uint32_t nr, uint16_t *enter, uint16_t *exit)
{
	const struct syscall_evt_pair *p;

	if (nr >= SYSCALL_TABLE_SIZE)
		return false;
	p = &g_syscall_table[nr];
	*enter = p->flags & UF_USED ? p->enter_event_type : PPME_GENERIC_E;
	*exit = p->flags & UF_USED ? p->exit_event_type : PPME_GENERIC_X;
	return true;
}

bool scap_evt_type_is_known(uint32_t type)
{
	return type < PPM_EVENT_MAX && g_event_info[type].name[0];
}

int scap_param_index(uint16_t type, const char *name)
{
	const struct ppm_event_info *info;

	if (!scap_evt_type_is_known(type) || !name)
		return -1;
	info = &g_event_info[type];
	for (uint32_t i = 0; i < info->nparams; i++)
		if (!strcmp(info->params[i].name, name))
			return (int)i;
	return -1;
}

const struct scap_evt_param *scap_evt_param_by_name(const struct scap_evt_view *v,
						    const char *name)
{
	int i = scap_param_index(v->hdr->type, name);

	return i < 0 || (uint32_t)i >= v->nparams ? NULL : &v->params[i];
}

int64_t scap_evt_param_s64_by_name(const struct scap_evt_view *v, const char *name)
{
	int i = scap_param_index(v->hdr->type, name);

	return i < 0 ? 0 : scap_evt_param_s64(v, i);
}

uint32_t scap_evt_param_u32_by_name(const struct scap_evt_view *v, const char *name)
{
	int i = scap_param_index(v->hdr->type, name);

	return i < 0 ? 0 : scap_evt_param_u32(v, i);
}

const char *scap_evt_param_str_by_name(const struct scap_evt_view *v, const char *name)
{
	int i = scap_param_index(v->hdr->type, name);

	return i < 0 ? NULL : scap_evt_param_str(v, i);
}

bool scap_evt_is_generic(uint16_t type)
{
	return type == PPME_GENERIC_E || type == PPME_GENERIC_X;
}

const char *scap_evt_name(const struct scap_evt_view *v)
{
	const char *name;

	/*
	 * A raw view (scap_event_raw.h) has no schema: the table's name if it
	 * has one, else Falco's name for the code (an event of Falco's drivers).
	 */
	if (!v->info) {
		uint16_t type = v->hdr->type;

		if (scap_evt_type_is_known(type))
			return g_event_info[type].name;
		if (type < PPM_EVENT_MAX && g_falco_event_names[type])
			return g_falco_event_names[type];
		return "unknown";
	}
	if (scap_evt_is_generic(v->hdr->type)) {
		name = scap_ppm_sc_name(scap_evt_param_u16(v, 0));
		if (!name && v->hdr->type == PPME_GENERIC_E)
			name = scap_syscall_name(scap_evt_param_u16(v, 1));
		if (name)
			return name;
	}
	return v->info->name;
}

uint32_t scap_sockaddr_size(enum ppm_param_type type, uint8_t family, bool *at_least)
{
	bool tuple = type == PT_SOCKTUPLE;

	*at_least = false;
	switch (family) {
	case PPM_AF_INET:
		return tuple ? 1 + 4 + 2 + 4 + 2 : 1 + 4 + 2;
	case PPM_AF_INET6:
		return tuple ? 1 + 16 + 2 + 16 + 2 : 1 + 16 + 2;
	case PPM_AF_UNIX:
		*at_least = true;
		return tuple ? 1 + 8 + 8 + 1 : 1 + 1;
	default:
		return 0;
	}
}

bool scap_buffer_size_is_valid(unsigned long bytes)
{
	return bytes >= 4096 && (bytes & (bytes - 1)) == 0;
}
