// SPDX-License-Identifier: GPL-2.0-or-later
#include <sys/wait.h>

#include "fdtrack.h"
#include "format.h"

/* strace's -a default: the return value starts at this column. */
#define RETURN_COLUMN 40

static void print_name(struct linebuf *lb, const struct decoded_call *call)
{
	if (call->desc) {
		line_puts(lb, call->desc->name);
		return;
	}
	/* A number nobody describes prints as strace 6.1 prints it. */
	line_puts(lb, "syscall_");
	line_hex(lb, (uint32_t)call->rec->nr);
	if (!call->rec->nr)
		line_puts(lb, "x0");
}

void format_strace_call(struct linebuf *lb, const struct decoded_call *call,
			const struct print_opts *all_opts)
{
	struct print_opts opts_storage;
	const struct print_opts *opts = &opts_storage;
	bool first = true;

	print_opts_for_call(&opts_storage, all_opts, call->rec->nr);
	opts_storage.call = call;
	/* -n: strace's "[ 257] " before the name. */
	if (opts->syscall_numbers)
		line_printf(lb, "[%4d] ", call->rec->nr);
	print_name(lb, call);
	line_putc(lb, '(');
	for (int i = 0; i < call->nargs; i++) {
		size_t mark = lb->len;

		if (!first)
			line_write(lb, ", ", 2);
		if (print_arg(lb, call, i, opts))
			first = false;
		else
			lb->len = mark;
	}
	line_putc(lb, ')');
	/* -y: what the call did to the process's fds shows from its return on. */
	if (opts->decode_fds)
		fdtrack_update(call);
	if (lb->len < RETURN_COLUMN)
		line_pad_to(lb, RETURN_COLUMN);
	else
		line_putc(lb, ' ');
	print_return(lb, call, opts);
	line_putc(lb, '\n');
}

void format_strace_exit(struct linebuf *lb, unsigned int status)
{
	if (WIFSIGNALED(status)) {
		line_puts(lb, "+++ killed by ");
		print_signal(lb, WTERMSIG(status));
		if (WCOREDUMP(status))
			line_puts(lb, " (core dumped)");
		line_puts(lb, " +++\n");
		return;
	}
	line_puts(lb, "+++ exited with ");
	line_dec(lb, WEXITSTATUS(status));
	line_puts(lb, " +++\n");
}
