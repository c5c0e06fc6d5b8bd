/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The "cgroups" param of the clone and execve families' exit events: for
 * every cgroup controller, in the kernel's order, the current task's
 * cgroup as "<controller>=<path>", each NUL-terminated:
 *
 *   "cpuset=/\0cpu=/user.slice/session-2.scope\0memory=/user.slice/...\0"
 *
 * The modern driver's twin: modern_bpf/helpers/store/auxmap_store_cgroups.h.
 * Same list, same limits: MAX_CGROUPS_LEN bytes in all, a controller whose
 * entry does not fit left out with all after it, and so is a cgroup more
 * than 31 directories deep.
 */
#ifndef SCAPLAB_EXTRACT_CGROUPS_H
#define SCAPLAB_EXTRACT_CGROUPS_H

#include <linux/types.h>

#define MAX_CGROUPS_LEN 4096

/*
 * Write the list at buf (room bytes). Returns its length (0: none), or
 * -ENOSPC when room is smaller than what the BPF side would store.
 */
int extract_cgroups(char *buf, u32 room);

#endif /* SCAPLAB_EXTRACT_CGROUPS_H */
