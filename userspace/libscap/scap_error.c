// SPDX-License-Identifier: GPL-2.0-only OR MIT
#include <stdarg.h>
#include <stdio.h>
#include "scap.h"
#include "scap_error.h"

int32_t scap_errprintf(char *lasterr, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(lasterr, SCAP_LASTERR_SIZE, fmt, ap);
	va_end(ap);
	return SCAP_FAILURE;
}
