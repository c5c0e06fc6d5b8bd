// SPDX-License-Identifier: GPL-2.0-only
/*
 * The devices /dev/scaplab0 .. /dev/scaplabN, one per possible CPU: open,
 * release, mmap (ppm_ringbuffer.h has the layout) and the ioctls
 * (ppm_ioctl.h).
 *
 * One reader at a time. The first open starts a session owned by the
 * opener's process; until every file of the session is released, opens
 * from other processes get EBUSY. The last release (a file stays open while
 * a mapping of it exists) stops capture, detaches the probes and frees the
 * rings. The module cannot be unloaded while a file is open (fops.owner),
 * so no probe or mapping can outlive the module's code.
 *
 * Every CPU that may ever exist gets its device and ring, so a CPU that
 * goes offline and comes back needs no hotplug callback: its ring waits.
 */
#include <linux/cdev.h>
#include <linux/cpumask.h>
#include <linux/device.h>
#include <linux/fs.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/timekeeping.h>
#include <linux/uaccess.h>
#include <linux/version.h>
#include "ppm.h"

struct ppm_ring *g_rings;

static dev_t g_devt;
static struct cdev g_cdev;
static struct class *g_class;

/* The session: who owns it, how many files are open. */
static DEFINE_MUTEX(g_lock);
static pid_t g_owner_tgid;
static unsigned int g_open_files;

static void settings_reset(void)
{
	WRITE_ONCE(g_settings.enabled, false);
	g_settings.snaplen = 80;	/* sysdig's default -s 80 */
	g_settings.ignored_tgid = 0;
	/* Every syscall until the reader says otherwise. */
	memset(&g_settings.interesting, 0xff, sizeof(g_settings.interesting));
}

static int ppm_open(struct inode *inode, struct file *file)
{
	int cpu = iminor(inode);
	struct ppm_ring *ring = &g_rings[cpu];
	int err = 0;

	/* A node made by hand with mknod may name a CPU that cannot exist. */
	if (cpu >= nr_cpu_ids || !cpu_possible(cpu))
		return -ENODEV;
	mutex_lock(&g_lock);
	if (g_open_files && g_owner_tgid != current->tgid) {
		err = -EBUSY;
		goto out;
	}
	if (!ring->info) {
		err = ppm_ring_init(ring, cpu);
		if (err)
			goto out;
	}
	if (!g_open_files) {
		g_owner_tgid = current->tgid;
		settings_reset();
	}
	g_open_files++;
	file->private_data = ring;
out:
	mutex_unlock(&g_lock);
	return err;
}

static int ppm_release(struct inode *inode, struct file *file)
{
	int cpu;

	mutex_lock(&g_lock);
	if (--g_open_files == 0) {
		WRITE_ONCE(g_settings.enabled, false);
		ppm_tracepoints_unregister();
		for_each_possible_cpu(cpu)
			ppm_ring_free(&g_rings[cpu]);
		g_owner_tgid = 0;
	}
	mutex_unlock(&g_lock);
	return 0;
}

static int ppm_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct ppm_ring *ring = file->private_data;
	int err;

	mutex_lock(&g_lock);
	err = ppm_ring_mmap(ring, ring - g_rings, vma);
	mutex_unlock(&g_lock);
	return err;
}

/* __maybe_unused: a learner's ppm_ioctl() may not call them yet (lab 07). */
static long __maybe_unused enable_capture(void)
{
	int err = ppm_tracepoints_register();

	if (err)
		return err;
	g_settings.ignored_tgid = current->tgid;
	/* The BPF drivers' clock: boot time, which never jumps, plus its epoch. */
	g_settings.boot_offset_ns = ktime_get_real_ns() - ktime_get_boot_fast_ns();
	WRITE_ONCE(g_settings.enabled, true);
	return 0;
}

static long __maybe_unused set_interesting_syscalls(unsigned long arg)
{
	struct ppm_syscall_mask mask;
	int i;

	if (copy_from_user(&mask, (void __user *)arg, sizeof(mask)))
		return -EFAULT;
	for (i = 0; i < ARRAY_SIZE(mask.bits); i++)
		WRITE_ONCE(g_settings.interesting.bits[i], mask.bits[i]);
	return 0;
}

static long ppm_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	long err = 0;

	mutex_lock(&g_lock);
	/* LAB 07.3 BEGIN: do what cmd asks (ppm_ioctl.h lists the ioctls) with arg checked first: a snaplen outside [1, PPM_MAX_SNAPLEN] gets EINVAL, a pointer the user cannot give EFAULT, any other cmd ENOTTY */
	switch (cmd) {
	case PPM_IOCTL_ENABLE_CAPTURE:
		err = enable_capture();
		break;
	case PPM_IOCTL_DISABLE_CAPTURE:
		WRITE_ONCE(g_settings.enabled, false);
		break;
	case PPM_IOCTL_SET_SNAPLEN:
		if (arg < 1 || arg > PPM_MAX_SNAPLEN)
			err = -EINVAL;
		else
			WRITE_ONCE(g_settings.snaplen, arg);
		break;
	case PPM_IOCTL_SET_INTERESTING_SYSCALLS:
		err = set_interesting_syscalls(arg);
		break;
	case PPM_IOCTL_GET_API_VERSION:
		err = put_user(PPM_API_CURRENT_VERSION, (__u64 __user *)arg);
		break;
	case PPM_IOCTL_GET_SCHEMA_VERSION:
		err = put_user(PPM_SCHEMA_CURRENT_VERSION, (__u64 __user *)arg);
		break;
	default:
		err = -ENOTTY;
	}
	/* LAB 07.3 STARTER: err = -ENOTTY; */
	/* LAB 07.3 END */
	mutex_unlock(&g_lock);
	return err;
}

static const struct file_operations g_fops = {
	.owner = THIS_MODULE,
	.open = ppm_open,
	.release = ppm_release,
	.mmap = ppm_mmap,
	.unlocked_ioctl = ppm_ioctl,
	.llseek = noop_llseek,
};

/* Root only: the rings show every process's syscalls and data. */
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 2, 0)
static char *ppm_devnode(const struct device *dev, umode_t *mode)
#else
static char *ppm_devnode(struct device *dev, umode_t *mode)
#endif
{
	if (mode)
		*mode = 0600;
	return NULL;
}

static void destroy_devices(void)
{
	int cpu;

	for_each_possible_cpu(cpu)
		device_destroy(g_class, MKDEV(MAJOR(g_devt), cpu));
}

int ppm_device_init(void)
{
	struct device *dev;
	int err, cpu;

	g_rings = kcalloc(nr_cpu_ids, sizeof(*g_rings), GFP_KERNEL);
	if (!g_rings)
		return -ENOMEM;
	err = alloc_chrdev_region(&g_devt, 0, nr_cpu_ids, PPM_DEVICE_NAME);
	if (err) {
		pr_err("scaplab: cannot allocate device numbers: %d\n", err);
		goto free_rings;
	}
	cdev_init(&g_cdev, &g_fops);
	g_cdev.owner = THIS_MODULE;
	err = cdev_add(&g_cdev, g_devt, nr_cpu_ids);
	if (err) {
		pr_err("scaplab: cannot add the character devices: %d\n", err);
		goto unregister_region;
	}
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 4, 0)
	g_class = class_create(PPM_DEVICE_NAME);
#else
	g_class = class_create(THIS_MODULE, PPM_DEVICE_NAME);
#endif
	if (IS_ERR(g_class)) {
		err = PTR_ERR(g_class);
		pr_err("scaplab: cannot create the device class: %d\n", err);
		goto del_cdev;
	}
	g_class->devnode = ppm_devnode;
	for_each_possible_cpu(cpu) {
		dev = device_create(g_class, NULL, MKDEV(MAJOR(g_devt), cpu), NULL,
				    PPM_DEVICE_NAME "%d", cpu);
		if (IS_ERR(dev)) {
			err = PTR_ERR(dev);
			pr_err("scaplab: cannot create /dev/" PPM_DEVICE_NAME "%d: %d\n", cpu, err);
			goto destroy;
		}
	}
	return 0;
destroy:
	destroy_devices();
	class_destroy(g_class);
del_cdev:
	cdev_del(&g_cdev);
unregister_region:
	unregister_chrdev_region(g_devt, nr_cpu_ids);
free_rings:
	kfree(g_rings);
	return err;
}

void ppm_device_exit(void)
{
	destroy_devices();
	class_destroy(g_class);
	cdev_del(&g_cdev);
	unregister_chrdev_region(g_devt, nr_cpu_ids);
	kfree(g_rings);
}
