/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * The event formatter: a decoded event's parameters as sysdig-like text or
 * as a JSON object, driven only by the schema table (names, types, print
 * formats and flags tables of driver/event_table.c).
 *
 *   text:  fd=3 dirfd=-100(AT_FDCWD) name=/etc/hosts flags=4097(O_RDONLY|O_CLOEXEC) mode=0
 *   JSON:  {"fd":3,"dirfd":-100,"name":"/etc/hosts","flags":"O_RDONLY|O_CLOEXEC","mode":0}
 *
 * The view must come from a successful scap_event_decode(). Both
 * formatters append to a strbuf, so nothing is ever cut short; if memory
 * runs out the strbuf is marked failed (scap_strbuf_failed) and the text is
 * incomplete.
 */
#ifndef SCAPLAB_SCAP_FORMAT_H
#define SCAPLAB_SCAP_FORMAT_H

#include <stddef.h>
#include <stdint.h>

#include "scap_event.h"
#include "scap_strbuf.h"

/*
 * Append "name=value name=value ..." for every parameter, with no newline.
 * Numbers in their print format (PF_HEX 0x1f, PF_OCT 0644, else decimal),
 * errnos and signals with their names ("-2(ENOENT)", "9(SIGKILL)"; a
 * negative fd is named only as a syscall's result, or as AT_FDCWD), flags
 * as sysdig prints them, the number in decimal then the names:
 * "4097(O_RDONLY|O_CLOEXEC)". Socket addresses as "10.0.0.1:80",
 * "[::1]:80" or a unix path, the generic event's ID as the syscall name,
 * absent parameters as <NA>. Control characters in strings (C0, DEL, C1,
 * bidi overrides, bytes that are not UTF-8) print as '.', so an event is
 * always one line and no traced program can write to the terminal. Of a
 * byte buffer (I/O data) at most max_data bytes are shown, each
 * non-printable byte as '.'; max_data 0 shows it all.
 */
void scap_format_params_text(struct scap_strbuf *sb, const struct scap_evt_view *v,
			     uint32_t max_data);

/* Append param i's value alone, as scap_format_params_text shows it. */
void scap_format_param_text(struct scap_strbuf *sb, const struct scap_evt_view *v, uint32_t i,
			    uint32_t max_data);

/*
 * Append a JSON object keyed by the schema's parameter names. Numbers are
 * JSON numbers (errnos negative, u64 unsigned, signals too); strings and
 * byte buffers are JSON strings (see scap_escape.h; in a byte
 * buffer every byte that is not printable ASCII is \u00XX, so data with
 * NULs survives); flags, socket addresses and the generic event's ID are
 * strings of their text form; absent parameters are null. The output is
 * always valid JSON, whatever bytes the event holds.
 */
void scap_format_params_json(struct scap_strbuf *sb, const struct scap_evt_view *v);

/*
 * The names of a flags value, as sysdig names them, joined by '|'
 * ("O_RDONLY|O_CLOEXEC"); bits no name covers in hex.
 */
struct ppm_name_value;
void scap_append_flag_names(struct scap_strbuf *sb, const struct ppm_name_value *table,
			    uint32_t value);

#endif /* SCAPLAB_SCAP_FORMAT_H */
