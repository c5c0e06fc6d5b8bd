// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * golden_decode: run the event decoder (scap_event_decode, the code of lab
 * 01) on the bytes of a .hex file and print what it decoded, for the golden
 * checks in golden.bats.
 *
 *   golden_decode FILE.hex             decode; print the view or the error
 *   golden_decode --from lengths FILE.hex
 *   golden_decode --from params FILE.hex
 *                                      start at step 01.2 (decode_lengths)
 *                                      or 01.3 (decode_params): the steps
 *                                      before it are not yours but a plain
 *                                      read of the bytes, so that a bug in
 *                                      01.1 costs no point of 01.2 or 01.3
 *   golden_decode --annotate FILE.hex  print the bytes field by field, read
 *                                      here without the decoder (for a
 *                                      failed check: what the input holds)
 *
 * The .hex format: golden_hex.h. The buffer is copied to the very end of a
 * page whose next page is unmapped: a decoder that reads even one byte past
 * buflen gets SIGSEGV, which is reported as a line of the output
 * ("crash: ..."), so that the check shows it like any other wrong answer.
 *
 * The expected outputs (golden/NAME.expected) are what this prints with
 * the reference decoder, in the mode the check uses.
 */
#include <inttypes.h>

#include "golden_hex.h"
/*
 * The decoder's source, not libscap's object: --from needs its steps,
 * which are static. This file then defines every symbol of scap_event.c,
 * so the linker takes none of them from libscap.a.
 */
#include "scap_event.c"
#include "plain_steps.h"

/*
 * A string param, NUL included: "/tmp/f\0"; "\0" is the empty string. A
 * long one shows its first and last bytes and its size.
 */
static void print_string(const uint8_t *s, size_t n)
{
	putchar('"');
	for (size_t i = 0; i < n; i++) {
		if (n > 80 && i == 40) {
			printf("\"...(%zu bytes)...\"", n);
			i = n - 8;
		}
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

/* Decode from step FROM on; the view as scap_event_decode would fill it. */
static int32_t run_steps(const uint8_t *buf, size_t n, enum from from, struct scap_evt_view *v,
			 char *err)
{
	struct ppm_evt_hdr hdr = { 0 };
	char name[EVT_NAME_SIZE];
	uint32_t off;
	int32_t rc;

	if (from == FROM_HEADER)
		return scap_event_decode(buf, n, v, err, SCAP_LASTERR_SIZE);
	if (plain_steps(buf, n, from, &hdr, v->params, err))
		return SCAP_FAILURE;
	event_name(hdr.type, name);
	if (from == FROM_LENGTHS) {
		rc = decode_lengths(buf, &hdr, name, v->params, err, SCAP_LASTERR_SIZE);
		if (rc != SCAP_SUCCESS)
			return rc;
		/* Your lengths, laid out back to back, to print the view. */
		off = PPM_EVT_HDR_SIZE + hdr.nparams * PPM_PARAM_LEN_SIZE;
		for (uint32_t i = 0; i < hdr.nparams; i++) {
			v->params[i].val = buf + off;
			off += v->params[i].len;
		}
	} else {
		rc = decode_params(buf, &hdr, name, v->params, err, SCAP_LASTERR_SIZE);
		if (rc != SCAP_SUCCESS)
			return rc;
	}
	v->hdr = (const struct ppm_evt_hdr *)buf;
	v->info = &g_event_info[hdr.type];
	v->nparams = hdr.nparams;
	return SCAP_SUCCESS;
}

/* Decode the n bytes at buf and print the view, or the error. */
static void decode(const uint8_t *buf, size_t n, enum from from)
{
	struct scap_evt_view v;
	char err[SCAP_LASTERR_SIZE] = "";
	int32_t rc;

	memset(&v, 0, sizeof(v));
	fflush(stdout);
	rc = run_steps(buf, n, from, &v, err);
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
	enum from from = FROM_HEADER;
	bool annotate_only = false;
	uint8_t *buf;
	long n;

	if (argc == 3 && !strcmp(argv[1], "--annotate"))
		annotate_only = true;
	else if (argc == 4 && !strcmp(argv[1], "--from") && !strcmp(argv[2], "lengths"))
		from = FROM_LENGTHS;
	else if (argc == 4 && !strcmp(argv[1], "--from") && !strcmp(argv[2], "params"))
		from = FROM_PARAMS;
	else if (argc != 2) {
		fprintf(stderr, "usage: golden_decode [--annotate | --from lengths|params] FILE.hex\n");
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
	decode(buf, (size_t)n, from);
	return 0;
}
