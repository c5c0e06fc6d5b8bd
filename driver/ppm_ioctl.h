/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * How userspace talks to the kernel module: the device names, the ioctls
 * and the versions the engine checks before it trusts a single byte.
 *
 * Every ioctl works on any /dev/scaplabN and acts on the whole module (all
 * CPUs). Only the process that opened the devices first may use them until
 * it closes them all: a second reader gets EBUSY at open.
 *
 * Try it, where modules load (here or in the VM):
 *   scripts/kmod-run -- sh -c 'insmod build/driver/$(uname -r)/scaplab.ko &&
 *   build/scap-open --kmod -n 5'
 */
#ifndef PPM_IOCTL_H
#define PPM_IOCTL_H

#include <linux/ioctl.h>
#include <linux/types.h>

#include "ppm_events_public.h"

#define PPM_DEVICE_NAME "scaplab"	/* /dev/scaplab0, /dev/scaplab1, ... */
#define PPM_MODULE_NAME "scaplab"	/* build/driver/scaplab.ko */

/*
 * Bumped when an ioctl, the info page or the ring layout changes
 * (PPM_API_CURRENT_VERSION), or when an event's params change
 * (PPM_SCHEMA_CURRENT_VERSION). The engine refuses a module whose numbers
 * differ from the ones it was built with: the module was built from another
 * version of this tree and would be misread.
 */
#ifndef PPM_API_CURRENT_VERSION	/* the tests build a module with another one */
#define PPM_API_CURRENT_VERSION 1ULL
#endif
#define PPM_SCHEMA_CURRENT_VERSION 1ULL

/* The syscalls to capture: bit N set for syscall number N. */
struct ppm_syscall_mask {
	__u64 bits[SYSCALL_TABLE_SIZE / 64];
};

#define PPM_IOCTL_MAGIC 's'
/* Start and stop writing events. The opener's own process is never captured. */
#define PPM_IOCTL_ENABLE_CAPTURE _IO(PPM_IOCTL_MAGIC, 0)
#define PPM_IOCTL_DISABLE_CAPTURE _IO(PPM_IOCTL_MAGIC, 1)
/* Bytes of I/O data kept per param, 1 .. PPM_MAX_SNAPLEN (by value). */
#define PPM_IOCTL_SET_SNAPLEN _IO(PPM_IOCTL_MAGIC, 2)
/* Which syscalls produce events (a pointer to struct ppm_syscall_mask). */
#define PPM_IOCTL_SET_INTERESTING_SYSCALLS _IOW(PPM_IOCTL_MAGIC, 3, struct ppm_syscall_mask)
/* The versions above, as the module was built (a pointer to a __u64). */
#define PPM_IOCTL_GET_API_VERSION _IOR(PPM_IOCTL_MAGIC, 4, __u64)
#define PPM_IOCTL_GET_SCHEMA_VERSION _IOR(PPM_IOCTL_MAGIC, 5, __u64)

/* A param never exceeds its u16 length; the snaplen keeps it well below. */
#define PPM_MAX_SNAPLEN (PPM_MAX_EVENT_SIZE - 1)

#endif /* PPM_IOCTL_H */
