/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef BSTRACE_ERRNAMES_H
#define BSTRACE_ERRNAMES_H

/* Whether a raw return value is an error, as the kernel returns them. */
#define RET_IS_ERROR(ret)	((ret) < 0 && (ret) >= -4095)

/* strace's name for err ("ENOENT", "ERESTARTSYS"), or NULL. */
const char *errno_name(int err);
/* strace's text for err ("No such file or directory"). */
const char *errno_text(int err);
/* Kernel-internal errnos (512+) print "= ? NAME (text)", not "= -1". */
int errno_is_internal(int err);

#endif
