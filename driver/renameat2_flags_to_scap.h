/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * The converter of renameat2's "flags", like those of ppm_flag_helpers.h.
 *
 * It has a header of its own because it is lab 04's exercise 04.4: only the
 * renameat2 filler (renameat2.bpf.c) and the tests include it, so while a
 * learner writes it, no other program of the probe is compiled with it.
 */
#ifndef SCAPLAB_RENAMEAT2_FLAGS_TO_SCAP_H
#define SCAPLAB_RENAMEAT2_FLAGS_TO_SCAP_H

#include "ppm_flag_helpers.h"

/*
 * renameat2 "flags". The numbers are the kernel's, but unknown bits are
 * dropped like in every other converter (Falco's 2022 driver stores the
 * raw value, so the two differ only on calls the kernel rejects).
 */
static __always_inline __u32 renameat2_flags_to_scap(__u32 flags)
{
	/* LAB 04.4 BEGIN: map each kernel RENAME_* bit to its PPM_RENAME_*; drop unknown bits */
	return ppm_bit_if(flags, SCAP_KERNEL_RENAME_NOREPLACE,
			  PPM_RENAME_NOREPLACE) |
	       ppm_bit_if(flags, SCAP_KERNEL_RENAME_EXCHANGE,
			  PPM_RENAME_EXCHANGE) |
	       ppm_bit_if(flags, SCAP_KERNEL_RENAME_WHITEOUT,
			  PPM_RENAME_WHITEOUT);
	/* LAB 04.4 STARTER: (void)flags; */
	/* LAB 04.4 STARTER: return 0; */
	/* LAB 04.4 END */
}

#endif /* SCAPLAB_RENAMEAT2_FLAGS_TO_SCAP_H */
