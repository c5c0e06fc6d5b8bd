/* SPDX-License-Identifier: GPL-2.0-only */
/* What the memory fillers (mem.c) share with the process fillers. */
#ifndef SCAPLAB_FILLERS_MEM_H
#define SCAPLAB_FILLERS_MEM_H

#include "../ppm_events.h"

struct mm_struct;

int mem_store_vm_sizes(struct event_filler_arguments *args, struct mm_struct *mm);

#endif /* SCAPLAB_FILLERS_MEM_H */
