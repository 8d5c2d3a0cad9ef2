// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * A fork storm: N short-lived children (default 1000), each exiting at
 * once with its index modulo 100; the parent reaps them all and exits 0
 * only if every status came back right.
 */
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	int n = argc > 1 ? atoi(argv[1]) : 1000;
	int bad = 0;

	for (int i = 0; i < n; i++) {
		pid_t pid = fork();
		int status;

		if (pid < 0)
			return 2;
		if (pid == 0)
			_exit(i % 100);
		if (waitpid(pid, &status, 0) != pid || !WIFEXITED(status) ||
		    WEXITSTATUS(status) != i % 100)
			bad++;
	}
	printf("children %d bad %d\n", n, bad);
	return bad != 0;
}
