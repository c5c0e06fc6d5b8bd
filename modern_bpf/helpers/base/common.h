/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * The first include of every BPF file of the modern probe: kernel types
 * (vmlinux.h, generated at build time from this machine's BTF), libbpf's
 * BPF-side headers, and the event-format contract.
 */
#ifndef SCAPLAB_COMMON_H
#define SCAPLAB_COMMON_H

#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
#include <bpf/bpf_core_read.h>

#include "../../shared_definitions/struct_definitions.h"
#include "ppm_flags.h"
#include "ppm_flag_helpers.h"

/* The scratch area a filler builds its event in. See maps/maps.h. */
struct auxiliary_map {
	__u8 data[AUXILIARY_MAP_SIZE];
	__u64 payload_pos;	/* offset where the next param's bytes go */
	__u8 lengths_pos;	/* offset where the next param's length goes */
};

/*
 * Every variable offset into auxiliary_map.data goes through SAFE_ACCESS:
 * the mask tells the verifier the offset is below PPM_MAX_EVENT_SIZE, so a
 * write of up to PPM_MAX_EVENT_SIZE bytes stays inside the 2x-sized area.
 */
#define SAFE_ACCESS(x) ((x) & (PPM_MAX_EVENT_SIZE - 1))

/* Longest path we copy, NUL included: the kernel's PATH_MAX. */
#define MAX_PATH 4096

/* Where a pointer given to a store function points. */
enum read_memory {
	USER = 0,
	KERNEL = 1,
};



#endif /* SCAPLAB_COMMON_H */
