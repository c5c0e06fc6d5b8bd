// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * The bpf engine: loads the legacy eBPF probe (bpf/) from its object file,
 * wires its tables and one perf buffer per CPU, and reads events back in
 * timestamp order.
 *
 * Loading, step by step (bpf_engine_init):
 *   1. check privileges, find the probe   clear errors before libbpf's
 *   2. open the object file               parse the ELF, its maps and programs
 *   3. size the per-CPU maps              one frame / counters slot per CPU
 *   4. load                               the verifier checks every program
 *   5. fill tail_map                      event code -> its filler program
 *                                         (driver/fillers_list.h)
 *   6. fill syscall_table                 driver/syscall_table.c, with the
 *                                         reader's choice of syscalls, and
 *                                         syscall_code_routing_table
 *   7. open the perf buffers              one per CPU, fds into perf_map
 *   8. write the settings
 * Attaching the dispatchers is scap_start_capture's job.
 *
 * Unlike the modern engine there is no skeleton: the probe is a separate
 * file, built for one kernel (its headers) or for any kernel with BTF
 * (CO-RE), and found at run time, as Falco found its legacy probe
 * (FALCO_BPF_PROBE; here SCAPLAB_BPF_PROBE).
 *
 * Try it: sudo ./build/scap-open --bpf -n 20
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/utsname.h>
#include <bpf/bpf.h>
#include <bpf/libbpf.h>

#include "shared_definitions.h"
#include "struct_definitions.h"	/* SCAPLAB_DEFAULT_SNAPLEN, as the modern engine */
#include "../../scap_vtable.h"
#include "../../ringbuffer/devset.h"
#include "../bpf_counters.h"
#include "../libbpf_log.h"
#include "../privileges.h"
#include "perf_buffer.h"
#include "scap_error.h"
#include "autofill_table.h"

/*
 * How long scap_next sleeps when every buffer is empty. The perf events
 * ask for no wake-up per sample (wakeup_events 0): the reader polls, as
 * with the other engines, because a wake-up per event costs the traced
 * program an irq_work and a wake-up on every syscall.
 */
#define NEXT_WAIT_NS (10 * 1000 * 1000)

/* The filler program of each event code: "f_" and the kmod's filler name. */
static const char *const filler_names[PPM_EVENT_MAX] = {
#define FILLER_ENTRY(code, name) [code] = "f_" #name,
#include "fillers_list.h"
#undef FILLER_ENTRY
};

struct scap_engine_handle {
	struct bpf_object *obj;
	struct bpf_link *links[3];	/* sys_enter, sys_exit, sched_process_exit */
	uint32_t ncpus;
	struct scap_perf_buffer *buffers;
	struct scap_devset devset;	/* reads the buffers in timestamp order */
	struct scap_bpf_settings settings;
	char probe[4096];		/* the object file's path */
};

static const char *const dispatchers[3] = { "sys_enter", "sys_exit", "sched_process_exit" };

/* ---- step 1: which probe ---- */

/*
 * SCAPLAB_BPF_PROBE if set; else the probe make built for this kernel's
 * headers, if any; else the CO-RE one, which needs the kernel's BTF.
 */
static int32_t find_probe(struct scap_engine_handle *h, char *lasterr)
{
	const char *env = getenv("SCAPLAB_BPF_PROBE");
	struct utsname u;

	if (env && *env) {
		snprintf(h->probe, sizeof(h->probe), "%s", env);
		if (access(h->probe, R_OK))
			return scap_errprintf(lasterr, "cannot read the probe %s (SCAPLAB_BPF_PROBE): %s",
					      h->probe, strerror(errno));
		return SCAP_SUCCESS;
	}
	uname(&u);
	snprintf(h->probe, sizeof(h->probe), "%s/%s/probe.o", SCAPLAB_BPF_PROBE_DIR, u.release);
	if (!access(h->probe, R_OK))
		return SCAP_SUCCESS;
	snprintf(h->probe, sizeof(h->probe), "%s/core/probe.o", SCAPLAB_BPF_PROBE_DIR);
	if (access(h->probe, R_OK))
		return scap_errprintf(lasterr,
				      "no legacy probe for kernel %s: neither %s/%s/probe.o (built "
				      "with its headers) nor %s (CO-RE) exists; run make, or set "
				      "SCAPLAB_BPF_PROBE",
				      u.release, SCAPLAB_BPF_PROBE_DIR, u.release, h->probe);
	if (access("/sys/kernel/btf/vmlinux", R_OK))
		return scap_errprintf(lasterr,
				      "this kernel has no BTF, and no probe was built with its "
				      "headers: install linux-headers-%s and run make",
				      u.release);
	return SCAP_SUCCESS;
}

/* ---- step 3 ---- */

static int32_t size_per_cpu_maps(struct scap_engine_handle *h, char *lasterr)
{
	const char *names[] = { "frame_scratch_map", "counters_map", "perf_map" };

	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		struct bpf_map *map = bpf_object__find_map_by_name(h->obj, names[i]);

		if (!map)
			return scap_errprintf(lasterr, "the probe %s has no map %s", h->probe,
					      names[i]);
		if (bpf_map__set_max_entries(map, h->ncpus))
			return scap_errprintf(lasterr, "failed to size map %s to %u CPUs", names[i],
					      h->ncpus);
	}
	return SCAP_SUCCESS;
}

static int map_fd(struct scap_engine_handle *h, const char *name)
{
	return bpf_object__find_map_fd_by_name(h->obj, name);
}

/* ---- step 5 ---- */

static struct bpf_program *filler_prog(struct scap_engine_handle *h, uint32_t code)
{
	return filler_names[code] ? bpf_object__find_program_by_name(h->obj, filler_names[code])
				  : NULL;
}

static bool has_filler(struct scap_engine_handle *h, uint32_t code)
{
	return filler_prog(h, code) != NULL;
}

static int32_t put_tail_prog(int fd, uint32_t slot, const struct bpf_program *prog,
			     const char *name, char *lasterr)
{
	int prog_fd = bpf_program__fd(prog);

	if (bpf_map_update_elem(fd, &slot, &prog_fd, BPF_ANY))
		return scap_errprintf(lasterr, "failed to put %s in tail_map: %s", name,
				      strerror(errno));
	return SCAP_SUCCESS;
}

/*
 * Each event's filler in its event code's slot, where the probe has one;
 * then the programs that go on with an event, which every probe needs.
 */
static int32_t fill_tail_map(struct scap_engine_handle *h, char *lasterr)
{
	static const char *const tail_names[] = SCAP_BPF_TAIL_NAMES;
	int fd = map_fd(h, "tail_map");

	_Static_assert(sizeof(tail_names) / sizeof(tail_names[0]) ==
		       SCAP_BPF_TAIL_MAP_SIZE - PPM_EVENT_MAX, "a name for every slot");

	for (uint32_t code = 0; code < PPM_EVENT_MAX; code++) {
		struct bpf_program *prog = filler_prog(h, code);

		if (prog && put_tail_prog(fd, code, prog, filler_names[code], lasterr))
			return SCAP_FAILURE;
	}
	for (uint32_t slot = PPM_EVENT_MAX; slot < SCAP_BPF_TAIL_MAP_SIZE; slot++) {
		const char *name = tail_names[slot - PPM_EVENT_MAX];
		struct bpf_program *prog = bpf_object__find_program_by_name(h->obj, name);

		if (!prog)
			return scap_errprintf(lasterr, "the probe %s has no program %s", h->probe,
					      name);
		if (put_tail_prog(fd, slot, prog, name, lasterr))
			return SCAP_FAILURE;
	}
	return SCAP_SUCCESS;
}

/* ---- step 6 ---- */

/*
 * A syscall whose filler this probe lacks is sent as the generic pair, so
 * that a probe with fewer fillers still shows every syscall.
 */
static int32_t fill_syscall_table(struct scap_engine_handle *h,
				  const struct scap_open_args *args, char *lasterr)
{
	int fd = map_fd(h, "syscall_table");
	int codes_fd = map_fd(h, "syscall_code_routing_table");
	bool any = false;

	for (int nr = 0; nr < SYSCALL_TABLE_SIZE; nr++)
		any |= args->interesting_syscalls[nr];
	for (uint32_t nr = 0; nr < SYSCALL_TABLE_SIZE; nr++) {
		struct syscall_evt_pair sc = g_syscall_table[nr];
		uint16_t code = g_syscall_code_routing_table[nr];

		if ((sc.flags & UF_USED) &&
		    (!has_filler(h, sc.enter_event_type) || !has_filler(h, sc.exit_event_type)))
			sc.flags &= ~UF_USED;
		if (any && !args->interesting_syscalls[nr])
			sc.flags |= UF_UNINTERESTING;
		if (bpf_map_update_elem(fd, &nr, &sc, BPF_ANY) ||
		    bpf_map_update_elem(codes_fd, &nr, &code, BPF_ANY))
			return scap_errprintf(lasterr, "failed to write syscall %u into syscall_table "
					      "or syscall_code_routing_table: %s", nr, strerror(errno));
	}
	return SCAP_SUCCESS;
}

/* What f_sys_autofill_e/_x read: where each param of each event comes from. */
static int32_t fill_autofill_table(struct scap_engine_handle *h, char *lasterr)
{
	int fd = map_fd(h, "autofill_table");

	for (uint32_t code = 0; code < PPM_EVENT_MAX; code++)
		if (g_autofill_table[code].used &&
		    bpf_map_update_elem(fd, &code, &g_autofill_table[code], BPF_ANY))
			return scap_errprintf(lasterr, "failed to write event %u into autofill_table: %s",
					      code, strerror(errno));
	return SCAP_SUCCESS;
}

/* ---- step 7 ---- */

static int32_t open_perf_buffers(struct scap_engine_handle *h, const struct scap_open_args *args,
				 char *lasterr)
{
	uint64_t size = args->buffer_bytes_dim ? args->buffer_bytes_dim : SCAP_DEFAULT_BUFFER_BYTES;
	int fd = map_fd(h, "perf_map");

	h->buffers = calloc(h->ncpus, sizeof(*h->buffers));
	if (!h->buffers ||
	    scap_devset_init(&h->devset, h->ncpus, &scap_perf_buffer_ops, h->buffers, NEXT_WAIT_NS))
		return scap_errprintf(lasterr, "out of memory for %u perf buffers", h->ncpus);
	for (uint32_t cpu = 0; cpu < h->ncpus; cpu++)
		h->buffers[cpu].fd = -1;
	for (uint32_t cpu = 0; cpu < h->ncpus; cpu++) {
		char err[SCAP_LASTERR_SIZE];

		if (scap_perf_buffer_open(&h->buffers[cpu], cpu, size, 0, err, sizeof(err))) {
			/* A possible CPU that is offline has no perf events: skip it. */
			if (errno == ENODEV)
				continue;
			return scap_errprintf(lasterr, "%s", err);
		}
		if (bpf_map_update_elem(fd, &cpu, &h->buffers[cpu].fd, BPF_ANY))
			return scap_errprintf(lasterr, "failed to put CPU %u's perf buffer in perf_map: %s",
					      cpu, strerror(errno));
	}
	return SCAP_SUCCESS;
}

/* ---- step 8 ---- */

/* Epoch time at CLOCK_MONOTONIC's zero: bpf_ktime_get_ns() counts from there. */
static uint64_t monotonic_zero_ns(void)
{
	struct timespec real, mono;

	clock_gettime(CLOCK_REALTIME, &real);
	clock_gettime(CLOCK_MONOTONIC, &mono);
	return (real.tv_sec - mono.tv_sec) * 1000000000ULL + real.tv_nsec - mono.tv_nsec;
}

static int32_t write_settings(struct scap_engine_handle *h, char *lasterr)
{
	uint32_t key = 0;

	if (bpf_map_update_elem(map_fd(h, "settings_map"), &key, &h->settings, BPF_ANY))
		return scap_errprintf(lasterr, "failed to write settings_map: %s", strerror(errno));
	return SCAP_SUCCESS;
}

static void bpf_engine_close(struct scap_engine_handle *h);

static int32_t load_probe(struct scap_engine_handle *h, bool verbose, char *lasterr)
{
	struct scap_libbpf_load load = { .verbose = verbose };
	struct bpf_program *prog;
	int err;

	scap_libbpf_load_begin(&load);
	h->obj = bpf_object__open_file(h->probe, NULL);
	scap_libbpf_load_end();
	if (!h->obj) {
		char why[128];

		/* libbpf's own codes (4001: not a BPF object...) are above errno's. */
		libbpf_strerror(errno, why, sizeof(why));
		return scap_errprintf(lasterr, "failed to open the probe %s: %s", h->probe, why);
	}
	if (size_per_cpu_maps(h, lasterr))
		return SCAP_FAILURE;
	/* Raw tracepoint programs: the section names are for us, not for attaching. */
	bpf_object__for_each_program(prog, h->obj)
		bpf_program__set_autoattach(prog, false);
	scap_libbpf_load_begin(&load);
	err = bpf_object__load(h->obj);
	scap_libbpf_load_end();
	if (err && load.failed_prog[0])
		return scap_errprintf(lasterr,
				      "failed to load the probe %s: the verifier rejected %s (%s): "
				      "\"%s\"; its log is above (--verbose: all of libbpf's messages)",
				      h->probe, load.failed_prog, strerror(-err), load.reason);
	if (err)
		return scap_errprintf(lasterr,
				      "failed to load the probe %s (%s); run with --verbose to see "
				      "libbpf's messages",
				      h->probe, strerror(-err));
	return SCAP_SUCCESS;
}

static int32_t bpf_engine_init(struct scap_engine_handle **engine,
			       const struct scap_open_args *args, char *lasterr)
{
	struct scap_engine_handle *h;
	int ncpus;

	*engine = NULL;
	if (args->engine_params) {
		snprintf(lasterr, SCAP_LASTERR_SIZE, "the bpf engine takes no engine_params");
		return SCAP_ILLEGAL_INPUT;
	}
	if (!scap_can_load_bpf())
		return scap_errprintf(lasterr, "the bpf engine needs root (or CAP_BPF and "
					       "CAP_PERFMON): run it with sudo");
	ncpus = libbpf_num_possible_cpus();
	if (ncpus <= 0)
		return scap_errprintf(lasterr, "failed to count the possible CPUs: %s",
				      strerror(-ncpus));
	h = calloc(1, sizeof(*h));
	if (!h)
		return scap_errprintf(lasterr, "out of memory for the engine");
	h->ncpus = ncpus;
	if (find_probe(h, lasterr) || load_probe(h, args->verbose, lasterr) ||
	    fill_tail_map(h, lasterr) || fill_syscall_table(h, args, lasterr) ||
	    fill_autofill_table(h, lasterr) ||
	    open_perf_buffers(h, args, lasterr))
		goto cleanup;
	h->settings.boot_time = monotonic_zero_ns();
	h->settings.snaplen = args->snaplen ? args->snaplen : SCAPLAB_DEFAULT_SNAPLEN;
	h->settings.ignored_tgid = getpid();
	if (write_settings(h, lasterr))
		goto cleanup;
	*engine = h;
	return SCAP_SUCCESS;

cleanup:
	bpf_engine_close(h);
	return SCAP_FAILURE;
}

/*
 * Attach the dispatchers once, then turn capture on in the settings. Stop
 * only turns it off: the programs stay attached until close, as in Falco's
 * legacy engine, and each syscall still costs a dispatcher's first checks.
 */
static int32_t bpf_engine_start_capture(struct scap_engine_handle *h, char *lasterr)
{
	for (int i = 0; i < 3; i++) {
		struct bpf_program *prog;

		if (h->links[i])
			continue;
		prog = bpf_object__find_program_by_name(h->obj, dispatchers[i]);
		if (!prog)
			return scap_errprintf(lasterr, "the probe %s has no program %s", h->probe,
					      dispatchers[i]);
		h->links[i] = bpf_program__attach_raw_tracepoint(prog, dispatchers[i]);
		if (!h->links[i]) {
			int saved = errno;

			h->links[i] = NULL;
			return scap_errprintf(lasterr, "failed to attach %s to the raw tracepoint %s: %s",
					      dispatchers[i], dispatchers[i], strerror(saved));
		}
	}
	h->settings.capture_enabled = 1;
	return write_settings(h, lasterr);
}

static int32_t bpf_engine_stop_capture(struct scap_engine_handle *h, char *lasterr)
{
	h->settings.capture_enabled = 0;
	return write_settings(h, lasterr);
}

static int32_t bpf_engine_next(struct scap_engine_handle *h, struct ppm_evt_hdr **evt,
			       uint16_t *cpu, uint32_t *bytes, char *lasterr)
{
	(void)lasterr;
	return scap_devset_next(&h->devset, evt, cpu, bytes);
}

static int32_t bpf_engine_get_stats(struct scap_engine_handle *h, struct scap_stats *stats,
				    char *lasterr)
{
	return scap_bpf_sum_counters(map_fd(h, "counters_map"), h->ncpus, stats, lasterr);
}

static uint32_t bpf_engine_get_ndevs(struct scap_engine_handle *h)
{
	return h->ncpus;
}

static void bpf_engine_close(struct scap_engine_handle *h)
{
	if (!h)
		return;
	for (int i = 0; i < 3; i++)
		bpf_link__destroy(h->links[i]);
	if (h->buffers) {
		for (uint32_t cpu = 0; cpu < h->ncpus; cpu++)
			scap_perf_buffer_close(&h->buffers[cpu]);
	}
	bpf_object__close(h->obj);
	free(h->buffers);
	scap_devset_fini(&h->devset);
	free(h);
}

const struct scap_vtable scap_bpf_engine = {
	.name = "bpf",
	.mode = SCAP_MODE_LIVE,
	.init = bpf_engine_init,
	.start_capture = bpf_engine_start_capture,
	.stop_capture = bpf_engine_stop_capture,
	.next = bpf_engine_next,
	.get_stats = bpf_engine_get_stats,
	.get_ndevs = bpf_engine_get_ndevs,
	.close = bpf_engine_close,
};
