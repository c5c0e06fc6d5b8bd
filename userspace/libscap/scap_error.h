/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * How libscap's engines report an error: a message in the caller's
 * lasterr buffer (SCAP_LASTERR_SIZE bytes), and SCAP_FAILURE, so that
 * `return scap_errprintf(lasterr, "...", ...);` does both.
 */
#ifndef SCAP_ERROR_H
#define SCAP_ERROR_H

#include <stdint.h>

int32_t scap_errprintf(char *lasterr, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

#endif /* SCAP_ERROR_H */
