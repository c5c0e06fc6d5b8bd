/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * The engine table: every engine libscap knows, and whether this build has
 * it. An engine needs tools to build (the modern_bpf engine: clang,
 * bpftool and the kernel's BTF); the Makefile builds each engine the
 * machine can build and writes what it left out, and why, into
 * build/config/scap_engines_built.h, which scap_engines.c reads.
 */
#ifndef SCAPLAB_SCAP_ENGINES_H
#define SCAPLAB_SCAP_ENGINES_H

#include "scap.h"

struct scap_vtable;

struct scap_engine_entry {
	const char *name;			/* "modern_bpf", as scap-open spells it */
	const struct scap_vtable *vtable;	/* NULL: not in this build */
	const char *why_missing;		/* if vtable is NULL: why, in a few words */
};

/* The entry of an engine kind, or NULL if the kind is out of range. */
const struct scap_engine_entry *scap_engine_entry(enum scap_engine_kind kind);

#endif /* SCAPLAB_SCAP_ENGINES_H */
