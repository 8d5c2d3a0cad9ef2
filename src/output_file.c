// SPDX-License-Identifier: GPL-2.0-or-later
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "output_file.h"

/*
 * A symbolic link in the output's place is followed only when it is ours
 * or root's (/dev/stdout, /proc/self/fd/N): one planted by another user in
 * a shared directory such as /tmp would have us truncate its target.
 * O_NOFOLLOW covers a link planted after the check.
 */
int output_file_open(const char *path, bool append)
{
	int flags = O_WRONLY | O_CREAT | O_CLOEXEC | O_NOFOLLOW | (append ? O_APPEND : O_TRUNC);
	struct stat st;
	int fd;

	if (!lstat(path, &st) && S_ISLNK(st.st_mode)) {
		if (st.st_uid != 0 && st.st_uid != geteuid()) {
			fprintf(stderr, "bstrace: Can't fopen '%s': a symbolic link owned by "
				"another user (not followed)\n", path);
			return -1;
		}
		flags &= ~O_NOFOLLOW;
	}
	fd = open(path, flags, 0644);
	if (fd < 0)
		fprintf(stderr, "bstrace: Can't fopen '%s': %s\n", path, strerror(errno));
	return fd;
}
