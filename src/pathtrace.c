// SPDX-License-Identifier: GPL-2.0-or-later
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fdtrack.h"
#include "pathtrace.h"

bool path_filter_init(struct path_filter *f, const struct options *opts)
{
	memset(f, 0, sizeof(*f));
	for (int i = 0; i < opts->ntrace_paths; i++) {
		const char *path = opts->trace_paths[i];
		char *resolved = realpath(path, NULL);

		f->paths[f->count++] = path;
		if (!resolved || !strcmp(resolved, path)) {
			free(resolved);
			continue;
		}
		if (!(opts->expr.quiet & QUIET_PATH_RESOLUTION))
			fprintf(stderr, "bstrace: Requested path \"%s\" resolved into \"%s\"\n",
				path, resolved);
		f->resolved[i] = resolved;
		f->paths[f->count++] = resolved;
	}
	return true;
}

void path_filter_free(struct path_filter *f)
{
	for (int i = 0; i < MAX_TRACE_PATHS; i++)
		free(f->resolved[i]);
	memset(f, 0, sizeof(*f));
}

static bool is_selected_path(const struct path_filter *f, const char *s, size_t n)
{
	for (int i = 0; i < f->count; i++)
		if (strlen(f->paths[i]) == n && !memcmp(f->paths[i], s, n))
			return true;
	return false;
}

/* A path argument, as the kernel side read it (at entry or at exit). */
static bool path_arg_matches(const struct path_filter *f, const struct decoded_call *call, int i)
{
	const struct arg_value *arg = &call->args[i];
	const struct captured *mem = call->desc->args[i].at_entry ? &arg->entry : &arg->mem;

	return captured_ok(mem) && !mem->truncated &&
	       is_selected_path(f, (const char *)mem->data, (size_t)mem->len);
}

static bool fd_arg_matches(const struct path_filter *f, const struct decoded_call *call, int i)
{
	int fd = (int)call->args[i].raw;
	const char *path;

	if (fd < 0)
		return false;
	path = fdtrack_path(call->rec->tgid, fd);
	return path && is_selected_path(f, path, strlen(path));
}

bool path_filter_match(const struct path_filter *f, const struct decoded_call *call)
{
	if (!f->count)
		return true;
	if (!call->desc)
		return false;
	for (int i = 0; i < call->nargs; i++) {
		switch (call->desc->args[i].kind) {
		case KIND_PATH:
			if (path_arg_matches(f, call, i))
				return true;
			break;
		case KIND_FD:
		case KIND_DIRFD:
			if (fd_arg_matches(f, call, i))
				return true;
			break;
		default:
			break;
		}
	}
	return false;
}
