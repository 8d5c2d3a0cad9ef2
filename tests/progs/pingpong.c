// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * pingpong ROUNDS: a parent and its child pass a count back and forth
 * through two pipes, each writing n + 1 after reading n.  So every write
 * of n starts before the read of n returns, and the read of n returns
 * before the write of n + 1 starts: the order of the trace's lines across
 * the two processes is known whatever CPUs they run on.
 */
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

/* Read a count from in, write the next one to out; false at the end. */
static int relay(int in, int out, int last)
{
	char buf[16];
	ssize_t got = read(in, buf, sizeof(buf) - 1);
	int n, len;

	if (got <= 0)
		return 0;
	buf[got] = '\0';
	n = atoi(buf);
	if (n >= last)
		return 0;
	len = snprintf(buf, sizeof(buf), "%d", n + 1);
	return write(out, buf, (size_t)len) == len;
}

int main(int argc, char **argv)
{
	int rounds = argc > 1 ? atoi(argv[1]) : 100;
	int ping[2], pong[2];
	pid_t child;

	if (pipe(ping) || pipe(pong))
		return 1;
	child = fork();
	if (child < 0)
		return 1;
	if (child == 0) {
		close(ping[1]);
		close(pong[0]);
		while (relay(ping[0], pong[1], rounds))
			;
		_exit(0);
	}
	close(ping[0]);
	close(pong[1]);
	if (write(ping[1], "1", 1) != 1)
		return 1;
	while (relay(pong[0], ping[1], rounds))
		;
	close(ping[1]);
	return waitpid(child, NULL, 0) == child ? 0 : 1;
}
