// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * PT_FDLIST, poll's and ppoll's list of fds: a u16 count, then for each fd
 * an s64 fd and a u16 of PPM_POLL* flags (driver/ppm_flags.h), packed:
 *
 *   count | fd 0 (8 bytes) | flags 0 (2) | fd 1 | flags 1 | ...
 *
 * As text, sysdig's form: each "fd:" then the fd's type letter and its
 * flags in hex, space-separated ("3:f1 4:p4"). Only the state knows the
 * letter (libsinsp passes type_of); without it each is '?', as sysdig
 * prints an fd it does not know. As JSON, an array of
 * {"fd": 3, "flags": "POLLIN"}.
 */
#ifndef SCAPLAB_SCAP_FDLIST_H
#define SCAPLAB_SCAP_FDLIST_H

#include <stdbool.h>
#include <stdint.h>

#include "scap_event.h"
#include "scap_strbuf.h"

/* One entry's bytes: the s64 fd and the u16 flags. */
#define SCAP_FDLIST_ENTRY 10

/* Is p a whole list: 2 bytes of count, then count entries, nothing more? */
bool scap_fdlist_is_valid(const struct scap_evt_param *p);

/* The type letter of fd in the caller's state, or '?' if unknown. */
typedef char (*scap_fd_type_fn)(int64_t fd, void *ctx);

void scap_fdlist_to_text(struct scap_strbuf *sb, const struct scap_evt_param *p,
			 scap_fd_type_fn type_of, void *ctx);
void scap_fdlist_to_json(struct scap_strbuf *sb, const struct scap_evt_param *p);

#endif /* SCAPLAB_SCAP_FDLIST_H */
