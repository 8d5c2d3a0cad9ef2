/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * -P PATH: only the calls that name PATH or use an fd open on it.  Decided
 * in the reader: the path arguments are in the record, and what each fd
 * refers to is in the fd table the -y decoder keeps (fdtrack.h).
 */
#ifndef BSTRACE_PATHTRACE_H
#define BSTRACE_PATHTRACE_H

#include <stdbool.h>

#include "decode.h"
#include "options.h"

struct path_filter {
	const char *paths[2 * MAX_TRACE_PATHS];	/* as given, and resolved */
	char *resolved[MAX_TRACE_PATHS];
	int count;
};

/*
 * The -P paths, each also as realpath(3) resolves it (with strace's
 * message, unless quiet=path-resolution).  false when out of memory.
 */
bool path_filter_init(struct path_filter *f, const struct options *opts);
void path_filter_free(struct path_filter *f);
/* Whether call touches one of the paths (always, with no -P). */
bool path_filter_match(const struct path_filter *f, const struct decoded_call *call);

#endif
