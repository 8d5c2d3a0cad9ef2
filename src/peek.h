/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Reading a blocked call's input arguments from user space.  The kernel
 * side copies memory at the call's exit; a call that blocks shows its
 * first half before that, so the strings and structs of that half are read
 * here, with process_vm_readv, as strace reads them at entry.
 */
#ifndef BSTRACE_PEEK_H
#define BSTRACE_PEEK_H

#include <stddef.h>
#include <sys/types.h>
#include <linux/types.h>

#include "../bpf/record.h"

/*
 * Fill the slots of rec's first split arguments that hold a path, a string,
 * an int or a struct read by the kernel, from tid's memory, into rec's
 * payload (room bytes).  Returns the payload bytes used.
 */
size_t peek_head_args(pid_t tid, struct rec_call *rec, int split, size_t room,
		      unsigned int max_strlen);

#endif
