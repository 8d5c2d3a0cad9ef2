// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * proc_fork: a child that sleeps, then execs true, while the parent
 * blocks in wait4; then a thread that sleeps while the parent joins it;
 * then exit 3.  What strace -f shows as unfinished/resumed halves.
 */
#include <pthread.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static void *worker(void *arg)
{
	struct timespec ts = { 0, 300 * 1000 * 1000 };

	(void)arg;
	nanosleep(&ts, NULL);
	return NULL;
}

int main(void)
{
	struct timespec ts = { 0, 300 * 1000 * 1000 };
	pthread_t thread;
	int status;
	pid_t pid = fork();

	if (pid == 0) {
		/* Strings the child has touched: the kernel can read them at exec. */
		char path[16], arg0[16];
		char *argv[] = { arg0, NULL };

		strcpy(path, "/bin/true");
		strcpy(arg0, "true");
		nanosleep(&ts, NULL);
		execv(path, argv);
		_exit(127);
	}
	wait4(pid, &status, 0, NULL);
	pthread_create(&thread, NULL, worker, NULL);
	pthread_join(thread, NULL);
	return 3;
}
