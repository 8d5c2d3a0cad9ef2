// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * perf trace 6.1's line layout (builtin-trace.c): a head with the time in
 * milliseconds, the duration and comm/tid, then "name(arg: value, ...)"
 * padded so that "= " starts 70 columns after the head.
 */
#include <string.h>

#include "errnames.h"
#include "format.h"
#include "printers_perf.h"

#define PERF_ARGS_ALIGNMENT 70

void format_perf_init(struct perf_format *pf, bool show_comm, bool full_time)
{
	memset(pf, 0, sizeof(*pf));
	pf->show_comm = show_comm;
	pf->full_time = full_time;
	printers_perf_init();
}

static void remember_comm(struct perf_format *pf, uint32_t tid, const char *comm)
{
	size_t slot = tid % PERF_COMM_SLOTS;

	pf->comms[slot].tid = tid;
	memcpy(pf->comms[slot].comm, comm, REC_COMM_LEN);
	pf->comms[slot].comm[REC_COMM_LEN - 1] = '\0';
}

static const char *known_comm(const struct perf_format *pf, uint32_t tid)
{
	size_t slot = tid % PERF_COMM_SLOTS;

	return pf->comms[slot].tid == tid && pf->comms[slot].comm[0] ? pf->comms[slot].comm : NULL;
}

void format_perf_fork(struct perf_format *pf, const struct rec_proc_fork *rec)
{
	remember_comm(pf, rec->child_tid, rec->comm);
}

/* "%.14s" of a name that may fill its 16 bytes without a NUL. */
static void put_comm(struct linebuf *lb, const char *comm)
{
	line_write(lb, comm, strnlen(comm, 14));
}

/* Milliseconds with three decimals, right-aligned in width. */
static void put_msec(struct linebuf *lb, uint64_t ns, int width)
{
	line_printf(lb, "%*.3f", width, (double)ns / 1e6);
}

static void put_head(struct linebuf *lb, const struct decoded_call *call,
		     struct perf_format *pf)
{
	const struct rec_call *rec = call->rec;

	if (!pf->base_ns && !pf->full_time)
		pf->base_ns = rec->enter_ns;
	put_msec(lb, rec->enter_ns - (pf->full_time ? 0 : pf->base_ns), 10);
	line_write(lb, " (", 2);
	if (rec->flags & CALL_NO_RETURN) {
		line_write(lb, "         ", 9);
	} else {
		put_msec(lb, rec->exit_ns - rec->enter_ns, 6);
		line_write(lb, " ms", 3);
	}
	line_write(lb, "): ", 3);
	if (pf->show_comm) {
		put_comm(lb, rec->comm);
		line_putc(lb, '/');
	}
	line_udec(lb, rec->tid);
	line_putc(lb, ' ');
}

static void put_name(struct linebuf *lb, const struct decoded_call *call)
{
	if (call->desc) {
		line_puts(lb, call->desc->name);
		return;
	}
	line_puts(lb, "syscall_");
	line_dec(lb, call->rec->nr);
}

static void put_args(struct linebuf *lb, const struct decoded_call *call,
		     const struct print_opts *opts)
{
	bool first = true;

	for (int i = 0; i < call->nargs; i++) {
		size_t mark = lb->len;

		if (!first)
			line_write(lb, ", ", 2);
		if (call->desc && call->desc->args[i].name) {
			line_puts(lb, call->desc->args[i].name);
		} else {
			line_puts(lb, "arg");
			line_dec(lb, i);
		}
		line_write(lb, ": ", 2);
		if (perf_print_value(lb, call, i, opts))
			first = false;
		else
			lb->len = mark;
	}
}

static void put_return(struct linebuf *lb, const struct decoded_call *call,
		       const struct perf_format *pf)
{
	int64_t ret = call->rec->ret;
	const struct xlat *table;
	enum ret_kind kind = decode_ret_kind(call, &table);
	const char *comm;

	if (call->rec->flags & CALL_NO_RETURN || kind == RET_NONE) {
		line_putc(lb, '?');
		return;
	}
	if (RET_IS_ERROR(ret)) {
		const char *name = errno_name((int)-ret);

		line_write(lb, "-1 ", 3);
		if (name)
			line_puts(lb, name);
		else
			line_dec(lb, -ret);
		line_write(lb, " (", 2);
		line_puts(lb, strerror((int)-ret));
		line_putc(lb, ')');
		return;
	}
	/* The table's return kinds say which calls return ready counts and pids. */
	if (ret == 0 && kind == RET_READY) {
		line_puts(lb, "0 (Timeout)");
		return;
	}
	if (kind == RET_HEX) {
		line_hex(lb, (uint64_t)ret);
		return;
	}
	if (perf_print_ret_value(lb, kind, table, ret))
		return;
	line_dec(lb, ret);
	if (ret > 0 && kind == RET_PID &&
	    (comm = known_comm(pf, (uint32_t)ret)) != NULL) {
		line_write(lb, " (", 2);
		put_comm(lb, comm);
		line_putc(lb, ')');
	}
}

void format_perf_call(struct linebuf *lb, const struct decoded_call *call,
		      struct perf_format *pf, const struct print_opts *opts)
{
	size_t start;

	remember_comm(pf, call->rec->tid, call->rec->comm);
	put_head(lb, call, pf);
	start = lb->len;
	put_name(lb, call);
	line_putc(lb, '(');
	put_args(lb, call, opts);
	line_putc(lb, ')');
	/* perf pads to the alignment, and always writes one space. */
	if (lb->len - start < PERF_ARGS_ALIGNMENT)
		line_pad_to(lb, start + PERF_ARGS_ALIGNMENT);
	else
		line_putc(lb, ' ');
	line_write(lb, "= ", 2);
	put_return(lb, call, pf);
	line_putc(lb, '\n');
}
