// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * A busy process for the soak test: getppid() in bursts of BURST calls
 * with a short sleep between them, for SECONDS seconds.  It prints how many
 * getppid calls it made, so the test can check every one was either
 * printed or counted as lost.
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#define BURST		500
#define PAUSE_NS	5000000		/* 5 ms: about 100k calls a second */

int main(int argc, char **argv)
{
	double seconds = argc > 1 ? atof(argv[1]) : 5;
	struct timespec start, now, pause = { 0, PAUSE_NS };
	unsigned long calls = 0;

	clock_gettime(CLOCK_MONOTONIC, &start);
	do {
		for (int i = 0; i < BURST; i++)
			getppid();
		calls += BURST;
		nanosleep(&pause, NULL);
		clock_gettime(CLOCK_MONOTONIC, &now);
	} while ((double)(now.tv_sec - start.tv_sec) +
		 (double)(now.tv_nsec - start.tv_nsec) / 1e9 < seconds);
	printf("getppid calls %lu\n", calls);
	return 0;
}
