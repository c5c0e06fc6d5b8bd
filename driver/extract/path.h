/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The current task's working directory as an absolute path string, the
 * "cwd" param of the clone and execve families' exit events.
 *
 * The modern driver's twin: modern_bpf/helpers/store/auxmap_store_d_path.h,
 * which redoes d_path()'s walk because bpf_d_path() is not allowed at
 * sys_exit. Here the real d_path() does the walk; it takes only seqlocks
 * and spinlocks, so it is allowed with preemption disabled.
 */
#ifndef SCAPLAB_EXTRACT_PATH_H
#define SCAPLAB_EXTRACT_PATH_H

#include <linux/types.h>

/*
 * Write the cwd, NUL-terminated, at buf (room bytes). Returns the bytes
 * written, NUL included; 0 when the BPF side stores the param empty (a
 * path longer than MAX_PATH); -ENOSPC when room is too small to tell.
 */
int extract_cwd(char *buf, u32 room);

#endif /* SCAPLAB_EXTRACT_PATH_H */
