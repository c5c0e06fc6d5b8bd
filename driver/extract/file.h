/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Facts about the current task's open files, read from a filler.
 *
 * A filler takes no reference on a file: were its fput() the last one, the
 * file's release would run on the traced task's way back to user space,
 * work the task never asked for. It looks the fd up under rcu_read_lock()
 * instead and reads what it needs before leaving the read-side section. A
 * struct file, its inode and its superblock are freed only after an RCU
 * grace period, so a file another thread closes meanwhile stays readable
 * memory until then.
 *
 * The modern driver's twins: modern_bpf/helpers/extract/task.h (the file
 * behind an fd) and modern_bpf/helpers/extract/file.h (its device).
 */
#ifndef SCAPLAB_EXTRACT_FILE_H
#define SCAPLAB_EXTRACT_FILE_H

#include <linux/fdtable.h>
#include <linux/fs.h>
#include <linux/kdev_t.h>
#include <linux/rcupdate.h>
#include <linux/sched.h>

/*
 * The device of the filesystem that holds the file open as fd in the
 * current task, as stat(2)'s st_dev shows it (new_encode_dev(), as the BPF
 * side encodes it). Returns false if fd is not open.
 *
 * files_lookup_fd_raw() wants the RCU read lock held, which it is. Its
 * wrappers (lookup_fd_rcu() and kin) were renamed in later kernels; the raw
 * lookup kept its name.
 */
static inline bool extract_fd_dev(long fd, u32 *dev)
{
	struct files_struct *files = current->files;
	struct inode *inode;
	struct file *file;

	/* BPF takes the fd as an s32 too: a negative one is an errno. */
	if ((s32)fd < 0 || !files)
		return false;
	rcu_read_lock();
	file = files_lookup_fd_raw(files, (s32)fd);
	if (file) {
		/* Never NULL in the table; 0 is what BPF's CO-RE read would give. */
		inode = READ_ONCE(file->f_inode);
		*dev = inode ? new_encode_dev(inode->i_sb->s_dev) : 0;
	}
	rcu_read_unlock();
	return file != NULL;
}

#endif /* SCAPLAB_EXTRACT_FILE_H */
