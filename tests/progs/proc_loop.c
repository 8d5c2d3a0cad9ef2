// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * proc_loop N: write "tick" to /dev/null N times, 50 ms apart (forever if
 * N is 0), then exit 0.  A process to attach to with -p.
 */
#include <fcntl.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	long n = argc > 1 ? atol(argv[1]) : 0;
	struct timespec ts = { 0, 50 * 1000 * 1000 };
	int fd = open("/dev/null", O_WRONLY);

	for (long i = 0; n == 0 || i < n; i++) {
		if (write(fd, "tick", 4) != 4)
			return 1;
		nanosleep(&ts, NULL);
	}
	return 0;
}
