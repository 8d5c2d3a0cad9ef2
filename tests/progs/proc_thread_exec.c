// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * proc_thread_exec: a second thread execs true while the main thread
 * sleeps: the main thread is superseded, the thread takes its pid.
 */
#include <pthread.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static void *exec_true(void *arg)
{
	char path[16], arg0[16];
	char *argv[] = { arg0, NULL };

	(void)arg;
	strcpy(path, "/bin/true");
	strcpy(arg0, "true");
	execv(path, argv);
	return NULL;
}

int main(void)
{
	struct timespec ts = { 5, 0 };
	pthread_t thread;

	pthread_create(&thread, NULL, exec_true, NULL);
	nanosleep(&ts, NULL);
	return 1;
}
