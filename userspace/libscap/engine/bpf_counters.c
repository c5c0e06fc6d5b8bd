// SPDX-License-Identifier: GPL-2.0-only OR MIT
#include <errno.h>
#include <string.h>
#include <bpf/bpf.h>

#include "bpf_counters.h"
#include "ppm_events_public.h"
#include "../scap.h"
#include "scap_error.h"

int32_t scap_bpf_sum_counters(int fd, uint32_t ncpus, struct scap_stats *stats, char *lasterr)
{
	for (uint32_t cpu = 0; cpu < ncpus; cpu++) {
		struct counter_map c;

		if (bpf_map_lookup_elem(fd, &cpu, &c))
			return scap_errprintf(lasterr, "failed to read the counters of CPU %u: %s",
					      cpu, strerror(errno));
		stats->n_evts += c.n_evts;
		stats->n_drops_buffer += c.n_drops_buffer;
		stats->n_drops_max_event_size += c.n_drops_max_event_size;
		stats->n_fault_reads += c.n_fault_reads;
	}
	stats->n_drops = stats->n_drops_buffer + stats->n_drops_max_event_size;
	return SCAP_SUCCESS;
}
