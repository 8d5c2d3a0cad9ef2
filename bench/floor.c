// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * bench/floor [--clock | --record | --event=NAME] CMD...: run CMD with
 * bench/floor.bpf.c's programs attached to the syscall tracepoints, for
 * every task, as bstrace's are.  The cost they add is the least any
 * syscall tracer built on these tracepoints can add here: with no work
 * (the default), with the two clock reads a duration needs (--clock), or
 * sending one record per call of CMD, drained by this process as bstrace's
 * reader drains its own (--record).  --event=NAME attaches the empty
 * program to syscall NAME's own two events instead, as bstrace does for a
 * short -e trace=.
 */
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "floor.skel.h"
#include "floor.h"
#include "ring_reader.h"

static int silent(enum libbpf_print_level level, const char *fmt, va_list args)
{
	(void)level;
	(void)fmt;
	(void)args;
	return 0;
}

static int count_record(void *ctx, void *data, size_t size)
{
	(void)data;
	(void)size;
	++*(unsigned long long *)ctx;
	return 0;
}

static enum floor_mode mode_of(const char *arg)
{
	if (!strcmp(arg, "--clock"))
		return FLOOR_CLOCK;
	if (!strcmp(arg, "--record"))
		return FLOOR_RECORD;
	if (!strncmp(arg, "--event=", 8))
		return FLOOR_EVENT;
	return FLOOR_EMPTY;
}

/* FLOOR_EVENT: the empty program on sys_enter_NAME and sys_exit_NAME. */
static int attach_events(struct floor_bpf *skel, const char *name)
{
	char event[96];

	snprintf(event, sizeof(event), "sys_enter_%s", name);
	skel->links.floor_enter = bpf_program__attach_tracepoint(skel->progs.floor_event,
								 "syscalls", event);
	snprintf(event, sizeof(event), "sys_exit_%s", name);
	skel->links.floor_exit = bpf_program__attach_tracepoint(skel->progs.floor_event,
								"syscalls", event);
	return skel->links.floor_enter && skel->links.floor_exit ? 0 : -1;
}

/* The command, started once its tid is traced: it waits on the pipe. */
static pid_t start(char **argv, struct floor_bpf *skel)
{
	struct call_state state = { 0 };
	int gate[2];
	pid_t pid;
	char go;
	__u32 slot;

	if (pipe(gate))
		return -1;
	pid = fork();
	if (pid == 0) {
		close(gate[1]);
		if (read(gate[0], &go, 1) != 1)
			_exit(127);
		execvp(argv[0], argv);
		perror(argv[0]);
		_exit(127);
	}
	close(gate[0]);
	state.tid = (__u32)pid;
	slot = state.tid % FLOOR_SLOTS;
	if (pid > 0 && bpf_map__update_elem(skel->maps.calls, &slot, sizeof(slot), &state,
					    sizeof(state), BPF_ANY))
		fprintf(stderr, "floor: cannot trace the command\n");
	if (write(gate[1], "g", 1) != 1)
		perror("floor: pipe");
	close(gate[1]);
	return pid;
}

int main(int argc, char **argv)
{
	enum floor_mode mode = argc > 1 ? mode_of(argv[1]) : FLOOR_EMPTY;
	int first = mode == FLOOR_EMPTY ? 1 : 2;
	const struct timespec turn = { .tv_nsec = 5000000 };
	unsigned long long records = 0;
	struct ring_reader ring = { 0 };
	struct floor_bpf *skel;
	int status = 0;
	pid_t pid;

	if (first >= argc) {
		fprintf(stderr, "usage: floor [--clock | --record] CMD...\n");
		return 2;
	}
	libbpf_set_print(silent);
	skel = floor_bpf__open();
	if (!skel) {
		fprintf(stderr, "floor: cannot open the BPF object\n");
		return 1;
	}
	skel->rodata->mode = mode;
	skel->rodata->stamp_precise = 0;
	bpf_program__set_autoload(skel->progs.floor_event, mode == FLOOR_EVENT);
	bpf_program__set_autoload(skel->progs.floor_enter, mode != FLOOR_EVENT);
	bpf_program__set_autoload(skel->progs.floor_exit, mode != FLOOR_EVENT);
	if (floor_bpf__load(skel) ||
	    (mode == FLOOR_EVENT ? attach_events(skel, argv[1] + 8) : floor_bpf__attach(skel)) ||
	    ring_reader_open(&ring, bpf_map__fd(skel->maps.events), sizeof(struct floor_record),
			     count_record, &records)) {
		fprintf(stderr, "floor: cannot load or attach the BPF programs\n");
		floor_bpf__destroy(skel);
		return 1;
	}
	pid = start(argv + first, skel);
	while (pid > 0 && waitpid(pid, &status, WNOHANG) == 0) {
		ring_reader_consume(&ring);
		nanosleep(&turn, NULL);
	}
	if (pid < 0)
		status = 1 << 8;
	ring_reader_consume(&ring);
	if (mode == FLOOR_RECORD)
		fprintf(stderr, "floor: %llu records, %llu lost\n", records,
			(unsigned long long)skel->bss->lost);
	ring_reader_close(&ring);
	floor_bpf__destroy(skel);
	return WIFEXITED(status) ? WEXITSTATUS(status) : 1;
}
