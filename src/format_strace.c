// SPDX-License-Identifier: GPL-2.0-or-later
#include <sys/wait.h>

#include "fdtrack.h"
#include "format.h"

/* strace's -a default: the return value starts at this column. */
#define RETURN_COLUMN 40

static void print_name(struct linebuf *lb, const struct decoded_call *call)
{
	line_puts(lb, call->desc ? call->desc->name : syscall_display_name(call->rec->nr));
}

/* The generator found it, from kinds.def (syscall_desc.split). */
int format_strace_split(const struct decoded_call *call)
{
	return call->desc ? call->desc->split : call->nargs;
}

bool format_strace_args_follow(const struct decoded_call *call, int first,
			       const struct print_opts *opts)
{
	if (!call->desc || opts->raw)
		return first < call->nargs;
	for (int i = first; i < call->nargs; i++) {
		const struct syscall_arg *desc = decode_arg_desc(call, i);

		if (desc && desc->kind != KIND_SKIP && desc->kind != KIND_HIDDEN)
			return true;
	}
	return false;
}

/*
 * Arguments first..last-1, comma-separated (and after one, when after
 * says arguments were printed before); whether any was printed.
 */
static bool print_args(struct linebuf *lb, const struct decoded_call *call, int first, int last,
		       bool after, const struct print_opts *opts)
{
	bool any = after;

	for (int i = first; i < last; i++) {
		size_t mark = lb->len;

		if (any)
			line_write(lb, ", ", 2);
		if (print_arg(lb, call, i, opts))
			any = true;
		else
			lb->len = mark;
	}
	return any;
}

/* The options for this call: -e raw=/abbrev=/verbose= select per syscall. */
static void call_opts(struct print_opts *opts, const struct print_opts *all_opts,
		      const struct decoded_call *call)
{
	print_opts_for_call(opts, all_opts, call->rec->nr);
	opts->call = call;
}

bool format_strace_head(struct linebuf *lb, const struct decoded_call *call, int split,
			const struct print_opts *all_opts)
{
	struct print_opts opts_storage;
	const struct print_opts *opts = &opts_storage;

	call_opts(&opts_storage, all_opts, call);
	/* -n: strace's "[ 257] " before the name. */
	if (opts->syscall_numbers)
		line_printf(lb, "[%4d] ", call->rec->nr);
	print_name(lb, call);
	line_putc(lb, '(');
	return print_args(lb, call, 0, split, false, opts);
}

void format_strace_tail(struct linebuf *lb, const struct decoded_call *call, int split,
			bool resumed, bool after_args, size_t written, int column,
			const struct print_opts *all_opts)
{
	struct print_opts opts_storage;
	const struct print_opts *opts = &opts_storage;

	call_opts(&opts_storage, all_opts, call);
	if (resumed) {
		line_puts(lb, "<... ");
		print_name(lb, call);
		line_puts(lb, " resumed>");
	}
	print_args(lb, call, split, call->nargs, after_args && !resumed, opts);
	line_putc(lb, ')');
	/* -y: what the call did to the process's fds shows from its return on. */
	if (opts->decode_fds)
		fdtrack_update(call);
	if (written + lb->len < (size_t)column)
		line_pad_to(lb, (size_t)column - written);
	else
		line_putc(lb, ' ');
	print_return(lb, call, opts);
}

void format_strace_call(struct linebuf *lb, const struct decoded_call *call,
			const struct print_opts *opts)
{
	int split = format_strace_split(call);
	bool any = format_strace_head(lb, call, split, opts);

	format_strace_tail(lb, call, split, false, any, 0, RETURN_COLUMN, opts);
	line_putc(lb, '\n');
}

void format_strace_exit(struct linebuf *lb, unsigned int status)
{
	if (WIFSIGNALED(status)) {
		line_puts(lb, "+++ killed by ");
		print_signal_name(lb, WTERMSIG(status));
		if (WCOREDUMP(status))
			line_puts(lb, " (core dumped)");
		line_puts(lb, " +++\n");
		return;
	}
	line_puts(lb, "+++ exited with ");
	line_dec(lb, WEXITSTATUS(status));
	line_puts(lb, " +++\n");
}
