/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * Questions about the flags params of open-type events (open, openat,
 * openat2, creat: their "flags" param, type PT_FLAGS32), so that a
 * program tests a meaning, not a bit. The values are Falco's encoding
 * (ppm_flags.h, PPM_O_*), not the kernel's: the drivers convert, and the
 * kernel's O_RDONLY is 0, which no bit test can find.
 *
 *   int i = scap_param_index(v.hdr->type, "flags");
 *   if (i >= 0 && scap_open_may_write(scap_evt_param_u32(&v, i)))
 *           ...                      opened for writing (O_WRONLY or O_RDWR)
 */
#ifndef SCAPLAB_SCAP_FLAGS_H
#define SCAPLAB_SCAP_FLAGS_H

#include <stdbool.h>
#include <stdint.h>
#include "ppm_flags.h"

/* Opened for reading only (O_RDONLY). */
static inline bool scap_open_is_read_only(uint32_t flags)
{
	return (flags & PPM_O_RDWR) == PPM_O_RDONLY;
}

/* Opened for writing: O_WRONLY or O_RDWR. */
static inline bool scap_open_may_write(uint32_t flags)
{
	return (flags & PPM_O_WRONLY) != 0;
}

/* Created, or could have been: O_CREAT or O_TMPFILE. */
static inline bool scap_open_may_create(uint32_t flags)
{
	return (flags & (PPM_O_CREAT | PPM_O_TMPFILE)) != 0;
}

/* "O_RDONLY", "O_WRONLY" or "O_RDWR": the access mode's name ("" if none). */
static inline const char *scap_open_access_name(uint32_t flags)
{
	switch (flags & PPM_O_RDWR) {
	case PPM_O_RDONLY:
		return "O_RDONLY";
	case PPM_O_WRONLY:
		return "O_WRONLY";
	case PPM_O_RDWR:
		return "O_RDWR";
	default:
		return "";
	}
}

#endif /* SCAPLAB_SCAP_FLAGS_H */
