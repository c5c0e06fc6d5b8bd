// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * See scap_engines.h. Adding an engine: its kind in scap.h, its line here,
 * its folder under engine/, and its build rule (mk/).
 */
#include <stddef.h>
#include "scap_engines.h"
#include "scap_engines_built.h"
#include "scap_vtable.h"

#ifdef SCAP_MODERN_BPF_MISSING
#define MODERN_BPF_VTABLE NULL
#else
extern const struct scap_vtable scap_modern_bpf_engine;
#define MODERN_BPF_VTABLE (&scap_modern_bpf_engine)
#define SCAP_MODERN_BPF_MISSING NULL
#endif

#ifdef SCAP_BPF_MISSING
#define BPF_VTABLE NULL
#else
extern const struct scap_vtable scap_bpf_engine;
#define BPF_VTABLE (&scap_bpf_engine)
#define SCAP_BPF_MISSING NULL
#endif

extern const struct scap_vtable scap_kmod_engine;
extern const struct scap_vtable scap_savefile_engine;

static const struct scap_engine_entry engines[SCAP_ENGINE_COUNT] = {
	[SCAP_ENGINE_MODERN_BPF] = { "modern_bpf", MODERN_BPF_VTABLE, SCAP_MODERN_BPF_MISSING },
	/* Always built: it needs only the module's devices, at run time. */
	[SCAP_ENGINE_KMOD] = { "kmod", &scap_kmod_engine, NULL },
	/* Always built: plain C, no kernel. */
	[SCAP_ENGINE_SAVEFILE] = { "savefile", &scap_savefile_engine, NULL },
	/* The legacy probe is found at run time: the engine needs libbpf to build. */
	[SCAP_ENGINE_BPF] = { "bpf", BPF_VTABLE, SCAP_BPF_MISSING },
};

const struct scap_engine_entry *scap_engine_entry(enum scap_engine_kind kind)
{
	if ((unsigned int)kind >= SCAP_ENGINE_COUNT)
		return NULL;
	return &engines[kind];
}
