// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * carve: turn the lab regions of the reference code into a lab's starter.
 *
 * A lab region is fenced by marker lines, each one a whole comment line in
 * the file's own comment style (C "/" "*", "//" or "#"):
 *
 *     LAB 02.1 BEGIN: <hint for the learner>
 *     ...the reference code...
 *     LAB 02.1 STARTER: <one line of starter code>     (zero or more)
 *     LAB 02.1 END
 *
 * Carving lab 02 replaces every 02.* region by
 *
 *     LAB 02.1 TODO: <hint for the learner>
 *     <the STARTER lines, uncommented, with the marker's indentation>
 *     LAB 02.1 TODO END (starter 5c0e8a1f)
 *
 * so that the starter still compiles and the learner sees where to write.
 * The number is a hash of the starter's code (blanks left out): it tells
 * the grader whether the learner has changed the starter yet.
 * Carving is idempotent: a carved file has no BEGIN left to carve. Markers
 * are found by their place (first thing on the line), not by line counts,
 * so editing the code between them never breaks the carve.
 *
 *   carve --lab NN FILE...    carve lab NN's regions in place ("all": every lab)
 *   carve --lab NN --stdout FILE
 *                             print the carved file instead of writing it
 *   carve --solve NN FILE...  like --lab, but keep the reference code inside
 *                             the TODO markers: what a learner's finished
 *                             work looks like (the release replay uses it)
 *   carve --list FILE...      print one line per region:
 *                             "NN.M STATE FILE:LINE hint", STATE is BEGIN
 *                             (not carved), TODO (carved, still the starter)
 *                             or EDITED (carved, then changed)
 *
 * A malformed file (BEGIN without END, nested regions, numbers that do not
 * match, code between STARTER and END) is an error: "FILE:LINE: message",
 * exit 2, and no file is written.
 */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum marker_kind { NOT_A_MARKER, M_BEGIN, M_STARTER, M_END, M_TODO, M_TODO_END };

struct marker {
	enum marker_kind kind;
	unsigned int starter_hash;	/* of a TODO END; 0: none written */
	char id[16];		/* "02.1" */
	const char *indent;	/* start of the line */
	size_t indent_len;
	const char *open;	/* "/" "*", "//" or "#" */
	const char *text;	/* what follows "BEGIN: " or "STARTER: " */
	size_t text_len;	/* without the closing comment and newline */
};

static const char *const comment_opens[] = { "/*", "//", "#" };

/* Parse one line; a line that is not exactly a marker is NOT_A_MARKER. */
static struct marker parse_marker(const char *line)
{
	static const struct { const char *word; enum marker_kind kind; } words[] = {
		{ " BEGIN: ", M_BEGIN }, { " STARTER:", M_STARTER },
		{ " TODO END", M_TODO_END }, { " END", M_END }, { " TODO: ", M_TODO },
	};
	struct marker m = { .kind = NOT_A_MARKER, .indent = line };
	const char *p = line, *end;
	size_t i, n;

	while (*p == ' ' || *p == '\t')
		p++;
	m.indent_len = p - line;
	for (i = 0; i < 3; i++)
		if (!strncmp(p, comment_opens[i], strlen(comment_opens[i])))
			m.open = comment_opens[i];
	if (!m.open)
		return m;
	p += strlen(m.open);
	if (strncmp(p, " LAB ", 5))
		return m;
	p += 5;
	/* NN.M: two digits, a dot, one or more digits. */
	if (!isdigit((unsigned char)p[0]) || !isdigit((unsigned char)p[1]) || p[2] != '.' ||
	    !isdigit((unsigned char)p[3]))
		return m;
	for (n = 4; isdigit((unsigned char)p[n]); n++)
		;
	if (n >= sizeof(m.id))
		return m;
	memcpy(m.id, p, n);
	p += n;
	for (i = 0; i < sizeof(words) / sizeof(words[0]); i++)
		if (!strncmp(p, words[i].word, strlen(words[i].word)))
			break;
	if (i == sizeof(words) / sizeof(words[0]))
		return m;
	p += strlen(words[i].word);
	if (words[i].kind == M_STARTER && *p == ' ')
		p++;	/* "STARTER:" alone is an empty starter line */
	end = p + strcspn(p, "\n");
	if (!strcmp(m.open, "/*")) {
		/* A C comment marker closes on its own line. */
		while (end > p && (end[-1] == ' ' || end[-1] == '\t'))
			end--;
		if (end - p < 2 || strncmp(end - 2, "*/", 2))
			return m;
		end -= 2;
		while (end > p && end[-1] == ' ')
			end--;
	}
	if (words[i].kind == M_TODO_END && end != p) {
		int used = 0;

		if (sscanf(p, " (starter %8x)%n", &m.starter_hash, &used) != 1 || p + used != end)
			return m;
		p = end;
	}
	if (words[i].kind == M_END && end != p)
		return m;
	m.kind = words[i].kind;
	m.text = p;
	m.text_len = end - p;
	return m;
}

struct file {
	const char *path;
	char **lines;
	size_t n;
};

static int read_file(struct file *f, const char *path)
{
	FILE *in = fopen(path, "r");
	char *line = NULL;
	size_t cap = 0, room = 0;

	f->path = path;
	f->lines = NULL;
	f->n = 0;
	if (!in) {
		fprintf(stderr, "carve: cannot open %s: %s\n", path, strerror(errno));
		return -1;
	}
	while (getline(&line, &cap, in) >= 0) {
		if (f->n == room) {
			room = room ? 2 * room : 256;
			f->lines = realloc(f->lines, room * sizeof(*f->lines));
			if (!f->lines) {
				fprintf(stderr, "carve: out of memory\n");
				exit(2);
			}
		}
		f->lines[f->n++] = line;
		line = NULL;
		cap = 0;
	}
	free(line);
	fclose(in);
	return 0;
}

static int fail(const struct file *f, size_t i, const char *msg, const char *id)
{
	fprintf(stderr, "%s:%zu: %s%s%s\n", f->path, i + 1, msg, id ? " " : "", id ? id : "");
	return -1;
}

/* The lab of a region: "02" of "02.1". */
static int in_lab(const char *id, const char *lab)
{
	return !strcmp(lab, "all") || (!strncmp(id, lab, 2) && id[2] == '.');
}

static void put_marker(FILE *out, const struct marker *m, const char *word, const char *text,
		       size_t text_len)
{
	const char *close = strcmp(m->open, "/*") ? "" : " */";

	fprintf(out, "%.*s%s LAB %s %s%.*s%s\n", (int)m->indent_len, m->indent, m->open, m->id,
		word, (int)text_len, text ? text : "", close);
}

/* FNV-1a over the text's non-blank bytes: reformatting is not a change. */
static unsigned int hash_code(unsigned int h, const char *text, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		if (isspace((unsigned char)text[i]))
			continue;
		h = (h ^ (unsigned char)text[i]) * 16777619U;
	}
	return h;
}

#define HASH_START 2166136261U

enum mode { CHECK, LIST, CARVE, SOLVE };

/*
 * Check the whole file. LIST prints a line per region; CARVE and SOLVE
 * write the file to out with lab's regions turned into TODO regions (the
 * STARTER lines as code for CARVE, the reference code for SOLVE).
 */
static int process(const struct file *f, const char *lab, FILE *out, enum mode mode)
{
	struct marker open_m = { .kind = NOT_A_MARKER };
	int in_starter = 0, carving = 0;
	unsigned int starter = HASH_START, body = HASH_START;
	size_t open_line = 0, i;

	for (i = 0; i < f->n; i++) {
		struct marker m = parse_marker(f->lines[i]);

		if (m.kind != NOT_A_MARKER && open_m.kind != NOT_A_MARKER &&
		    strcmp(m.id, open_m.id) && (m.kind == M_BEGIN || m.kind == M_TODO))
			return fail(f, i, "region opens inside the open region", open_m.id);
		if (m.kind != NOT_A_MARKER && m.kind != M_BEGIN && m.kind != M_TODO &&
		    (open_m.kind == NOT_A_MARKER || strcmp(m.id, open_m.id)))
			return fail(f, i, "marker outside its region: no BEGIN/TODO before it for", m.id);
		if (m.kind == M_STARTER && open_m.kind != M_BEGIN)
			return fail(f, i, "STARTER in a carved region", m.id);
		if ((m.kind == M_END && open_m.kind != M_BEGIN) ||
		    (m.kind == M_TODO_END && open_m.kind != M_TODO))
			return fail(f, i, "END does not match its opening marker for", m.id);
		if (m.kind == M_BEGIN || m.kind == M_TODO) {
			if (open_m.kind != NOT_A_MARKER)
				return fail(f, i, "region opened twice:", m.id);
			open_m = m;
			open_line = i;
			in_starter = 0;
			starter = body = HASH_START;
			carving = (mode == CARVE || mode == SOLVE) && m.kind == M_BEGIN &&
				  in_lab(m.id, lab);
			if (out && carving)
				put_marker(out, &m, "TODO: ", m.text, m.text_len);
			else if (out)
				fputs(f->lines[i], out);
			continue;
		}
		if (m.kind == M_STARTER) {
			if (!strcmp(m.open, "/*") && memmem(m.text, m.text_len, "*/", 2))
				return fail(f, i, "a C STARTER line cannot hold '*/' in", m.id);
			in_starter = 1;
			starter = hash_code(starter, m.text, m.text_len);
			if (out && carving && mode == CARVE)
				fprintf(out, "%.*s%.*s\n", (int)m.indent_len, m.indent,
					(int)m.text_len, m.text);
			else if (out && !carving)
				fputs(f->lines[i], out);
			continue;
		}
		if (m.kind == M_END || m.kind == M_TODO_END) {
			const char *state = "BEGIN";
			char word[32];

			if (m.kind == M_TODO_END)
				state = m.starter_hash && m.starter_hash != body ? "EDITED" : "TODO";
			if (mode == LIST && printf("%s %s %s:%zu %.*s\n", open_m.id, state, f->path,
						   open_line + 1, (int)open_m.text_len,
						   open_m.text) < 0)
				return -1;
			snprintf(word, sizeof(word), "TODO END (starter %08x)", starter);
			if (out && carving)
				put_marker(out, &m, word, NULL, 0);
			else if (out)
				fputs(f->lines[i], out);
			open_m.kind = NOT_A_MARKER;
			carving = 0;
			in_starter = 0;
			continue;
		}
		/* An ordinary line. */
		if (in_starter)
			return fail(f, i, "code after the STARTER lines of", open_m.id);
		if (open_m.kind == M_TODO)
			body = hash_code(body, f->lines[i], strlen(f->lines[i]));
		if (out && (!carving || mode == SOLVE))
			fputs(f->lines[i], out);
	}
	if (open_m.kind != NOT_A_MARKER)
		return fail(f, open_line, "region never closed:", open_m.id);
	return 0;
}

/* Write path only if its carved text differs, through a temporary file. */
static int carve_in_place(const struct file *f, const char *lab, enum mode mode)
{
	char *text = NULL, *old = NULL;
	size_t len = 0, old_len = 0, i;
	FILE *mem = open_memstream(&text, &len);
	FILE *oldmem = open_memstream(&old, &old_len);
	char tmp[4096];
	FILE *out;
	int ret = -1;

	if (!mem || !oldmem)
		return -1;
	if (process(f, lab, mem, mode)) {
		fclose(mem);
		fclose(oldmem);
		goto done;
	}
	fclose(mem);
	for (i = 0; i < f->n; i++)
		fputs(f->lines[i], oldmem);
	fclose(oldmem);
	ret = 0;
	if (len == old_len && !memcmp(text, old, len))
		goto done;
	snprintf(tmp, sizeof(tmp), "%s.carve-tmp", f->path);
	out = fopen(tmp, "w");
	if (!out || fwrite(text, 1, len, out) != len || fclose(out) || rename(tmp, f->path)) {
		fprintf(stderr, "carve: cannot write %s: %s\n", f->path, strerror(errno));
		ret = -1;
	}
done:
	free(text);
	free(old);
	return ret;
}

static int usage(void)
{
	fprintf(stderr, "usage: carve --lab NN|all [--stdout] FILE...\n"
			"       carve --solve NN|all [--stdout] FILE...\n"
			"       carve --list FILE...\n");
	return 2;
}

int main(int argc, char **argv)
{
	const char *lab = NULL;
	enum mode mode = CHECK;
	int to_stdout = 0, i = 1, ret = 0;

	for (; i < argc && argv[i][0] == '-'; i++) {
		if ((!strcmp(argv[i], "--lab") || !strcmp(argv[i], "--solve")) && i + 1 < argc &&
		    mode == CHECK) {
			mode = argv[i][2] == 'l' ? CARVE : SOLVE;
			lab = argv[++i];
		} else if (!strcmp(argv[i], "--list") && mode == CHECK) {
			mode = LIST;
		} else if (!strcmp(argv[i], "--stdout")) {
			to_stdout = 1;
		} else {
			return usage();
		}
	}
	if (i == argc || mode == CHECK || (mode == LIST && to_stdout))
		return usage();
	if (lab && strcmp(lab, "all") &&
	    (strlen(lab) != 2 || !isdigit((unsigned char)lab[0]) || !isdigit((unsigned char)lab[1]))) {
		fprintf(stderr, "carve: a lab is two digits (02) or all, not '%s'\n", lab);
		return 2;
	}
	for (; i < argc; i++) {
		struct file f;

		if (read_file(&f, argv[i]))
			return 2;
		if (mode == LIST)
			ret |= process(&f, NULL, NULL, LIST);
		else if (to_stdout)
			ret |= process(&f, lab, stdout, mode);
		else
			ret |= carve_in_place(&f, lab, mode);
		for (size_t j = 0; j < f.n; j++)
			free(f.lines[j]);
		free(f.lines);
	}
	return ret ? 2 : 0;
}
