// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * golden_capture: how the valid inputs of lab 01's golden checks were made.
 * It runs `calls DIR` (calls.c) under the probe, picks some of its events
 * and writes the raw bytes of each, exactly as scap_next gave them, to
 * OUTDIR/NAME.hex with a comment per field. Not run by the grader: its
 * output is committed in golden/, and the corrupt cases are edited copies.
 *
 *   sudo ./build/labs/01-event-format/tests/golden_capture \
 *        ./build/labs/01-event-format/tests/calls /tmp/scaplab-lab01 /tmp/golden
 *
 * Run it on the reference decoder: it uses scap_event_decode to choose events.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "scap.h"
#include "scap_event.h"

/* One event to keep: the first of the child's events that matches. */
struct wanted {
	const char *file;	/* OUTDIR/file.hex */
	uint16_t type;
	const char *what;	/* the call, for the file's first comment */
	bool (*match)(const struct scap_evt_view *v);
};

static bool g_file_opened;	/* the openat exit of lab01_file was seen */

static bool name_is_file(const struct scap_evt_view *v)
{
	const char *s = scap_evt_param_str(v, 2);
	size_t n = s ? strlen(s) : 0;

	if (n < 11 || strcmp(s + n - 11, "/lab01_file"))
		return false;
	g_file_opened = true;
	return true;
}

static bool name_is_empty(const struct scap_evt_view *v)
{
	const char *s = scap_evt_param_str(v, 2);

	return s && !*s;
}

static bool is_getppid(const struct scap_evt_view *v)
{
	return scap_evt_param_u16(v, 0) == SYS_getppid;
}

static bool wrote_11(const struct scap_evt_view *v)
{
	return scap_evt_param_s64(v, 0) == 11;
}

/* After the openat of lab01_file: its close, not the loader's. */
static bool after_openat(const struct scap_evt_view *v)
{
	(void)v;
	return g_file_opened;
}

static bool any(const struct scap_evt_view *v)
{
	(void)v;
	return true;
}

static struct wanted g_wanted[] = {
	{ "openat_x", PPME_SYSCALL_OPENAT_2_X,
	  "openat(AT_FDCWD, \"DIR/lab01_file\", O_WRONLY|O_CREAT|O_TRUNC, 0640) = 3", name_is_file },
	{ "openat_x_empty_name", PPME_SYSCALL_OPENAT_2_X,
	  "openat(AT_FDCWD, \"\", O_RDONLY) = -ENOENT (dev absent)", name_is_empty },
	{ "write_x", PPME_SYSCALL_WRITE_X, "write(3, \"lab01\\0bytes\", 11) = 11", wrote_11 },
	{ "close_e", PPME_SYSCALL_CLOSE_E, "close(3)", after_openat },
	{ "kill_e", PPME_SYSCALL_KILL_E, "kill(getpid(), 0)", any },
	{ "generic_e", PPME_GENERIC_E, "getppid(), a syscall without a filler", is_getppid },
	{ "pipe_e", PPME_SYSCALL_PIPE_E, "pipe(fds), whose enter event has no params", any },
	{ "connect_x", PPME_SOCKET_CONNECT_X,
	  "connect(3, 127.0.0.1:47212) = -ECONNREFUSED from 127.0.0.1:47211", any },
};

#define NWANTED (sizeof(g_wanted) / sizeof(g_wanted[0]))

static bool g_done[NWANTED];	/* g_wanted[i] is written */

/* Print n bytes as hex, 16 a line, with comment on the first line. */
static void hex_lines(FILE *f, const uint8_t *b, size_t n, const char *comment)
{
	for (size_t i = 0; i < n; i += 16) {
		size_t end = i + 16 < n ? i + 16 : n;

		for (size_t j = i; j < end; j++)
			fprintf(f, "%s%02x", j > i ? " " : "", b[j]);
		if (i == 0)
			fprintf(f, "\t# %s", comment);
		fputc('\n', f);
	}
}

/* Write the event of view v to dir/w->file.hex, a comment for each field. */
static int write_golden(const char *dir, const struct wanted *w, const struct scap_evt_view *v)
{
	const uint8_t *b = (const uint8_t *)v->hdr;
	char path[4096], c[256];
	uint32_t off = PPM_EVT_HDR_SIZE + v->nparams * PPM_PARAM_LEN_SIZE;
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s.hex", dir, w->file);
	f = fopen(path, "w");
	if (!f) {
		fprintf(stderr, "golden_capture: %s: %s\n", path, strerror(errno));
		return -1;
	}
	fprintf(f, "# %s_%c: %s\n", v->info->name, PPME_IS_ENTER(v->hdr->type) ? 'e' : 'x',
		w->what);
	fprintf(f, "# Captured from the probe by golden_capture.c, byte for byte.\n");
	fprintf(f, "# header (26 bytes, packed, little-endian)\n");
	snprintf(c, sizeof(c), "ts = %" PRIu64, (uint64_t)v->hdr->ts);
	hex_lines(f, b, 8, c);
	snprintf(c, sizeof(c), "tid = %" PRIu64, (uint64_t)v->hdr->tid);
	hex_lines(f, b + 8, 8, c);
	snprintf(c, sizeof(c), "len = %u", v->hdr->len);
	hex_lines(f, b + 16, 4, c);
	snprintf(c, sizeof(c), "type = %u", v->hdr->type);
	hex_lines(f, b + 20, 2, c);
	snprintf(c, sizeof(c), "nparams = %u", v->hdr->nparams);
	hex_lines(f, b + 22, 4, c);
	if (v->nparams)
		fprintf(f, "# length array (%u x u16)\n", v->nparams);
	for (uint32_t i = 0; i < v->nparams; i++) {
		snprintf(c, sizeof(c), "len[%u] = %u (%s)", i, v->params[i].len,
			 v->info->params[i].name);
		hex_lines(f, b + PPM_EVT_HDR_SIZE + i * 2, 2, c);
	}
	if (v->nparams)
		fprintf(f, "# params\n");
	for (uint32_t i = 0; i < v->nparams; i++) {
		snprintf(c, sizeof(c), "param %u %s (%s)%s", i + 1, v->info->params[i].name,
			 scap_param_type_name(v->info->params[i].type),
			 v->params[i].len ? "" : ": absent, no bytes");
		if (v->params[i].len)
			hex_lines(f, b + off, v->params[i].len, c);
		else
			fprintf(f, "# %s\n", c);
		off += v->params[i].len;
	}
	if (fclose(f)) {
		fprintf(stderr, "golden_capture: %s: %s\n", path, strerror(errno));
		return -1;
	}
	printf("wrote %s\n", path);
	return 0;
}

/* Keep the event if it is one of g_wanted not yet written. */
static int consider(const char *outdir, const struct ppm_evt_hdr *evt)
{
	struct scap_evt_view v;
	char err[SCAP_LASTERR_SIZE];

	if (scap_event_decode(evt, evt->len, &v, err, sizeof(err)) != SCAP_SUCCESS) {
		fprintf(stderr, "golden_capture: a corrupt event: %s\n", err);
		return -1;
	}
	for (size_t i = 0; i < NWANTED; i++) {
		const struct wanted *w = &g_wanted[i];

		if (!g_done[i] && evt->type == w->type && w->match(&v)) {
			g_done[i] = true;
			return write_golden(outdir, w, &v);
		}
	}
	return 0;
}

int main(int argc, char **argv)
{
	struct scap_open_args args = { .engine = SCAP_ENGINE_MODERN_BPF };
	char err[SCAP_LASTERR_SIZE], go = 'g';
	int sync[2], status, ret = 1;
	bool exited = false;
	pid_t child;
	int32_t rc;
	scap_t *h;

	if (argc != 4) {
		fprintf(stderr, "usage: golden_capture CALLS DIR OUTDIR\n");
		return 2;
	}
	h = scap_open(&args, err, &rc);
	if (!h) {
		fprintf(stderr, "golden_capture: scap_open: %s\n", err);
		return 1;
	}
	if (scap_start_capture(h) != SCAP_SUCCESS) {
		fprintf(stderr, "golden_capture: scap_start_capture: %s\n", scap_getlasterr(h));
		goto out;
	}
	/* The child waits for a byte: its calls must come after the capture starts. */
	if (pipe(sync)) {
		perror("golden_capture: pipe");
		goto out;
	}
	child = fork();
	if (child < 0) {
		perror("golden_capture: fork");
		goto out;
	}
	if (child == 0) {
		close(sync[1]);
		if (read(sync[0], &go, 1) != 1)
			_exit(126);
		execl(argv[1], "calls", argv[2], (char *)NULL);
		perror("golden_capture: exec");
		_exit(127);
	}
	close(sync[0]);
	if (write(sync[1], &go, 1) != 1) {
		perror("golden_capture: write");
		goto out;
	}
	close(sync[1]);

	/* Read until the child is gone and the rings are empty. */
	for (;;) {
		struct ppm_evt_hdr *evt;
		uint16_t cpu;

		rc = scap_next(h, &evt, &cpu);
		if (rc == SCAP_TIMEOUT) {
			if (exited)
				break;
			exited = waitpid(child, &status, WNOHANG) == child;
			continue;
		}
		if (rc != SCAP_SUCCESS) {
			fprintf(stderr, "golden_capture: scap_next: %s\n", scap_getlasterr(h));
			goto out;
		}
		if (evt->tid == (uint64_t)child && consider(argv[3], evt))
			goto out;
	}
	if (!WIFEXITED(status) || WEXITSTATUS(status)) {
		fprintf(stderr, "golden_capture: calls failed (status 0x%x)\n", status);
		goto out;
	}
	ret = 0;
	for (size_t i = 0; i < NWANTED; i++) {
		if (!g_done[i]) {
			fprintf(stderr, "golden_capture: no event for %s\n", g_wanted[i].file);
			ret = 1;
		}
	}
out:
	scap_stop_capture(h);
	scap_close(h);
	return ret;
}
