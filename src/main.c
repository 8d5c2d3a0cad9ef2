// SPDX-License-Identifier: GPL-2.0-or-later
#define _GNU_SOURCE
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
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/vfs.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "attach.h"
#include "consumer.h"
#include "flamegraph.h"
#include "launch.h"
#include "options.h"
#include "output_file.h"
#include "summary_report.h"
#include "stack_report.h"
#include "timestamps.h"
#include "tracer.h"

/* How long the reader sleeps when no wakeup comes: records wait at most this. */
#define POLL_INTERVAL_MS 50
/* Calls in flight looked at per turn (blocked ones show their first half). */
#define INFLIGHT_MAX 4096
#define CGROUP2_SUPER_MAGIC 0x63677270
#define CGROUP2_MOUNT "/sys/fs/cgroup/unified"

static struct consumer consumer;
static FILE *flamegraph_out;	/* --flamegraph, opened before tracing */
static struct summary_report summary;
/*
 * The last look at the kernel's traced threads.  It walks the whole map,
 * so it is taken at most every SCAN_INTERVAL_NS rather than on each turn
 * of a reader that turns thousands of times a second under load.
 */
#define SCAN_INTERVAL_NS (10 * 1000000ULL)
static struct {
	uint64_t at;		/* 0: never */
	size_t ninflight;
	bool tasks_left;
	struct inflight_call inflight[INFLIGHT_MAX];
} scan;

struct run {
	struct launched child;
	pid_t pipe_pid;		/* -o |CMD */
	bool child_done;
	int child_status;
};

/* -o |CMD: the trace goes to a shell command's standard input. */
static int open_pipe(const char *command, pid_t *pid)
{
	int fds[2];

	if (pipe2(fds, O_CLOEXEC) < 0) {
		fprintf(stderr, "bstrace: pipe: %s\n", strerror(errno));
		return -1;
	}
	*pid = fork();
	if (*pid < 0) {
		fprintf(stderr, "bstrace: fork: %s\n", strerror(errno));
		return -1;
	}
	if (*pid == 0) {
		dup2(fds[0], STDIN_FILENO);
		execl("/bin/sh", "sh", "-c", command, (char *)NULL);
		_exit(127);
	}
	close(fds[0]);
	return fds[1];
}

static int open_output(const struct options *opts, pid_t *pipe_pid)
{
	if (!opts->output_path || opts->output_separately)
		return STDERR_FILENO;
	if (opts->output_path[0] == '|')
		return open_pipe(opts->output_path + 1, pipe_pid);
	return output_file_open(opts->output_path, opts->append);
}

/* --flamegraph's file, opened before tracing so a bad path fails first. */
static FILE *open_flamegraph(const char *path)
{
	int fd = output_file_open(path, false);
	FILE *out = fd < 0 ? NULL : fdopen(fd, "w");

	if (fd >= 0 && !out) {
		fprintf(stderr, "bstrace: Can't fopen '%s': %s\n", path, strerror(errno));
		close(fd);
	}
	return out;
}

/* --cgroup PATH: a cgroup v2 directory, absolute or under the v2 mount. */
static bool resolve_cgroup(struct options *opts)
{
	char path[4096];
	struct statfs fs;
	struct stat st;

	if (!opts->cgroup_path)
		return true;
	snprintf(path, sizeof(path), "%s", opts->cgroup_path);
	if (stat(path, &st) && opts->cgroup_path[0] != '/')
		snprintf(path, sizeof(path), CGROUP2_MOUNT "/%s", opts->cgroup_path);
	if (stat(path, &st) || statfs(path, &fs)) {
		fprintf(stderr, "bstrace: --cgroup: '%s': %s\n", opts->cgroup_path, strerror(errno));
		return false;
	}
	if (fs.f_type != CGROUP2_SUPER_MAGIC || !S_ISDIR(st.st_mode)) {
		fprintf(stderr, "bstrace: --cgroup: '%s' is not a cgroup v2 directory\n",
			opts->cgroup_path);
		return false;
	}
	/* A cgroup v2 directory's inode number is the id the kernel reports. */
	opts->cgroup_id = st.st_ino;
	return true;
}

/*
 * Print what is due: the in-flight calls are read before the ring is
 * drained, so every call that ended before the scan has its record in.
 * Between scans what is printed stops at the last scan's time.
 */
static void print_due(struct tracer *t, bool force_scan)
{
	uint64_t now = monotonic_ns();
	bool fresh = force_scan || now - scan.at >= SCAN_INTERVAL_NS;

	if (fresh) {
		scan.ninflight = tracer_read_inflight(t, scan.inflight, INFLIGHT_MAX,
						      &scan.tasks_left);
		scan.at = now;
	}
	tracer_drain(t);
	/*
	 * Between looks the horizon stands still, so nothing more is due: putting
	 * the queue in order on every turn cost a busy trace a fifth of its CPU.
	 */
	if (fresh)
		consumer_tick(&consumer, scan.at, scan.inflight, scan.ninflight);
	consumer_flush(&consumer);
}

static void reap_child(struct run *run)
{
	int status;

	if (run->child.pid <= 0 || run->child_done)
		return;
	if (waitpid(run->child.pid, &status, WNOHANG) == run->child.pid) {
		run->child_done = true;
		run->child_status = status;
	}
}

static bool finished(const struct options *opts, const struct run *run)
{
	if (opts->comm || opts->cgroup_path)
		return false;
	if (run->child.pid > 0 && !run->child_done)
		return false;
	return !scan.tasks_left;
}

/*
 * The trace cannot be written.  A closed pipe ends bstrace quietly by
 * SIGPIPE, as it ends strace (`bstrace CMD 2>&1 | head`); after any other
 * error (a full disk) tracing stops, the command runs to completion and
 * report_end() says what went wrong.
 */
static int output_failed(struct tracer *t, struct run *run)
{
	if (consumer.out.error == EPIPE)
		exit_like(SIGPIPE);
	tracer_detach(t);
	while (run->child.pid > 0 && !run->child_done) {
		if (waitpid(run->child.pid, &run->child_status, 0) == run->child.pid)
			run->child_done = true;
		else if (errno != EINTR)
			return -1;
	}
	return 0;
}

/* Trace until every traced process is gone; the signal that stopped us, or 0, or -1. */
static int trace_loop(struct tracer *t, const struct options *opts, struct run *run)
{
	for (;;) {
		int sig = tracer_poll(t, summary_report_timeout_ms(&summary, POLL_INTERVAL_MS));

		if (sig < 0)
			return -1;
		/*
		 * A child ended: look at the traced threads now, or finished()
		 * would wait for the next look, a whole poll interval later.
		 */
		print_due(t, sig == SIGCHLD);
		summary_report_tick(&summary, t, &consumer.out);
		if (consumer.out.error)
			return output_failed(t, run);
		reap_child(run);
		if (sig != 0 && sig != SIGCHLD && sig != SIGPIPE)
			return sig;
		if (finished(opts, run))
			return 0;
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
	snprintf(title, sizeof(title), "Syscall time of %s",
		 opts->command ? opts->command[0] : "the traced processes");
	return flamegraph_write(&consumer.stacks->folded, flamegraph_out, opts->flamegraph_path, title);
}

/* One line per reason the kernel side could not do its part (enum lost_reason). */
static const char *const lost_reports[LOST_REASONS] = {
	[LOST_RING_FULL] = "records lost (the ring buffer was full: try a larger --buffer-size)",
	[LOST_TASK_TABLE_FULL] = "threads not traced (the task table was full)",
	[LOST_ENTRY_BUFS_FULL] = "calls shown without their entry arguments (no entry buffer was free)",
	[LOST_STATS_FULL] = "calls not counted (the --per-process table was full)",
	[LOST_SKIPPED] = "syscall events skipped by the kernel (another BPF program was running)",
};

static void report_end(struct tracer *t)
{
	uint64_t lost[LOST_REASONS];

	tracer_losses(t, lost);
	for (int reason = 0; reason < LOST_REASONS; reason++)
		if (lost[reason])
			fprintf(stderr, "bstrace: %llu %s\n", (unsigned long long)lost[reason],
				lost_reports[reason]);
	if (consumer.malformed + t->ring.oversized)
		fprintf(stderr, "bstrace: %llu malformed records ignored\n",
			(unsigned long long)(consumer.malformed + t->ring.oversized));
	if (consumer.out.error)
		fprintf(stderr, "bstrace: writing the trace failed: %s\n",
			strerror(consumer.out.error));
}

/*
 * Interrupted: leave the attached processes alone (nothing was done to
 * them), and pass the signal on to the command we started, as strace does.
 */
static void detach(struct run *run, int sig)
{
	consumer_detach_all(&consumer);
	if (run->child.pid > 0 && !run->child_done) {
		kill(run->child.pid, sig);
		for (int i = 0; i < 20 && !run->child_done; i++) {
			usleep(10000);
			reap_child(run);
		}
	}
}

/*
 * The signals that stop tracing are taken on a signalfd: block them from
 * now on, so one that comes while the BPF programs load is not lost, and
 * undo the SIG_IGN a shell gives background commands, which would discard
 * them.  The command, forked before, keeps its own dispositions.
 */
static void hold_stop_signals(void)
{
	static const int stops[] = { SIGINT, SIGTERM, SIGHUP, SIGQUIT };
	sigset_t set;

	sigemptyset(&set);
	for (size_t i = 0; i < sizeof(stops) / sizeof(stops[0]); i++) {
		signal(stops[i], SIG_DFL);
		sigaddset(&set, stops[i]);
	}
	sigprocmask(SIG_BLOCK, &set, NULL);
}

/*
 * The reader runs at a higher priority than the programs it traces: four
 * threads calling getppid on two cores left it 40% of a core, too little
 * to keep up, and it lost records from an 8 MiB ring.  At nice -5 a 4 MiB
 * ring still lost records in 2 of 13 runs of 4 x 600000 calls (and 1 in 5
 * of the bench's 4 x 50000 once the programs got faster); at nice -10 in
 * none of 13, nor of 50 short runs.  It sleeps while the ring is empty, so
 * the priority only costs the traced programs CPU when there are records
 * to read.  Best effort: without CAP_SYS_NICE the priority stays as it is.
 */
#define READER_NICE	-10

static void raise_reader_priority(void)
{
	int nice_now;

	errno = 0;		/* -1 is a valid priority */
	nice_now = getpriority(PRIO_PROCESS, 0);
	if (errno == 0 && nice_now > READER_NICE)
		setpriority(PRIO_PROCESS, 0, READER_NICE);
}

static int start(struct options *opts, struct tracer *tracer, struct run *run, int out_fd)
{
	/* They select processes of any user, which ptrace would not allow. */
	if (geteuid() != 0 && (opts->comm || opts->cgroup_path)) {
		fprintf(stderr, "bstrace: --comm and --cgroup trace every user's processes: "
			"they need root\n");
		return -1;
	}
	if (!resolve_cgroup(opts))
		return -1;
	/* Fork before the signal mask changes: the command must not inherit it. */
	if (opts->command && !launch_prepare(&run->child, opts))
		return -1;
	raise_reader_priority();	/* after the fork: the command keeps its own */
	hold_stop_signals();
	if (!consumer_init(&consumer, out_fd, opts, opts->command ? run->child.pid : 0))
		return -1;
	if (opts->stack_size) {
		consumer.stacks = stack_report_new(opts->stack_traces, opts->folded || opts->flamegraph_path);
		consumer.hide_calls = opts->folded;
		if (!consumer.stacks)
			return -1;
	}
	if (!consumer_set_format(&consumer, opts))
		return -1;
	if (tracer_start(tracer, opts, consumer_handle, &consumer) ||
	    summary_report_init(&summary, &opts->summary, tracer))
		return -1;
	if (opts->nattach && !attach_processes(tracer, &consumer, opts) && !opts->command)
		return -1;
	if (!opts->command)
		return 0;
	consumer_add_task(&consumer, (uint32_t)run->child.pid);
	if (tracer_watch_task(tracer, run->child.pid, TASK_TRACED | TASK_WAIT_EXEC, NULL) ||
	    !launch_go(&run->child))
		return -1;
	return 0;
}

static void close_pipe(struct run *run, int out_fd)
{
	if (run->pipe_pid <= 0)
		return;
	close(out_fd);
	waitpid(run->pipe_pid, NULL, 0);
}

int main(int argc, char **argv)
{
	struct options opts;
	struct tracer tracer = { 0 };
	struct run run = { .child = { .pid = -1, .go_fd = -1 }, .pipe_pid = -1 };
	int out_fd, sig;

	/* Setuid, bstrace would let any user read every process's memory. */
	if (getuid() != geteuid() || getgid() != getegid()) {
		fprintf(stderr, "bstrace: refusing to run setuid or setgid: remove the bit "
			"(chmod u-s,g-s) and grant CAP_BPF and CAP_PERFMON instead\n");
		return 1;
	}
	switch (options_parse(&opts, argc, argv)) {
	case PARSE_EXIT_OK:
		return 0;
	case PARSE_ERROR:
		return 1;
	case PARSE_RUN:
		break;
	}
	out_fd = open_output(&opts, &run.pipe_pid);
	if (out_fd < 0)
		return 1;
	if (opts.flamegraph_path && !(flamegraph_out = open_flamegraph(opts.flamegraph_path)))
		return 1;
	if (start(&opts, &tracer, &run, out_fd)) {
		launch_abort(&run.child);
		tracer_stop(&tracer);
		consumer_free(&consumer);
		return 1;
	}
	sig = trace_loop(&tracer, &opts, &run);
	print_due(&tracer, true);
	if (sig > 0)
		detach(&run, sig);
	consumer_finish(&consumer);
	/* Interrupted or not, the summary of what was traced is printed. */
	summary_report_final(&summary, &tracer, &consumer.out);
	summary_report_free(&summary);
	if (!report_stacks(&opts))
		sig = -1;
	consumer_flush(&consumer);
	report_end(&tracer);
	tracer_stop(&tracer);
	stack_report_free(consumer.stacks);
	consumer_free(&consumer);
	close_pipe(&run, out_fd);
	if (sig < 0)
		return 1;
	if (run.child_done)
		exit_like(run.child_status);
	return sig > 0 ? 128 + sig : 0;
}
