// SPDX-License-Identifier: GPL-2.0-only
/*
 * The current task's process state: see process.h.
 */
#include <linux/audit.h>
#include <linux/capability.h>
#include <linux/cred.h>
#include <linux/fs.h>
#include <linux/kdev_t.h>
#include <linux/mm_types.h>
#include <linux/nsproxy.h>
#include <linux/pid_namespace.h>
#include <linux/rcupdate.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/tty.h>
#include <linux/tty_driver.h>
#include <linux/user_namespace.h>
#include "../ppm_flags.h"
#include "process.h"

s32 extract_task_ptid(void)
{
	s32 ptid;

	rcu_read_lock();
	ptid = rcu_dereference(current->real_parent)->pid;
	rcu_read_unlock();
	return ptid;
}

u64 extract_task_fdlimit(void)
{
	return task_rlimit(current, RLIMIT_NOFILE);
}

/*
 * After unshare(CLONE_NEWPID) the task itself stays where it is, but its
 * children will not: pid_ns_for_children tells. The BPF side reads a
 * missing nsproxy (an exiting task) as a NULL namespace, so as "differs".
 */
u32 extract_child_in_pidns_flag(void)
{
	struct pid_namespace *ns = task_active_pid_ns(current);
	struct nsproxy *nsproxy = current->nsproxy;

	if (ns && ns->level != 0)
		return PPM_CL_CHILD_IN_PIDNS;
	if (!nsproxy || nsproxy->pid_ns_for_children != ns)
		return PPM_CL_CHILD_IN_PIDNS;
	return 0;
}

/*
 * The raw kuid, not from_kuid_munged() into the task's user namespace:
 * the BPF side has no id maps to walk, so it stores the raw one too.
 */
u32 extract_task_euid(void)
{
	return __kuid_val(current_cred()->euid);
}

u32 extract_task_egid(void)
{
	return __kgid_val(current_cred()->egid);
}

/*
 * signal->tty is swapped (and its reference dropped) under siglock, so
 * holding siglock keeps the tty alive while we read its driver. The
 * number is computed as the BPF side does: MKDEV(major, minor_start +
 * index), then new_encode_dev(), as stat(2) and /proc show it.
 */
s32 extract_task_tty(void)
{
	struct tty_struct *tty;
	unsigned long flags;
	u32 major, minor;
	s32 nr = 0;

	spin_lock_irqsave(&current->sighand->siglock, flags);
	tty = current->signal->tty;
	if (tty && tty->driver) {
		major = tty->driver->major;
		minor = tty->driver->minor_start + tty->index;
		nr = new_encode_dev((major << MINORBITS) | minor);
	}
	spin_unlock_irqrestore(&current->sighand->siglock, flags);
	return nr;
}

bool extract_task_loginuid(u32 *loginuid)
{
#ifdef CONFIG_AUDIT
	*loginuid = __kuid_val(audit_get_loginuid(current));
	return true;
#else
	return false;
#endif
}

/* A reader of /proc/PID/mem holds a short count too: a false alarm at worst. */
bool extract_mm_is_shared(struct mm_struct *mm)
{
	return atomic_read(&mm->mm_users) > 1;
}

/*
 * The BPF side cannot call inode_permission(), so it replays the steps
 * most writes take, and we replay the same steps rather than ask the
 * kernel: inode_permission() may sleep (ACLs, LSMs) and would answer
 * differently where ACLs, LSMs or capabilities in a child user namespace
 * have a say. The steps, in inode_permission()'s order:
 *   1. a read-only superblock or an immutable file: not writable;
 *   2. an owner the mount cannot map: not writable;
 *   3. the owner (fsuid == i_uid): writable, it may chmod anyway;
 *   4. the group or the other write bit, for the caller's class;
 *   5. CAP_DAC_OVERRIDE or CAP_FOWNER, in the initial user namespace only.
 */
static bool inode_writable_by(struct inode *inode, const struct cred *cred)
{
	umode_t mode = inode->i_mode;

	if (sb_rdonly(inode->i_sb) && (S_ISREG(mode) || S_ISDIR(mode) || S_ISLNK(mode)))
		return false;
	if (IS_IMMUTABLE(inode))
		return false;
	if (!uid_valid(inode->i_uid) || !gid_valid(inode->i_gid))
		return false;
	if (uid_eq(cred->fsuid, inode->i_uid))
		return true;
	/* in_group_p(): fsgid, then the sorted supplementary groups, as BPF searches them. */
	if (in_group_p(inode->i_gid))
		mode >>= 3;
	if (mode & S_IWOTH)
		return true;
	if (cred->user_ns->level != 0)
		return false;
	return cap_raised(cred->cap_effective, CAP_DAC_OVERRIDE) ||
	       cap_raised(cred->cap_effective, CAP_FOWNER);
}

/*
 * mm->exe_file is RCU-managed, and a struct file and its inode are freed
 * after a grace period: reading them under rcu_read_lock() needs no
 * reference (whose last fput could not run here).
 */
bool extract_exe_writable(void)
{
	struct mm_struct *mm = current->mm;
	struct file *exe;
	bool writable = false;

	if (!mm)
		return false;
	rcu_read_lock();
	exe = rcu_dereference(mm->exe_file);
	if (exe && file_inode(exe))
		writable = inode_writable_by(file_inode(exe), current_cred());
	rcu_read_unlock();
	return writable;
}
