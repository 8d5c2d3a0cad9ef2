/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Output formats: each prints decoded calls and process events as lines. */
#ifndef BSTRACE_FORMAT_H
#define BSTRACE_FORMAT_H

#include "decode.h"
#include "outbuf.h"
#include "printers.h"

/* strace 6.1 lines: "name(args) = ret", the " = " at column 40. */
void format_strace_call(struct linebuf *lb, const struct decoded_call *call,
			const struct print_opts *opts);
/* "+++ exited with N +++" or "+++ killed by SIGX (core dumped) +++". */
void format_strace_exit(struct linebuf *lb, unsigned int wait_status);

#endif
