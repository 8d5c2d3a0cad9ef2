// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Errno names come from libaudit; libaudit has none for the kernel's
 * internal restart codes, which a tracer sees when a signal interrupts a
 * call, so those have a small table with strace's texts.
 */
#include <libaudit.h>
#include <stddef.h>
#include <string.h>

#include "errnames.h"

static const struct {
	int err;
	const char *name;
	const char *text;
} internal_errnos[] = {
	{ 512, "ERESTARTSYS", "To be restarted if SA_RESTART is set" },
	{ 513, "ERESTARTNOINTR", "To be restarted" },
	{ 514, "ERESTARTNOHAND", "To be restarted if no handler" },
	{ 515, "ENOIOCTLCMD", "No ioctl command" },
	{ 516, "ERESTART_RESTARTBLOCK", "Interrupted by signal" },
	{ 517, "EPROBE_DEFER", "Driver requests probe retry" },
	{ 518, "EOPENSTALE", "Open found a stale dentry" },
	{ 519, "ENOPARAM", "Parameter not supported" },
	{ 521, "EBADHANDLE", "Illegal NFS file handle" },
	{ 522, "ENOTSYNC", "Update synchronization mismatch" },
	{ 523, "EBADCOOKIE", "Cookie is stale" },
	{ 524, "ENOTSUPP", "Operation is not supported" },
	{ 525, "ETOOSMALL", "Buffer or request is too small" },
	{ 526, "ESERVERFAULT", "An untranslatable error occurred" },
	{ 527, "EBADTYPE", "Type not supported by server" },
	{ 528, "EJUKEBOX", "Request initiated, but will not complete before timeout" },
	{ 529, "EIOCBQUEUED", "iocb queued, will get completion event" },
	{ 530, "ERECALLCONFLICT", "Conflict with recalled state" },
};

int errno_is_internal(int err)
{
	return err >= 512;
}

const char *errno_name(int err)
{
	for (size_t i = 0; i < sizeof(internal_errnos) / sizeof(internal_errnos[0]); i++)
		if (internal_errnos[i].err == err)
			return internal_errnos[i].name;
	/* libaudit says EWOULDBLOCK and EDEADLOCK where strace says EAGAIN, EDEADLK. */
	if (err == 11)
		return "EAGAIN";
	if (err == 35)
		return "EDEADLK";
	return audit_errno_to_name(err);
}

const char *errno_text(int err)
{
	for (size_t i = 0; i < sizeof(internal_errnos) / sizeof(internal_errnos[0]); i++)
		if (internal_errnos[i].err == err)
			return internal_errnos[i].text;
	return strerror(err);
}
