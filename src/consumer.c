// SPDX-License-Identifier: GPL-2.0-or-later
#include <assert.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "consumer.h"
#include "decode.h"
#include "errnames.h"
#include "fdtrack.h"
#include "format.h"
#include "peek.h"
#include "procevents.h"
#include "stack_report.h"

/* Records submitted this long before the reader looks are surely in the ring. */
#define MARGIN_NS	(5 * 1000000ULL)
/*
 * How far an ordering stamp may trail the clock (bpf/stamp.bpf.h): a tick,
 * 10 ms at the lowest HZ.  Records so stamped wait that much longer.
 */
#define STAMP_LAG_NS	(10 * 1000000ULL)
/* A call in flight for longer than this shows its head while it blocks. */
#define BLOCKED_NS	(200 * 1000000ULL)
/* How long an ignored signal waits for its thread's call to return. */
#define SIGNAL_WAIT_NS	(1000 * 1000000ULL)
/*
 * The thread table starts small and doubles as threads come: the loops over
 * it at the end would otherwise fault in megabytes for a one-process trace.
 * At most TASKS_CAPACITY_MAX / 2 threads are known at once (the kernel
 * map's size).
 */
#define TASKS_CAPACITY_MIN	64u
#define TASKS_CAPACITY_MAX	(1u << 17)
/*
 * Room for records waiting to be put in order: 64K compact records, tens
 * of milliseconds of a reader at full speed.  When it is full, what it
 * holds is printed in the best order known (a bigger queue only cost
 * memory: 16 MiB took bstrace -f to 54 MiB on hammer, 4 MiB 36 MiB; each
 * record also takes an item and four events, 104 bytes).
 */
#define QUEUE_BYTES	(4u << 20)
/* rec_call.flags, set here: the thread died of SIGKILL before it returned. */
#define CALL_KILLED	0x80000000u

struct output {
	struct outbuf buf;
};

struct task {
	uint32_t tid;			/* 0: a free slot */
	bool head_printed;		/* its call's head is out, the rest is not */
	bool leader_exit_pending;	/* a leader that exited before its threads */
	bool line_open;			/* its head ends the last line of its output */
	size_t open_col;		/* that line's length */
	uint64_t head_enter_ns;
	struct output *out;		/* -ff: its own file */
	bool nr_known;			/* last_nr is set */
	int32_t last_nr;		/* its last call shown: -n puts it before signal and exit lines */
};

static size_t task_slot(const struct consumer *c, uint32_t tid)
{
	return (tid * 2654435761u) & (c->tasks_capacity - 1);
}

/*
 * tid 0 (the idle task, never traced) marks an empty slot, so a record
 * naming it is not a task: found, it would be an empty slot that
 * task_remove then "removes", and the count of tasks would drift until
 * the table filled and a lookup never ended.
 */
static struct task *task_find(struct consumer *c, uint32_t tid)
{
	if (!tid)
		return NULL;
	for (size_t i = task_slot(c, tid);; i = (i + 1) & (c->tasks_capacity - 1)) {
		if (c->tasks[i].tid == tid)
			return &c->tasks[i];
		if (!c->tasks[i].tid)
			return NULL;
	}
}

/* Rehash into a table twice the size; false (the table unchanged) without memory. */
static bool tasks_grow(struct consumer *c)
{
	size_t old_capacity = c->tasks_capacity;
	struct task *old = c->tasks, *fresh = calloc(old_capacity * 2, sizeof(*fresh));

	if (!fresh)
		return false;
	c->tasks = fresh;
	c->tasks_capacity = old_capacity * 2;
	for (size_t i = 0; i < old_capacity; i++) {
		size_t j = task_slot(c, old[i].tid);

		if (!old[i].tid)
			continue;
		while (fresh[j].tid)
			j = (j + 1) & (c->tasks_capacity - 1);
		fresh[j] = old[i];
	}
	free(old);
	return true;
}

/*
 * The task, added (and counted, as strace counts processes) if new.  May
 * move the table: a struct task pointer is good until the next task_get.
 */
static struct task *task_get(struct consumer *c, uint32_t tid)
{
	size_t i;

	if (!tid)
		return NULL;
	if (c->nprocs + 1 >= c->tasks_capacity / 2 &&
	    (c->tasks_capacity >= TASKS_CAPACITY_MAX || !tasks_grow(c)))
		return task_find(c, tid);
	for (i = task_slot(c, tid);; i = (i + 1) & (c->tasks_capacity - 1)) {
		if (c->tasks[i].tid == tid)
			return &c->tasks[i];
		if (!c->tasks[i].tid)
			break;
	}
	memset(&c->tasks[i], 0, sizeof(c->tasks[i]));
	c->tasks[i].tid = tid;
	c->nprocs++;
	return &c->tasks[i];
}

static void close_output(struct output *out)
{
	if (!out)
		return;
	out_flush(&out->buf);
	close(out->buf.fd);
	free(out);
}

/* Linear probing's deletion: pull later entries of the run back into the hole. */
static void task_remove(struct consumer *c, struct task *t)
{
	size_t mask = c->tasks_capacity - 1;
	size_t hole = (size_t)(t - c->tasks);

	close_output(t->out);
	for (size_t j = (hole + 1) & mask; c->tasks[j].tid; j = (j + 1) & mask) {
		size_t home = task_slot(c, c->tasks[j].tid);
		bool stays = hole <= j ? (home > hole && home <= j) : (home > hole || home <= j);

		if (stays)
			continue;
		c->tasks[hole] = c->tasks[j];
		hole = j;
	}
	memset(&c->tasks[hole], 0, sizeof(c->tasks[hole]));
	c->nprocs--;
}

/* -ff: FILE.TID, opened at the thread's first line. */
static struct outbuf *output_of(struct consumer *c, struct task *t)
{
	char path[4096];
	int fd;

	if (!c->separate_base || !t)
		return &c->out;
	if (t->out)
		return &t->out->buf;
	snprintf(path, sizeof(path), "%s.%u", c->separate_base, t->tid);
	fd = open(path, O_WRONLY | O_CREAT | O_CLOEXEC | O_NOFOLLOW |
		  (c->opts->append ? O_APPEND : O_TRUNC), 0644);
	t->out = fd < 0 ? NULL : malloc(sizeof(*t->out));
	if (!t->out) {
		fprintf(stderr, "bstrace: Can't fopen '%s': %s\n", path, strerror(errno));
		if (fd >= 0)
			close(fd);
		return &c->out;
	}
	out_init(&t->out->buf, fd);
	return &t->out->buf;
}

/*
 * How long a call must have run before its head shows.  Under
 * --min-duration only a call that lasts that long is shown at all; under
 * -z and -Z (-e status=) whether a call is shown depends on how it ends,
 * so, as strace, its line waits for its end.
 */
static uint64_t blocked_head_after(const struct options *opts)
{
	unsigned int both = STATUS_SUCCESSFUL | STATUS_FAILED;

	if ((opts->expr.status & both) != both)
		return UINT64_MAX;
	return opts->summary.min_duration_ns > BLOCKED_NS ? opts->summary.min_duration_ns : BLOCKED_NS;
}

bool consumer_init(struct consumer *c, int fd, const struct options *opts, pid_t leader)
{
	/*
	 * Zeroing the buffers too would touch their 80 pages, a page fault of
	 * 16 us each on a VM here: 1.3 ms of every start.  Empty is enough.
	 */
	static_assert(offsetof(struct consumer, line) + sizeof(c->line) == sizeof(*c) &&
		      offsetof(struct consumer, out) + sizeof(c->out) == offsetof(struct consumer, line),
		      "the buffers are the last members");
	memset(c, 0, offsetof(struct consumer, out));
	out_init(&c->out, fd);
	line_reset(&c->line);
	c->print = opts->print;
	c->opts = opts;
	time_state_init(&c->time, &opts->time);
	c->trace_on_stderr = !opts->output_path;
	c->summary_only = opts->summary.mode == SUMMARY_ONLY;
	c->margin_ns = MARGIN_NS + (options_time_shown(opts) ? 0 : STAMP_LAG_NS);
	c->blocked_ns = blocked_head_after(opts);
	if (opts->output_separately) {
		c->prefix = PREFIX_NEVER;
		c->separate_base = opts->output_path;
	} else if (opts->output_path) {
		/*
		 * strace's print_pid_pfx: -o with -f, or with several processes
		 * (which --comm and --cgroup are about).
		 */
		bool many = opts->nattach + (opts->command ? 1 : 0) > 1 || opts->comm ||
			    opts->cgroup_path;

		c->prefix = opts->follow_forks || many ? PREFIX_ALWAYS : PREFIX_NEVER;
	} else {
		c->prefix = PREFIX_WHEN_MANY;
	}
	print_set_xlat_style(opts->print.xlat_style);
	path_filter_init(&c->paths, opts);
	c->track_fds = opts->print.decode_fds || c->paths.count;
	for (int nr = 0; nr < SYSCALL_NR_MAX; nr++)
		if (fdtrack_follow_only(opts, nr))
			c->follow_only[nr / 64] |= 1ULL << (nr % 64);
	/* -y, -P: the fds the command or -p processes start with, read from /proc this once. */
	if (c->track_fds && fdtrack_init(leader)) {
		fprintf(stderr, "bstrace: -y, -P: no memory for the fd table, fds print bare\n");
		c->print.decode_fds = 0;
		c->track_fds = false;
	}
	for (int i = 0; c->track_fds && i < opts->nattach; i++)
		fdtrack_read_process(opts->attach[i]);
	c->format = OUTPUT_STRACE;
	c->tasks_capacity = TASKS_CAPACITY_MIN;
	c->tasks = calloc(c->tasks_capacity, sizeof(*c->tasks));
	c->head = malloc(sizeof(*c->head));
	c->expanded = malloc(sizeof(*c->expanded));
	c->decoded_rec = NULL;
	if (!c->tasks || !c->head || !c->expanded || !queue_init(&c->queue, QUEUE_BYTES)) {
		fprintf(stderr, "bstrace: %s\n", strerror(ENOMEM));
		consumer_free(c);
		return false;
	}
	return true;
}

bool consumer_set_format(struct consumer *c, const struct options *opts)
{
	c->format = opts->format;
	if (opts->format == OUTPUT_STRACE)
		return true;
	c->failure_only = opts->perf.failure_only;
	c->max_events = opts->perf.max_events;
	c->calls_hidden = opts->perf.summary_only;
	if (opts->perf.summary) {
		c->perf_summary = summary_perf_new(opts->perf.errno_summary);
		if (!c->perf_summary)
			return false;
	}
	if (opts->format == OUTPUT_PERF) {
		c->perf = malloc(sizeof(*c->perf));
		if (!c->perf) {
			fprintf(stderr, "bstrace: out of memory\n");
			return false;
		}
		format_perf_init(c->perf, opts->perf.show_comm, opts->perf.full_time);
	}
	return true;
}

void consumer_add_task(struct consumer *c, uint32_t tid)
{
	task_get(c, tid);
}

static void put_prefix(struct consumer *c, struct linebuf *lb, uint32_t tid, uint64_t ts)
{
	line_reset(lb);
	/* Every line starts so: printf's "%-5u " and "[pid %5u] " were a tenth of a busy reader's time. */
	if (c->prefix == PREFIX_ALWAYS) {
		line_udec(lb, tid);
		line_pad_to(lb, 5);
		line_putc(lb, ' ');
	} else if (c->prefix == PREFIX_WHEN_MANY && c->nprocs > 1) {
		line_write(lb, "[pid ", 5);
		line_udec_right(lb, tid, 5);
		line_write(lb, "] ", 2);
	}
	time_put_prefix(lb, &c->time, ts);
}

/*
 * The head of the open line is kept back until something interrupts it,
 * the call returns, or the turn ends: a call that returns first prints as
 * one line, built whole, so no separator is left hanging when the
 * arguments after the head all turn out to be left out.
 */
static void write_pending_head(struct consumer *c)
{
	struct task *t;

	if (!c->head_pending)
		return;
	c->head_pending = false;
	if (c->head_more)
		line_write(c->head, ", ", 2);
	out_line(c->open_out, c->head);
	t = task_find(c, c->open_tid);
	if (t)
		t->open_col = c->head->len;
}

/*
 * A line of tid is about to print: a half-printed line in the same output
 * is left unfinished.  With -ff each thread has its own file, so only a
 * line of tid itself (a blocked call its signal interrupts) is.
 */
static void end_open_line(struct consumer *c, uint32_t tid)
{
	static const char unfinished[] = " <unfinished ...>\n";
	struct task *t;

	if (c->separate_base) {
		t = task_find(c, tid);
		if (t && t->line_open) {
			out_write(output_of(c, t), unfinished, sizeof(unfinished) - 1);
			t->line_open = false;
		}
		return;
	}
	if (!c->open_tid)
		return;
	write_pending_head(c);
	out_write(c->open_out, unfinished, sizeof(unfinished) - 1);
	t = task_find(c, c->open_tid);
	if (t)
		t->line_open = false;
	c->open_tid = 0;
}

/* Write text to the end of t's open line, closing it. */
static bool finish_open_line(struct consumer *c, struct task *t, const char *text, size_t n)
{
	if (!t || !t->line_open)
		return false;
	if (c->open_tid == t->tid)
		write_pending_head(c);
	out_write(output_of(c, t), text, n);
	t->line_open = false;
	if (c->open_tid == t->tid)
		c->open_tid = 0;
	return true;
}

/*
 * A call's entry: its head opens a line.  With -ff a call that returns is
 * one line in its own file, so only a blocked call (from_scan) opens one.
 */
static void print_call_enter(struct consumer *c, const struct decoded_call *call, bool from_scan)
{
	uint32_t tid = call->rec->tid;
	struct task *t = task_get(c, tid);
	int split = format_strace_split(call);
	bool any;

	/* Shown already, from the inflight map, while it blocked. */
	if (!t || (t->head_printed && t->head_enter_ns == call->rec->enter_ns))
		return;
	if (c->separate_base && !from_scan)
		return;
	end_open_line(c, tid);
	put_prefix(c, c->head, tid, call->rec->enter_ns);
	any = format_strace_head(c->head, call, split, &c->print);
	c->head_more = any && format_strace_args_follow(call, split, &c->print);
	c->head_pending = true;
	c->open_out = output_of(c, t);
	c->open_tid = tid;
	t->head_printed = true;
	t->head_enter_ns = call->rec->enter_ns;
	t->line_open = true;
	t->nr_known = true;
	t->last_nr = call->rec->nr;
	if (c->separate_base) {
		write_pending_head(c);
		c->open_tid = 0;
	}
}

static void print_call_exit(struct consumer *c, const struct decoded_call *call);

/*
 * strace's line for a call its thread died in: a call the death interrupted
 * (it returns -ERESTART*, 512..516) is its head, then " <unfinished ...>) =
 * ?"; a call that had completed (kill of itself) is its line with "= ?".
 */
static void print_call_killed(struct consumer *c, const struct decoded_call *call,
			      struct task *t, bool continued)
{
	static const char killed[] = " <unfinished ...>) = ?\n";
	const struct rec_call *rec = call->rec;

	if (!continued || rec->ret < -516 || rec->ret > -512) {
		((struct rec_call *)rec)->flags |= CALL_NO_RETURN;
		((struct rec_call *)rec)->flags &= ~CALL_KILLED;
		print_call_exit(c, call);
		return;
	}
	t->head_printed = false;
	if (finish_open_line(c, t, killed, sizeof(killed) - 1))
		return;
	end_open_line(c, rec->tid);
	put_prefix(c, &c->line, rec->tid, rec->exit_ns);
	line_puts(&c->line, "<... ");
	line_puts(&c->line, call->desc ? call->desc->name : "syscall");
	line_puts(&c->line, " resumed>");
	line_puts(&c->line, killed);
	out_line(output_of(c, t), &c->line);
}

/* The line (or its end) of a call that returned, into a line buffer. */
static struct linebuf *format_call_end(struct consumer *c, const struct decoded_call *call,
				       struct task *t, bool continued)
{
	const struct rec_call *rec = call->rec;
	int split = format_strace_split(call);
	int column = c->opts->return_column;
	struct linebuf *lb = &c->line;

	if (continued && t->line_open && c->head_pending && c->open_tid == rec->tid) {
		/* Its head is still held back: the line is built whole. */
		lb = c->head;
		c->head_pending = false;
		format_strace_tail(lb, call, split, false, c->head_more, 0, column, &c->print);
	} else if (continued && t->line_open) {
		line_reset(lb);
		format_strace_tail(lb, call, split, false, false, t->open_col, column, &c->print);
	} else if (continued) {
		end_open_line(c, rec->tid);
		put_prefix(c, lb, rec->tid, rec->exit_ns);
		format_strace_tail(lb, call, split, true, false, 0, column, &c->print);
	} else {
		end_open_line(c, rec->tid);
		put_prefix(c, lb, rec->tid, rec->enter_ns);
		format_strace_tail(lb, call, split, false,
				   format_strace_head(lb, call, split, &c->print), 0, column, &c->print);
	}
	if (t->line_open && c->open_tid == rec->tid)
		c->open_tid = 0;
	t->line_open = false;
	t->head_printed = false;
	return lb;
}

static void print_call_exit(struct consumer *c, const struct decoded_call *call)
{
	const struct rec_call *rec = call->rec;
	struct task *t = task_get(c, rec->tid);
	bool continued = t && t->head_printed && t->head_enter_ns == rec->enter_ns;
	struct linebuf *lb;

	if (!t) {
		c->malformed++;
		return;
	}
	t->nr_known = true;
	t->last_nr = rec->nr;
	if (rec->flags & CALL_KILLED) {
		print_call_killed(c, call, t, continued);
		return;
	}
	lb = format_call_end(c, call, t, continued);
	if (!(rec->flags & CALL_NO_RETURN))
		time_put_duration(lb, &c->opts->time, rec->exit_ns - rec->enter_ns);
	line_putc(lb, '\n');
	out_line(output_of(c, t), lb);
}

/* --perf and --json: their filters, summary, then one line at the call's exit. */
static void print_other_format(struct consumer *c, const struct decoded_call *call)
{
	if (c->perf_summary)
		summary_perf_add(c->perf_summary, call);
	if (c->calls_hidden || (c->max_events && c->printed >= c->max_events))
		return;
	/* perf --failure: failed calls only, so never one that did not return. */
	if (c->failure_only && ((call->rec->flags & CALL_NO_RETURN) || !RET_IS_ERROR(call->rec->ret)))
		return;
	c->printed++;
	line_reset(&c->line);
	if (c->format == OUTPUT_PERF)
		format_perf_call(&c->line, call, c->perf, &c->print);
	else
		format_json_call(&c->line, call, &c->print);
	out_line(&c->out, &c->line);
}

static bool followed_only(const struct consumer *c, int nr)
{
	return nr >= 0 && nr < SYSCALL_NR_MAX && (c->follow_only[nr / 64] >> (nr % 64) & 1);
}

static void print_call(struct consumer *c, const struct decoded_call *call,
		       enum event_kind kind, bool from_scan)
{
	bool shown;

	/* Sent for -y's fd table only: applied at its exit, never shown. */
	if (followed_only(c, call->rec->nr)) {
		if (kind != EV_ENTER)
			fdtrack_update(call);
		return;
	}

	if (c->format != OUTPUT_STRACE) {
		if (kind != EV_ENTER)
			print_other_format(c, call);
		return;
	}
	shown = path_filter_match(&c->paths, call);
	/* --folded: no call lines, only the stacks. */
	if (!c->hide_calls && shown) {
		if (kind == EV_ENTER)
			print_call_enter(c, call, from_scan);
		else
			print_call_exit(c, call);
	}
	/* -P: the fd table follows every call, printed (without -y) or not. */
	if (kind != EV_ENTER && c->paths.count &&
	    (!shown || c->hide_calls || !c->print.decode_fds))
		fdtrack_update(call);
	if (kind != EV_ENTER && c->stacks)
		stack_report_call(c->stacks, call, &c->line, &c->out);
}

/*
 * -n: before a signal or exit line, strace shows the number of the call
 * the thread made last (exit_group's 231 before "+++ exited").
 */
static void put_last_syscall_number(struct consumer *c, struct linebuf *lb, const struct task *t)
{
	if (c->print.syscall_numbers && t && t->nr_known)
		line_printf(lb, "[%4d] ", t->last_nr);
}

static void print_exit_line(struct consumer *c, struct task *t, unsigned int status, uint64_t ts)
{
	if (!(c->opts->expr.quiet & QUIET_EXIT) && !c->summary_only && !c->hide_calls) {
		end_open_line(c, t->tid);
		put_prefix(c, &c->line, t->tid, ts);
		put_last_syscall_number(c, &c->line, t);
		format_strace_exit(&c->line, status);
		out_line(output_of(c, t), &c->line);
	}
	task_remove(c, t);
}

/*
 * A leader killed by another thread's execve: that thread goes on under the
 * leader's pid, so it is the one strace stops counting, and the leader's
 * line says "superseded".
 */
static void print_superseded(struct consumer *c, struct task *leader,
			     const struct rec_proc_exit *rec)
{
	struct task *execer = task_find(c, rec->superseded_by);
	uint32_t tid = leader->tid;

	if (execer && execer != leader)
		task_remove(c, execer);
	leader = task_find(c, tid);
	if (!leader || (c->opts->expr.quiet & QUIET_THREAD_EXECVE))
		return;
	end_open_line(c, tid);
	put_prefix(c, &c->line, tid, rec->ts_ns);
	put_last_syscall_number(c, &c->line, leader);
	line_printf(&c->line, "+++ superseded by execve in pid %u +++\n", rec->superseded_by);
	out_line(output_of(c, leader), &c->line);
}

/*
 * strace reports a thread group's leader last: its exit waits for the
 * group's other threads, and it shows the group's exit status.
 */
/* --perf prints no exits; JSON has an event per thread. */
static void print_exit_other_format(struct consumer *c, const struct rec_proc_exit *rec)
{
	struct task *t = task_find(c, rec->tid);

	if (t)
		task_remove(c, t);
	if (c->format != OUTPUT_JSON || c->calls_hidden)
		return;
	line_reset(&c->line);
	format_json_exit(&c->line, rec);
	out_line(&c->out, &c->line);
}

static void print_exit(struct consumer *c, const struct rec_proc_exit *rec)
{
	struct task *t;
	struct task *leader;

	if (c->stacks)
		stack_report_exit(c->stacks, rec->tid, rec->tgid, rec->group_dead, &c->out);
	if (c->track_fds && rec->group_dead)
		fdtrack_exit(rec->tgid);
	if (c->format != OUTPUT_STRACE) {
		print_exit_other_format(c, rec);
		return;
	}
	t = task_get(c, rec->tid);

	if (!t)
		return;
	/* The open line under its pid may be the execve of the thread taking it. */
	if (rec->superseded_by) {
		print_superseded(c, t, rec);
		return;
	}
	if (t->head_printed) {
		static const char killed[] = " <unfinished ...>) = ?\n";

		finish_open_line(c, t, killed, sizeof(killed) - 1);
	}
	if (rec->tid == rec->tgid && !rec->group_dead && c->opts->follow_forks) {
		t->leader_exit_pending = true;
		return;
	}
	print_exit_line(c, t, rec->exit_code, rec->ts_ns);
	if (!rec->group_dead || rec->tid == rec->tgid)
		return;
	leader = task_find(c, rec->tgid);
	if (leader && leader->leader_exit_pending)
		print_exit_line(c, leader, rec->exit_code, rec->ts_ns);
}

static void print_fork(struct consumer *c, const struct rec_proc_fork *rec)
{
	char msg[64];
	int n;

	/* -y, -P: the child starts with its parent's fds. */
	if (c->track_fds)
		fdtrack_fork(rec->parent_tgid, rec->child_tgid);
	if (c->perf)
		format_perf_fork(c->perf, rec);
	if (c->format != OUTPUT_STRACE) {
		task_get(c, rec->child_tid);
		if (c->format != OUTPUT_JSON || c->calls_hidden)
			return;
		line_reset(&c->line);
		format_json_fork(&c->line, rec);
		out_line(&c->out, &c->line);
		return;
	}

	if (!task_get(c, rec->child_tid) || (c->opts->expr.quiet & QUIET_ATTACH) ||
	    c->summary_only)
		return;
	/*
	 * strace says it only when the trace is on stderr, and in the middle
	 * of the trace's own stream, where the fork happened.
	 */
	if (!c->trace_on_stderr)
		return;
	n = snprintf(msg, sizeof(msg), "bstrace: Process %u attached\n", rec->child_tid);
	out_write(&c->out, msg, (size_t)n);
}

static void print_signal_event(struct consumer *c, const struct rec_signal *rec)
{
	/* ptrace never sees SIGKILL delivered: the process just dies. */
	if ((rec->signo == SIGKILL && !(rec->flags & SIGNAL_IGNORED)) || c->summary_only ||
	    c->format != OUTPUT_STRACE || c->hide_calls)
		return;
	end_open_line(c, rec->tid);
	put_prefix(c, &c->line, rec->tid, rec->ts_ns);
	put_last_syscall_number(c, &c->line, task_find(c, rec->tid));
	format_signal(&c->line, rec);
	line_putc(&c->line, '\n');
	out_line(output_of(c, task_get(c, rec->tid)), &c->line);
}

static void print_lost(struct consumer *c, const struct rec_lost *rec)
{
	c->lost += rec->count;
	end_open_line(c, 0);
	line_reset(&c->line);
	if (c->format == OUTPUT_JSON)
		format_json_lost(&c->line, rec->count);
	else if (c->format == OUTPUT_PERF)
		line_printf(&c->line, "LOST %llu events!\n", (unsigned long long)rec->count);
	else
		line_printf(&c->line, "--- bstrace: %llu records lost here ---\n",
			    (unsigned long long)rec->count);
	out_line(&c->out, &c->line);
}

/* The call record rec (queued, size bytes) decoded; NULL when malformed. */
static const struct decoded_call *decode_queued(struct consumer *c, const void *rec, size_t size)
{
	int err;

	if (c->decoded_rec == rec)
		return &c->decoded;
	/* Queued short, a quarter of the room: the full layout only now. */
	if (record_expand(rec, size, c->expanded))
		err = decode_call(&c->expanded->rec, c->expanded->rec.hdr.size, &c->decoded);
	else
		err = decode_call(rec, size, &c->decoded);
	if (err) {
		c->decoded_rec = NULL;
		c->malformed++;
		return NULL;
	}
	c->decoded_rec = rec;
	return &c->decoded;
}

static void print_event(struct consumer *c, const struct event *e)
{
	const struct pending *p = &c->queue.items[e->index];
	const void *rec = queue_record(&c->queue, p);
	const struct decoded_call *call;

	switch (p->type) {
	case REC_CALL:
		call = decode_queued(c, rec, p->size);
		if (call)
			print_call(c, call, (enum event_kind)e->kind, false);
		break;
	case PENDING_INFLIGHT:
		call = decode_queued(c, rec, p->size);
		if (call)
			print_call(c, call, EV_ENTER, true);
		break;
	case REC_PROC_EXIT:
		print_exit(c, rec);
		break;
	case REC_PROC_FORK:
		print_fork(c, rec);
		break;
	case REC_SIGNAL:
		print_signal_event(c, rec);
		break;
	case REC_LOST:
		print_lost(c, rec);
		break;
	}
}

/*
 * A call whose thread then dies of SIGKILL never returns under ptrace:
 * strace prints it with "= ?".  Find such calls among the events about to
 * print (the call's exit directly followed, for its thread, by the death).
 */
static void mark_killed_calls(struct consumer *c, size_t n)
{
	struct queue *q = &c->queue;

	for (size_t i = 0; i < n; i++) {
		const struct pending *p = &q->items[q->events[i].index];
		const struct rec_proc_exit *death = queue_record(q, p);

		if (p->type != REC_PROC_EXIT || (!death->superseded_by &&
		    (!WIFSIGNALED(death->exit_code) || WTERMSIG(death->exit_code) != SIGKILL)))
			continue;
		for (size_t j = i; j-- > 0;) {
			struct pending *prev = &q->items[q->events[j].index];

			/*
			 * The SIGKILL's own delivery is not shown; a call's
			 * entry is not where the thread was (an execve that
			 * took the leader's pid enters under it).
			 */
			if (prev->tid != p->tid || prev->type == REC_SIGNAL ||
			    q->events[j].kind == EV_ENTER)
				continue;
			if (prev->type == REC_CALL && q->events[j].kind != EV_ENTER)
				((struct rec_call *)(q->arena + prev->off))->flags |= CALL_KILLED;
			break;
		}
	}
}

static bool event_followed_only(const struct consumer *c, size_t i)
{
	const struct pending *p = &c->queue.items[c->queue.events[i].index];

	return (p->type == REC_CALL || p->type == PENDING_INFLIGHT) &&
	       followed_only(c, ((const struct rec_call *)queue_record(&c->queue, p))->nr);
}

/*
 * Event i is a call's entry and event i + 1 its exit: nothing comes
 * between, so the exit prints the whole line and the entry has nothing to
 * do.  Not for a call its thread died in, whose head may end unfinished.
 */
static bool exit_follows(const struct consumer *c, size_t i, size_t n)
{
	const struct queue *q = &c->queue;
	const struct event *e = &q->events[i];
	const struct pending *p = &q->items[e->index];
	size_t next = i + 1;

	/* Calls followed for the fd table print nothing, so they come between nothing. */
	while (next < n && q->events[next].index != e->index && event_followed_only(c, next))
		next++;
	return e->kind == EV_ENTER && next < n && q->events[next].index == e->index &&
	       p->type == REC_CALL &&
	       !(((const struct rec_call *)queue_record(q, p))->flags & CALL_KILLED);
}

static void print_until(struct consumer *c, uint64_t horizon)
{
	size_t n = queue_take_events(&c->queue, horizon);

	mark_killed_calls(c, n);

	for (size_t i = 0; i < n; i++)
		if (!exit_follows(c, i, n))
			print_event(c, &c->queue.events[i]);
	queue_compact(&c->queue);
	c->decoded_rec = NULL;
}

/* The times a record is ordered by; false when it is too short to be one. */
static bool record_times(const void *data, size_t size, uint32_t *tid, uint64_t *enter,
			 uint64_t *exit, uint64_t last)
{
	const struct rec_header *hdr = data;

	*tid = 0;
	*enter = *exit = last;
	switch (hdr->type) {
	case REC_CALL: {
		const struct rec_call *r = data;

		/* A short record (CALL_COMPACT, CALL_SHORT) stays so until it is printed. */
		if (size < offsetof(struct rec_call, args) ||
		    (size < sizeof(*r) && !(r->flags & (CALL_COMPACT | CALL_SHORT))))
			return false;
		*tid = r->tid;
		*enter = r->enter_ns;
		*exit = r->exit_ns > r->enter_ns ? r->exit_ns : r->enter_ns;
		return true;
	}
	case REC_PROC_EXIT:
		if (size < sizeof(struct rec_proc_exit))
			return false;
		*tid = ((const struct rec_proc_exit *)data)->tid;
		*enter = *exit = ((const struct rec_proc_exit *)data)->ts_ns;
		return true;
	case REC_PROC_FORK:
		if (size < sizeof(struct rec_proc_fork))
			return false;
		*tid = ((const struct rec_proc_fork *)data)->parent_tid;
		*enter = *exit = ((const struct rec_proc_fork *)data)->ts_ns;
		return true;
	case REC_SIGNAL:
		if (size < sizeof(struct rec_signal))
			return false;
		*tid = ((const struct rec_signal *)data)->tid;
		*enter = *exit = ((const struct rec_signal *)data)->ts_ns;
		return true;
	case REC_LOST:
		/* No time of its own: it goes where it arrived. */
		return size >= sizeof(struct rec_lost);
	}
	return false;
}

int consumer_handle(void *ctx, void *data, size_t size)
{
	struct consumer *c = ctx;
	const struct rec_header *hdr = data;
	static uint64_t last_ts;
	uint64_t enter, exit;
	uint32_t tid;

	if (size < sizeof(*hdr) || hdr->size > size ||
	    !record_times(data, hdr->size, &tid, &enter, &exit, last_ts)) {
		c->malformed++;
		return 0;
	}
	last_ts = exit;
	/* Full: print what is queued in the best order known, then go on. */
	if (!queue_has_room(&c->queue, hdr->size))
		print_until(c, UINT64_MAX);
	if (!queue_push(&c->queue, data, hdr->size, (uint16_t)hdr->type, tid, enter, exit))
		c->malformed++;
	return 0;
}

/*
 * The first call of tid that returns at or after ts, or its death: where
 * ptrace would have delivered a signal sent at ts.  0 when not known yet.
 */
static uint64_t next_return(const struct queue *q, uint32_t tid, uint64_t ts)
{
	uint64_t best = 0;

	for (size_t j = 0; j < q->count; j++) {
		const struct pending *p = &q->items[j];
		uint64_t at;

		if (p->tid != tid || (p->type != REC_CALL && p->type != REC_PROC_EXIT))
			continue;
		/* After a call's exit; before a death's exit line. */
		at = p->type == REC_CALL ? p->exit_ns + 1 : p->exit_ns - 1;
		if (p->exit_ns >= ts && (!best || at < best))
			best = at;
	}
	return best;
}

/*
 * A signal reported when it was sent (SIGNAL_AT_RETURN: the kernel dropped
 * it as ignored, or made it a group exit at once) is shown by strace when
 * its thread next returns to user space, after the call it was in or made
 * next, or before its death: move it there, and print nothing after it
 * until that is known (for a thread that makes no call, a second at most).
 * Returns the horizon.
 */
static uint64_t place_ignored_signals(struct consumer *c, uint64_t horizon, uint64_t now_ns)
{
	struct queue *q = &c->queue;

	for (size_t i = 0; i < q->count; i++) {
		struct pending *sig = &q->items[i];
		const struct rec_signal *rec = queue_record(q, sig);
		uint64_t at;

		if (sig->type != REC_SIGNAL || sig->done || sig->placed ||
		    !(rec->flags & SIGNAL_AT_RETURN))
			continue;
		at = next_return(q, sig->tid, sig->enter_ns);
		if (at) {
			sig->enter_ns = sig->exit_ns = at;
			sig->placed = true;
		} else if (sig->enter_ns + SIGNAL_WAIT_NS > now_ns && sig->enter_ns <= horizon) {
			horizon = sig->enter_ns - 1;
		} else {
			sig->placed = true;
		}
	}
	return horizon;
}

/* A blocked call's head, with its inputs read from the process now. */
static void queue_inflight(struct consumer *c, const struct inflight_call *f)
{
	static union {
		struct rec_call rec;
		uint8_t bytes[sizeof(struct rec_call) + 2 * REC_PATH_MAX];
	} buf;
	struct rec_call *rec = &buf.rec;
	struct decoded_call call;
	size_t size;

	memset(rec, 0, sizeof(*rec));
	rec->hdr.type = REC_CALL;
	rec->hdr.size = sizeof(*rec);
	rec->tid = f->tid;
	rec->nr = f->nr;
	rec->enter_ns = rec->exit_ns = f->enter_ns;
	memcpy(rec->args, f->args, sizeof(rec->args));
	for (int i = 0; i < REC_SLOTS; i++)
		rec->blob[i].off = REC_BLOB_NONE;
	if (decode_call(rec, sizeof(*rec), &call))
		return;
	size = sizeof(*rec) + peek_head_args((pid_t)f->tid, rec, format_strace_split(&call),
					     sizeof(buf) - sizeof(*rec), c->print.max_strlen);
	rec->hdr.size = (uint32_t)size;
	if (queue_has_room(&c->queue, size))
		queue_push(&c->queue, rec, size, PENDING_INFLIGHT, f->tid, f->enter_ns,
			   f->enter_ns);
}

void consumer_tick(struct consumer *c, uint64_t now_ns, const struct inflight_call *inflight,
		   size_t ninflight)
{
	uint64_t horizon = now_ns > c->margin_ns ? now_ns - c->margin_ns : 0;

	/* A summary prints no calls, so none blocked: -c leaves their arguments unread. */
	if (c->summary_only || c->calls_hidden)
		ninflight = 0;
	for (size_t i = 0; i < ninflight; i++) {
		const struct inflight_call *f = &inflight[i];
		struct task *t = task_find(c, f->tid);

		if ((t && t->head_printed && t->head_enter_ns == f->enter_ns) ||
		    f->enter_ns > horizon)
			continue;
		if (now_ns - f->enter_ns >= c->blocked_ns) {
			queue_inflight(c, f);
		} else if (now_ns - f->enter_ns < BLOCKED_NS) {
			/* A short call: wait for its record, which has its memory. */
			horizon = f->enter_ns - 1;
		}
		/*
		 * Else a call whose head is not to show yet (--min-duration, -z,
		 * -Z): the trace goes on without it.
		 */
	}
	horizon = place_ignored_signals(c, horizon, now_ns);
	print_until(c, horizon);
	/* A call still open at the end of the turn is blocked: show its head. */
	write_pending_head(c);
}

bool consumer_flush(struct consumer *c)
{
	bool ok = out_flush(&c->out);

	for (size_t i = 0; c->separate_base && i < c->tasks_capacity; i++)
		if (c->tasks[i].tid && c->tasks[i].out)
			ok &= out_flush(&c->tasks[i].out->buf);
	return ok;
}

void consumer_detach_all(struct consumer *c)
{
	static const char detached[] = " <detached ...>\n";

	print_until(c, UINT64_MAX);
	write_pending_head(c);
	for (size_t i = 0; i < c->tasks_capacity; i++)
		finish_open_line(c, &c->tasks[i], detached, sizeof(detached) - 1);
	consumer_flush(c);
	for (size_t i = 0; i < c->tasks_capacity; i++)
		if (c->tasks[i].tid && !(c->opts->expr.quiet & QUIET_ATTACH))
			fprintf(stderr, "bstrace: Process %u detached\n", c->tasks[i].tid);
}

/* --perf's summary; frees the format's state. */
static void finish_other_format(struct consumer *c)
{
	if (c->perf_summary) {
		summary_perf_print(c->perf_summary, &c->out);
		if (summary_perf_dropped(c->perf_summary))
			fprintf(stderr, "bstrace: %llu calls left out of the summary (too many threads)\n",
				(unsigned long long)summary_perf_dropped(c->perf_summary));
		summary_perf_free(c->perf_summary);
		c->perf_summary = NULL;
	}
	free(c->perf);
	c->perf = NULL;
}

void consumer_finish(struct consumer *c)
{
	place_ignored_signals(c, UINT64_MAX, 0);
	print_until(c, UINT64_MAX);
	write_pending_head(c);
	end_open_line(c, 0);
	/* Leaders whose threads were not traced to the end. */
	for (size_t i = 0; i < c->tasks_capacity; i++) {
		struct task *t = &c->tasks[i];

		if (t->tid && t->leader_exit_pending) {
			print_exit_line(c, t, 0, 0);
			i--;	/* the table shifted into this slot */
		}
	}
	finish_other_format(c);
	consumer_flush(c);
}

void consumer_free(struct consumer *c)
{
	for (size_t i = 0; c->tasks && i < c->tasks_capacity; i++)
		close_output(c->tasks[i].out);
	path_filter_free(&c->paths);
	free(c->tasks);
	free(c->head);
	free(c->expanded);
	c->tasks = NULL;
	c->head = NULL;
	c->expanded = NULL;
	queue_free(&c->queue);
}
