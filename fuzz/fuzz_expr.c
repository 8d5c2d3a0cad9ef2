// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * libFuzzer target: one -e expression (trace=, and whatever qualifiers the
 * parser knows), given through the command line so the target follows the
 * parser wherever it lives.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "options.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct options opts;
	char *expr = malloc(size + 1);
	char *argv[] = { "bstrace", "-e", expr, "true", NULL };

	if (!expr)
		return 0;
	memcpy(expr, data, size);
	expr[size] = '\0';
	/* Told to run, the caller must have something to trace. */
	if (options_parse(&opts, 4, argv) == PARSE_RUN && (opts.command ? !opts.command[0] :
				   !opts.nattach && !opts.comm && !opts.cgroup_path))
		abort();
	free(expr);
	return 0;
}
