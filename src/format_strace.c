// SPDX-License-Identifier: GPL-2.0-or-later
#include <sys/wait.h>

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
			const struct print_opts *opts)
{
	bool first = true;

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
	if (lb->len < RETURN_COLUMN)
		line_pad_to(lb, RETURN_COLUMN);
	else
		line_putc(lb, ' ');
	print_return(lb, call);
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
