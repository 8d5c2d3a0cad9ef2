// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * libFuzzer target: the command line.  The input is split at NUL bytes
 * into up to MAX_ARGS arguments after "bstrace"; options_parse must accept
 * or refuse each with a message, never crash or read out of bounds.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "options.h"

#define MAX_ARGS	32

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *argv[MAX_ARGS + 2];
	struct options opts;
	char *copy = malloc(size + 1);
	int argc = 1;

	if (!copy)
		return 0;
	memcpy(copy, data, size);
	copy[size] = '\0';
	argv[0] = "bstrace";
	for (char *p = copy; argc <= MAX_ARGS && p <= copy + size; p += strlen(p) + 1)
		argv[argc++] = p;
	argv[argc] = NULL;
	/* Told to run, the caller must have something to trace. */
	if (options_parse(&opts, argc, argv) == PARSE_RUN && (opts.command ? !opts.command[0] :
				   !opts.nattach && !opts.comm && !opts.cgroup_path))
		abort();
	free(copy);
	return 0;
}
