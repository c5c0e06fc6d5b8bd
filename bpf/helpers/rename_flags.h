/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * renameat2's "flags", converted to PPM_RENAME_* values.
 *
 * The modern probe has this converter in driver/renameat2_flags_to_scap.h,
 * but that header is lab 04's exercise: only lab 04's files may include
 * it, and probe.c is not one of them. So the legacy probe has its own, as
 * the kernel module does (kmod_renameat2_flags_to_scap, driver/fillers/
 * paths.c, lab 08's). The three must agree: the suites compare their
 * events with the same expectations.
 */
#ifndef SCAPLAB_BPF_HELPERS_RENAME_FLAGS_H
#define SCAPLAB_BPF_HELPERS_RENAME_FLAGS_H

/* Each kernel RENAME_* bit becomes its PPM_RENAME_* bit; unknown bits are dropped. */
static __always_inline __u32 bpf_renameat2_flags_to_scap(__u32 flags)
{
	return ppm_bit_if(flags, SCAP_KERNEL_RENAME_NOREPLACE, PPM_RENAME_NOREPLACE) |
	       ppm_bit_if(flags, SCAP_KERNEL_RENAME_EXCHANGE, PPM_RENAME_EXCHANGE) |
	       ppm_bit_if(flags, SCAP_KERNEL_RENAME_WHITEOUT, PPM_RENAME_WHITEOUT);
}

#endif /* SCAPLAB_BPF_HELPERS_RENAME_FLAGS_H */
