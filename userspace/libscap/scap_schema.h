/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * Questions about the schema, each answered in one place: the decoder, the
 * formatters, the engines and scap-open ask here instead of reading the
 * tables (driver/event_table.c, syscall_table.c, syscall_names.c) their
 * own way.
 */
#ifndef SCAPLAB_SCAP_SCHEMA_H
#define SCAPLAB_SCAP_SCHEMA_H

#include <stdbool.h>
#include <stdint.h>
#include "scap_event.h"

/* "openat" for 257: the x86_64 syscall's name; NULL for an unused number. */
const char *scap_syscall_name(uint32_t nr);

/* 257 for "openat"; -1 if no x86_64 syscall has that name. */
int scap_syscall_by_name(const char *name);

/*
 * "newfstatat" for 300: the name of Falco's syscall code (driver/ppm_sc.h),
 * the ID of a generic event; NULL for 0 (PPM_SC_UNKNOWN) and codes past
 * the list.
 */
const char *scap_ppm_sc_name(uint32_t code);

/* Falco's code for x86_64 syscall nr; 0 (PPM_SC_UNKNOWN) if it has none. */
uint16_t scap_ppm_sc_of_syscall(uint32_t nr);

/*
 * The event types syscall nr produces: its own enter/exit pair, or the
 * generic pair (PPME_GENERIC_E/X) if the drivers have no filler for it.
 * false for a number out of range.
 */
bool scap_syscall_events(uint32_t nr, uint16_t *enter, uint16_t *exit);

/* Does the schema (driver/event_table.c) describe this event code? */
bool scap_evt_type_is_known(uint32_t type);

/*
 * The index of the param named name ("pid") in events of this type, as
 * the typed readers of scap_event.h take it: counted from 0, so 4 for
 * clone's "pid", which the schema's comments call "Parameter 5". -1 if
 * the type is unknown or has no param of that name. A program that looks
 * params up by name keeps working when a param is added before them.
 */
int scap_param_index(uint16_t type, const char *name);

/*
 * A param of a decoded event, by its name: what the typed readers of
 * scap_event.h give at scap_param_index(). NULL (or 0, from the typed
 * ones) if the event has no param of that name.
 */
const struct scap_evt_param *scap_evt_param_by_name(const struct scap_evt_view *v,
						    const char *name);
int64_t scap_evt_param_s64_by_name(const struct scap_evt_view *v, const char *name);
uint32_t scap_evt_param_u32_by_name(const struct scap_evt_view *v, const char *name);
const char *scap_evt_param_str_by_name(const struct scap_evt_view *v, const char *name);

/* Is this the generic event, which carries the syscall's code in a param? */
bool scap_evt_is_generic(uint16_t type);

/*
 * The name to show for an event: the schema's ("openat"), or, for the
 * generic event, its syscall's ("getppid"): by its ID, or, if Falco's
 * list has no code for it, by the enter event's nativeID; the schema's
 * "syscall" for an exit event whose ID is 0. For a raw view
 * (scap_event_raw.h), the schema's name if the table has one for its
 * code, else Falco's name for it (g_falco_event_names), else "unknown".
 */
const char *scap_evt_name(const struct scap_evt_view *v);

/* Falco's names of the event codes our schema does not describe, or NULL. */
extern const char *const g_falco_event_names[PPM_EVENT_MAX];

/*
 * The size a socket address param must have, by its type (PT_SOCKADDR or
 * PT_SOCKTUPLE) and family byte. *at_least is set for AF_UNIX, whose path
 * varies: the size is then the smallest. 0 for any other family: the
 * drivers write only the family byte then, and any size is accepted.
 */
uint32_t scap_sockaddr_size(enum ppm_param_type type, uint8_t family, bool *at_least);

/* Can a per-CPU buffer have this many bytes? A power of 2, at least a page (4096). */
bool scap_buffer_size_is_valid(unsigned long bytes);

#endif /* SCAPLAB_SCAP_SCHEMA_H */
