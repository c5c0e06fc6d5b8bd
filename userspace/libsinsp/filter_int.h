/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * The filter engine's insides (see sinsp_filter.h):
 *   filter_parser.c    text -> tree of nodes, with errors at a position
 *   filter_fields.c    the fields: what each one reads from an event
 *   filter_fields_fd.c ... and the fd's fields
 *   filter_eval.c      a tree on an event: the operators, and/or/not
 *   filter_syscalls.c  which syscalls a tree can pass
 *   sinsp_format_string.c   "%evt.num %proc.name" lines
 */
#ifndef SCAPLAB_FILTER_INT_H
#define SCAPLAB_FILTER_INT_H

#include <stddef.h>
#include "sinsp_filter.h"

enum filter_type {
	FT_STRING,
	FT_INT,		/* compared as numbers: proc.pid < 1000 */
	FT_BOOL,	/* "true" / "false" */
	FT_IP,		/* compared as addresses: 127.0.0.1 = 127.000.000.001 */
};

/* A field's value for one event. */
struct field_value {
	const char *str;	/* FT_STRING: not NUL-terminated, len bytes */
	size_t len;
	int64_t num;		/* FT_INT, FT_BOOL (0/1) */
	uint8_t ip[16];		/* FT_IP, in network order */
	uint8_t ip_len;		/* 4 or 16 */
	bool is_num;		/* evt.rawarg of a number: num holds it, not str */
};

/* What a field's reader gets: the event, the check's argument, a scratch buffer. */
struct field_ctx {
	const struct sinsp_evt *e;
	const char *arg;	/* "name" of evt.arg.name; NULL if none */
	int32_t index;		/* N of proc.aname[N] or evt.arg[N]; -1 if none */
	struct scap_strbuf *scratch;	/* for values that are built (proc.cmdline) */
};

struct filter_field {
	const char *name;	/* "proc.name"; "evt.arg" takes .NAME or [N] */
	enum filter_type type;
	bool has_arg;		/* evt.arg.NAME, evt.rawarg.NAME, proc.aname[N] */
	bool multi;		/* proc.aname: each ancestor in turn, any may match */
	bool any_type;		/* evt.rawarg: a number or a string, by the param */
	const char *desc;
	/*
	 * The value for the event: true with out filled, false if it has
	 * none. A multi field gives its nth value (n from 0), false past the last.
	 */
	bool (*read)(const struct field_ctx *c, uint32_t n, struct field_value *out);
};

/* A value read: true, for `return field_set_str(out, s)` (false if s is NULL). */
bool field_set_str(struct field_value *out, const char *s);
bool field_set_num(struct field_value *out, int64_t x);

/* The fd fields' readers (filter_fields_fd.c), for the table. */
#define FD_FIELD_READER(fn) \
	bool read_##fn(const struct field_ctx *c, uint32_t n, struct field_value *out)
FD_FIELD_READER(fd_num);
FD_FIELD_READER(fd_name);
FD_FIELD_READER(fd_type);
FD_FIELD_READER(fd_directory);
FD_FIELD_READER(fd_cip);
FD_FIELD_READER(fd_sip);
FD_FIELD_READER(fd_lip);
FD_FIELD_READER(fd_rip);
FD_FIELD_READER(fd_cport);
FD_FIELD_READER(fd_sport);
FD_FIELD_READER(fd_lport);
FD_FIELD_READER(fd_rport);

/* The container fields' readers (filter_fields_container.c). */
#define CONTAINER_FIELD_READER(fn) \
	bool read_##fn(const struct field_ctx *c, uint32_t n, struct field_value *out)
CONTAINER_FIELD_READER(container_id);
CONTAINER_FIELD_READER(container_type);
CONTAINER_FIELD_READER(proc_vpid);
CONTAINER_FIELD_READER(thread_vtid);

const struct filter_field *filter_field_find(const char *name, size_t len);
extern const struct filter_field g_filter_fields[];
extern const uint32_t g_filter_nfields;

/* A field named in a filter or a format, with its argument. */
struct field_ref {
	const struct filter_field *field;
	char *arg;		/* malloc'd, or NULL */
	int32_t index;		/* -1 if none */
};

/*
 * Parse a field at text (sysdig's names, with .NAME or [N] where the field
 * takes one); its length in *len. 0, or -1 with err filled.
 */
int field_ref_parse(const char *text, size_t *len, struct field_ref *ref,
		    struct sinsp_filter_error *err, uint32_t base);
void field_ref_free(struct field_ref *ref);
/* Read the ref's nth value. */
bool field_ref_read(const struct field_ref *ref, const struct sinsp_evt *e,
		    struct scap_strbuf *scratch, uint32_t n, struct field_value *out);
/* Append a value as text, escaped for a terminal (format strings). */
void field_value_to_text(struct scap_strbuf *sb, enum filter_type type,
			 const struct field_value *v);

enum filter_op {
	OP_EQ, OP_NE, OP_LT, OP_LE, OP_GT, OP_GE,
	OP_CONTAINS, OP_ICONTAINS, OP_STARTSWITH, OP_ENDSWITH,
	OP_IN, OP_EXISTS,
};

/* A value of a check, compiled for its field's type. */
struct filter_value {
	char *str;
	size_t len;
	int64_t num;
	bool is_num;		/* str is a whole number: num holds it */
	uint8_t ip[16];
	uint8_t ip_len;
};

enum node_kind { NODE_AND, NODE_OR, NODE_NOT, NODE_CHECK };

struct filter_node {
	enum node_kind kind;
	struct filter_node **kids;	/* AND, OR: two or more; NOT: one */
	uint32_t nkids;
	/* NODE_CHECK */
	struct field_ref ref;
	enum filter_op op;
	struct filter_value *values;	/* one, or the list of `in`; none for exists */
	uint32_t nvalues;
	uint32_t pos;			/* where the check starts in the text */
};

struct sinsp_filter {
	struct filter_node *root;
	struct scap_strbuf scratch;
};

struct filter_node *filter_parse(const char *text, struct sinsp_filter_error *err);
void filter_node_free(struct filter_node *n);
bool filter_node_eval(const struct filter_node *n, const struct sinsp_evt *e,
		      struct scap_strbuf *scratch);

#endif /* SCAPLAB_FILTER_INT_H */
