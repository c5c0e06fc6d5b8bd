/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * The two eBPF engines' statistics: their probes count per CPU in a map
 * of struct counter_map (ppm_events_public.h), summed here.
 */
#ifndef SCAPLAB_BPF_COUNTERS_H
#define SCAPLAB_BPF_COUNTERS_H

#include <stdint.h>

struct scap_stats;

/*
 * Add the counters of CPUs 0 to ncpus - 1 in the map fd to stats, and set
 * stats->n_drops. SCAP_FAILURE with lasterr set if a CPU's slot is unreadable.
 */
int32_t scap_bpf_sum_counters(int fd, uint32_t ncpus, struct scap_stats *stats, char *lasterr);

#endif /* SCAPLAB_BPF_COUNTERS_H */
