/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The inode of a pipe, from one of its fds: both ends share it, so its
 * number pairs the two fds of a pipe(2) and tells one pipe from another.
 *
 * As in extract/file.h, no reference is taken on the file (the last fput
 * may not run here): the fd is looked up under rcu_read_lock(), and the
 * file and its inode, both freed only after a grace period, are read
 * before the read-side section ends.
 *
 * The modern driver's twin: extract__file_from_fd() (modern_bpf/helpers/
 * extract/task.h) and extract__file_ino() (file.h), as pipe.bpf.c uses them.
 */
#ifndef SCAPLAB_EXTRACT_PIPE_H
#define SCAPLAB_EXTRACT_PIPE_H

#include <linux/fdtable.h>
#include <linux/fs.h>
#include <linux/rcupdate.h>
#include <linux/sched.h>

/*
 * The inode number of the file open as fd in the current task. false if
 * fd is not open (another thread may have closed it since the syscall).
 */
static inline bool extract_fd_ino(s32 fd, u64 *ino)
{
	struct files_struct *files = current->files;
	struct inode *inode;
	struct file *file;

	if (fd < 0 || !files)
		return false;
	rcu_read_lock();
	file = files_lookup_fd_raw(files, fd);
	if (file) {
		/* A file with no inode yet reads as 0 through BPF's CO-RE read too. */
		inode = READ_ONCE(file->f_inode);
		*ino = inode ? inode->i_ino : 0;
	}
	rcu_read_unlock();
	return file != NULL;
}

#endif /* SCAPLAB_EXTRACT_PIPE_H */
