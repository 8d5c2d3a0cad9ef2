// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * entry_threads N: N threads each make three recvfrom calls on a socketpair
 * of their own, with address lengths 101, 102 and 103 going in.  The first
 * call of every thread blocks until all N are blocked, so that N calls whose
 * arguments were read at entry are in flight at once: more than bstrace
 * keeps entry buffers for.  Each line must show its own length going in.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <unistd.h>

static int (*pairs)[2];
static pthread_barrier_t started;

static void *receive(void *arg)
{
	int *sv = pairs[(long)arg];
	struct sockaddr_storage from;
	char c;

	pthread_barrier_wait(&started);
	for (socklen_t len = 101; len <= 103; len++) {
		socklen_t in = len;

		if (recvfrom(sv[1], &c, 1, 0, (struct sockaddr *)&from, &in) != 1)
			return (void *)1;
	}
	return NULL;
}

int main(int argc, char **argv)
{
	long n = argc > 1 ? atol(argv[1]) : 100;
	pthread_t *threads = calloc(n, sizeof(*threads));
	int failed = 0;

	pairs = calloc(n, sizeof(*pairs));
	if (!threads || !pairs || pthread_barrier_init(&started, NULL, n + 1))
		return 2;
	for (long i = 0; i < n; i++) {
		if (socketpair(AF_UNIX, SOCK_DGRAM, 0, pairs[i]) ||
		    pthread_create(&threads[i], NULL, receive, (void *)i))
			return 2;
	}
	pthread_barrier_wait(&started);
	/* Let every thread block in its first recvfrom. */
	usleep(300 * 1000);
	for (long i = 0; i < n; i++)
		for (int k = 0; k < 3; k++)
			if (write(pairs[i][0], "x", 1) != 1)
				return 2;
	for (long i = 0; i < n; i++) {
		void *ret;

		pthread_join(threads[i], &ret);
		failed |= ret != NULL;
	}
	printf("threads %ld failed %d\n", n, failed);
	return failed;
}
