/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Output files (-o, --flamegraph) opened without trusting planted links. */
#ifndef BSTRACE_OUTPUT_FILE_H
#define BSTRACE_OUTPUT_FILE_H

#include <stdbool.h>

/*
 * Open path for writing, created 0644, truncated (or appended to with
 * append): an fd, or -1 after a one-line message on stderr.
 */
int output_file_open(const char *path, bool append);

#endif
