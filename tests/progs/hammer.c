// SPDX-License-Identifier: GPL-2.0-or-later
/* hammer THREADS CALLS: each thread makes CALLS getppid() calls (make bench). */
#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>

static long calls;

static void *hammer(void *arg)
{
	(void)arg;
	for (long i = 0; i < calls; i++)
		getppid();
	return NULL;
}

int main(int argc, char **argv)
{
	int threads = argc > 1 ? atoi(argv[1]) : 4;
	pthread_t tids[64];

	calls = argc > 2 ? atol(argv[2]) : 100000;
	if (threads < 1 || threads > 64)
		return 2;
	for (int i = 0; i < threads; i++)
		if (pthread_create(&tids[i], NULL, hammer, NULL))
			return 1;
	for (int i = 0; i < threads; i++)
		pthread_join(tids[i], NULL);
	return 0;
}
