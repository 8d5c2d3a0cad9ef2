/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Where the dispatchers attach.  The raw sys_enter and sys_exit tracepoints
 * run a program on every syscall of every process, which costs even the
 * calls -e trace= leaves out (dd under -e trace=accept: 1.16x).  Each
 * syscall also has events of its own (syscalls:sys_enter_NAME), and the
 * kernel skips a syscall whose events are off for the price of a bit test.
 * When few syscalls are selected, bstrace attaches to theirs instead.
 */
#ifndef BSTRACE_SYSCALL_EVENTS_H
#define BSTRACE_SYSCALL_EVENTS_H

#include <stdbool.h>
#include <bpf/libbpf.h>

#include "options.h"
#include "syscall_table.h"

/* The longest syscall in an event's name has 23 characters (6.18). */
#define SYSCALL_EVENT_NAME_MAX	32

struct syscall_events {
	bool on;			/* attach to the syscalls' own events */
	/* The kernel's name for each syscall attached, "" for the others. */
	char names[SYSCALL_NR_MAX][SYSCALL_EVENT_NAME_MAX];
	int nlinks;			/* the tracer releases them */
	struct bpf_link *links[2 * SYSCALL_NR_MAX];
};

/*
 * Decide whether opts's selection is traced through the syscalls' own
 * events: when at most half the known syscalls are selected and every one
 * of them has events (tracefs is mounted if it is not).
 */
void syscall_events_choose(struct syscall_events *ev, const struct options *opts);
/* Attach enter and exit to the events chosen; 0, or -errno. */
int syscall_events_attach(struct syscall_events *ev, struct bpf_program *enter,
			  struct bpf_program *exit);

#endif
