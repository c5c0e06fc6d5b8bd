// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * The kmod engine: reads the per-CPU rings of the scaplab kernel module
 * (driver/) through /dev/scaplab0 .. /dev/scaplabN.
 *
 * Opening, step by step (kmod_init):
 *   1. find the possible CPUs          one device per CPU, online or not
 *   2. open every device               a clear error if the module is not
 *                                      loaded, we are not root, or another
 *                                      reader has it
 *   3. check the versions              a module built from another tree
 *                                      would be misread: refuse it
 *   4. map every ring                  info page + the ring, twice
 *   5. write the settings              snaplen, syscalls of interest
 * Capture starts with scap_start_capture (the ENABLE ioctl).
 *
 * Try it, in the VM (scripts/vm run -- ...):
 *   insmod build/driver/$(uname -r)/scaplab.ko && build/scap-open --kmod -n 20
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "ppm_ioctl.h"
#include "ppm_ring_reader.h"
#include "../../scap_vtable.h"
#include "../../ringbuffer/devset.h"
#include "scap_error.h"

#define DEVICE_PATH "/dev/" PPM_DEVICE_NAME "%u"
#define MAX_CPUS 4096

struct scap_engine_handle {
	uint32_t ndevs;			/* highest possible CPU + 1 */
	int *fds;			/* -1 for a CPU that cannot exist */
	struct ppm_ring_reader *rings;
	struct scap_devset devset;
	bool capturing;
};

/* ---- step 1: the possible CPUs, "0-3" or "0,2-5" ---- */

static int32_t read_possible_cpus(bool *possible, uint32_t *ndevs, char *lasterr)
{
	const char *path = "/sys/devices/system/cpu/possible";
	char line[4096], *p, *end;
	FILE *f = fopen(path, "r");

	if (!f)
		return scap_errprintf(lasterr, "cannot read %s: %s", path, strerror(errno));
	p = fgets(line, sizeof(line), f);
	fclose(f);
	*ndevs = 0;
	while (p && *p && *p != '\n') {
		unsigned long lo = strtoul(p, &end, 10), hi = lo;

		if (end == p)
			break;
		if (*end == '-')
			hi = strtoul(end + 1, &end, 10);
		if (hi >= MAX_CPUS || hi < lo)
			break;
		for (unsigned long cpu = lo; cpu <= hi; cpu++)
			possible[cpu] = true;
		*ndevs = hi + 1;
		p = *end == ',' ? end + 1 : end;
	}
	if (!*ndevs)
		return scap_errprintf(lasterr, "cannot parse %s: \"%s\"", path, line);
	return SCAP_SUCCESS;
}

/* ---- step 2: the devices ---- */

static int32_t open_device(struct scap_engine_handle *h, uint32_t cpu, char *lasterr)
{
	char path[64];

	snprintf(path, sizeof(path), DEVICE_PATH, cpu);
	h->fds[cpu] = open(path, O_RDWR | O_CLOEXEC);
	if (h->fds[cpu] >= 0)
		return SCAP_SUCCESS;
	switch (errno) {
	case ENOENT:
	case ENXIO:
	case ENODEV:
		return scap_errprintf(
			lasterr,
			"the scaplab kernel module is not loaded (no %s): load it "
			"with insmod build/driver/$(uname -r)/scaplab.ko, or run in the VM "
			"(scripts/vm run -- ...)",
			path);
	case EACCES:
	case EPERM:
		return scap_errprintf(lasterr,
				      "the kmod engine needs root (%s is root's only): run it "
				      "with sudo",
				      path);
	case EBUSY:
		return scap_errprintf(lasterr,
				      "another process is capturing with the scaplab kernel "
				      "module (%s is busy); it allows one reader at a time",
				      path);
	default:
		return scap_errprintf(lasterr, "cannot open %s: %s", path, strerror(errno));
	}
}

/* ---- step 3: is this the module we were built with? ---- */

static int32_t check_version(int fd, unsigned long req, const char *what,
			     unsigned long long ours, char *lasterr)
{
	__u64 theirs;

	if (ioctl(fd, req, &theirs))
		return scap_errprintf(lasterr,
				      "cannot read the %s version of the scaplab module: %s "
				      "(is it scaplab's?)",
				      what, strerror(errno));
	if (theirs != ours)
		return scap_errprintf(
			lasterr,
			"the loaded scaplab module has %s version %llu, this "
			"libscap %llu: it was built from another tree; rmmod scaplab and "
			"load build/driver/$(uname -r)/scaplab.ko",
			what, (unsigned long long)theirs, ours);
	return SCAP_SUCCESS;
}

/* ---- step 5 ---- */

static int32_t write_settings(struct scap_engine_handle *h, const struct scap_open_args *args,
			      char *lasterr)
{
	struct ppm_syscall_mask mask = { 0 };
	int fd = h->fds[0];
	bool any = false;

	for (int nr = 0; nr < SYSCALL_TABLE_SIZE; nr++)
		any |= args->interesting_syscalls[nr];
	for (int nr = 0; nr < SYSCALL_TABLE_SIZE; nr++) {
		if (!any || args->interesting_syscalls[nr])
			mask.bits[nr / 64] |= 1ULL << (nr % 64);
	}
	if (ioctl(fd, PPM_IOCTL_SET_INTERESTING_SYSCALLS, &mask))
		return scap_errprintf(lasterr, "cannot set the syscalls to capture: %s",
				      strerror(errno));
	if (ioctl(fd, PPM_IOCTL_SET_SNAPLEN, (unsigned long)(args->snaplen ? args->snaplen : 80)))
		return scap_errprintf(lasterr, "cannot set the snaplen to %u: %s", args->snaplen,
				      strerror(errno));
	return SCAP_SUCCESS;
}

static void *kmod_peek(void *ctx, uint32_t dev, uint32_t *bytes)
{
	struct scap_engine_handle *h = ctx;

	if (!h->rings[dev].data)
		return NULL;
	return ppm_ring_reader_peek(&h->rings[dev], bytes);
}

static void kmod_consume(void *ctx, uint32_t dev, uint32_t evt_len)
{
	struct scap_engine_handle *h = ctx;

	ppm_ring_reader_consume(&h->rings[dev], evt_len);
}

static const struct scap_dev_ops kmod_dev_ops = {
	.peek = kmod_peek,
	.consume = kmod_consume,
};

static void kmod_close(struct scap_engine_handle *h);

static int32_t kmod_init(struct scap_engine_handle **engine, const struct scap_open_args *args,
			 char *lasterr)
{
	unsigned long bytes = args->buffer_bytes_dim ? args->buffer_bytes_dim
						     : SCAP_DEFAULT_BUFFER_BYTES;
	struct scap_engine_handle *h;
	bool *possible = NULL;
	char err[SCAP_LASTERR_SIZE];

	*engine = NULL;
	if (args->engine_params) {
		snprintf(lasterr, SCAP_LASTERR_SIZE, "the kmod engine takes no engine_params");
		return SCAP_ILLEGAL_INPUT;
	}
	if (bytes < PPM_RING_MIN_SIZE || bytes > PPM_RING_MAX_SIZE)
		return scap_errprintf(lasterr,
				      "the kmod engine takes buffers of %u bytes to %lu MiB, "
				      "not %lu",
				      PPM_RING_MIN_SIZE, PPM_RING_MAX_SIZE >> 20, bytes);
	h = calloc(1, sizeof(*h));
	possible = calloc(MAX_CPUS, sizeof(*possible));
	if (!h || !possible) {
		free(h);
		free(possible);
		return scap_errprintf(lasterr, "out of memory for the engine");
	}
	if (read_possible_cpus(possible, &h->ndevs, lasterr))
		goto cleanup;
	h->fds = malloc(h->ndevs * sizeof(*h->fds));
	h->rings = calloc(h->ndevs, sizeof(*h->rings));
	if (!h->fds || !h->rings) {
		scap_errprintf(lasterr, "out of memory for %u rings", h->ndevs);
		goto cleanup;
	}
	for (uint32_t cpu = 0; cpu < h->ndevs; cpu++)
		h->fds[cpu] = -1;
	for (uint32_t cpu = 0; cpu < h->ndevs; cpu++) {
		if (possible[cpu] && open_device(h, cpu, lasterr))
			goto cleanup;
	}
	if (check_version(h->fds[0], PPM_IOCTL_GET_API_VERSION, "API",
			  PPM_API_CURRENT_VERSION, lasterr) ||
	    check_version(h->fds[0], PPM_IOCTL_GET_SCHEMA_VERSION, "schema",
			  PPM_SCHEMA_CURRENT_VERSION, lasterr))
		goto cleanup;
	for (uint32_t cpu = 0; cpu < h->ndevs; cpu++) {
		if (h->fds[cpu] < 0)
			continue;
		if (ppm_ring_reader_map(&h->rings[cpu], h->fds[cpu], bytes, err, sizeof(err))) {
			scap_errprintf(lasterr, "CPU %u: %s", cpu, err);
			goto cleanup;
		}
	}
	if (write_settings(h, args, lasterr))
		goto cleanup;
	if (scap_devset_init(&h->devset, h->ndevs, &kmod_dev_ops, h, 0)) {
		scap_errprintf(lasterr, "out of memory for the device set");
		goto cleanup;
	}
	free(possible);
	*engine = h;
	return SCAP_SUCCESS;

cleanup:
	free(possible);
	kmod_close(h);
	return SCAP_FAILURE;
}

static int32_t kmod_start_capture(struct scap_engine_handle *h, char *lasterr)
{
	if (h->capturing)
		return SCAP_SUCCESS;
	if (ioctl(h->fds[0], PPM_IOCTL_ENABLE_CAPTURE))
		return scap_errprintf(lasterr, "cannot start the capture: %s", strerror(errno));
	h->capturing = true;
	return SCAP_SUCCESS;
}

static int32_t kmod_stop_capture(struct scap_engine_handle *h, char *lasterr)
{
	if (!h->capturing)
		return SCAP_SUCCESS;
	if (ioctl(h->fds[0], PPM_IOCTL_DISABLE_CAPTURE))
		return scap_errprintf(lasterr, "cannot stop the capture: %s", strerror(errno));
	h->capturing = false;
	return SCAP_SUCCESS;
}

static int32_t kmod_next(struct scap_engine_handle *h, struct ppm_evt_hdr **evt, uint16_t *cpu,
			 uint32_t *bytes, char *lasterr)
{
	(void)lasterr;
	return scap_devset_next(&h->devset, evt, cpu, bytes);
}

static int32_t kmod_get_stats(struct scap_engine_handle *h, struct scap_stats *stats,
			      char *lasterr)
{
	(void)lasterr;
	for (uint32_t cpu = 0; cpu < h->ndevs; cpu++) {
		const struct ppm_ring_buffer_info *info = h->rings[cpu].info;

		if (!info)
			continue;
		stats->n_evts += __atomic_load_n(&info->n_evts, __ATOMIC_RELAXED);
		stats->n_drops_buffer += __atomic_load_n(&info->n_drops_buffer, __ATOMIC_RELAXED);
		stats->n_drops_max_event_size +=
			__atomic_load_n(&info->n_drops_max_event_size, __ATOMIC_RELAXED);
		stats->n_drops_bug += __atomic_load_n(&info->n_drops_bug, __ATOMIC_RELAXED);
		stats->n_fault_reads += __atomic_load_n(&info->n_fault_reads, __ATOMIC_RELAXED);
	}
	stats->n_drops = stats->n_drops_buffer + stats->n_drops_max_event_size +
			 stats->n_drops_bug;
	return SCAP_SUCCESS;
}

static uint32_t kmod_get_ndevs(struct scap_engine_handle *h)
{
	return h->ndevs;
}

/* Closing the last device detaches the module's probes and frees its rings. */
static void kmod_close(struct scap_engine_handle *h)
{
	if (!h)
		return;
	for (uint32_t cpu = 0; h->rings && cpu < h->ndevs; cpu++)
		ppm_ring_reader_unmap(&h->rings[cpu]);
	for (uint32_t cpu = 0; h->fds && cpu < h->ndevs; cpu++) {
		if (h->fds[cpu] >= 0)
			close(h->fds[cpu]);
	}
	scap_devset_fini(&h->devset);
	free(h->rings);
	free(h->fds);
	free(h);
}

const struct scap_vtable scap_kmod_engine = {
	.name = "kmod",
	.mode = SCAP_MODE_LIVE,
	.init = kmod_init,
	.start_capture = kmod_start_capture,
	.stop_capture = kmod_stop_capture,
	.next = kmod_next,
	.get_stats = kmod_get_stats,
	.get_ndevs = kmod_get_ndevs,
	.close = kmod_close,
};
