// SPDX-License-Identifier: GPL-2.0-or-later
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "consumer.h"
#include "decode.h"
#include "errnames.h"
#include "fdtrack.h"
#include "format.h"
#include "stack_report.h"

void consumer_init(struct consumer *c, int fd, const struct print_opts *print,
		   bool follow_forks, pid_t leader)
{
	memset(c, 0, offsetof(struct consumer, out));
	out_init(&c->out, fd);
	line_reset(&c->line);
	c->print = *print;
	c->follow_forks = follow_forks;
	c->summary_only = false;
	c->leader = leader;
	c->processes = 1;
	c->lost = 0;
	c->malformed = 0;
	print_set_xlat_style(print->xlat_style);
	/* -y: the fds the command starts with, read from /proc this once. */
	if (print->decode_fds && fdtrack_init(leader)) {
		fprintf(stderr, "bstrace: -y: no memory for the fd table, fds print bare\n");
		c->print.decode_fds = 0;
	}
	c->format = OUTPUT_STRACE;
	c->perf = NULL;
	c->perf_summary = NULL;
	c->calls_hidden = false;
	c->failure_only = false;
	c->max_events = 0;
	c->printed = 0;
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

void consumer_finish(struct consumer *c)
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

/* strace marks lines of other processes once it follows more than one. */
static void put_prefix(struct consumer *c, uint32_t tid)
{
	line_reset(&c->line);
	if (c->follow_forks && (pid_t)tid != c->leader) {
		line_puts(&c->line, "[pid ");
		line_printf(&c->line, "%5u", tid);
		line_puts(&c->line, "] ");
	}
}

/* --perf and --json: their filters, summary, then one line. */
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

static void handle_call(struct consumer *c, const void *data, size_t size)
{
	struct decoded_call call;

	if (decode_call(data, size, &call)) {
		c->malformed++;
		return;
	}
	if (c->format != OUTPUT_STRACE) {
		print_other_format(c, &call);
		return;
	}
	if (!c->hide_calls) {
		put_prefix(c, call.rec->tid);
		format_strace_call(&c->line, &call, &c->print);
		out_line(&c->out, &c->line);
	}
	if (c->stacks)
		stack_report_call(c->stacks, &call, &c->line, &c->out);
}

static void handle_fork(struct consumer *c, const struct rec_proc_fork *rec)
{
	if (c->perf)
		format_perf_fork(c->perf, rec);
	if (c->format != OUTPUT_JSON || c->calls_hidden)
		return;
	line_reset(&c->line);
	format_json_fork(&c->line, rec);
	out_line(&c->out, &c->line);
}

static void handle_exit(struct consumer *c, const struct rec_proc_exit *rec)
{
	if (c->format != OUTPUT_STRACE) {
		/* perf prints no exits; JSON has an event per thread. */
		if (c->format == OUTPUT_JSON && !c->calls_hidden) {
			line_reset(&c->line);
			format_json_exit(&c->line, rec);
			out_line(&c->out, &c->line);
		}
		return;
	}
	if (rec->group_dead && !c->hide_calls && !c->summary_only) {
		put_prefix(c, rec->tgid);
		format_strace_exit(&c->line, rec->exit_code);
		out_line(&c->out, &c->line);
	}
	if (c->stacks)
		stack_report_exit(c->stacks, rec->tid, rec->tgid, rec->group_dead, &c->out);
}

static void handle_lost(struct consumer *c, const struct rec_lost *rec)
{
	c->lost += rec->count;
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

int consumer_handle(void *ctx, void *data, size_t size)
{
	struct consumer *c = ctx;
	const struct rec_header *hdr = data;

	if (size < sizeof(*hdr) || hdr->size > size) {
		c->malformed++;
		return 0;
	}
	switch (hdr->type) {
	case REC_CALL:
		handle_call(c, data, size);
		break;
	case REC_PROC_EXIT:
		if (size >= sizeof(struct rec_proc_exit))
			handle_exit(c, data);
		break;
	case REC_PROC_FORK:
		c->processes++;
		if (c->print.decode_fds && size >= sizeof(struct rec_proc_fork))
			fdtrack_fork(((const struct rec_proc_fork *)data)->parent_tgid,
				     ((const struct rec_proc_fork *)data)->child_tgid);
		if (size >= sizeof(struct rec_proc_fork))
			handle_fork(c, data);
		break;
	case REC_LOST:
		if (size >= sizeof(struct rec_lost))
			handle_lost(c, data);
		break;
	default:
		c->malformed++;
		break;
	}
	return 0;
}
