// SPDX-License-Identifier: GPL-2.0-or-later
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "attach.h"
#include "timestamps.h"

/*
 * The call tid is blocked in, from /proc/TID/syscall ("NR ARG1 .. ARG6 SP
 * PC"; "running", or "-1 SP PC" outside a call).  strace's attach shows
 * that call, with what it returns: so does bstrace, timed from now.
 */
static bool call_in_progress(pid_t tid, struct inflight *call)
{
	unsigned long long args[REC_ARGS];
	char path[64];
	FILE *f;
	int nr, n;

	snprintf(path, sizeof(path), "/proc/%d/syscall", tid);
	f = fopen(path, "r");
	if (!f)
		return false;
	n = fscanf(f, "%d %llx %llx %llx %llx %llx %llx", &nr, &args[0], &args[1], &args[2],
		   &args[3], &args[4], &args[5]);
	fclose(f);
	if (n != 1 + REC_ARGS || nr < 0 || nr >= SYSCALL_NR_MAX)
		return false;
	memset(call, 0, sizeof(*call));
	call->nr = nr;
	call->flags = INFLIGHT_ATTACHED;
	call->enter_ns = monotonic_ns();
	for (int i = 0; i < REC_ARGS; i++)
		call->args[i] = args[i];
	return true;
}

static bool watch(struct tracer *t, struct consumer *c, pid_t tid)
{
	struct inflight call;

	if (tracer_watch_task(t, tid, TASK_TRACED, call_in_progress(tid, &call) ? &call : NULL))
		return false;
	consumer_add_task(c, (uint32_t)tid);
	return true;
}

/* All threads of pid (in /proc/PID/task); how many, or -1 if none. */
static int attach_threads(struct tracer *t, struct consumer *c, pid_t pid)
{
	char path[64];
	struct dirent *d;
	DIR *dir;
	int n = 0;

	snprintf(path, sizeof(path), "/proc/%d/task", pid);
	dir = opendir(path);
	if (!dir)
		return -1;
	while ((d = readdir(dir))) {
		long tid = strtol(d->d_name, NULL, 10);

		if (tid > 0 && watch(t, c, (pid_t)tid))
			n++;
	}
	closedir(dir);
	return n ? n : -1;
}

static int attach_one(struct tracer *t, struct consumer *c, pid_t pid, bool threads)
{
	char path[64];

	if (threads)
		return attach_threads(t, c, pid);
	/* Without -f strace follows the one thread named, as here. */
	snprintf(path, sizeof(path), "/proc/%d/task/%d", pid, pid);
	if (access(path, F_OK))
		return -1;
	return watch(t, c, pid) ? 1 : -1;
}

/*
 * A user who is not root may watch only what ptrace would let it watch: a
 * process whose real, effective and saved uids and gids are all its own
 * (a setuid program's are not).  A process already gone is left to the
 * attach itself to report.
 */
static bool may_trace(pid_t pid)
{
	char path[64], line[256];
	unsigned int real, effective, saved;
	bool uids = false, gids = false;
	FILE *f;

	if (geteuid() == 0)
		return true;
	snprintf(path, sizeof(path), "/proc/%d/status", pid);
	f = fopen(path, "re");
	if (!f)
		return true;
	while (fgets(line, sizeof(line), f)) {
		if (sscanf(line, "Uid: %u %u %u", &real, &effective, &saved) == 3)
			uids = real == getuid() && effective == getuid() && saved == getuid();
		else if (sscanf(line, "Gid: %u %u %u", &real, &effective, &saved) == 3)
			gids = real == getgid() && effective == getgid() && saved == getgid();
	}
	fclose(f);
	return uids && gids;
}

int attach_processes(struct tracer *t, struct consumer *c, const struct options *opts)
{
	int attached = 0;

	for (int i = 0; i < opts->nattach; i++) {
		pid_t pid = opts->attach[i];
		int n;

		if (pid == getpid()) {
			fprintf(stderr, "bstrace: I'm sorry, I can't let you do that, Dave.\n");
			continue;
		}
		if (!may_trace(pid)) {
			fprintf(stderr, "bstrace: attach: %d: %s (not your process)\n", pid, strerror(EPERM));
			continue;
		}
		n = attach_one(t, c, pid, opts->follow_forks);
		if (n < 0) {
			fprintf(stderr, "bstrace: attach: %d: %s\n", pid, strerror(ESRCH));
			continue;
		}
		attached++;
		if (opts->expr.quiet & QUIET_ATTACH)
			continue;
		if (n > 1)
			fprintf(stderr, "bstrace: Process %d attached with %d threads\n", pid, n);
		else
			fprintf(stderr, "bstrace: Process %d attached\n", pid);
	}
	return attached;
}
