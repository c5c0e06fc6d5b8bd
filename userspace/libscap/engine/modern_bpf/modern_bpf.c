// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * The modern_bpf engine: loads modern_bpf/ through its bpftool skeleton,
 * wires the tail tables and the per-CPU ring buffers, and reads events
 * back in timestamp order.
 *
 * Loading, step by step (modern_bpf_init):
 *   1. check privileges and BTF        clear errors before libbpf's
 *   2. open the skeleton               parse the BPF object
 *   3. size the per-CPU maps           one slot / one ring per CPU
 *   4. load                            the verifier checks every program
 *   5. fill the tail tables            "<syscall>_e" / "<syscall>_x" programs
 *                                      (tail_tables.c)
 *   6. create and map the rings        one BPF ring buffer per CPU
 *   7. write the settings              boot time, snaplen, syscalls, our pid
 * Attaching the three dispatchers is scap_start_capture's job.
 *
 * Try it: sudo ./build/scap-open -n 20
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <bpf/bpf.h>
#include <bpf/libbpf.h>

#include "probe.skel.h"
#include "struct_definitions.h"
#include "../../scap_vtable.h"
#include "../../ringbuffer/devset.h"
#include "bpf_ringbuf.h"
#include "idle_wait.h"
#include "tail_tables.h"
#include "../bpf_counters.h"
#include "../libbpf_log.h"
#include "../privileges.h"
#include "scap_error.h"


struct scap_engine_handle {
	struct scaplab_modern_bpf *skel;
	struct bpf_link *links[3];	/* sys_enter, sys_exit, sched_process_exit */
	uint32_t ncpus;
	size_t ring_bytes;
	int *ring_fds;
	struct scap_bpf_ringbuf *rings;
	struct scap_devset devset;	/* reads the rings in timestamp order */
	struct scap_idle_wait idle;	/* how it waits when they are empty */
	int template_fd;		/* the inner-map template, until load */
	struct scap_libbpf_load load;	/* libbpf's messages while loading */
};

/* ---- step 1: can this machine and this user load the probe at all? ---- */

static int32_t check_machine(char *lasterr)
{
	if (!scap_can_load_bpf())
		return scap_errprintf(lasterr, "the modern_bpf engine needs root (or CAP_BPF and "
					       "CAP_PERFMON): run it with sudo");
	if (access("/sys/kernel/btf/vmlinux", R_OK))
		return scap_errprintf(
			lasterr, "this kernel has no BTF (/sys/kernel/btf/vmlinux is "
				 "missing): the modern_bpf engine needs CONFIG_DEBUG_INFO_BTF=y");
	return SCAP_SUCCESS;
}

/* ---- step 3: one slot per CPU, and a template for the inner rings ---- */

static int32_t size_per_cpu_maps(struct scap_engine_handle *h, char *lasterr)
{
	struct bpf_map *maps[] = {
		h->skel->maps.auxiliary_maps,
		h->skel->maps.counter_maps,
		h->skel->maps.ringbuf_maps,
	};
	for (size_t i = 0; i < sizeof(maps) / sizeof(maps[0]); i++) {
		if (bpf_map__set_max_entries(maps[i], h->ncpus))
			return scap_errprintf(lasterr, "failed to size map %s to %u CPUs",
					      bpf_map__name(maps[i]), h->ncpus);
	}
	/*
	 * The kernel checks that every inner map of ringbuf_maps looks like
	 * this template, ring size included, so it must have our size.
	 */
	h->template_fd = bpf_map_create(BPF_MAP_TYPE_RINGBUF, "ringbuf_tmpl", 0, 0,
					h->ring_bytes, NULL);
	if (h->template_fd < 0)
		return scap_errprintf(lasterr, "failed to create a %zu-byte ring buffer: %s",
				      h->ring_bytes, strerror(errno));
	/* libbpf borrows the fd (no dup): it must stay open until the load. */
	if (bpf_map__set_inner_map_fd(h->skel->maps.ringbuf_maps, h->template_fd))
		return scap_errprintf(lasterr, "failed to set the inner map of ringbuf_maps");
	return SCAP_SUCCESS;
}

/* Only the three dispatchers are attached; fillers are reached by tail call. */
static bool is_dispatcher(const struct bpf_program *prog, const struct scaplab_modern_bpf *skel)
{
	return prog == skel->progs.sys_enter || prog == skel->progs.sys_exit ||
	       prog == skel->progs.sched_proc_exit;
}

/* ---- step 6: the rings, read through the shared device set ---- */

static int32_t create_rings(struct scap_engine_handle *h, char *lasterr)
{
	int outer_fd = bpf_map__fd(h->skel->maps.ringbuf_maps);

	h->ring_fds = calloc(h->ncpus, sizeof(*h->ring_fds));
	h->rings = calloc(h->ncpus, sizeof(*h->rings));
	if (!h->ring_fds || !h->rings ||
	    scap_devset_init(&h->devset, h->ncpus, &scap_bpf_ringbuf_ops, h->rings, NEXT_WAIT_NS))
		return scap_errprintf(lasterr, "out of memory for %u rings", h->ncpus);
	for (uint32_t cpu = 0; cpu < h->ncpus; cpu++)
		h->ring_fds[cpu] = -1;

	for (uint32_t cpu = 0; cpu < h->ncpus; cpu++) {
		char err[SCAP_LASTERR_SIZE];
		int fd = bpf_map_create(BPF_MAP_TYPE_RINGBUF, "ringbuf", 0, 0, h->ring_bytes, NULL);

		if (fd < 0)
			return scap_errprintf(lasterr,
					      "failed to create the ring of CPU %u (%zu bytes): %s",
					      cpu, h->ring_bytes, strerror(errno));
		h->ring_fds[cpu] = fd;
		if (bpf_map_update_elem(outer_fd, &cpu, &fd, BPF_ANY))
			return scap_errprintf(
				lasterr, "failed to put the ring of CPU %u in ringbuf_maps: %s",
				cpu, strerror(errno));
		if (scap_bpf_ringbuf_init(&h->rings[cpu], fd, h->ring_bytes, err, sizeof(err)))
			return scap_errprintf(lasterr, "CPU %u: %s", cpu, err);
	}
	/*
	 * At ~1.2M events/s of ~40 bytes, the 10 ms sleep while events flow
	 * fills 480 KiB of an 8 MiB ring; idle, the reader sleeps until woken.
	 */
	if (scap_idle_wait_init(&h->idle, h->ring_fds, h->ncpus, &h->skel->bss->g_reader_waiting))
		return scap_errprintf(lasterr, "out of memory for %u rings", h->ncpus);
	scap_devset_set_idle_wait(&h->devset, scap_idle_wait, &h->idle);
	return SCAP_SUCCESS;
}

/* ---- step 7: settings ---- */

/* Epoch time of boot: added to bpf_ktime_get_boot_ns() in the probe. */
static uint64_t boot_time_ns(void)
{
	struct timespec real, boot;

	clock_gettime(CLOCK_REALTIME, &real);
	clock_gettime(CLOCK_BOOTTIME, &boot);
	return (real.tv_sec - boot.tv_sec) * 1000000000ULL + real.tv_nsec - boot.tv_nsec;
}

static void write_settings(struct scap_engine_handle *h, const struct scap_open_args *args)
{
	struct scaplab_modern_bpf__bss *bss = h->skel->bss;
	bool any = false;

	for (int nr = 0; nr < SYSCALL_TABLE_SIZE; nr++)
		any |= args->interesting_syscalls[nr];
	for (int nr = 0; nr < SYSCALL_TABLE_SIZE; nr++) {
		bss->g_interesting_syscalls[nr] = any ? args->interesting_syscalls[nr] : true;
		bss->g_ppm_sc_of_syscall[nr] = g_syscall_code_routing_table[nr];
	}
	bss->g_boot_time_ns = boot_time_ns();
	bss->g_snaplen = args->snaplen ? args->snaplen : SCAPLAB_DEFAULT_SNAPLEN;
	bss->g_ignored_tgid = getpid();
}

static void modern_bpf_close(struct scap_engine_handle *h);

static int32_t modern_bpf_init(struct scap_engine_handle **engine,
			       const struct scap_open_args *args, char *lasterr)
{
	struct scap_engine_handle *h;
	struct bpf_program *prog;
	int enter_table, exit_table;
	int ncpus;
	int err;

	*engine = NULL;
	if (args->engine_params) {
		snprintf(lasterr, SCAP_LASTERR_SIZE,
			 "the modern_bpf engine takes no engine_params");
		return SCAP_ILLEGAL_INPUT;
	}
	if (check_machine(lasterr))
		return SCAP_FAILURE;
	ncpus = libbpf_num_possible_cpus();
	if (ncpus <= 0)
		return scap_errprintf(lasterr, "failed to count the possible CPUs: %s",
				      strerror(-ncpus));

	h = calloc(1, sizeof(*h));
	if (!h)
		return scap_errprintf(lasterr, "out of memory for the engine");
	h->ncpus = ncpus;
	h->ring_bytes = args->buffer_bytes_dim ? args->buffer_bytes_dim : SCAP_DEFAULT_BUFFER_BYTES;
	h->template_fd = -1;
	h->load.verbose = args->verbose;

	scap_libbpf_load_begin(&h->load);	/* open prints too */
	h->skel = scaplab_modern_bpf__open();
	scap_libbpf_load_end();
	if (!h->skel) {
		scap_errprintf(lasterr, "failed to open the BPF skeleton: %s", strerror(errno));
		goto cleanup;
	}
	if (size_per_cpu_maps(h, lasterr))
		goto cleanup;
	bpf_object__for_each_program(prog, h->skel->obj) {
		if (!is_dispatcher(prog, h->skel))
			bpf_program__set_autoattach(prog, false);
	}
	scap_libbpf_load_begin(&h->load);
	err = scaplab_modern_bpf__load(h->skel);
	scap_libbpf_load_end();
	close(h->template_fd);
	h->template_fd = -1;
	if (err && h->load.failed_prog[0]) {
		scap_errprintf(lasterr,
			       "failed to load the BPF probe: the verifier rejected %s (%s): "
			       "\"%s\"; its log is above (--verbose: all of libbpf's messages)",
			       h->load.failed_prog, strerror(-err), h->load.reason);
		goto cleanup;
	}
	if (err) {
		scap_errprintf(lasterr,
			       "failed to load the BPF probe (%s); run with --verbose to see "
			       "libbpf's messages",
			       strerror(-err));
		goto cleanup;
	}
	enter_table = bpf_map__fd(h->skel->maps.syscall_enter_tail_table);
	exit_table = bpf_map__fd(h->skel->maps.syscall_exit_tail_table);
	if (scap_fill_enter_tail_table(h->skel->obj, enter_table, lasterr) ||
	    scap_fill_exit_tail_table(h->skel->obj, exit_table, lasterr))
		goto cleanup;
	if (create_rings(h, lasterr))
		goto cleanup;
	write_settings(h, args);

	*engine = h;
	return SCAP_SUCCESS;

cleanup:
	modern_bpf_close(h);
	return SCAP_FAILURE;
}

static int32_t modern_bpf_start_capture(struct scap_engine_handle *h, char *lasterr)
{
	struct bpf_program *progs[] = {
		h->skel->progs.sys_enter,
		h->skel->progs.sys_exit,
		h->skel->progs.sched_proc_exit,
	};

	h->idle.stopped = false;
	for (int i = 0; i < 3; i++) {
		if (h->links[i])
			continue;
		h->links[i] = bpf_program__attach(progs[i]);
		if (!h->links[i]) {
			int saved = errno;

			for (int j = 0; j < i; j++) {
				bpf_link__destroy(h->links[j]);
				h->links[j] = NULL;
			}
			return scap_errprintf(lasterr, "failed to attach %s: %s",
					      bpf_program__name(progs[i]), strerror(saved));
		}
	}
	return SCAP_SUCCESS;
}

static int32_t modern_bpf_stop_capture(struct scap_engine_handle *h, char *lasterr)
{
	(void)lasterr;
	/* No event will come to wake the reader: what is left is read at once. */
	h->idle.stopped = true;
	for (int i = 0; i < 3; i++) {
		bpf_link__destroy(h->links[i]);
		h->links[i] = NULL;
	}
	return SCAP_SUCCESS;
}

static int32_t modern_bpf_next(struct scap_engine_handle *h, struct ppm_evt_hdr **evt,
			       uint16_t *cpu, uint32_t *bytes, char *lasterr)
{
	int32_t rc = scap_devset_next(&h->devset, evt, cpu, bytes);

	(void)lasterr;
	if (rc == SCAP_SUCCESS)
		scap_idle_wait_got_event(&h->idle);
	return rc;
}

static int32_t modern_bpf_get_stats(struct scap_engine_handle *h, struct scap_stats *stats,
				    char *lasterr)
{
	return scap_bpf_sum_counters(bpf_map__fd(h->skel->maps.counter_maps), h->ncpus, stats, lasterr);
}

static uint32_t modern_bpf_get_ndevs(struct scap_engine_handle *h)
{
	return h->ncpus;
}

static void modern_bpf_close(struct scap_engine_handle *h)
{
	if (!h)
		return;
	modern_bpf_stop_capture(h, NULL);
	if (h->rings) {
		for (uint32_t cpu = 0; cpu < h->ncpus; cpu++)
			scap_bpf_ringbuf_fini(&h->rings[cpu]);
	}
	if (h->ring_fds) {
		for (uint32_t cpu = 0; cpu < h->ncpus; cpu++) {
			if (h->ring_fds[cpu] >= 0)
				close(h->ring_fds[cpu]);
		}
	}
	if (h->template_fd >= 0)
		close(h->template_fd);
	scaplab_modern_bpf__destroy(h->skel);
	free(h->ring_fds);
	free(h->rings);
	scap_devset_fini(&h->devset);
	scap_idle_wait_fini(&h->idle);
	free(h);
}

const struct scap_vtable scap_modern_bpf_engine = {
	.name = "modern_bpf",
	.mode = SCAP_MODE_LIVE,
	.init = modern_bpf_init,
	.start_capture = modern_bpf_start_capture,
	.stop_capture = modern_bpf_stop_capture,
	.next = modern_bpf_next,
	.get_stats = modern_bpf_get_stats,
	.get_ndevs = modern_bpf_get_ndevs,
	.close = modern_bpf_close,
};
