// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Two slow paths of known weight, for the flame graph test: slow_path_a
 * sleeps 6 times, slow_path_b 2 times, 100 ms each, so path a holds three
 * quarters of the sleeping time and path b one quarter.  100 ms, so that a
 * late wake-up on a loaded machine barely moves the ratio.
 */
#include <time.h>

#define NOINLINE __attribute__((noinline))

static volatile int sink;

static NOINLINE void nap(void)
{
	struct timespec t = { 0, 100 * 1000 * 1000 };

	nanosleep(&t, NULL);
	sink++;
}

static NOINLINE void slow_path_a(void)
{
	for (int i = 0; i < 6; i++)
		nap();
	sink++;
}

static NOINLINE void slow_path_b(void)
{
	for (int i = 0; i < 2; i++)
		nap();
	sink++;
}

int main(void)
{
	slow_path_a();
	slow_path_b();
	return 0;
}
