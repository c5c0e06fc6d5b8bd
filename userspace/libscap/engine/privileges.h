/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/* Can this process load BPF programs? For the two BPF engines' first check. */
#ifndef SCAPLAB_PRIVILEGES_H
#define SCAPLAB_PRIVILEGES_H

#include <stdbool.h>

/* Root, or both CAP_BPF and CAP_PERFMON (Linux 5.8+) in the effective set. */
bool scap_can_load_bpf(void);

#endif /* SCAPLAB_PRIVILEGES_H */
