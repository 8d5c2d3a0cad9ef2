// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Syscalls made from known call paths, for comparing bstrace -k with
 * strace -k: straight calls, recursion, a callback called from inside
 * libc (qsort), and a call through a function pointer.  It sleeps at the
 * end so a tracer reading /proc/PID/maps late still finds the process.
 */
#include <fcntl.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#define NOINLINE __attribute__((noinline))

static volatile int sink;

static NOINLINE void write_note(int depth)
{
	char note[] = "depth 0\n";

	note[6] = (char)('0' + depth);
	sink += (int)write(STDOUT_FILENO, note, sizeof(note) - 1);
}

static NOINLINE void recurse(int depth)
{
	if (depth == 0) {
		write_note(depth);
		return;
	}
	recurse(depth - 1);
	sink++;			/* not a tail call */
}

static NOINLINE int compare_ints(const void *a, const void *b)
{
	static int once;

	if (!once++)
		sink += getppid() > 0;
	return *(const int *)a - *(const int *)b;
}

static NOINLINE void open_and_close(const char *path)
{
	int fd = open(path, O_RDONLY);

	if (fd >= 0)
		close(fd);
}

static void (*indirect)(const char *) = open_and_close;

int main(void)
{
	int numbers[] = { 3, 1, 2 };
	struct timespec pause = { 0, 300 * 1000 * 1000 };

	recurse(3);
	qsort(numbers, 3, sizeof(numbers[0]), compare_ints);
	indirect("/dev/null");
	nanosleep(&pause, NULL);
	return 0;
}
