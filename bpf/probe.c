// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * The legacy eBPF probe: three raw tracepoint programs (the dispatchers)
 * and one filler program per event, reached by tail call.
 *
 *   syscall ─► raw_tracepoint/sys_enter ─► syscall_table[nr] ─► event code
 *                                            │ (UF_UNINTERESTING: return)
 *              bpf_tail_call(tail_map[event code]) ─► f_sys_open_e ...
 *                                            │ (builds the event in the
 *                                            │  frame, then
 *                                            ▼  bpf_perf_event_output)
 *                                  this CPU's perf buffer ─► engine/bpf
 *
 * It is one C file, as Falco's legacy probe was, compiled once against the
 * target kernel's headers or against vmlinux.h (kernel_types.h says how and
 * why). The fillers live in bpf/fillers/, one header per group, as the
 * kernel module has driver/fillers/ (file, io, proc, net, ...).
 *
 * Try it: sudo ./build/scap-open --bpf -n 20
 */
#include "kernel_types.h"
#include "shared_definitions.h"
#include "ppm_flag_helpers.h"
#include "ppm_autofill.h"
#include "ppm_sockopt.h"
#include "ppm_ptrace_bpf.h"
#include "ppm_quotactl.h"
#include "types.h"
#include "maps.h"
#include "plumbing_helpers.h"
#include "ring_helpers.h"
#include "fillers.h"
#include "helpers/file.h"
#include "helpers/open_flags.h"
#include "helpers/rename_flags.h"
#include "helpers/iovec.h"
#include "helpers/mm.h"
#include "helpers/pipe.h"
#include "helpers/process.h"
#include "helpers/proc_args.h"
#include "helpers/d_path.h"
#include "helpers/cgroups.h"
#include "helpers/socket.h"
#include "helpers/socket_tuple.h"

#include "fillers/generic.h"
#include "fillers/file.h"
#include "fillers/paths.h"
#include "fillers/io.h"
#include "fillers/mem.h"
#include "fillers/ipc.h"
#include "fillers/proc.h"
#include "fillers/net.h"
#include "fillers/net_io.h"
#include "fillers/sem.h"
#include "fillers/poll.h"
#include "fillers/sockopt.h"
#include "fillers/ptrace_bpf.h"
#include "fillers/quotactl.h"
#include "fillers/autofill.h"

/*
 * The checks both syscall dispatchers make, cheapest first: they run on
 * every syscall of every process. Returns the syscall's table entry, or
 * NULL if no event is wanted.
 */
static __always_inline const struct syscall_evt_pair *
wanted_syscall(long id, const struct scap_bpf_settings **settings)
{
	const struct syscall_evt_pair *sc;
	__u32 nr = id;

	if (id < 0 || id >= SYSCALL_TABLE_SIZE)
		return NULL;
	sc = bpf_map_lookup_elem(&syscall_table, &nr);
	if (!sc || (sc->flags & UF_UNINTERESTING))
		return NULL;
	*settings = get_bpf_settings();
	if (!*settings || !(*settings)->capture_enabled)
		return NULL;
	if ((bpf_get_current_pid_tgid() >> 32) == (*settings)->ignored_tgid)
		return NULL;
	if (bpf_in_ia32_syscall())
		return NULL;
	return sc;
}

SEC("raw_tracepoint/sys_enter")
int sys_enter(struct bpf_raw_tracepoint_args *ctx)
{
	const struct scap_bpf_settings *settings;
	const struct syscall_evt_pair *sc = wanted_syscall(ctx->args[1], &settings);

	if (!sc)
		return 0;
	/* On success the tail call never returns. */
	bpf_tail_call(ctx, &tail_map, sc->flags & UF_USED ? sc->enter_event_type : PPME_GENERIC_E);
	return 0;
}

SEC("raw_tracepoint/sys_exit")
int sys_exit(struct bpf_raw_tracepoint_args *ctx)
{
	const struct scap_bpf_settings *settings;
	const struct syscall_evt_pair *sc = wanted_syscall(bpf_syscall_get_nr(ctx), &settings);

	if (!sc)
		return 0;
	bpf_tail_call(ctx, &tail_map, sc->flags & UF_USED ? sc->exit_event_type : PPME_GENERIC_X);
	return 0;
}

/* One procexit per exiting thread, after its last syscall. */
SEC("raw_tracepoint/sched_process_exit")
int sched_process_exit(struct bpf_raw_tracepoint_args *ctx)
{
	const struct scap_bpf_settings *settings = get_bpf_settings();

	if (!settings || !settings->capture_enabled)
		return 0;
	if ((bpf_get_current_pid_tgid() >> 32) == settings->ignored_tgid)
		return 0;
	bpf_tail_call(ctx, &tail_map, PPME_PROCEXIT_1_E);
	return 0;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";
