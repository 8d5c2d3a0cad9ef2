/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Running the traced command: it is forked stopped on a pipe, the BPF side
 * starts watching its pid, and only then does it exec, so its trace starts
 * at its execve as strace's does and nothing before is lost.
 */
#ifndef BSTRACE_LAUNCH_H
#define BSTRACE_LAUNCH_H

#include <stdbool.h>
#include <sys/types.h>

struct options;

struct launched {
	pid_t pid;
	int go_fd;		/* write end of the pipe the child waits on */
	char path[4096];	/* the program, found on PATH */
	bool as_user;		/* -u: run with these ids */
	uid_t uid;
	gid_t gid;
	const char *user;
};

/*
 * Find the program (and -u's user) and fork; the child applies -E and -u
 * and waits.  false with a one-line message on failure.
 */
bool launch_prepare(struct launched *child, const struct options *opts);
/* Let the child exec. */
bool launch_go(struct launched *child);
/* Kill a child that will never be let go (setup failed). */
void launch_abort(struct launched *child);

/* Exit as the child did: its status, or its fatal signal re-raised. */
void exit_like(int wait_status) __attribute__((noreturn));

#endif
