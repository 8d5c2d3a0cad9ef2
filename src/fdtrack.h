/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * -y: what each traced process's fds refer to, kept from the calls bstrace
 * decodes (open, dup, close, chdir, execve, fork) after one look at /proc
 * when tracing starts, so printing "3</etc/passwd>" never reads /proc.
 */
#ifndef BSTRACE_FDTRACK_H
#define BSTRACE_FDTRACK_H

#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>

#include "decode.h"
#include "options.h"

/*
 * Start tracking, reading pid's fds and cwd from /proc once; 0 or -errno
 * (the table could not be allocated; /proc being unreadable is not an
 * error, the fds just print bare).
 */
int fdtrack_init(pid_t pid);
void fdtrack_free(void);
/* -p: the fds and cwd of the process thread tid is in, read from /proc once. */
void fdtrack_read_process(pid_t tid);
/* Apply what a finished call did to its process's fds and cwd. */
void fdtrack_update(const struct decoded_call *call);
/* A new process starts with a copy of its parent's table (fork, -f). */
void fdtrack_fork(uint32_t parent_tgid, uint32_t child_tgid);
/*
 * The process tgid has exited: its fds go, so a long trace of short-lived
 * processes does not fill the table, and a later process given the same
 * pid does not inherit them.
 */
void fdtrack_exit(uint32_t tgid);
/*
 * Whether syscall nr is sent by the kernel only for the fd table: -y or -P
 * is on, -e trace= leaves nr out, and nr opens, dups or closes fds (or
 * changes the cwd).  Such a call is applied to the table, never printed.
 */
bool fdtrack_follow_only(const struct options *opts, int nr);
/* Whether the kernel sends syscall nr: selected, or followed for the fd table. */
static inline bool syscall_sent(const struct options *opts, int nr)
{
	return options_selected(opts, nr) || fdtrack_follow_only(opts, nr);
}
/* What fd of process tgid refers to (AT_FDCWD: the cwd), or NULL. */
const char *fdtrack_path(uint32_t tgid, int fd);

#endif
