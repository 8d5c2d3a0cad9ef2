// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Threads created and ended at a high rate: N threads (default 1000) in
 * batches of 8 running at once, each making one syscall and returning.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#define BATCH 8

static void *worker(void *arg)
{
	(void)arg;
	getppid();
	return NULL;
}

int main(int argc, char **argv)
{
	int n = argc > 1 ? atoi(argv[1]) : 1000;
	pthread_t threads[BATCH];
	int done = 0;

	while (done < n) {
		int batch = n - done < BATCH ? n - done : BATCH;

		for (int i = 0; i < batch; i++)
			if (pthread_create(&threads[i], NULL, worker, NULL))
				return 2;
		for (int i = 0; i < batch; i++)
			pthread_join(threads[i], NULL);
		done += batch;
	}
	printf("threads %d\n", done);
	return 0;
}
