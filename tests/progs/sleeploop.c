// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * sleeploop COUNT USEC [SLOW]: COUNT nanosleeps of USEC microseconds; the
 * one numbered SLOW (from 0) sleeps 50 ms instead.  Prints how long the
 * loop took, in microseconds: about the sum of the sleeps, which -c -w
 * must find whether it timed every call or only some.
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static long long now_us(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000000LL + ts.tv_nsec / 1000;
}

int main(int argc, char **argv)
{
	long count, usec, slow = -1;
	long long start;

	if (argc < 3) {
		fprintf(stderr, "usage: sleeploop COUNT USEC [SLOW]\n");
		return 2;
	}
	count = atol(argv[1]);
	usec = atol(argv[2]);
	if (argc > 3)
		slow = atol(argv[3]);
	start = now_us();
	for (long i = 0; i < count; i++) {
		long ns = (i == slow ? 50000 : usec) * 1000;
		struct timespec ts = { .tv_sec = ns / 1000000000, .tv_nsec = ns % 1000000000 };

		nanosleep(&ts, NULL);
	}
	printf("%lld\n", now_us() - start);
	return 0;
}
