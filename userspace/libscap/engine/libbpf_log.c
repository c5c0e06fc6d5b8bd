// SPDX-License-Identifier: GPL-2.0-only OR MIT
/* See libbpf_log.h. */
#include <stdarg.h>
#include <stdio.h>
#include <bpf/libbpf.h>
#include "libbpf_log.h"

static __thread struct scap_libbpf_load *t_load;

static int libbpf_print(enum libbpf_print_level level, const char *fmt, va_list ap)
{
	struct scap_libbpf_load *load = t_load;

	if (level == LIBBPF_WARN && load) {
		char line[256];
		va_list copy;

		/* libbpf names the program only in its own message: keep the name. */
		va_copy(copy, ap);
		vsnprintf(line, sizeof(line), fmt, copy);
		va_end(copy);
		sscanf(line, "libbpf: prog '%63[^']': BPF program load failed", load->failed_prog);
	}
	if (level != LIBBPF_WARN && !(load && load->verbose))
		return 0;
	return vfprintf(stderr, fmt, ap);
}

void scap_libbpf_load_begin(struct scap_libbpf_load *load)
{
	libbpf_set_print(libbpf_print);
	t_load = load;
}

void scap_libbpf_load_end(void)
{
	t_load = NULL;
}
