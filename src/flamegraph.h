/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * A self-contained SVG flame graph of folded stacks (syscall time): one
 * box per frame, as wide as the time spent under it, callers below
 * callees, the syscall on top; hover titles give the time and share, and
 * a small script searches frames by regular expression.
 */
#ifndef BSTRACE_FLAMEGRAPH_H
#define BSTRACE_FLAMEGRAPH_H

#include <stdbool.h>

#include <stdio.h>

#include "folded.h"

/*
 * Write the SVG to out (opened by the caller before tracing, closed here;
 * path names it in messages); false after a one-line message on stderr.
 */
bool flamegraph_write(const struct folded *f, FILE *out, const char *path, const char *title);

#endif
