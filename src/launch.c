// SPDX-License-Identifier: GPL-2.0-or-later
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <grp.h>
#include <pwd.h>

#include "launch.h"
#include "options.h"

/* strace resolves the program itself, so a typo is its error, not exec's. */
static bool find_program(const char *name, char *out, size_t size)
{
	const char *path = getenv("PATH");
	struct stat st;

	if (strchr(name, '/') || !path) {
		snprintf(out, size, "%s", name);
		return stat(out, &st) == 0;
	}
	while (*path) {
		const char *colon = strchrnul(path, ':');
		int dirlen = (int)(colon - path);

		snprintf(out, size, "%.*s%s%s", dirlen, path, dirlen ? "/" : "", name);
		if (stat(out, &st) == 0 && S_ISREG(st.st_mode) && access(out, X_OK) == 0)
			return true;
		path = *colon ? colon + 1 : colon;
	}
	snprintf(out, size, "%s", name);
	errno = ENOENT;
	return false;
}

/* -u USER: a name, or UID:GID. */
static bool find_user(struct launched *child, const char *user)
{
	struct passwd *pw = getpwnam(user);
	unsigned int uid, gid;
	char end;

	child->user = user;
	if (pw) {
		child->uid = pw->pw_uid;
		child->gid = pw->pw_gid;
	} else if (sscanf(user, "%u:%u%c", &uid, &gid, &end) == 2) {
		child->uid = uid;
		child->gid = gid;
		child->user = NULL;
	} else {
		fprintf(stderr, "bstrace: Cannot find user '%s'\n", user);
		return false;
	}
	child->as_user = true;
	return true;
}

/* -E VAR=VAL sets, -E VAR unsets. */
static void apply_env(const struct options *opts)
{
	for (int i = 0; i < opts->nenv_changes; i++) {
		const char *change = opts->env_changes[i];

		if (strchr(change, '='))
			putenv((char *)change);
		else
			unsetenv(change);
	}
}

static bool become_user(const struct launched *child)
{
	if (!child->as_user)
		return true;
	if ((child->user ? initgroups(child->user, child->gid) : setgroups(0, NULL)) < 0 ||
	    setgid(child->gid) < 0 || setuid(child->uid) < 0) {
		fprintf(stderr, "bstrace: cannot run as user %u: %s\n", child->uid, strerror(errno));
		return false;
	}
	return true;
}

bool launch_prepare(struct launched *child, const struct options *opts)
{
	char **argv = opts->command;
	int fds[2];
	char go;

	if (opts->user && !find_user(child, opts->user))
		return false;
	if (!find_program(argv[0], child->path, sizeof(child->path))) {
		fprintf(stderr, "bstrace: Can't stat '%s': %s\n", argv[0], strerror(errno));
		return false;
	}
	if (pipe2(fds, O_CLOEXEC) < 0) {
		fprintf(stderr, "bstrace: pipe: %s\n", strerror(errno));
		return false;
	}
	child->pid = fork();
	if (child->pid < 0) {
		fprintf(stderr, "bstrace: fork: %s\n", strerror(errno));
		close(fds[0]);
		close(fds[1]);
		return false;
	}
	if (child->pid == 0) {
		close(fds[1]);
		/* Wait for the tracer; EOF without a byte means it gave up. */
		if (read(fds[0], &go, 1) != 1)
			_exit(127);
		apply_env(opts);
		/*
		 * ptrace would not let a user watch a setuid program run with
		 * privileges the user lacks, and BPF must not either: unless we
		 * are root (who may also run it as another user with -u, as
		 * strace), the command and its children exec without gaining any.
		 */
		if (geteuid() != 0 && prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0))
			_exit(126);
		if (!become_user(child))
			_exit(126);
		execv(child->path, argv);
		fprintf(stderr, "bstrace: exec %s: %s\n", child->path, strerror(errno));
		_exit(errno == ENOENT ? 127 : 126);
	}
	close(fds[0]);
	child->go_fd = fds[1];
	return true;
}

bool launch_go(struct launched *child)
{
	ssize_t n = write(child->go_fd, "g", 1);

	close(child->go_fd);
	child->go_fd = -1;
	return n == 1;
}

void launch_abort(struct launched *child)
{
	if (child->go_fd >= 0)
		close(child->go_fd);
	child->go_fd = -1;
	if (child->pid > 0) {
		kill(child->pid, SIGKILL);
		waitpid(child->pid, NULL, 0);
	}
}

void exit_like(int status)
{
	if (WIFSIGNALED(status)) {
		int sig = WTERMSIG(status);
		struct rlimit no_core = { 0, 0 };

		/* Die of the same signal, without a core of our own. */
		setrlimit(RLIMIT_CORE, &no_core);
		signal(sig, SIG_DFL);
		sigset_t set;
		sigemptyset(&set);
		sigaddset(&set, sig);
		sigprocmask(SIG_UNBLOCK, &set, NULL);
		raise(sig);
		exit(128 + sig);
	}
	exit(WEXITSTATUS(status));
}
