// SPDX-License-Identifier: GPL-2.0-only
/*
 * The scaplab kernel module: the probes on the syscall tracepoints, and
 * how one event is written into this CPU's ring.
 *
 *   syscall ──► sys_enter / sys_exit tracepoint ──► syscall_enter_probe()
 *                                                   syscall_exit_probe()
 *     wanted? (enabled, interesting, not the reader, not 32-bit)
 *     event code: g_syscall_table (driver/syscall_table.c), else generic
 *     record_event(): header ─► filler (g_ppm_events) ─► publish head
 *
 * The probes are registered with tracepoint_probe_register() when the
 * reader first enables capture, and removed when it closes the devices
 * (ppm_device.c). The devices, the ioctls and mmap are in ppm_device.c; the
 * ring's memory in ppm_ring.c; storing params in ppm_events.c.
 *
 * Try it, in the VM (scripts/vm run -- ...):
 *   insmod build/driver/$(uname -r)/scaplab.ko && build/scap-open --kmod -n 20
 */
#include <linux/compat.h>
#include <linux/module.h>
#include <linux/sched.h>
#include <linux/timekeeping.h>
#include <linux/tracepoint.h>
#include <asm/syscall.h>
#include "ppm.h"
#include "ppm_fillers.h"

struct ppm_settings g_settings;

static bool syscall_is_interesting(long id)
{
	if (!READ_ONCE(g_settings.enabled))
		return false;
	if (id < 0 || id >= SYSCALL_TABLE_SIZE)
		return false;
	if (!(READ_ONCE(g_settings.interesting.bits[id / 64]) & (1ULL << (id % 64))))
		return false;
	if (current->tgid == READ_ONCE(g_settings.ignored_tgid))
		return false;
	/* A 32-bit syscall's number is from the i386 table: ours would lie. */
	return !in_compat_syscall();
}

/* Drop counters: why the event could not be written. */
static void count_drop(struct ppm_ring_buffer_info *info, int err, u32 room)
{
	if (err == -ENOSPC && room == PPM_MAX_EVENT_SIZE)
		info->n_drops_max_event_size++;
	else if (err == -ENOSPC)
		info->n_drops_buffer++;
	else
		info->n_drops_bug++;
}

/*
 * Build one event in this CPU's ring and publish it. Runs with preemption
 * disabled, so the CPU and its ring stay ours until we return.
 */
static void record_event(enum ppm_event_code type, struct pt_regs *regs, long id, long ret)
{
	struct ppm_ring *ring = &g_rings[smp_processor_id()];
	const struct ppm_event_entry *entry = &g_ppm_events[type];
	struct event_filler_arguments args;
	struct ppm_evt_hdr *hdr;
	u32 header_size, room;
	int err;

	if (!ring->info)
		return;
	args.buffer = ppm_ring_reserve(ring, &room);
	if (!args.buffer)
		return;
	args.nparams = g_event_info[type].nparams;
	header_size = PPM_EVT_HDR_SIZE + args.nparams * PPM_PARAM_LEN_SIZE;
	if (room < header_size) {
		count_drop(ring->info, -ENOSPC, room);
		return;
	}
	hdr = (struct ppm_evt_hdr *)args.buffer;
	hdr->ts = READ_ONCE(g_settings.boot_offset_ns) + ktime_get_boot_fast_ns();
	hdr->tid = current->pid;
	hdr->type = type;
	hdr->nparams = args.nparams;

	args.buffer_size = room;
	args.arg_data_offset = header_size;
	args.curarg = 0;
	args.event_type = type;
	args.regs = regs;
	if (regs)
		syscall_get_arguments(current, regs, args.args);
	args.syscall_id = id;
	args.retval = ret;
	args.snaplen = READ_ONCE(g_settings.snaplen);
	args.info = ring->info;

	err = entry->filler_callback(&args);
	/* Every param the schema lists, or the decoder would misread the event. */
	if (!err && args.curarg != args.nparams) {
		WARN_ONCE(1, "scaplab: the filler of event %u stored %u of %u params\n",
			  type, args.curarg, args.nparams);
		err = -EINVAL;
	}
	if (err) {
		count_drop(ring->info, err, room);
		/*
		 * Off until asked for (dynamic debug: labs/09-kernel-debugging);
		 * a full ring is not a bug, and its drops come in floods.
		 */
		if (err != -ENOSPC)
			pr_debug_ratelimited("scaplab: event %u (%s %c) dropped: its filler returned %d\n",
					     type, g_event_info[type].name, PPME_IS_ENTER(type) ? '>' : '<', err);
		return;
	}
	hdr->len = args.arg_data_offset;
	ppm_ring_publish(ring, hdr->len);
}

static enum ppm_event_code event_of(long id, bool enter)
{
	const struct syscall_evt_pair *pair = &g_syscall_table[id];

	/* check_fillers() made sure every used pair has its fillers. */
	if (!(pair->flags & UF_USED))
		return enter ? PPME_GENERIC_E : PPME_GENERIC_X;
	return enter ? pair->enter_event_type : pair->exit_event_type;
}

/*
 * Until 6.13 a syscall tracepoint calls its probes with preemption
 * disabled; since then it may not (they may fault). Disabling it here
 * holds on every kernel.
 */
static void syscall_enter_probe(void *data, struct pt_regs *regs, long id)
{
	if (!syscall_is_interesting(id))
		return;
	preempt_disable();
	record_event(event_of(id, true), regs, id, 0);
	preempt_enable();
}

/* sys_exit is given the return value; the number is in the saved regs. */
static void syscall_exit_probe(void *data, struct pt_regs *regs, long ret)
{
	long id = syscall_get_nr(current, regs);

	if (!syscall_is_interesting(id))
		return;
	preempt_disable();
	record_event(event_of(id, false), regs, id, ret);
	preempt_enable();
}

/* Not filtered by syscall: a reader needs it to forget the thread. */
static void sched_process_exit_probe(void *data, struct task_struct *p)
{
	if (!READ_ONCE(g_settings.enabled) ||
	    current->tgid == READ_ONCE(g_settings.ignored_tgid))
		return;
	preempt_disable();
	record_event(PPME_PROCEXIT_1_E, NULL, -1, 0);
	preempt_enable();
}

/* ---- registering the probes ---- */

/*
 * The kernel exports the sys_enter/sys_exit tracepoints to modules only
 * through for_each_kernel_tracepoint(): find each one by name.
 */
static struct {
	const char *name;
	void *probe;
	struct tracepoint *tp;
	bool registered;
} g_tracepoints[] = {
	{ "sys_enter", syscall_enter_probe },
	{ "sys_exit", syscall_exit_probe },
	{ "sched_process_exit", sched_process_exit_probe },
};

static void find_tracepoint(struct tracepoint *tp, void *priv)
{
	int i;

	for (i = 0; i < ARRAY_SIZE(g_tracepoints); i++)
		if (!strcmp(tp->name, g_tracepoints[i].name))
			g_tracepoints[i].tp = tp;
}

/* Called with the device lock held; idempotent. */
int ppm_tracepoints_register(void)
{
	int i, err;

	for (i = 0; i < ARRAY_SIZE(g_tracepoints); i++) {
		if (g_tracepoints[i].registered)
			continue;
		if (!g_tracepoints[i].tp) {
			pr_err("scaplab: the kernel has no %s tracepoint\n", g_tracepoints[i].name);
			ppm_tracepoints_unregister();
			return -ENOENT;
		}
		err = tracepoint_probe_register(g_tracepoints[i].tp, g_tracepoints[i].probe, NULL);
		if (err) {
			pr_err("scaplab: cannot attach to %s: %d\n", g_tracepoints[i].name, err);
			ppm_tracepoints_unregister();
			return err;
		}
		g_tracepoints[i].registered = true;
	}
	return 0;
}

/*
 * Called with the device lock held. Returns once no probe is running any
 * more, so the caller may free the rings.
 */
void ppm_tracepoints_unregister(void)
{
	bool any = false;
	int i;

	for (i = 0; i < ARRAY_SIZE(g_tracepoints); i++) {
		if (!g_tracepoints[i].registered)
			continue;
		tracepoint_probe_unregister(g_tracepoints[i].tp, g_tracepoints[i].probe, NULL);
		g_tracepoints[i].registered = false;
		any = true;
	}
	if (any)
		tracepoint_synchronize_unregister();
}

/*
 * Every event the syscall table names has a filler: a line missing from
 * fillers_table.c would otherwise surface as a NULL call in the probe.
 */
static int check_fillers(void)
{
	int nr, err = 0;

	for (nr = 0; nr < SYSCALL_TABLE_SIZE; nr++) {
		const struct syscall_evt_pair *pair = &g_syscall_table[nr];

		if (!(pair->flags & UF_USED))
			continue;
		if (!g_ppm_events[pair->enter_event_type].filler_callback ||
		    !g_ppm_events[pair->exit_event_type].filler_callback) {
			pr_err("scaplab: syscall %d (events %u/%u) has no filler in fillers_table.c\n",
			       nr, pair->enter_event_type, pair->exit_event_type);
			err = -EINVAL;
		}
	}
	return err;
}

static int __init scaplab_init(void)
{
	int err = check_fillers();

	if (err)
		return err;
	for_each_kernel_tracepoint(find_tracepoint, NULL);
	return ppm_device_init();
}

static void __exit scaplab_exit(void)
{
	/* No device is open (the module is in use while one is): no probe either. */
	ppm_device_exit();
}

module_init(scaplab_init);
module_exit(scaplab_exit);
MODULE_LICENSE("Dual MIT/GPL");
MODULE_DESCRIPTION("scaplab: a Falco-style syscall capture driver, for learning");
MODULE_VERSION("1");
