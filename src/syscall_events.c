// SPDX-License-Identifier: GPL-2.0-or-later
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fdtrack.h"
#include "syscall_events.h"
#include "syscall_nr.gen.h"

#define TRACEFS		"/sys/kernel/tracing"
#define EVENTS_DIR	TRACEFS "/events/syscalls"

static bool tracefs_ready(void)
{
	if (access(EVENTS_DIR, F_OK) == 0)
		return true;
	/* Unmounted at boot on some systems: the raw tracepoints need no tracefs. */
	return mount("nodev", TRACEFS, "tracefs", 0, NULL) == 0 && access(EVENTS_DIR, F_OK) == 0;
}

static bool event_exists(const char *name)
{
	char path[sizeof(EVENTS_DIR) + 80];

	snprintf(path, sizeof(path), EVENTS_DIR "/sys_enter_%.63s", name);
	return access(path, F_OK) == 0;
}

/*
 * The name of nr's events: the kernel names them after its SYSCALL_DEFINE,
 * which is strace's name, libaudit's, or an older one's successor
 * (newfstat, newuname, sendfile64, umount).  false if it has none.
 */
static bool event_name(int nr, char *out, size_t size)
{
	const struct syscall_desc *d = &syscall_table[nr];
	size_t len = strlen(d->name);
	char candidates[4][64];

	snprintf(candidates[0], sizeof(candidates[0]), "%.60s", d->name);
	snprintf(candidates[1], sizeof(candidates[1]), "%.60s", d->audit_name ? d->audit_name : d->name);
	snprintf(candidates[2], sizeof(candidates[2]), "new%.60s", d->name);
	snprintf(candidates[3], sizeof(candidates[3]), "%.60s64", d->name);
	for (int i = 0; i < 4; i++) {
		if (strlen(candidates[i]) < size && event_exists(candidates[i])) {
			memcpy(out, candidates[i], strlen(candidates[i]) + 1);
			return true;
		}
	}
	/* umount2 is the kernel's umount. */
	if (len > 1 && len < 64 && d->name[len - 1] == '2') {
		snprintf(out, size, "%.*s", (int)len - 1, d->name);
		return event_exists(out);
	}
	return false;
}

/*
 * A launched command is traced from its execve on (TASK_WAIT_EXEC), which
 * the dispatchers must see even when execve is not selected.
 */
static bool attached(const struct options *opts, int nr)
{
	return syscall_sent(opts, nr) || nr == SYS_execve || nr == SYS_execveat;
}

void syscall_events_choose(struct syscall_events *ev, const struct options *opts)
{
	int known = 0, selected = 0;

	memset(ev, 0, sizeof(*ev));
	for (int nr = 0; nr < SYSCALL_NR_MAX; nr++) {
		if (!syscall_table[nr].name)
			continue;
		known++;
		selected += syscall_sent(opts, nr);
	}
	/*
	 * rt_sigreturn has no exit event: it restores registers whose syscall
	 * number is -1, and the syscall events skip such an exit.
	 */
	if (2 * selected > known || syscall_sent(opts, SYS_rt_sigreturn) || !tracefs_ready())
		return;
	for (int nr = 0; nr < SYSCALL_NR_MAX; nr++) {
		/* A syscall bstrace has no name for has no events either. */
		if (syscall_sent(opts, nr) && !syscall_table[nr].name)
			return;
		if (syscall_table[nr].name && attached(opts, nr) &&
		    !event_name(nr, ev->names[nr], sizeof(ev->names[nr])))
			return;
	}
	ev->on = true;
}

int syscall_events_attach(struct syscall_events *ev, struct bpf_program *enter,
			  struct bpf_program *exit)
{
	char event[SYSCALL_EVENT_NAME_MAX + 16];

	for (int nr = 0; nr < SYSCALL_NR_MAX && ev->on; nr++) {
		if (!ev->names[nr][0])
			continue;
		for (int side = 0; side < 2; side++) {
			struct bpf_link *link;

			snprintf(event, sizeof(event), "sys_%s_%s", side ? "exit" : "enter",
				 ev->names[nr]);
			link = bpf_program__attach_tracepoint(side ? exit : enter, "syscalls", event);
			if (!link)
				return -errno;
			ev->links[ev->nlinks++] = link;
		}
	}
	return 0;
}
