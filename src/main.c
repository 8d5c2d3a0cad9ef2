// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * bstrace: strace's interface and output, with the tracing done by BPF
 * programs in the kernel instead of ptrace stops.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "consumer.h"
#include "flamegraph.h"
#include "launch.h"
#include "options.h"
#include "summary_report.h"
#include "stack_report.h"
#include "tracer.h"

/* How long the reader sleeps when no wakeup comes: records wait at most this. */
#define POLL_INTERVAL_MS 50

static struct consumer consumer;
static struct summary_report summary;

static int open_output(const struct options *opts)
{
	int fd;

	if (!opts->output_path)
		return STDERR_FILENO;
	/* Never follow a link planted where the output goes. */
	fd = open(opts->output_path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0644);
	if (fd < 0)
		fprintf(stderr, "bstrace: Can't fopen '%s': %s\n", opts->output_path, strerror(errno));
	return fd;
}

/* Trace until the command exits; its wait status, or -1 if tracing broke. */
static int trace_command(struct tracer *t, struct launched *child)
{
	int status = 0;

	for (;;) {
		int sig = tracer_poll(t, summary_report_timeout_ms(&summary, POLL_INTERVAL_MS));

		if (sig < 0)
			return -1;
		summary_report_tick(&summary, t, &consumer.out);
		if (sig == SIGCHLD || sig == 0) {
			pid_t done = waitpid(child->pid, &status, WNOHANG);

			if (done == child->pid)
				return status;
			continue;
		}
		/* SIGINT, SIGTERM...: stop tracing, leave the command running. */
		fprintf(stderr, "bstrace: interrupted by %s, detaching\n", strsignal(sig));
		return -1;
	}
}

/* -k's held-back frames, --folded's stacks, --flamegraph's picture. */
static bool report_stacks(const struct options *opts)
{
	char title[256];

	if (!consumer.stacks)
		return true;
	stack_report_flush(consumer.stacks, &consumer.out);
	if (opts->folded)
		folded_write(&consumer.stacks->folded, &consumer.out);
	if (!opts->flamegraph_path)
		return true;
	snprintf(title, sizeof(title), "Syscall time of %s", opts->command[0]);
	return flamegraph_write(&consumer.stacks->folded, opts->flamegraph_path, title);
}

static void report_end(struct tracer *t)
{
	uint64_t lost = tracer_lost(t);

	out_flush(&consumer.out);
	if (lost)
		fprintf(stderr, "bstrace: %llu records lost (try a larger --buffer-size)\n",
			(unsigned long long)lost);
	if (consumer.malformed)
		fprintf(stderr, "bstrace: %llu malformed records ignored\n",
			(unsigned long long)consumer.malformed);
	if (consumer.out.error)
		fprintf(stderr, "bstrace: writing the trace failed: %s\n",
			strerror(consumer.out.error));
}

int main(int argc, char **argv)
{
	struct options opts;
	struct tracer tracer;
	struct launched child = { .pid = -1, .go_fd = -1 };
	int out_fd, status;

	switch (options_parse(&opts, argc, argv)) {
	case PARSE_EXIT_OK:
		return 0;
	case PARSE_ERROR:
		return 1;
	case PARSE_RUN:
		break;
	}
	out_fd = open_output(&opts);
	if (out_fd < 0)
		return 1;
	/* Fork before the signal mask changes: the command must not inherit it. */
	if (!launch_prepare(&child, opts.command))
		return 1;
	consumer_init(&consumer, out_fd, &opts.print, opts.follow_forks, child.pid);
	consumer.summary_only = opts.summary.mode == SUMMARY_ONLY;
	if (opts.stack_size) {
		consumer.stacks = stack_report_new(opts.stack_traces, opts.folded || opts.flamegraph_path);
		consumer.hide_calls = opts.folded;
		if (!consumer.stacks) {
			launch_abort(&child);
			return 1;
		}
	}
	if (!consumer_set_format(&consumer, &opts)) {
		launch_abort(&child);
		return 1;
	}
	if (tracer_start(&tracer, &opts, consumer_handle, &consumer) ||
	    summary_report_init(&summary, &opts.summary, &tracer) ||
	    tracer_watch_task(&tracer, child.pid, TASK_TRACED | TASK_WAIT_EXEC) ||
	    !launch_go(&child)) {
		launch_abort(&child);
		tracer_stop(&tracer);
		return 1;
	}
	status = trace_command(&tracer, &child);
	tracer_drain(&tracer);
	consumer_finish(&consumer);
	/* Interrupted or not, the summary of what was traced is printed. */
	summary_report_final(&summary, &tracer, &consumer.out);
	summary_report_free(&summary);
	if (!report_stacks(&opts))
		status = -1;
	report_end(&tracer);
	tracer_stop(&tracer);
	stack_report_free(consumer.stacks);
	if (status < 0)
		return 1;
	exit_like(status);
}
