/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * What the module's parts share: the capture settings the ioctls write and
 * the probes read, the per-CPU rings, and the calls between main.c (the
 * probes) and ppm_device.c (the devices).
 */
#ifndef SCAPLAB_PPM_H
#define SCAPLAB_PPM_H

#include <linux/types.h>
#include "ppm_ioctl.h"
#include "ppm_ring.h"

/*
 * Written by the ioctls (under the device lock), read by the probes with
 * no lock: each field is one word or, for the mask, one word at a time,
 * and a probe that sees a half-updated mask only records or skips a
 * syscall the reader is switching anyway.
 */
struct ppm_settings {
	bool enabled;
	u32 snaplen;
	pid_t ignored_tgid;	/* the reader's own process */
	u64 boot_offset_ns;	/* added to the boot clock: epoch timestamps */
	struct ppm_syscall_mask interesting;
};

extern struct ppm_settings g_settings;
/* One per possible CPU, indexed by CPU id; ppm_device.c owns them. */
extern struct ppm_ring *g_rings;

/* main.c */
int ppm_tracepoints_register(void);
void ppm_tracepoints_unregister(void);

/* ppm_device.c */
int ppm_device_init(void);
void ppm_device_exit(void);

#endif /* SCAPLAB_PPM_H */
