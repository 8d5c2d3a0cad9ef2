// SPDX-License-Identifier: GPL-2.0-or-later
/* exitcode N: exit with status N.  exitcode -SIG: die of signal SIG. */
#include <signal.h>
#include <stdlib.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	int n = argc > 1 ? atoi(argv[1]) : 0;

	if (n < 0) {
		signal(-n, SIG_DFL);
		kill(getpid(), -n);
		pause();
	}
	return n;
}
