/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/* Printing one event as a text line or as a JSON object. */
#ifndef SCAP_OPEN_OUTPUT_H
#define SCAP_OPEN_OUTPUT_H

#include <stdint.h>
#include <stdio.h>
#include "scap_event.h"
#include "scap_strbuf.h"
#include "sinsp.h"

/*
 * sysdig's default line:
 *   num time cpu comm (tid) dir name params
 *   7 12:00:01.123456789 1 cat (4242) > openat dirfd=-100(AT_FDCWD) name=/etc/hostname ...
 */
void output_text(struct scap_strbuf *sb, uint64_t num, uint16_t cpu, const struct sinsp_threadinfo *t,
		 const struct scap_evt_view *evt);

/*
 * One JSON object per line:
 *   {"ts":..,"cpu":..,"tid":..,"pid":..,"comm":"..","dir":">","name":"openat","params":{..}}
 */
void output_json(struct scap_strbuf *sb, uint16_t cpu, const struct sinsp_threadinfo *t,
		 const struct scap_evt_view *evt);

#endif /* SCAP_OPEN_OUTPUT_H */
