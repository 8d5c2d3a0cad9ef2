// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Thousands of fast syscalls and exactly three slow ones (100 ms), for
 * --min-duration: only the three sleeps may be shown.
 */
#include <time.h>
#include <unistd.h>

int main(void)
{
	const struct timespec slow = { .tv_sec = 0, .tv_nsec = 100 * 1000 * 1000 };

	for (int round = 0; round < 3; round++) {
		for (int i = 0; i < 2000; i++)
			getppid();
		nanosleep(&slow, NULL);
	}
	return 0;
}
