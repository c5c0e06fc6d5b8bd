// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * golden_decode: run the event decoder (scap_event_decode, the code of lab
 * 01) on the bytes of a .hex file and print what it decoded, for the golden
 * checks in golden.bats.
 *
 *   golden_decode FILE.hex             decode; print the view or the error
 *   golden_decode --annotate FILE.hex  print the bytes field by field, read
 *                                      here without the decoder (for a
 *                                      failed check: what the input holds)
 *
 * A .hex file is hex byte pairs separated by blanks; "#" starts a comment
 * that runs to the end of the line. The bytes are the whole buffer given to
 * the decoder (buflen = their count).
 *
 * The buffer is copied to the very end of a page whose next page is
 * unmapped: a decoder that reads even one byte past buflen gets SIGSEGV,
 * which is reported as a line of the output ("crash: ..."), so that the
 * check shows it like any other wrong answer.
 */
#include <ctype.h>
#include <inttypes.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "scap_event.h"

#define MAX_BYTES 65536

/* Read FILE's hex bytes into out; return their count, or -1 (said on stderr). */
static long read_hex(const char *file, uint8_t *out, size_t max)
{
	char line[4096];
	long n = 0;
	int lineno = 0;
	FILE *f = fopen(file, "r");

	if (!f) {
		perror(file);
		return -1;
	}
	while (fgets(line, sizeof(line), f)) {
		char *p = line, *hash = strchr(line, '#');

		lineno++;
		if (hash)
			*hash = '\0';
		for (;;) {
			unsigned int byte;
			int used;

			while (isspace((unsigned char)*p))
				p++;
			if (!*p)
				break;
			if (sscanf(p, "%2x%n", &byte, &used) != 1 || used != 2 ||
			    (p[2] && !isspace((unsigned char)p[2]))) {
				fprintf(stderr, "golden_decode: %s:%d: not a hex byte: '%.8s'\n",
					file, lineno, p);
				fclose(f);
				return -1;
			}
			if ((size_t)n == max) {
				fprintf(stderr, "golden_decode: %s: more than %zu bytes\n", file, max);
				fclose(f);
				return -1;
			}
			out[n++] = (uint8_t)byte;
			p += 2;
		}
	}
	fclose(f);
	return n;
}

/*
 * A copy of the n bytes that ends right where an unmapped page begins.
 * Returns NULL (said on stderr) if the pages cannot be had.
 */
static uint8_t *guarded_copy(const uint8_t *src, size_t n)
{
	size_t page = (size_t)sysconf(_SC_PAGESIZE);
	size_t data_pages = (n + page - 1) / page + 1;
	uint8_t *base;

	base = mmap(NULL, (data_pages + 1) * page, PROT_READ | PROT_WRITE,
		    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (base == MAP_FAILED) {
		perror("golden_decode: mmap");
		return NULL;
	}
	if (mprotect(base + data_pages * page, page, PROT_NONE)) {
		perror("golden_decode: mprotect");
		return NULL;
	}
	memcpy(base + data_pages * page - n, src, n);
	return base + data_pages * page - n;
}

static void on_segv(int sig)
{
	static const char msg[] =
		"crash: SIGSEGV in the decoder: it read memory it must not touch"
		" (the byte after buf[buflen - 1] is an unmapped page)\n";

	(void)sig;
	/* Only async-signal-safe calls here: write and _exit. */
	if (write(STDOUT_FILENO, msg, sizeof(msg) - 1) < 0)
		_exit(4);
	_exit(3);
}

/* A string param, NUL included: "/tmp/f\0"; "\0" is the empty string. */
static void print_string(const uint8_t *s, size_t n)
{
	putchar('"');
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '"' || s[i] == '\\')
			printf("\\%c", s[i]);
		else if (s[i] == '\0')
			printf("\\0");
		else if (isprint(s[i]))
			putchar(s[i]);
		else
			printf("\\x%02x", s[i]);
	}
	putchar('"');
}

static void print_bytes(const uint8_t *b, size_t n)
{
	for (size_t i = 0; i < n; i++)
		printf("%s%02x", i ? " " : "", b[i]);
}

static bool is_signed(enum ppm_param_type t)
{
	return t == PT_INT8 || t == PT_INT16 || t == PT_INT32 || t == PT_INT64 ||
	       t == PT_ERRNO || t == PT_FD || t == PT_PID;
}

/* The value of a present param, read with the libscap readers. */
static void print_value(const struct scap_evt_view *v, uint32_t i, enum ppm_param_type t)
{
	const struct scap_evt_param *p = &v->params[i];

	switch (scap_param_type_size(t)) {
	case 1:
		printf(is_signed(t) ? "%d" : "%u", is_signed(t) ? (int8_t)scap_evt_param_u8(v, i)
								 : scap_evt_param_u8(v, i));
		return;
	case 2:
		printf(is_signed(t) ? "%d" : "%u", is_signed(t) ? (int16_t)scap_evt_param_u16(v, i)
								 : scap_evt_param_u16(v, i));
		return;
	case 4:
		if (is_signed(t))
			printf("%" PRId32, (int32_t)scap_evt_param_u32(v, i));
		else
			printf("%" PRIu32 " (0x%" PRIx32 ")", scap_evt_param_u32(v, i),
			       scap_evt_param_u32(v, i));
		return;
	case 8:
		if (is_signed(t))
			printf("%" PRId64, scap_evt_param_s64(v, i));
		else
			printf("%" PRIu64, scap_evt_param_u64(v, i));
		return;
	}
	if (t == PT_CHARBUF || t == PT_FSPATH || t == PT_FSRELPATH)
		print_string(p->val, p->len);
	else
		print_bytes(p->val, p->len);
}

/* Decode the n bytes at buf and print the view, or the error. */
static void decode(const uint8_t *buf, size_t n)
{
	struct scap_evt_view v;
	char err[SCAP_LASTERR_SIZE] = "";
	int32_t rc;

	memset(&v, 0, sizeof(v));
	fflush(stdout);
	rc = scap_event_decode(buf, n, &v, err, sizeof(err));
	if (rc != SCAP_SUCCESS) {
		printf("error: %s\n", err);
		if (rc != SCAP_FAILURE)
			printf("bad return code %d: a refused event gives SCAP_FAILURE (%d)\n", rc,
			       SCAP_FAILURE);
		return;
	}

	/* The view must point into buf: check that before reading through it. */
	if (v.hdr != (const void *)buf) {
		printf("ok, but view.hdr is not the start of the buffer\n");
		return;
	}
	printf("ok: %s_%c (type %u), %u bytes: ts %" PRIu64 ", tid %" PRIu64 ", %u params\n",
	       v.info ? v.info->name : "?", PPME_IS_ENTER(v.hdr->type) ? 'e' : 'x',
	       v.hdr->type, v.hdr->len, (uint64_t)v.hdr->ts, (uint64_t)v.hdr->tid, v.nparams);
	if (v.info != &g_event_info[v.hdr->type] || v.nparams != v.hdr->nparams ||
	    v.nparams > PPM_MAX_EVENT_PARAMS) {
		printf("  bad view: info or nparams do not match the header\n");
		return;
	}
	for (uint32_t i = 0; i < v.nparams; i++) {
		const struct scap_evt_param *p = &v.params[i];
		const struct ppm_param_info *pi = &v.info->params[i];

		printf("  param %u %s (%s): ", i + 1, pi->name, scap_param_type_name(pi->type));
		if (p->len == 0) {
			printf("absent\n");
			continue;
		}
		if (p->val < buf || p->val + p->len > buf + v.hdr->len) {
			printf("%u bytes, but its pointer is outside the event\n", p->len);
			continue;
		}
		if (p->len == 1)
			printf("byte %td: ", p->val - buf);
		else
			printf("bytes %td-%td: ", p->val - buf, p->val - buf + p->len - 1);
		print_value(&v, i, pi->type);
		putchar('\n');
	}
}

/* Print the header field of size bytes at off, if the buffer holds it. */
static void annotate_field(const uint8_t *b, size_t n, size_t off, size_t size,
			   const char *name, uint64_t *out)
{
	uint64_t x = 0;

	if (off + size > n) {
		printf("  bytes %2zu-%-3zu %-8s (missing: the buffer ends at %zu)\n", off,
		       off + size - 1, name, n);
		*out = 0;
		return;
	}
	memcpy(&x, b + off, size);	/* little-endian, like the machine */
	printf("  bytes %2zu-%-3zu %-8s ", off, off + size - 1, name);
	print_bytes(b + off, size);
	printf("  = %" PRIu64 "\n", x);
	*out = x;
}

/* The bytes field by field, read here independently of the decoder. */
static void annotate(const uint8_t *b, size_t n)
{
	uint64_t ts, tid, len, type, nparams;
	const struct ppm_event_info *info = NULL;
	uint16_t lens[PPM_MAX_EVENT_PARAMS];
	size_t off, i, nl;

	printf("the input, %zu bytes:\n", n);
	annotate_field(b, n, 0, 8, "ts", &ts);
	annotate_field(b, n, 8, 8, "tid", &tid);
	annotate_field(b, n, 16, 4, "len", &len);
	annotate_field(b, n, 20, 2, "type", &type);
	annotate_field(b, n, 22, 4, "nparams", &nparams);
	if (n < PPM_EVT_HDR_SIZE)
		return;
	if (type < PPM_EVENT_MAX && g_event_info[type].name[0])
		info = &g_event_info[type];
	printf("  type %" PRIu64 " is %s%s; its schema has %d params\n", type,
	       info ? info->name : "unknown", info ? (type & 1 ? " exit" : " enter") : "",
	       info ? (int)info->nparams : 0);
	/*
	 * The lengths: as many as nparams says, but no more than the schema
	 * has (when the type is known), nor than the buffer holds.
	 */
	nl = nparams < PPM_MAX_EVENT_PARAMS ? nparams : PPM_MAX_EVENT_PARAMS;
	if (info && nl > info->nparams) {
		printf("  (nparams says %" PRIu64 ": reading only the schema's %u lengths)\n",
		       nparams, info->nparams);
		nl = info->nparams;
	}
	off = PPM_EVT_HDR_SIZE;
	for (i = 0; i < nl && off + 2 <= n; i++, off += 2) {
		memcpy(&lens[i], b + off, 2);
		printf("  bytes %2zu-%-3zu len[%zu]   %02x %02x  = %u\n", off, off + 1, i,
		       b[off], b[off + 1], lens[i]);
	}
	nl = i;
	/* The params, back to back, each as long as its length says. */
	for (i = 0; i < nl; i++) {
		size_t end = off + lens[i] < n ? off + lens[i] : n;

		if (lens[i] == 0 || off >= n) {
			printf("  (no bytes)  param %zu %s: %s\n", i + 1,
			       info ? info->params[i].name : "",
			       lens[i] ? "past the end of the buffer" : "length 0, absent");
			off += lens[i];
			continue;
		}
		printf("  bytes %2zu-%-3zu param %zu %s: ", off, end - 1, i + 1,
		       info ? info->params[i].name : "");
		print_bytes(b + off, end - off > 16 ? 16 : end - off);
		printf("%s%s\n", end - off > 16 ? " ..." : "",
		       off + lens[i] > n ? " (cut: the buffer ends)" : "");
		off += lens[i];
	}
	if (off < n)
		printf("  bytes %2zu-%-3zu after the params: %zu bytes\n", off, n - 1, n - off);
}

int main(int argc, char **argv)
{
	static uint8_t bytes[MAX_BYTES];
	bool annotate_only = argc == 3 && !strcmp(argv[1], "--annotate");
	uint8_t *buf;
	long n;

	if (argc != 2 && !annotate_only) {
		fprintf(stderr, "usage: golden_decode [--annotate] FILE.hex\n");
		return 2;
	}
	n = read_hex(argv[argc - 1], bytes, sizeof(bytes));
	if (n < 0)
		return 2;
	if (annotate_only) {
		annotate(bytes, (size_t)n);
		return 0;
	}
	buf = guarded_copy(bytes, (size_t)n);
	if (!buf)
		return 2;
	if (signal(SIGSEGV, on_segv) == SIG_ERR || signal(SIGBUS, on_segv) == SIG_ERR) {
		perror("golden_decode: signal");
		return 2;
	}
	decode(buf, (size_t)n);
	return 0;
}
