// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * bench/floor [--clock] CMD...: run CMD with bench/floor.bpf.c's empty
 * programs attached to the syscall tracepoints, for every task, as
 * bstrace's are.  The cost they add is the least any syscall tracer built
 * on these tracepoints can add here.
 */
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "floor.skel.h"

static int silent(enum libbpf_print_level level, const char *fmt, va_list args)
{
	(void)level;
	(void)fmt;
	(void)args;
	return 0;
}

int main(int argc, char **argv)
{
	int first = argc > 1 && !strcmp(argv[1], "--clock") ? 2 : 1;
	struct floor_bpf *skel;
	int status = 0;
	pid_t pid;

	if (first >= argc) {
		fprintf(stderr, "usage: floor [--clock] CMD...\n");
		return 2;
	}
	libbpf_set_print(silent);
	skel = floor_bpf__open();
	if (!skel) {
		fprintf(stderr, "floor: cannot open the BPF object\n");
		return 1;
	}
	skel->rodata->read_clock = first == 2;
	if (floor_bpf__load(skel) || floor_bpf__attach(skel)) {
		fprintf(stderr, "floor: cannot load or attach the BPF programs\n");
		floor_bpf__destroy(skel);
		return 1;
	}
	pid = fork();
	if (pid == 0) {
		execvp(argv[first], argv + first);
		perror(argv[first]);
		_exit(127);
	}
	if (pid < 0 || waitpid(pid, &status, 0) != pid)
		status = 1 << 8;
	floor_bpf__destroy(skel);
	return WIFEXITED(status) ? WEXITSTATUS(status) : 1;
}
