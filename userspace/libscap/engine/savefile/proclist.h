/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * The process list block of a capture file: the threads that ran when
 * the capture started, with their pid and comm. A reader needs it to name
 * the threads of a file (scap-open -c, -p) without asking this machine's
 * /proc, which knows nothing of the machine the file was written on.
 *
 * Nine versions of the block exist; each added fields in the middle of an
 * entry, and only v9 (PL_BLOCK_TYPE_V9, 2021 on) gives each entry's
 * length, so that an entry's start fields can be read and the rest
 * skipped. Older versions are not read (the caller counts them).
 */
#ifndef SCAPLAB_PROCLIST_H
#define SCAPLAB_PROCLIST_H

#include <stdint.h>
#include "../../scap.h"

struct scap_proclist {
	struct scap_threadinfo *threads;
	uint32_t n, cap;
};

/*
 * Append the entries of a PL_BLOCK_TYPE_V9 body (block_offset: where the
 * block starts in the file, for messages). SCAP_SUCCESS, or SCAP_FAILURE
 * with err naming the entry and its offset if an entry's lengths lie.
 */
int32_t scap_proclist_read_v9(struct scap_proclist *pl, const uint8_t *body, uint32_t len,
			      uint64_t block_offset, const char *fname, char *err);

void scap_proclist_free(struct scap_proclist *pl);

#endif /* SCAPLAB_PROCLIST_H */
