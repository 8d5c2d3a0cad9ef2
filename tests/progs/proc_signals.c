// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * proc_signals: a handled SIGUSR1 from kill, a SIGCHLD from a child that
 * exits 5, then death by SIGSEGV (no core: RLIMIT_CORE 0).
 */
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

static void on_usr1(int sig)
{
	(void)sig;
}

int main(void)
{
	struct rlimit no_core = { 0, 0 };
	int status;
	pid_t pid;

	setrlimit(RLIMIT_CORE, &no_core);
	signal(SIGUSR1, on_usr1);
	kill(getpid(), SIGUSR1);
	pid = fork();
	if (pid == 0)
		_exit(5);
	waitpid(pid, &status, 0);
	*(volatile int *)0 = 1;
	return 0;
}
