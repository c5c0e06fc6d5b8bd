/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * Types shared by the modern BPF probe and its loader in userspace
 * (userspace/libscap/engine/modern_bpf/). Both sides compile this header,
 * so it uses only __u32/__u64.
 */
#ifndef SCAPLAB_MODERN_BPF_STRUCT_DEFINITIONS_H
#define SCAPLAB_MODERN_BPF_STRUCT_DEFINITIONS_H

#include "ppm_events_public.h"

/*
 * The per-CPU scratch area where a filler builds one event before copying it
 * into the ring buffer. It is twice the largest event so that the verifier
 * can prove every write lands inside it: an offset masked to below
 * PPM_MAX_EVENT_SIZE plus a length below PPM_MAX_EVENT_SIZE stays in bounds.
 * The room past the event being built is also scratch space for helpers
 * that assemble a value before storing it (the cwd path walk).
 */
#define AUXILIARY_MAP_SIZE (2 * PPM_MAX_EVENT_SIZE)

/* Default bytes of read/write data kept per event, as sysdig's -s 80. */
#define SCAPLAB_DEFAULT_SNAPLEN 80

#endif /* SCAPLAB_MODERN_BPF_STRUCT_DEFINITIONS_H */
