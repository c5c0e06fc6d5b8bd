/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * The input side of golden_decode: reading a .hex file, and the guarded
 * buffer that turns a read past its end into a reported crash.
 *
 * A .hex file is hex byte pairs separated by blanks; "#" starts a comment
 * that runs to the end of the line; "XX*N" is the byte XX repeated N times.
 * The bytes are the whole buffer given to the decoder (buflen = their count).
 */
#ifndef GOLDEN_HEX_H
#define GOLDEN_HEX_H

#include <ctype.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#define MAX_BYTES (1024 * 1024)

/*
 * Read FILE's hex bytes into out; return their count, or -1 (said on
 * stderr). "XX*N" is the byte XX, N times: it keeps a 64 KiB param short.
 */
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
			unsigned long repeat = 1;
			char *end;

			if (sscanf(p, "%2x%n", &byte, &used) != 1 || used != 2 ||
			    (p[2] && !isspace((unsigned char)p[2]) && p[2] != '*')) {
				fprintf(stderr, "golden_decode: %s:%d: not a hex byte: '%.8s'\n",
					file, lineno, p);
				fclose(f);
				return -1;
			}
			p += 2;
			/* "61*500": the byte 0x61, 500 times. */
			if (*p == '*') {
				repeat = strtoul(p + 1, &end, 10);
				if (end == p + 1 || (*end && !isspace((unsigned char)*end))) {
					fprintf(stderr, "golden_decode: %s:%d: not a count after '*'\n",
						file, lineno);
					fclose(f);
					return -1;
				}
				p = end;
			}
			if (repeat > max - (size_t)n) {
				fprintf(stderr, "golden_decode: %s: more than %zu bytes\n", file, max);
				fclose(f);
				return -1;
			}
			memset(out + n, byte, repeat);
			n += repeat;
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

#endif /* GOLDEN_HEX_H */
